"""Settings: the tenant's rules (sign-in links and sessions, deal protection, four-eyes thresholds, what
partners see), its brand and a partner's override of it, and the logos published for them.

``routes``, ``forms``; ``rules`` (the settings page and what a change is checked against),
``branding`` (brands and logo uploads), ``colours`` (a brand colour white text reads on),
``brand_pages`` (the brand form's page); ``audit_actions``.
"""
