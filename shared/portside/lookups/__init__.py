"""Self-serve lookups: a partner's orders, stock, prices and account, read from what the ERP imports;
the console's orders.

``routes``, ``models`` (``orders``, ``catalogue``); ``orders``, ``stock``, ``prices`` (a partner's
price list, the export, the price that applies), ``views`` (what a partner may see of each: never a
killed field), ``freshness`` (when each kind of ERP data last arrived, which the imports write).
"""
