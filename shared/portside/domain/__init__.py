"""Domain services, one module per feature. They take validated input and return domain results."""
