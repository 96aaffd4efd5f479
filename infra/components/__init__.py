"""The stack's parts, one construct per file; ``infra/stack.py`` composes them."""
