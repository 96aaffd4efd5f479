"""The list pages at the demo's size and with 100 times the data: round trips and time must not grow with it.

The extra data is written through the same models (and so the same keys) as the portal writes:
partners with contacts, deals and questions (Acme's own lists grow too), audit events, partner updates.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

LIST_PAGES = (
    "partner_dashboard",
    "partner_deals",
    "partner_questions",
    "admin_home",
    "admin_partners",
    "admin_partner",
    "admin_deals",
    "admin_questions",
    "admin_engagement",
    "admin_access_review",
    "admin_audit",
    "admin_mail",
)
FACTOR = 100
TENANT = "northwind"
STATES = ("pending", "approved", "rejected", "expired")


def grow(factor: int = FACTOR) -> dict[str, int]:
    """Add (factor - 1) times the demo's data; what was added, by kind."""
    from portside import clock
    from portside.data.models.contacts import Contact, ContactEmail
    from portside.data.models.records import AuditEvent
    from portside.data.models.tenants import Partner
    from portside.data.models.updates import PartnerUpdate
    from portside.deals.models import Deal
    from portside.questions.models import Question

    now = clock.now()
    added = {"partners": 0, "contacts": 0, "deals": 0, "questions": 0, "audit events": 0, "updates": 0}
    extra = factor - 1
    with Partner.batch_write() as batch:
        for number in range(2 * extra):  # the demo has two partners
            partner_id = f"grown-{number}"
            batch.save(Partner.build(TENANT, partner_id, f"Grown Partner {number:04d}", tier="silver"))
            added["partners"] += 1
            for role in ("principal", "salesperson", "technical"):
                contact_id = f"{partner_id}-{role}"
                email = f"{role}@{partner_id}.example"
                batch.save(Contact.build(TENANT, contact_id, partner_id, email, f"{role} {number}", role, now))
                batch.save(ContactEmail.build(TENANT, email, contact_id))
                added["contacts"] += 1
        # Acme's own lists grow as much as the tenant's: the partner pages read them.
        for number in range(8 * extra):
            partner_id = "acme" if number % 2 else f"grown-{number % (2 * extra)}"
            created = now - timedelta(minutes=number)
            deal_id = uuid.uuid4().hex
            deal = Deal.build(
                TENANT,
                deal_id,
                partner_id,
                created,
                submitter_id=f"{partner_id}-salesperson" if partner_id != "acme" else "acme-salesperson",
                submitter_name="Grown",
                customer_name=f"Customer {number}",
                customer_key=f"customer {number}",
                title=f"Grown deal {number}",
                amount_cents=100_00,
                description="Grown for the benchmark.",
            )
            state = STATES[number % len(STATES)]
            if state != "pending":
                deal.state = state
                deal.GSI2PK, deal.GSI2SK = Deal.state_index(TENANT, deal_id, state, created)
            batch.save(deal)
            added["deals"] += 1
        for number in range(4 * extra):
            partner_id = "acme" if number % 2 else f"grown-{number % (2 * extra)}"
            batch.save(
                Question.build(
                    TENANT,
                    uuid.uuid4().hex,
                    partner_id,
                    now - timedelta(minutes=number),
                    asker_id=f"{partner_id}-technical",
                    asker_name="Grown",
                    subject=f"Grown question {number}",
                    body="Grown for the benchmark.",
                )
            )
            added["questions"] += 1
            batch.save(
                PartnerUpdate.build(
                    TENANT,
                    partner_id,
                    now - timedelta(minutes=number),
                    uuid.uuid4().hex,
                    resource="questions",
                    title="Grown",
                    message="Grown for the benchmark.",
                    link="/partners/questions",
                )
            )
            added["updates"] += 1
        for number in range(50 * extra):
            batch.save(
                AuditEvent.build(
                    TENANT,
                    uuid.uuid4().hex,
                    now - timedelta(seconds=number),
                    "system:bench",
                    action="bench.grown",
                    target=f"partner:grown-{number % (2 * extra)}",
                )
            )
            added["audit events"] += 1
    return added
