"""Lambda handlers, one module per manifest route, grouped by audience."""
