"""Training: modules with a quiz for each partner role, certificates that expire, the rights a current
certificate opens, authoring and the report in the console.

``routes``, ``models``, ``forms``; ``learning`` (a contact's modules and where they stand),
``grading`` (a quiz marked on the server), ``certificates`` (a contact's own and the public check),
``rights`` (what a current certificate opens: other features ask it), ``expiry`` (the daily job),
``nudges`` (engagement's reminders to renew), ``authoring``, ``report``; ``pages`` (a partner's
module page) and ``module_pages`` (the console's form); ``audit_actions``.
"""
