"""Questions: a partner's contact asks (about one of its deals at most), ops answer, the contact is mailed.

``routes``, ``models``, ``forms``; ``asking`` (one question per form, ops mailed in the same
transaction), ``following`` (a partner's list and page), ``answering`` (the console's queue and
answer); ``audit_actions``.
"""
