"""The session cookies' names, apart from their stores: setting a cookie must not load both audiences' sessions."""

SESSION_COOKIE = "__Host-portside-session"  # a partner contact's session
ADMIN_COOKIE = "__Host-portside-admin"  # an admin's console session
