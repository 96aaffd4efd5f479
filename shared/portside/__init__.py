"""Portside: the shared layer every Lambda handler stands on.

Layers, importing downward only: ``web`` -> ``domain`` -> ``data``; ``auth``,
``mail`` and ``audit`` sit beside ``domain``; ``config``, ``errors``,
``clock`` and ``observability`` are leaves that everything may import.
"""
