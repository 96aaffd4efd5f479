"""The admin console: one module per endpoint under /admin/*."""
