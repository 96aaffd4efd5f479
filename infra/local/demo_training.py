"""Demo training: a module for every role and one for all, certificates in every state, a failed attempt,
and "Technical guides" needing the technical module (when the demo spaces are seeded).

"Northwind partner basics" is for every role (5 questions, pass at 80%, valid 365 days); the demo's
walk-through (docs/demo.md) gives its right answers so a newcomer can fail and pass it as
``tech@acme.example``, who has not taken it. Acme's technical contact holds a current "Installing Northwind routers"
certificate; Globex's has one that expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from infra.local.seed import CONTACTS, PARTNERS, TENANT_ID
from portside import clock
from portside.data import reads
from portside.documents.models import DocumentSpace
from portside.training.models import (
    Certificate,
    ModuleHolders,
    QuizQuestion,
    QuizVersion,
    ShownQuestion,
    TrainingModule,
    TrainingStatus,
)

BASICS = "demo-basics"
TECHNICAL_MODULE = "demo-tech-routers"
TECHNICAL_GUIDES = "demo-technical-guides"  # the demo space that needs TECHNICAL_MODULE
# (question, options, right option indexes)
BASICS_QUIZ = (
    ("How long does an approved deal registration protect you?", ("30 days", "90 days", "One year"), (1,)),
    (
        "Where do you ask for a special price?",
        ("By mail to sales", "Pricing and credit requests in the portal", "On the phone"),
        (1,),
    ),
    ("Which of these does the portal show you?", ("Your orders", "Stock levels", "Other partners' prices"), (0, 1)),
    (
        "Who can ask finance for a different credit limit?",
        ("Any contact", "The partner's principal", "Technical contacts"),
        (1,),
    ),
    ("How long does a download link from Documents work?", ("One minute", "One day", "Forever"), (0,)),
)
MODULES = (
    (BASICS, "Northwind partner basics", "all", 365, BASICS_QUIZ),
    (
        "demo-tech-routers",
        "Installing Northwind routers",
        "technical",
        365,
        (
            ("Which port is the uplink on a Northwind router?", ("Port 1", "Port 8"), (1,)),
            ("Which routing protocols do they speak?", ("OSPF", "BGP", "FTP"), (0, 1)),
        ),
    ),
    (
        "demo-sales-services",
        "Selling Northwind services",
        "salesperson",
        730,
        (("What does the extended warranty add?", ("Next-day replacement", "Free upgrades"), (0,)),),
    ),
    (
        "demo-principal-terms",
        "Partner programme terms",
        "principal",
        None,
        (("When are quarterly rebates paid?", ("In the second week after the quarter", "At year end"), (0,)),),
    ),
)
DESCRIPTIONS = {
    BASICS: "What every Northwind partner should know about the portal: deals, prices, documents.\n\n"
    "Read the partner guide at https://partners.northwind.example/guide before you take the quiz.",
}


@dataclass(frozen=True)
class DemoStanding:
    contact_id: str
    module_id: str
    code: str | None  # a certificate's code, or None for a failed attempt
    expires_in_days: int | None  # negative: expired that many days ago


STANDINGS = (
    DemoStanding("acme-principal", BASICS, "DEMO-ACME-PR2N", 200),
    DemoStanding("acme-salesperson", BASICS, "DEMO-ACME-SA2E", 10),  # expires soon
    DemoStanding("acme-technical", "demo-tech-routers", "DEMO-ACME-TE2H", 120),
    DemoStanding("globex-principal", BASICS, "DEMO-GLBX-PR2N", 300),
    DemoStanding("globex-technical", "demo-tech-routers", "DEMO-GLBX-TE2H", -5),  # expired
    DemoStanding("globex-salesperson", BASICS, None, None),  # a failed attempt
)


def seed_training() -> None:
    now = clock.now()
    titles = {}
    for module_id, title, audience, valid_days, questions in MODULES:
        titles[module_id] = title
        TrainingModule.build(
            TENANT_ID,
            module_id,
            title,
            now - timedelta(days=400),
            description=DESCRIPTIONS.get(module_id, f"{title}: what you need to know."),
            audience=audience,
            valid_days=valid_days,
            state="published",
            question_count=len(questions),
            quiz_shown=[ShownQuestion(text=q, options=list(o), several=len(c) > 1) for q, o, c in questions],
            updated_by="admin:ops@northwind.example",
        ).save()
        QuizVersion(
            *QuizVersion.keys_for(TENANT_ID, module_id, 1),
            tenant_id=TENANT_ID,
            module_id=module_id,
            number=1,
            questions=[QuizQuestion(text=q, options=list(o), correct=list(c)) for q, o, c in questions],
            created_at=now - timedelta(days=400),
            created_by="admin:ops@northwind.example",
        ).save()
    contacts = {contact.contact_id: contact for contact in CONTACTS}
    holders: dict[str, int] = {}
    for demo in STANDINGS:
        contact = contacts[demo.contact_id]
        status = TrainingStatus.build(TENANT_ID, contact.contact_id, contact.partner_id, demo.module_id)
        status.attempts, status.last_attempt_at = 1, now - timedelta(days=30)
        if demo.code is None:
            status.last_score, status.last_passed, status.last_wrong = 40, "no", [2, 3, 5]
        else:
            expires = now + timedelta(days=demo.expires_in_days or 0)
            status.last_score, status.last_passed, status.last_wrong = 100, "yes", []
            status.cert_code, status.cert_version, status.cert_score = demo.code, 1, 100
            status.cert_issued_at, status.cert_expires_at = expires - timedelta(days=365), expires
            status.cert_contact_name, status.cert_partner_name = contact.name, PARTNERS[contact.partner_id]
            status.cert_module_title = titles[demo.module_id]
            status.GSI2PK = TrainingStatus.expiry_partition(TENANT_ID)
            status.GSI2SK = TrainingStatus.expiry_order(expires, contact.contact_id, demo.module_id)
            holders[demo.module_id] = holders.get(demo.module_id, 0) + 1
            Certificate(
                *Certificate.keys_for(TENANT_ID, demo.code),
                tenant_id=TENANT_ID,
                code=demo.code,
                contact_id=contact.contact_id,
                contact_name=contact.name,
                partner_id=contact.partner_id,
                partner_name=PARTNERS[contact.partner_id],
                module_id=demo.module_id,
                module_title=titles[demo.module_id],
                quiz_version=1,
                score=100,
                issued_at=status.cert_issued_at,
                expires_at=expires,
            ).save()
        status.save()
    for module_id, count in holders.items():
        ModuleHolders(*ModuleHolders.keys_for(TENANT_ID, module_id), holders=count).save()
    guides = reads.get_or_none(DocumentSpace, DocumentSpace.keys_for(TENANT_ID, TECHNICAL_GUIDES))
    if guides is not None:
        guides.update(actions=[DocumentSpace.requires_module.set(TECHNICAL_MODULE)])
