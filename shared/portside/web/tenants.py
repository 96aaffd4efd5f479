"""Which tenant a request is for, and how its pages are branded.

Public pages know their tenant only from the request's host, looked up in the table
(an unknown host is a 404, never a default). The answer is cached per process for a
minute (``page_cache``): a brand change shows within that minute.
"""

from __future__ import annotations

from typing import Any

from portside.audit import Client, audit_event
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Brand, Partner, Tenant, TenantHost
from portside.errors import Conflict, InvalidInput, NotFound
from portside.web.page_cache import PageCache, forget_everything

_tenants: PageCache[str, Tenant | None] = PageCache()
_partners: PageCache[tuple[str, str], Partner | None] = PageCache()


def hostname_of(host_header: str) -> str:
    """``portal.example.com:443`` -> ``portal.example.com``; IPv6 literals keep their brackets."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.split(":")[0]


def _tenant_of(hostname: str) -> Tenant | None:
    tenant_id = reads.tenant_id_for_host(hostname) if hostname else None
    return reads.tenant(tenant_id) if tenant_id else None


def tenant_for_host(host_header: str) -> Tenant:
    hostname = hostname_of(host_header)
    tenant = _tenants.get(hostname, lambda: _tenant_of(hostname))
    if tenant is None:
        _tenants.forget(hostname)  # a host is only ever cached once it names a tenant
        raise NotFound(f"no tenant for host {hostname!r}")
    return tenant


def forget_cached_tenants() -> None:
    """Every page cache, the tenants' and the partners' included (each test starts from none)."""
    forget_everything()


def cached_partner(tenant: Tenant, partner_id: str) -> Partner | None:
    """A partner for dressing pages (name, brand override): cached like tenants, never for access decisions."""
    return _partners.get((tenant.tenant_id, partner_id), lambda: reads.partner(tenant.tenant_id, partner_id))


def fresh_tenant(tenant_id: str) -> Tenant:
    """The tenant as stored now, not as a page cache last saw it: forms edit this one."""
    tenant = reads.tenant(tenant_id)
    if tenant is None:
        raise NotFound(f"tenant {tenant_id}")
    return tenant


def tenant_at(tenant_id: str, version: int) -> Tenant:
    """The tenant to change, as the form that changes it saw it (else someone saved in between: 409)."""
    tenant = fresh_tenant(tenant_id)
    if tenant.version != version:
        raise Conflict(f"tenant {tenant_id} is at version {tenant.version}, the form at {version}")
    return tenant


def save_tenant_change(tenant: Tenant, actions: list[Any], audit: AuditEvent) -> None:
    """One audited change to the tenant's item, on the version it was read at; this process's pages see it at once,
    others' within their cache's minute."""
    changes = Changes(audit)
    changes.update(tenant, actions, label="tenant")  # PynamoDB adds the version check
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise Conflict(f"tenant {tenant.tenant_id} changed meanwhile") from failed
    forget_cached_tenants()


def support_contact(tenant: Tenant) -> dict[str, str] | None:
    """Where partners ask for help, if the tenant says: its email and phone, either or both."""
    contact = {key: value for key, value in (("email", tenant.support_email), ("phone", tenant.support_phone)) if value}
    return contact or None


def brand_for(tenant: Tenant, partner: Partner | None = None) -> Brand:
    """A partner's white-label override wins over the tenant's brand."""
    if partner is not None and partner.brand_override is not None:
        return partner.brand_override
    return tenant.brand


def mail_brand(tenant: Tenant, partner_id: str | None) -> dict[str, Any]:
    """How a mail is dressed: like the contact's pages (cached for a minute, as pages are); None: the tenant's."""
    brand = brand_for(tenant, cached_partner(tenant, partner_id) if partner_id else None)
    return {"name": brand.name, "primary_colour": brand.primary_colour, "support": support_contact(tenant)}


def create_tenant(tenant_id: str, name: str, base_url: str, hostnames: list[str], actor: str, client: Client) -> Tenant:
    """A new tenant and the hostnames that lead to it: one transaction, audited, refused if any is taken."""
    tenant = Tenant.build(tenant_id, base_url=base_url.rstrip("/"), brand=Brand(name=name))
    changes = Changes(
        audit_event(
            tenant_id, actor, "tenant.created", f"tenant:{tenant_id}", client, base_url=base_url, hosts=hostnames
        )
    )
    changes.put(tenant, label="tenant", condition=Tenant.PK.does_not_exist())
    for hostname in hostnames:
        changes.put(
            TenantHost.build(hostname, tenant_id), label=f"host:{hostname}", condition=TenantHost.PK.does_not_exist()
        )
    try:
        changes.commit()
    except ConditionFailed as failed:
        taken = sorted(label.removeprefix("host:") for label in failed.labels if label.startswith("host:"))
        if taken:
            raise InvalidInput({"host": f"Already leads to a tenant: {', '.join(taken)}."}) from failed
        raise InvalidInput({"tenant": f"Tenant {tenant_id} already exists."}) from failed
    return tenant
