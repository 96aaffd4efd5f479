"""Partner sign-in: a magic link or a six-digit code by mail, never a password.

``routes``, ``forms``; ``asking`` (asking for a link: the same work for known and unknown addresses, limited per
address and per client; the stream's worker and the sweeper fulfil it); ``links`` (the one-use links and
codes, also handed out by invites, nudges and parked mail); ``spending`` (a link or code spent opens a
session); ``audit_actions``.
"""
