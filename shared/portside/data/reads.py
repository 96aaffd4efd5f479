"""Reads by key: every request path is GetItem, Query or BatchGet, never Scan."""

from __future__ import annotations

from typing import TypeVar

from pynamodb.expressions.condition import Condition

from portside.data.base import PortsideItem
from portside.data.models.contacts import Contact, ContactEmail, Session, SignInToken
from portside.data.models.tenants import Partner, Tenant, TenantHost

Item = TypeVar("Item", bound=PortsideItem)


def count_up_to(hash_key: str, range_key_condition: Condition | None, *, index: str, cap: int) -> int:
    """How many items an index's key range holds, up to ``cap``: one Query that returns no items.

    PynamoDB's ``count`` pages through the whole range whatever its ``limit`` (the limit counts items, and a
    COUNT query returns none), so a long queue cost a read per page; DynamoDB's own Limit stops this at ``cap``.
    The range must hold one item type: no discriminator filter is applied.
    """
    answer = PortsideItem._get_connection().query(
        hash_key, range_key_condition=range_key_condition, index_name=index, limit=cap, select="COUNT"
    )
    return int(answer.get("Count", 0))


def get_or_none(model: type[Item], keys: tuple[str, str], *, consistent: bool = False) -> Item | None:
    try:
        return model.get(keys[0], keys[1], consistent_read=consistent)
    except model.DoesNotExist:
        return None


def tenant_id_for_host(hostname: str) -> str | None:
    claim = get_or_none(TenantHost, TenantHost.keys_for(hostname))
    return claim.tenant_id if claim else None


def tenant(tenant_id: str) -> Tenant | None:
    return get_or_none(Tenant, Tenant.keys_for(tenant_id))


def every_tenant() -> list[Tenant]:
    """The one list that is not per tenant: for the scheduled jobs only."""
    return [t for t in Tenant.gsi1.query(Tenant.LISTING) if isinstance(t, Tenant)]


def partner(tenant_id: str, partner_id: str) -> Partner | None:
    return get_or_none(Partner, Partner.keys_for(tenant_id, partner_id))


def contact(tenant_id: str, contact_id: str) -> Contact | None:
    return get_or_none(Contact, Contact.keys_for(tenant_id, contact_id), consistent=True)


def contact_by_email(tenant_id: str, email: str) -> Contact | None:
    claim = get_or_none(ContactEmail, ContactEmail.keys_for(tenant_id, email), consistent=True)
    if claim is None:
        return None
    return contact(tenant_id, claim.contact_id)


def sign_in_token(tenant_id: str, token_hash: str) -> SignInToken | None:
    return get_or_none(SignInToken, SignInToken.keys_for(tenant_id, token_hash), consistent=True)


def session(tenant_id: str, contact_id: str, session_hash: str) -> Session | None:
    return get_or_none(Session, Session.keys_for(tenant_id, contact_id, session_hash), consistent=True)


def sessions_of_contact(tenant_id: str, contact_id: str) -> list[Session]:
    return list(
        Session.query(
            Session.partition_of(tenant_id, contact_id),
            Session.SK.startswith("SESSION#"),
            consistent_read=True,
        )
    )
