"""Approvals: a partner's principal asks for a special price or a credit limit, finance decides (with
four eyes past the tenant's thresholds), and a granted special price is reminded of and ended.

``routes``, ``models``, ``forms``; ``asking`` (making a request), ``following`` (a principal's list,
page and withdrawal), ``review`` (what finance reads to decide), ``decision`` (the one change of a
price or a credit limit besides the imports), ``ending`` (the daily job); ``pages`` (the console's)
and ``partner_pages``; ``audit_actions``. The stored names keep their first spelling: item type
``PricingRequest``, audit actions ``pricing_request.*``, matrix resources ``pricing_requests`` and
``approvals``.
"""
