"""Partner-facing pages under /partners/*."""
