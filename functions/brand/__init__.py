"""Public brand assets, served per tenant (from the request's host)."""
