"""Pydantic models for the forms of the features still in the web layer, one module per area, and
``base`` (``parse_form``, the common field types) that every feature's ``forms`` builds on.

A handler imports the module of its own feature, never this package's whole: a route pays the import
of its own forms only (and a page that takes no form, of none).
"""
