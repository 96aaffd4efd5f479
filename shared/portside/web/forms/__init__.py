"""Pydantic models for every form, one module per area: ``base`` (``parse_form``, the common field types),
``sign_in``, ``console``, ``deals``, ``questions``, ``documents``, ``imports``, ``requests`` and ``training``.

A handler imports the module of its own area, never this package's whole: a route pays the import
of its own forms only (and a page that takes no form, of none).
"""

AREAS = ("base", "sign_in", "console", "deals", "questions", "documents", "imports", "requests", "training")
