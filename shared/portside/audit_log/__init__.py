"""The audit log: every recorded action, read newest first by date, actor, action or target, in names
rather than ids, and exported as CSV. (Recording an event is ``portside.audit``, which every feature calls.)

``routes``, ``forms``; ``reading`` (the filtered pages and the export), ``names`` (every feature's
actions gathered in one place, and the names of the people and records an event points at);
``audit_actions``.
"""
