"""Branding: the tenant's name, logo, primary colour and footer, and a partner's white-label override.

The primary colour is the background of white text (the header, buttons), so the form checks it
reaches WCAG AA contrast against white (``settings.colours``). A change shows on pages within a minute (the per-process
tenant cache) and in mails at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from portside.audit import Client, audit_event
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Brand, Partner, Tenant
from portside.errors import Conflict
from portside.partners import directory
from portside.storage import logos
from portside.web import tenants


@dataclass(frozen=True)
class BrandFields:
    name: str
    primary_colour: str
    footer_text: str | None = None
    logo_upload: str | None = None  # an upload to check and publish
    remove_logo: bool = False


def _brand(tenant_id: str, current: Brand | None, fields: BrandFields) -> Brand:
    logo = current.logo_url if current is not None else None
    if fields.remove_logo:
        logo = None
    if fields.logo_upload:
        logo = logos.logo_url(logos.publish_upload(tenant_id, fields.logo_upload))
    return Brand(name=fields.name, primary_colour=fields.primary_colour, logo_url=logo, footer_text=fields.footer_text)


def update_tenant_brand(tenant_id: str, version: int, fields: BrandFields, actor: str, client: Client) -> None:
    tenant = tenants.tenant_at(tenant_id, version)
    brand = _brand(tenant_id, tenant.brand, fields)
    tenants.save_tenant_change(
        tenant,
        [Tenant.brand.set(brand)],
        audit_event(
            tenant_id,
            actor,
            "tenant.brand_updated",
            f"tenant:{tenant_id}",
            client,
            name=brand.name,
            primary_colour=brand.primary_colour,
            logo=brand.logo_url or "",
        ),
    )


def set_partner_brand(
    tenant: Tenant, partner_id: str, version: int, fields: BrandFields | None, actor: str, client: Client
) -> None:
    """A partner's own brand (``fields``), or none: its contacts then see the tenant's."""
    partner = directory.get_partner(tenant, partner_id)
    brand = _brand(tenant.tenant_id, partner.brand_override, fields) if fields else None
    _set_brand_override(tenant, partner_id, version, brand, actor, client)
    tenants.forget_cached_tenants()


def _set_brand_override(
    tenant: Tenant, partner_id: str, version: int, brand: Brand | None, actor: str, client: Client
) -> None:
    partner = directory.get_partner(tenant, partner_id)
    if partner.version != version:
        raise Conflict(f"partner {partner_id} is at version {partner.version}, the form at {version}")
    action = "partner.brand_cleared" if brand is None else "partner.brand_set"
    details = {} if brand is None else {"name": brand.name, "primary_colour": brand.primary_colour}
    changes = Changes(audit_event(tenant.tenant_id, actor, action, f"partner:{partner_id}", client, **details))
    update = Partner.brand_override.remove() if brand is None else Partner.brand_override.set(brand)
    changes.update(partner, [update], label="partner")
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"partner {partner_id} changed meanwhile") from failed


def published_logo(tenant_id: str, logo_id: str) -> tuple[bytes, str]:
    """A published logo of this tenant, and its content type (NotFound for any other)."""
    return logos.read_logo(tenant_id, logo_id)
