"""Tenants, their hosts and their partners, and the brand each page is dressed in."""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import (
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)

from portside.data.base import PortsideItem, tenant_key


class Brand(MapAttribute[str, Any]):
    """What a partner page is dressed in: the tenant's, or a partner's white-label override."""

    name = UnicodeAttribute()
    primary_colour = UnicodeAttribute(default="#1d4ed8")
    logo_url = UnicodeAttribute(null=True)
    footer_text = UnicodeAttribute(null=True)


class TenantHost(PortsideItem, discriminator="TenantHost"):
    hostname = UnicodeAttribute()
    tenant_id = UnicodeAttribute()

    @classmethod
    def keys_for(cls, hostname: str) -> tuple[str, str]:
        return f"HOST#{hostname.lower()}", "HOST"

    @classmethod
    def build(cls, hostname: str, tenant_id: str) -> TenantHost:
        pk, sk = cls.keys_for(hostname)
        return cls(pk, sk, hostname=hostname.lower(), tenant_id=tenant_id)


class Tenant(PortsideItem, discriminator="Tenant"):
    tenant_id = UnicodeAttribute()
    # Links in mail are built from this, never from a request's Host header.
    base_url = UnicodeAttribute()
    brand = Brand()
    time_zone = UnicodeAttribute(default="UTC")
    sign_in_link_minutes = NumberAttribute(default=10)
    session_days = NumberAttribute(default=30)
    session_idle_minutes = NumberAttribute(null=True)
    salespeople_see_only_own_deals = UnicodeAttribute(null=True)  # any value: salespeople see only their own
    stock_quantities_shown = UnicodeAttribute(null=True)  # any value: stock pages show exact quantities
    deal_protection_days = NumberAttribute(default=90)
    admin_sso_only = UnicodeAttribute(null=True)  # any value: admins sign in through the identity provider only
    deal_registration_module = UnicodeAttribute(null=True)  # a training module whose current certificate it needs
    # Four eyes: approvals beyond these need two different finance admins (none: one approval suffices).
    second_approval_discount_percent = NumberAttribute(null=True)  # a price this far below the list price
    second_approval_credit_change = NumberAttribute(null=True)  # a credit limit moved this much (minor units)
    # Who partners ask for help: in every page's footer, on error pages and in every mail.
    support_email = UnicodeAttribute(null=True)
    support_phone = UnicodeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id), "TENANT"

    @classmethod
    def build(cls, tenant_id: str, **fields: Any) -> Tenant:
        pk, sk = cls.keys_for(tenant_id)
        return cls(pk, sk, tenant_id=tenant_id, GSI1PK=cls.LISTING, GSI1SK=tenant_id, **fields)

    LISTING = "TENANTS"  # GSI1 partition of every tenant, for the daily jobs


class Partner(PortsideItem, discriminator="Partner"):
    tenant_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    name = UnicodeAttribute()
    tier = UnicodeAttribute(null=True)
    territory = UnicodeAttribute(null=True)
    status = UnicodeAttribute(default="active")
    brand_override = Brand(null=True)
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, partner_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "PARTNER", partner_id), "PARTNER"

    @classmethod
    def build(cls, tenant_id: str, partner_id: str, name: str, **fields: Any) -> Partner:
        pk, sk = cls.keys_for(tenant_id, partner_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            partner_id=partner_id,
            name=name,
            GSI1PK=cls.list_partition(tenant_id),
            GSI1SK=cls.name_sort_key(name, partner_id),
            **fields,
        )

    @classmethod
    def list_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "PARTNERS")

    @staticmethod
    def name_sort_key(name: str, partner_id: str) -> str:
        return f"{name.lower()}#{partner_id}"
