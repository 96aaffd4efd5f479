"""The demo tenant: the same every time, so that people and tests can rely on it."""

from __future__ import annotations

from dataclasses import dataclass

from infra.local.totp import fresh_code
from portside import clock
from portside.aws import client
from portside.data.models import AdminMember, Brand, Contact, ContactEmail, Partner, Tenant, TenantHost

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
    Tenant.build(
        TENANT_ID,
        base_url=base_url,
        brand=Brand(
            name="Northwind Distribution",
            primary_colour="#0f5b7a",
            footer_text="Northwind Distribution, partner support",
        ),
        time_zone="Europe/London",
    ).save()
    for hostname in LOCAL_HOSTNAMES:
        TenantHost.build(hostname, TENANT_ID).save()
    for partner_id, name in PARTNERS.items():
        Partner.build(TENANT_ID, partner_id, name, tier="gold" if partner_id == "acme" else "silver").save()
    for demo in CONTACTS:
        Contact.build(
            TENANT_ID,
            demo.contact_id,
            demo.partner_id,
            demo.email,
            demo.name,
            demo.role,
            status="active",
            created_at=clock.now(),
        ).save()
        ContactEmail.build(TENANT_ID, demo.email, demo.contact_id).save()


def seed_admins(pool_id: str, client_id: str) -> None:
    """The four demo admins, each in the group of their role, with TOTP already set up (the documented secret)
    and a membership of the demo tenant: as if each had made their first sign-in."""
    cognito = client("cognito-idp")
    for email, role in ADMINS:
        cognito.admin_create_user(
            UserPoolId=pool_id,
            Username=email,
            MessageAction="SUPPRESS",
            UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
        )
        cognito.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=ADMIN_PASSWORD, Permanent=True)
        cognito.admin_add_user_to_group(UserPoolId=pool_id, Username=email, GroupName=role)
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
