"""Access review: every contact and admin with their role, partner, status and last activity, and the record
of who reviewed it when; beside it the role table, what each role may do, rendered from the matrix.

``routes``, ``forms``; ``review`` (the review's list and its completion); ``audit_actions``.
"""
