"""The console's admins: who may open the console of a tenant, as which role, and which of the company's
identity provider groups open it.

``routes``, ``forms``; ``membership`` (giving a person the console: a membership, and a pool user if there
is none); ``managing`` (the owner's changes: role, disabled, removed; sessions end at once);
``group_roles`` (groups mapped to roles, single sign-on only); ``pages``, ``group_pages`` (the two pages'
contexts); ``audit_actions``.
"""
