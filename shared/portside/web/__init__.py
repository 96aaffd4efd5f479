"""The HTTP edge: requests, responses, cookies, CSRF, headers, rendering, and the endpoint wrapper."""
