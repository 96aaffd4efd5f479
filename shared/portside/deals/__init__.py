"""Deals: a partner registers an opportunity, ops approve or reject it beside any other partner's
registration of the same customer, and an approved deal is protected for a time.

``routes``, ``models``, ``forms``; ``registering`` (one registration per form, conflicts flagged),
``following`` (a partner's list and page), ``review`` (the console's queue and decision),
``customers`` (the key two registrations are compared by), ``protection`` (the daily job);
``audit_actions``.
"""
