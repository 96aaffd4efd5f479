"""ERP imports: orders, stock, prices and accounts, by CSV upload in the console or pushed as JSON with
an import key; run by the import worker, reported, held for four eyes past a threshold, and audited.

``routes`` (its manifest lines), ``models``, ``forms``; the console's side in ``jobs`` (start, list,
links), ``pages`` and ``key_pages``; the worker's in ``runs`` (``columns`` and ``rows`` check a file,
``apply`` writes it, ``holds`` and ``decisions`` keep four eyes on it); ``keys`` (the ERP's keys),
``files`` (the import files in S3), ``audit_actions``.
"""
