"""Stock lookups: a product by the start of its SKU, or else by the start of its name."""

from __future__ import annotations

from portside.data.models.tenants import Tenant
from portside.lookups.models.catalogue import Product, search_key

RESULTS = 25


def look_up(tenant: Tenant, text: str) -> list[Product]:
    """Products whose SKU starts with ``text``; if none, those whose name does. At most two Queries."""
    wanted = search_key(text)
    if not wanted:
        return []
    by_sku = Product.gsi2.query(Product.by_sku(tenant.tenant_id), Product.GSI2SK.startswith(wanted), limit=RESULTS)
    found = [item for item in by_sku if isinstance(item, Product)]
    if found:
        return found
    by_name = Product.gsi1.query(Product.by_name(tenant.tenant_id), Product.GSI1SK.startswith(wanted), limit=RESULTS)
    return [item for item in by_name if isinstance(item, Product)]
