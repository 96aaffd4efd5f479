"""The demo tenant: the same every time, so that people and tests can rely on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from infra.local.totp import fresh_code
from portside import clock
from portside.aws import client
from portside.data.base import PortsideItem
from portside.data.models.admins import AdminMember
from portside.data.models.contacts import Contact, ContactEmail
from portside.data.models.tenants import Brand, Partner, Tenant, TenantHost
from portside.deals.customers import claim_keys, customer_key
from portside.deals.models import CustomerClaim, Deal
from portside.documents.models import DocumentSpace
from portside.questions.models import Question

TENANT_ID = "northwind"
LOCAL_HOSTNAMES = ("127.0.0.1", "localhost")
ADMIN_PASSWORD = "Northwind-Local-1!"  # noqa: S105 - local only: the emulator's Cognito, never a real pool


@dataclass(frozen=True)
class DemoContact:
    contact_id: str
    partner_id: str
    email: str
    name: str
    role: str


PARTNERS = {"acme": "Acme Resellers", "globex": "Globex Retail"}
CONTACTS = tuple(
    DemoContact(f"{partner}-{role}", partner, f"{local}@{partner}.example", name, role)
    for partner in PARTNERS
    for local, role, name in (
        ("principal", "principal", f"{partner.title()} Principal"),
        ("sales", "salesperson", f"{partner.title()} Sales"),
        ("tech", "technical", f"{partner.title()} Tech"),
    )
)
ADMINS = tuple((f"{role}@northwind.example", role) for role in ("owner", "ops", "finance", "auditor"))


def seed_tenant(base_url: str) -> None:
    """The demo tenant, its hosts, partners and contacts, in one BatchWriteItem (every test starts from them)."""
    now = clock.now()
    items: list[PortsideItem] = [
        Tenant.build(
            TENANT_ID,
            base_url=base_url,
            brand=Brand(
                name="Northwind Distribution",
                primary_colour="#0f5b7a",
                footer_text="Northwind Distribution, partner support",
            ),
            time_zone="Europe/London",
            # Four eyes: a special price more than 30% off the list, or a credit limit moved by more than $50,000.
            second_approval_discount_percent=30,
            second_approval_credit_change=5_000_000,
            version=1,  # as a first save() writes it: a batch write leaves versions to the caller
        ),
        *(TenantHost.build(hostname, TENANT_ID) for hostname in LOCAL_HOSTNAMES),
        *(
            Partner.build(TENANT_ID, partner_id, name, tier="gold" if partner_id == "acme" else "silver", version=1)
            for partner_id, name in PARTNERS.items()
        ),
    ]
    for demo in CONTACTS:
        items.append(
            Contact.build(
                TENANT_ID,
                demo.contact_id,
                demo.partner_id,
                demo.email,
                demo.name,
                demo.role,
                status="active",
                created_at=now,
            )
        )
        items.append(ContactEmail.build(TENANT_ID, demo.email, demo.contact_id))
    with PortsideItem.batch_write() as batch:
        for item in items:
            batch.save(item)


def seed_admins(pool_id: str, client_id: str) -> None:
    """The four demo admins: pool users with TOTP already set up (the documented secret), each a member of
    the demo tenant in their role, as if each had made their first sign-in."""
    cognito = client("cognito-idp")
    for email, role in ADMINS:
        cognito.admin_create_user(
            UserPoolId=pool_id,
            Username=email,
            MessageAction="SUPPRESS",
            UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
        )
        cognito.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=ADMIN_PASSWORD, Permanent=True)
        tokens = cognito.initiate_auth(
            ClientId=client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": email, "PASSWORD": ADMIN_PASSWORD},
        )["AuthenticationResult"]
        cognito.associate_software_token(AccessToken=tokens["AccessToken"])
        cognito.verify_software_token(AccessToken=tokens["AccessToken"], UserCode=fresh_code())
        cognito.set_user_mfa_preference(
            AccessToken=tokens["AccessToken"], SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True}
        )
        AdminMember.build(TENANT_ID, email, roles=[role], created_at=clock.now()).save()


@dataclass(frozen=True)
class DemoDeal:
    deal_id: str
    partner_id: str
    submitter: str  # a demo contact id
    title: str
    customer: str
    cents: int
    state: str
    days_ago: int
    note: str | None = None
    protected_days_left: int | None = None  # negative: the protection ended that many days ago


# Every state, for both partners; Acme and Globex both registered Initech, so each flags the other.
DEALS = (
    DemoDeal(
        "demo-acme-initech",
        "acme",
        "acme-salesperson",
        "Initech laptop refresh",
        "Initech, Inc.",
        12_500_000,
        "pending",
        2,
    ),
    DemoDeal(
        "demo-globex-initech",
        "globex",
        "globex-salesperson",
        "Initech point of sale",
        "INITECH LLC",
        4_800_000,
        "pending",
        5,
    ),
    DemoDeal(
        "demo-acme-umbrella",
        "acme",
        "acme-principal",
        "Umbrella lab servers",
        "Umbrella Corp",
        31_000_000,
        "approved",
        30,
        "Approved for Q1.",
        60,
    ),
    DemoDeal(
        "demo-acme-hooli",
        "acme",
        "acme-salesperson",
        "Hooli tablets",
        "Hooli",
        900_000,
        "rejected",
        20,
        "Hooli buys direct from us.",
    ),
    DemoDeal(
        "demo-globex-massive",
        "globex",
        "globex-principal",
        "Massive Dynamic kiosks",
        "Massive Dynamic",
        7_500_000,
        "approved",
        80,
        None,
        10,
    ),
    DemoDeal(
        "demo-globex-soylent",
        "globex",
        "globex-salesperson",
        "Soylent vending",
        "Soylent Corporation",
        2_000_000,
        "expired",
        120,
        None,
        -29,
    ),
    DemoDeal(
        "demo-globex-wayne",
        "globex",
        "globex-principal",
        "Wayne security badges",
        "Wayne Enterprises",
        1_200_000,
        "rejected",
        12,
        "The customer already has an open quote from another channel.",
    ),
    DemoDeal(
        "demo-acme-stark",
        "acme",
        "acme-principal",
        "Stark warehouse scanners",
        "Stark Industries",
        5_600_000,
        "expired",
        130,
        None,
        -39,
    ),
)


def seed_deals() -> None:
    now = clock.now()
    names = {demo.contact_id: demo.name for demo in CONTACTS}
    conflicts = {"demo-acme-initech": ["demo-globex-initech"], "demo-globex-initech": ["demo-acme-initech"]}
    for demo in DEALS:
        created = now - timedelta(days=demo.days_ago)
        deal = Deal.build(
            TENANT_ID,
            demo.deal_id,
            demo.partner_id,
            created,
            submitter_id=demo.submitter,
            submitter_name=names[demo.submitter],
            customer_name=demo.customer,
            customer_key=customer_key(demo.customer),
            title=demo.title,
            amount_cents=demo.cents,
            description=f"Demo registration: {demo.title}.",
            state=demo.state,
            conflicts_with=conflicts.get(demo.deal_id, []),
        )
        if demo.state != "pending":
            deal.decided_at, deal.decided_by, deal.decision_note = (
                created + timedelta(days=1),
                "admin:ops@northwind.example",
                demo.note,
            )
        if demo.protected_days_left is not None:
            deal.protected_until = now + timedelta(days=demo.protected_days_left)
        listed_at = {"pending": created, "approved": deal.protected_until, "rejected": deal.decided_at}
        at = listed_at.get(demo.state) or deal.protected_until or created
        deal.GSI2PK, deal.GSI2SK = Deal.state_index(TENANT_ID, demo.deal_id, demo.state, at)
        deal.save()
        if demo.state in ("pending", "approved"):
            for customer in claim_keys(deal.customer_key, deal.customer_domain):
                CustomerClaim.build(TENANT_ID, customer, demo.deal_id, demo.partner_id).save()


@dataclass(frozen=True)
class DemoQuestion:
    question_id: str
    asker: str  # a demo contact id
    subject: str
    body: str
    days_ago: int
    deal_id: str | None = None
    answer: str | None = None
    answer_updated_days_later: int | None = None  # the answer was changed this many days after it was given


# Open and answered questions for both partners; one answer was updated after it was given.
QUESTIONS = (
    DemoQuestion(
        "demo-acme-rack",
        "acme-technical",
        "Rack rails for the Initech refresh",
        "Do the new laptop docks ship with rack rails, or do we order them separately?",
        1,
        deal_id="demo-acme-initech",
    ),
    DemoQuestion(
        "demo-acme-margin",
        "acme-principal",
        "Quarterly rebate dates",
        "When is the Q1 rebate paid out?",
        12,
        answer="Rebates are paid in the second week after the quarter closes.",
    ),
    DemoQuestion(
        "demo-globex-kiosk",
        "globex-technical",
        "Kiosk firmware updates",
        "Can Massive Dynamic's kiosks take firmware updates over the air?",
        9,
        deal_id="demo-globex-massive",
        answer="Yes: over the air since firmware 4.2. Older units need one update by cable first.",
        answer_updated_days_later=2,
    ),
    DemoQuestion(
        "demo-globex-training",
        "globex-principal",
        "Training for new store staff",
        "Is there a short course for staff who start next month?",
        3,
    ),
)


def seed_questions() -> None:
    now = clock.now()
    contacts = {demo.contact_id: demo for demo in CONTACTS}
    deal_titles = {demo.deal_id: demo.title for demo in DEALS}
    for demo in QUESTIONS:
        asker = contacts[demo.asker]
        asked = now - timedelta(days=demo.days_ago)
        question = Question.build(
            TENANT_ID,
            demo.question_id,
            asker.partner_id,
            asked,
            asker_id=asker.contact_id,
            asker_name=asker.name,
            subject=demo.subject,
            body=demo.body,
            deal_id=demo.deal_id,
            deal_title=deal_titles.get(demo.deal_id or ""),
        )
        if demo.answer:
            answered = asked + timedelta(hours=20)
            changed = answered + timedelta(days=demo.answer_updated_days_later or 0)
            question.state, question.answer = "answered", demo.answer
            question.answered_by = "admin:ops@northwind.example"
            question.answered_at, question.answer_changed_at = answered, changed
            question.GSI2SK = Question.answered_order(changed, demo.question_id)
        question.save()


# Who sees which space (the files come with document uploads).
DEMO_SPACES = (
    ("demo-product-sheets", "Product sheets", (), ("principal", "salesperson", "technical")),
    ("demo-price-lists", "Price lists and terms", (), ("principal",)),
    ("demo-technical-guides", "Technical guides", (), ("principal", "technical")),
    ("demo-acme-co-marketing", "Acme co-marketing", ("acme",), ("principal", "salesperson", "technical")),
)


def seed_document_spaces() -> None:
    now = clock.now()
    for space_id, name, partner_ids, roles in DEMO_SPACES:
        DocumentSpace.build(TENANT_ID, space_id, name, now, partner_ids=list(partner_ids), roles=list(roles)).save()
