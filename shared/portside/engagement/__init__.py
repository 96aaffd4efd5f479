"""Engagement: the contacts invited who never signed in, those not seen for 90 days, the certificates about
to expire, and a nudge for each.

``routes``, ``forms``; ``nudging`` (the two lists and the nudge; the certificates' list and nudge are
training's, ``training.nudges``); ``audit_actions``.
"""
