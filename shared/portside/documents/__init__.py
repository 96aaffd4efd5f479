"""Documents: spaces that say which partners and roles may see them, documents uploaded into them
(checked by content, versioned), the partners' library, audited one-minute downloads, and the mail
that announces a new document.

``routes``, ``models``, ``forms``; ``spaces`` (who may see what), ``library`` (upload, archive,
the partners' shelves, downloads), ``announcements`` (the mail to the readers, by the worker);
``space_page`` (a space's page in the console, with its upload form) and ``space_form`` (the form
that creates or edits a space); ``audit_actions``. The upload's checks are the storage layer's
(``storage/documents.py``), shared with the approvals' and imports' uploads.
"""
