"""Partners: the tenant's partners and their contacts, as the console manages them.

``routes``, ``forms``; ``directory`` (partners created, edited, listed, searched and named, which every
feature's console pages read); ``contacts`` (a contact's role and status, and ending their sessions, at
once); ``invites`` (inviting a contact, and inviting again); ``audit_actions``.
"""
