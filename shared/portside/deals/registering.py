"""Registering a deal: one transaction per form, conflicts with other partners' registrations flagged.

- A submission is keyed by the form it came from (``submission_id``, minted when the form was
  shown), so posting the same form twice creates one deal.
- At submission the end customer is looked up by normalized name and by email domain among other
  partners' open registrations (``CustomerClaim`` items). A match flags both deals for review;
  the submitting partner is told a review is needed, never who else registered.
- The deal, its customer claims, the flags on the conflicting deals, the audit record and the
  mail to the tenant's ops admins are one transaction. It conditions on each customer's head
  (``CustomerHead``) being as read, so two simultaneous registrations of one customer cannot
  both miss each other: the later one reads again, and flags the earlier.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.principal import PartnerPrincipal
from portside.dashboard.updates import partner_update
from portside.data import reads
from portside.data.base import PortsideItem
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.tenants import Tenant
from portside.deals.customers import claim_keys, customer_key, domain_key
from portside.deals.models import CustomerClaim, CustomerHead, Deal
from portside.errors import Conflict
from portside.mail.outbox import outbox_mail
from portside.web.submissions import commit_once, mail_admins, submission_item_id
from portside.web.tenants import mail_brand

_SUBMISSIONS = uuid.UUID("6f1c2a52-5a43-4c47-9a0e-7a6f0a0f3d11")  # namespace of submission-derived deal ids
# A transaction holds at most 100 writes: at most this many other registrations are flagged by one submission
# (a customer registered by more partners than that is flagged anyway, and the review shows these).
MAX_FLAGGED = 25
SUBMIT_TRIES = 5  # reads of the customer, when other registrations of it keep landing meanwhile


@dataclass(frozen=True)
class DealInput:
    customer_name: str
    customer_domain: str | None
    title: str
    amount_cents: int
    close_date: date | None
    description: str


def _customers(details: DealInput) -> list[str]:
    """The claim keys of a deal's end customer: its name, and its email domain when given."""
    return claim_keys(customer_key(details.customer_name), domain_key(details.customer_domain))


@dataclass(frozen=True)
class CustomersSeen:
    """What a submission read of its customers: other partners' open registrations, and each head's count."""

    conflicts: list[str]
    heads: dict[str, int | None]  # customer -> registrations counted on its head (None: no head yet)


def _read_customers(tenant_id: str, partner_id: str, customers: list[str]) -> CustomersSeen:
    found: set[str] = set()
    heads: dict[str, int | None] = {}
    for customer in customers:
        heads[customer] = None
        for item in PortsideItem.query(CustomerClaim.partition_of(tenant_id, customer), consistent_read=True):
            if isinstance(item, CustomerHead):
                heads[customer] = int(item.registrations)
            elif isinstance(item, CustomerClaim) and item.partner_id != partner_id:
                found.add(item.deal_id)
    return CustomersSeen(sorted(found)[:MAX_FLAGGED], heads)


def submit_deal(
    tenant: Tenant, principal: PartnerPrincipal, submission_id: str, details: DealInput, client: Client
) -> Deal:
    """The new deal, or the one this very form already created.

    When another registration of the same customer lands between reading the customer and
    committing (its head's count changed), the submission reads again: the later of two
    simultaneous registrations always sees, and flags, the earlier.
    """
    deal_id = submission_item_id(_SUBMISSIONS, tenant.tenant_id, principal.contact_id, submission_id)
    keys = Deal.keys_for(tenant.tenant_id, deal_id)
    existing = reads.get_or_none(Deal, keys, consistent=True)
    if existing is not None:
        return existing
    customers = _customers(details)
    for _ in range(SUBMIT_TRIES):
        seen = _read_customers(tenant.tenant_id, principal.partner_id, customers)
        deal, changes = _registration(tenant, principal, deal_id, details, client, seen)
        try:
            return commit_once(changes, "deal", lambda: reads.get_or_none(Deal, keys, consistent=True)) or deal
        except ConditionFailed as failed:
            if not any(label.startswith("head:") for label in failed.labels):
                raise
    raise Conflict(f"customer of deal {deal_id} kept changing")


def _registration(
    tenant: Tenant,
    principal: PartnerPrincipal,
    deal_id: str,
    details: DealInput,
    client: Client,
    seen: CustomersSeen,
) -> tuple[Deal, Changes]:
    """The deal and its one transaction: claims, heads, flags on the conflicting deals, audit, update, mail."""
    conflicts = seen.conflicts
    deal = Deal.build(
        tenant.tenant_id,
        deal_id,
        principal.partner_id,
        clock.now(),
        submitter_id=principal.contact_id,
        submitter_name=principal.name,
        customer_name=details.customer_name,
        customer_key=customer_key(details.customer_name),
        customer_domain=domain_key(details.customer_domain),
        title=details.title,
        amount_cents=details.amount_cents,
        close_date=details.close_date.isoformat() if details.close_date else None,
        description=details.description,
        conflicts_with=conflicts,
    )
    changes = Changes(
        audit_event(
            tenant.tenant_id,
            principal.actor,
            "deal.submitted",
            f"deal:{deal_id}",
            client,
            partner=principal.partner_id,
            conflicts=len(conflicts),
        )
    )
    changes.put(deal, label="deal", condition=Deal.PK.does_not_exist())
    for customer, registrations in seen.heads.items():
        changes.put(CustomerClaim.build(tenant.tenant_id, customer, deal_id, principal.partner_id), label=customer)
        changes.update_key(
            CustomerHead,
            CustomerHead.keys_for(tenant.tenant_id, customer),
            [CustomerHead.registrations.add(1), CustomerHead.item_type.set(CustomerHead)],
            label=f"head:{customer}",
            condition=(
                CustomerHead.PK.does_not_exist()
                if registrations is None
                else CustomerHead.registrations == registrations
            ),
        )
    for other in conflicts:
        changes.update_key(
            Deal,
            Deal.keys_for(tenant.tenant_id, other),
            [Deal.conflicts_with.set(Deal.conflicts_with.append([deal_id]))],
            label=f"conflict:{other}",
            condition=Deal.PK.exists(),
        )
    changes.put(
        partner_update(
            tenant.tenant_id,
            principal.partner_id,
            "deals",
            f"Deal registered: {details.title}",
            f"{principal.name} registered it; it is pending approval.",
            f"/partners/deals/{deal_id}",
            contact_id=principal.contact_id,
        ),
        label="update",
    )
    changes.put(  # the submitter's confirmation, with the change: never lost, never sent for a deal not made
        outbox_mail(
            tenant.tenant_id,
            principal.email,
            "deal_received",
            about=f"deal:{deal_id}",
            brand=mail_brand(tenant, principal.partner_id),
            name=principal.name,
            title=details.title,
            customer=details.customer_name,
            amount_cents=details.amount_cents,
            currency="USD",
            deal_url=f"{tenant.base_url.rstrip('/')}/partners/deals/{deal_id}",
        ),
        label="receipt",
    )
    mail_admins(
        changes,
        tenant,
        "deal_submitted",
        f"deal:{deal_id}",
        title=details.title,
        customer=details.customer_name,
        amount_cents=details.amount_cents,
        currency="USD",
        needs_review=bool(conflicts),
        review_url=f"{tenant.base_url.rstrip('/')}/admin/deals/{deal_id}",
    )
    return deal, changes
