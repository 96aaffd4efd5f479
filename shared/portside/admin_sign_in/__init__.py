"""Admin sign-in: the console opens to a password and an authenticator code (Cognito checks both, the portal
checks the ID token and the tenant), or to single sign-on through the company's identity provider.

``routes``, ``forms``; ``password_and_code`` (the Cognito steps, their refusals, the admin session);
``single_sign_on`` (the OAuth code flow with PKCE, roles from the mapped groups); ``pages`` (the sign-in
page's choices); ``audit_actions``.
"""
