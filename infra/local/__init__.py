"""The local runtime: the portal's own handlers, an embedded moto server, demo data, caught mail."""
