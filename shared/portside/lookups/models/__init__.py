"""The lookups' item types: ``orders`` (orders, their lines and the references that find them) and
``catalogue`` (products and their stock, price entries, accounts)."""
