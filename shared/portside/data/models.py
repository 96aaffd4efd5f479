"""Every item type of the table. Keys are derived here, from the item's own fields.

Access patterns and the key that serves each:

| pattern | operation | key |
|---|---|---|
| tenant for a request's host (the one key not tenant-first) | GetItem | ``HOST#<hostname>`` / ``HOST`` |
| tenant settings and brand | GetItem | ``T#<t>`` / ``TENANT`` |
| every tenant (daily jobs only, the one list that is not per tenant) | Query GSI1 | ``TENANTS`` / ``<t>`` |
| partner by id | GetItem | ``T#<t>#PARTNER#<p>`` / ``PARTNER`` |
| partners of a tenant, by name | Query GSI1 | ``T#<t>#PARTNERS`` / ``<name>#<p>`` |
| contact by id | GetItem | ``T#<t>#CONTACT#<c>`` / ``CONTACT`` |
| contact by email (unique per tenant) | GetItem | ``T#<t>#EMAIL#<email>`` / ``EMAIL`` |
| contacts of a partner, by name | Query GSI1 | ``T#<t>#PARTNER#<p>#CONTACTS`` / ``<name>#<c>`` |
| a tenant's contacts by status, then activity | Query GSI2 | ``T#<t>#CONTACTS`` / ``<status order>#<time>#<c>`` |
| admin of a tenant by email (membership) | GetItem | ``T#<t>#ADMIN#<email>`` / ``ADMIN`` |
| admins of a tenant | Query GSI1 | ``T#<t>#ADMINS`` / ``<email>`` |
| admin session by cookie | GetItem (consistent) | ``T#<t>#ADMINSESSION#<sha256>`` / ``ADMINSESSION`` |
| whose admin challenge a Cognito session is | GetItem (consistent) | ``T#<t>#ADMINCHALLENGE#<sha256>`` / ``…`` |
| an authenticator code already used | conditional Put | ``T#<t>#ADMINTOTP#<email>#<code>`` / ``USED`` |
| access reviews, newest first | Query | ``T#<t>#ACCESSREVIEW`` / ``<time>#<id>`` |
| deal by id | GetItem | ``T#<t>#DEAL#<d>`` / ``DEAL`` |
| deals of a partner, newest first | Query GSI1 | ``T#<t>#PARTNER#<p>#DEALS`` / ``<time>#<d>`` |
| pending deals, oldest first (the approval queue) | Query GSI2 | ``T#<t>#DEALS#PENDING`` / ``<time>#<d>`` |
| approved deals by end of protection (daily job, console) | Query GSI2 | ``T#<t>#DEALS#PROTECTED`` / ``<until>#<d>`` |
| rejected deals, newest decision first (console) | Query GSI2 | ``T#<t>#DEALS#REJECTED`` / ``<decided>#<d>`` |
| expired deals, newest first (console) | Query GSI2 | ``T#<t>#DEALS#EXPIRED`` / ``<ended>#<d>`` |
| question by id | GetItem | ``T#<t>#QUESTION#<q>`` / ``QUESTION`` |
| questions of a partner, newest first | Query GSI1 | ``T#<t>#PARTNER#<p>#QUESTIONS`` / ``<time>#<q>`` |
| questions of a tenant, open first | Query GSI2 | ``T#<t>#QUESTIONS`` / ``0#<asked>#<q>``, ``1#<countdown>#<q>`` |
| a partner's recent updates, newest first (the dashboard) | Query | ``T#<t>#PARTNER#<p>#UPDATES`` / ``<time>#<id>`` |
| a customer's open registrations and head | Query (consistent) | ``T#<t>#CUSTOMER#<key>`` / ``DEAL#<d>``, ``HEAD`` |
| sign-in or invite token by its hash | GetItem | ``T#<t>#TOKEN#<sha256>`` / ``TOKEN`` |
| a request for a sign-in link, to fulfil | GetItem | ``T#<t>#SIGNINREQUEST#<id>`` / ``SIGNINREQUEST`` |
| requests the stream never delivered (the sweeper) | Query GSI1 | ``T#<t>#SIGNINREQUEST#PENDING`` / ``<time>#<id>`` |
| session by cookie | GetItem (consistent) | ``T#<t>#CONTACT#<c>`` / ``SESSION#<sha256>`` |
| every session of a contact (to end them) | Query (consistent) | ``T#<t>#CONTACT#<c>`` / begins_with ``SESSION#`` |
| rate-limit window | UpdateItem ADD | ``T#<t>#RATE#<scope>#<sha256(subject)>#<window>`` / ``RATE`` |
| audit log, newest first (by date range) | Query | ``T#<t>#AUDIT`` / ``<time>#<id>`` |
| audit trail of one actor | Query GSI1 | ``T#<t>#AUDIT#ACTOR#<actor>`` / ``<time>#<id>`` |
| outbox mail by id (the stream feeds the worker) | GetItem | ``T#<t>#OUTBOX#<id>`` / ``OUTBOX`` |
| pending mail due for another attempt (the sweeper) | Query GSI1 | ``T#<t>#OUTBOX#PENDING`` / ``<due time>#<id>`` |
| parked (failed) mail, newest first | Query GSI1 | ``T#<t>#OUTBOX#FAILED`` / ``<time>#<id>`` |

Answered questions sort by a countdown of seconds from their latest answer, so the latest comes first.

The status order of GSI2 is 0 invited (time: invited), 1 active (time: last activity), 9 disabled:
engagement reads the invited and the long-unseen as key ranges, access review reads the lot.

Sessions live in their contact's partition so that ending every session of a contact is
one strongly consistent Query, never a lagging index.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pynamodb.attributes import (
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
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
    deal_protection_days = NumberAttribute(default=90)
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


# GSI2 order of a tenant's contacts: never-signed-in invitations first, then active by last activity, then disabled.
ACTIVITY_ORDER = {"invited": "0", "active": "1", "disabled": "9"}


class Contact(PortsideItem, discriminator="Contact"):
    tenant_id = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    email = UnicodeAttribute()
    name = UnicodeAttribute()
    role = UnicodeAttribute()
    status = UnicodeAttribute(default="invited")  # invited | active | disabled
    created_at = UTCDateTimeAttribute()
    last_sign_in_at = UTCDateTimeAttribute(null=True)
    # Refreshed at most daily by the session check: "last seen" without a write per page.
    last_seen_at = UTCDateTimeAttribute(null=True)
    last_nudged_at = UTCDateTimeAttribute(null=True)
    # The one live token of each purpose: a newer link replaces (voids) the older one.
    live_sign_in_hash = UnicodeAttribute(null=True)
    live_invite_hash = UnicodeAttribute(null=True)
    # Optimistic lock for admin edits of the profile (name, role, status). A plain number rather than
    # PynamoDB's VersionAttribute, which would bump on every sign-in and fail admins' edits spuriously.
    version = NumberAttribute(default=1)

    @classmethod
    def keys_for(cls, tenant_id: str, contact_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "CONTACT", contact_id), "CONTACT"

    @classmethod
    def build(
        cls,
        tenant_id: str,
        contact_id: str,
        partner_id: str,
        email: str,
        name: str,
        role: str,
        created_at: datetime,
        **fields: Any,
    ) -> Contact:
        pk, sk = cls.keys_for(tenant_id, contact_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            contact_id=contact_id,
            partner_id=partner_id,
            email=email,
            name=name,
            role=role,
            GSI1PK=cls.partner_partition(tenant_id, partner_id),
            GSI1SK=f"{name.lower()}#{contact_id}",
            GSI2PK=cls.tenant_partition(tenant_id),
            GSI2SK=cls.activity_sort_key(fields.get("status", "invited"), created_at, contact_id),
            created_at=created_at,
            **fields,
        )

    @classmethod
    def partner_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "CONTACTS")

    @classmethod
    def tenant_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "CONTACTS")

    @staticmethod
    def activity_sort_key(status: str, at: datetime, contact_id: str) -> str:
        return f"{ACTIVITY_ORDER[status]}#{at.isoformat()}#{contact_id}"

    @property
    def last_activity(self) -> datetime | None:
        """The later of the last sign-in and the last day a session was used."""
        seen = [at for at in (self.last_sign_in_at, self.last_seen_at) if at is not None]
        return max(seen) if seen else None

    def activity_actions(self, status: str, at: datetime | None = None) -> list[Any]:
        """Update actions that move the contact to ``status`` and keep its GSI2 order right."""
        when = at or self.last_activity or self.created_at
        return [Contact.status.set(status), Contact.GSI2SK.set(self.activity_sort_key(status, when, self.contact_id))]


class ContactEmail(PortsideItem, discriminator="ContactEmail"):
    """Claims an address for one contact: makes email unique per tenant and findable by GetItem."""

    contact_id = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, email: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "EMAIL", email.lower()), "EMAIL"

    @classmethod
    def build(cls, tenant_id: str, email: str, contact_id: str) -> ContactEmail:
        pk, sk = cls.keys_for(tenant_id, email)
        return cls(pk, sk, contact_id=contact_id)


class SignInToken(PortsideItem, discriminator="SignInToken"):
    """An invite or sign-in link. Only the SHA-256 of the secret is stored, in the key."""

    tenant_id = UnicodeAttribute()
    token_hash = UnicodeAttribute()
    purpose = UnicodeAttribute()  # sign_in | invite
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    email = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute()
    spent_at = UTCDateTimeAttribute(null=True)
    code_hash = UnicodeAttribute(null=True)
    next_path = UnicodeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, token_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "TOKEN", token_hash), "TOKEN"

    @classmethod
    def build(cls, tenant_id: str, token_hash: str, expires_at: datetime, **fields: Any) -> SignInToken:
        pk, sk = cls.keys_for(tenant_id, token_hash)
        return cls(
            pk, sk, tenant_id=tenant_id, token_hash=token_hash, expires_at=expires_at, expires_ttl=expires_at, **fields
        )


class SignInRequest(PortsideItem, discriminator="SignInRequest"):
    """Someone asked for a sign-in link for ``email``: fulfilled off the request path, by the stream worker.

    The request path writes only this item and its rate counters, whether or not the address
    belongs to a contact, so its timing says nothing about the address. The worker then mails
    a link, or records a request for an unknown address, and deletes the item; one the stream
    never delivered is swept from the pending list.
    """

    tenant_id = UnicodeAttribute()
    request_id = UnicodeAttribute()
    email = UnicodeAttribute()
    next_path = UnicodeAttribute(null=True)
    client_ip = UnicodeAttribute(null=True)
    user_agent = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, request_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "SIGNINREQUEST", request_id), "SIGNINREQUEST"

    @classmethod
    def pending_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "SIGNINREQUEST", "PENDING")

    @classmethod
    def build(cls, tenant_id: str, request_id: str, created_at: datetime, **fields: Any) -> SignInRequest:
        pk, sk = cls.keys_for(tenant_id, request_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            request_id=request_id,
            created_at=created_at,
            GSI1PK=cls.pending_partition(tenant_id),
            GSI1SK=f"{created_at.isoformat()}#{request_id}",
            expires_ttl=created_at + timedelta(days=1),
            **fields,
        )


class Session(PortsideItem, discriminator="Session"):
    """A partner contact's session. Only the SHA-256 of the session id is stored."""

    tenant_id = UnicodeAttribute()
    contact_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    role = UnicodeAttribute()
    email = UnicodeAttribute()
    name = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute()
    last_seen_at = UTCDateTimeAttribute()
    csrf_token = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, contact_id: str, session_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "CONTACT", contact_id), f"SESSION#{session_hash}"

    @classmethod
    def partition_of(cls, tenant_id: str, contact_id: str) -> str:
        return tenant_key(tenant_id, "CONTACT", contact_id)

    @classmethod
    def build(cls, tenant_id: str, contact_id: str, session_hash: str, expires_at: datetime, **fields: Any) -> Session:
        pk, sk = cls.keys_for(tenant_id, contact_id, session_hash)
        return cls(
            pk, sk, tenant_id=tenant_id, contact_id=contact_id, expires_at=expires_at, expires_ttl=expires_at, **fields
        )


class AdminMember(PortsideItem, discriminator="AdminMember"):
    """An admin's membership of a tenant. Cognito says who someone is and which roles (groups) they hold;
    this item says which tenant's console they may open, and records their activity for access review."""

    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    roles = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    status = UnicodeAttribute(default="active")  # active | disabled
    created_at = UTCDateTimeAttribute()
    last_sign_in_at = UTCDateTimeAttribute(null=True)
    last_seen_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, email: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMIN", email.lower()), "ADMIN"

    @classmethod
    def build(cls, tenant_id: str, email: str, **fields: Any) -> AdminMember:
        pk, sk = cls.keys_for(tenant_id, email)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            email=email.lower(),
            GSI1PK=cls.list_partition(tenant_id),
            GSI1SK=email.lower(),
            **fields,
        )

    @classmethod
    def list_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "ADMINS")


class AdminSession(PortsideItem, discriminator="AdminSession"):
    """An admin's console session: 8 hours at most, ended after 30 idle minutes. Only the id's SHA-256 is stored."""

    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    subject = UnicodeAttribute()  # the Cognito ``sub``
    roles = ListAttribute[str](of=UnicodeAttribute)  # type: ignore[arg-type]
    created_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute()
    last_seen_at = UTCDateTimeAttribute()
    csrf_token = UnicodeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, session_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMINSESSION", session_hash), "ADMINSESSION"

    @classmethod
    def build(cls, tenant_id: str, session_hash: str, expires_at: datetime, **fields: Any) -> AdminSession:
        pk, sk = cls.keys_for(tenant_id, session_hash)
        return cls(pk, sk, tenant_id=tenant_id, expires_at=expires_at, expires_ttl=expires_at, **fields)


class AdminChallenge(PortsideItem, discriminator="AdminChallenge"):
    """Binds a Cognito challenge session to the address that passed the password step.

    The portal, not the identity service, decides whose challenge a session is: an answer must
    come with the bound address, and the tokens it earns must name it. Only the SHA-256 of the
    session is stored; the item lives as long as Cognito's session (3 minutes) and a little more.
    """

    tenant_id = UnicodeAttribute()
    email = UnicodeAttribute()
    expires_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, session_hash: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMINCHALLENGE", session_hash), "ADMINCHALLENGE"

    @classmethod
    def build(cls, tenant_id: str, session_hash: str, email: str, expires_at: datetime) -> AdminChallenge:
        pk, sk = cls.keys_for(tenant_id, session_hash)
        return cls(pk, sk, tenant_id=tenant_id, email=email, expires_at=expires_at, expires_ttl=expires_at)


class UsedTotpCode(PortsideItem, discriminator="UsedTotpCode"):
    """An authenticator code an admin has used: refused again until it can no longer be valid."""

    expires_at = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, email: str, code: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "ADMINTOTP", email.lower(), code), "USED"

    @classmethod
    def build(cls, tenant_id: str, email: str, code: str, expires_at: datetime) -> UsedTotpCode:
        pk, sk = cls.keys_for(tenant_id, email, code)
        return cls(pk, sk, expires_at=expires_at, expires_ttl=expires_at)


class AccessReview(PortsideItem, discriminator="AccessReview"):
    """A completed access review: who looked at every contact and admin, and when."""

    tenant_id = UnicodeAttribute()
    review_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    reviewer = UnicodeAttribute()
    note = UnicodeAttribute(null=True)

    @classmethod
    def build(cls, tenant_id: str, review_id: str, at: datetime, **fields: Any) -> AccessReview:
        return cls(
            tenant_key(tenant_id, "ACCESSREVIEW"),
            f"{at.isoformat()}#{review_id}",
            tenant_id=tenant_id,
            review_id=review_id,
            at=at,
            **fields,
        )

    @classmethod
    def partition_of(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "ACCESSREVIEW")


DEAL_STATE_LISTS = {"pending": "PENDING", "approved": "PROTECTED", "rejected": "REJECTED", "expired": "EXPIRED"}


class Deal(PortsideItem, discriminator="Deal"):
    """A deal registration. Decided only from ``pending``; admins' edits are version-checked."""

    tenant_id = UnicodeAttribute()
    deal_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    submitter_id = UnicodeAttribute()  # the contact who submitted it
    submitter_name = UnicodeAttribute()
    kind = UnicodeAttribute(default="partner_intent")
    state = UnicodeAttribute(default="pending")  # pending | approved | rejected | expired
    customer_name = UnicodeAttribute()
    customer_key = UnicodeAttribute()  # domain.customers.customer_key of the name
    customer_domain = UnicodeAttribute(null=True)
    title = UnicodeAttribute()
    amount_cents = NumberAttribute()
    currency = UnicodeAttribute(default="USD")
    close_date = UnicodeAttribute(null=True)  # YYYY-MM-DD
    description = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    # Other partners' open registrations for the same end customer, found at submission (never shown to partners).
    conflicts_with = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    decided_at = UTCDateTimeAttribute(null=True)
    decided_by = UnicodeAttribute(null=True)
    decision_note = UnicodeAttribute(null=True)
    protected_until = UTCDateTimeAttribute(null=True)
    protection_reminded_at = UTCDateTimeAttribute(null=True)
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, deal_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "DEAL", deal_id), "DEAL"

    @classmethod
    def partner_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "DEALS")

    @classmethod
    def state_partition(cls, tenant_id: str, state: str) -> str:
        """Every deal sits in the GSI2 list of its state (see ``state_index``)."""
        return tenant_key(tenant_id, "DEALS", DEAL_STATE_LISTS[state])

    @classmethod
    def state_index(cls, tenant_id: str, deal_id: str, state: str, at: datetime) -> tuple[str, str]:
        """GSI2 keys of a deal in ``state``: pending by registration, approved by the end of its protection,
        rejected by decision, expired by the end it reached."""
        return cls.state_partition(tenant_id, state), f"{at.isoformat()}#{deal_id}"

    @classmethod
    def pending_partition(cls, tenant_id: str) -> str:
        return cls.state_partition(tenant_id, "pending")

    @classmethod
    def protected_partition(cls, tenant_id: str) -> str:
        return cls.state_partition(tenant_id, "approved")

    def move_to(self, state: str, at: datetime) -> list[Any]:
        """Update actions that put the deal in ``state`` and in that state's list."""
        pk, sk = self.state_index(self.tenant_id, self.deal_id, state, at)
        return [Deal.state.set(state), Deal.GSI2PK.set(pk), Deal.GSI2SK.set(sk)]

    @classmethod
    def build(cls, tenant_id: str, deal_id: str, partner_id: str, created_at: datetime, **fields: Any) -> Deal:
        pk, sk = cls.keys_for(tenant_id, deal_id)
        index_pk, index_sk = cls.state_index(tenant_id, deal_id, "pending", created_at)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            deal_id=deal_id,
            partner_id=partner_id,
            created_at=created_at,
            GSI1PK=cls.partner_partition(tenant_id, partner_id),
            GSI1SK=f"{created_at.isoformat()}#{deal_id}",
            GSI2PK=index_pk,
            GSI2SK=index_sk,
            **fields,
        )


class CustomerClaim(PortsideItem, discriminator="CustomerClaim"):
    """One open registration of an end customer (by name key, and by email domain when given).

    Deleted when its deal is rejected or its protection expires: what remains is what conflicts.
    """

    tenant_id = UnicodeAttribute()
    deal_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()

    @classmethod
    def partition_of(cls, tenant_id: str, customer: str) -> str:
        return tenant_key(tenant_id, "CUSTOMER", customer)

    @classmethod
    def keys_for(cls, tenant_id: str, customer: str, deal_id: str) -> tuple[str, str]:
        return cls.partition_of(tenant_id, customer), f"DEAL#{deal_id}"

    @classmethod
    def build(cls, tenant_id: str, customer: str, deal_id: str, partner_id: str) -> CustomerClaim:
        pk, sk = cls.keys_for(tenant_id, customer, deal_id)
        return cls(pk, sk, tenant_id=tenant_id, deal_id=deal_id, partner_id=partner_id)


class CustomerHead(PortsideItem, discriminator="CustomerHead"):
    """The head of an end customer's claims: a counter every registration of the customer bumps.

    A submission reads the claims and the head together (one consistent Query) and its
    transaction conditions on the head's count being unchanged: of two partners registering one
    customer at the same moment, the second's transaction fails, and it reads again and sees the
    first. Without it, each could read the other's claim as absent and neither would be flagged.
    """

    registrations = NumberAttribute(default=0)

    @classmethod
    def keys_for(cls, tenant_id: str, customer: str) -> tuple[str, str]:
        return CustomerClaim.partition_of(tenant_id, customer), "HEAD"


class Question(PortsideItem, discriminator="Question"):
    """A partner contact's question and its one answer, which admins may update (version-checked)."""

    tenant_id = UnicodeAttribute()
    question_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    asker_id = UnicodeAttribute()  # the contact who asked
    asker_name = UnicodeAttribute()
    subject = UnicodeAttribute()
    body = UnicodeAttribute()
    deal_id = UnicodeAttribute(null=True)  # a deal of the same partner, checked when asked
    deal_title = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    state = UnicodeAttribute(default="open")  # open | answered
    answer = UnicodeAttribute(null=True)
    answered_by = UnicodeAttribute(null=True)  # the admin actor of the current answer
    answered_at = UTCDateTimeAttribute(null=True)  # first answered
    answer_changed_at = UTCDateTimeAttribute(null=True)  # the current answer saved
    version = VersionAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, question_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "QUESTION", question_id), "QUESTION"

    @classmethod
    def partner_partition(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "QUESTIONS")

    @classmethod
    def tenant_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "QUESTIONS")

    @staticmethod
    def open_order(created_at: datetime, question_id: str) -> str:
        return f"0#{created_at.isoformat()}#{question_id}"

    @staticmethod
    def answered_order(answered_at: datetime, question_id: str) -> str:
        """After every open question; the latest answer first (seconds counted down from the year 2286)."""
        return f"1#{10**10 - int(answered_at.timestamp()):010d}#{question_id}"

    @classmethod
    def build(cls, tenant_id: str, question_id: str, partner_id: str, created_at: datetime, **fields: Any) -> Question:
        pk, sk = cls.keys_for(tenant_id, question_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            question_id=question_id,
            partner_id=partner_id,
            created_at=created_at,
            GSI1PK=cls.partner_partition(tenant_id, partner_id),
            GSI1SK=f"{created_at.isoformat()}#{question_id}",
            GSI2PK=cls.tenant_partition(tenant_id),
            GSI2SK=cls.open_order(created_at, question_id),
            **fields,
        )


class PartnerUpdate(PortsideItem, discriminator="PartnerUpdate"):
    """Something a partner's contacts should notice (a deal decided, a protection ending, an answer).

    Written in the transaction of the change it reports; kept 30 days (TTL). The dashboard is one
    Query of these, so it stays at two round trips with the session check.
    """

    tenant_id = UnicodeAttribute()
    partner_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    resource = UnicodeAttribute()  # the matrix resource a contact must be able to view to see it
    title = UnicodeAttribute()
    message = UnicodeAttribute()
    link = UnicodeAttribute()
    contact_id = UnicodeAttribute(null=True)  # the contact it concerns most (a deal's submitter), if any

    @classmethod
    def partition_of(cls, tenant_id: str, partner_id: str) -> str:
        return tenant_key(tenant_id, "PARTNER", partner_id, "UPDATES")

    @classmethod
    def build(cls, tenant_id: str, partner_id: str, at: datetime, update_id: str, **fields: Any) -> PartnerUpdate:
        return cls(
            cls.partition_of(tenant_id, partner_id),
            f"{at.isoformat()}#{update_id}",
            tenant_id=tenant_id,
            partner_id=partner_id,
            at=at,
            **fields,
        )


class RateCounter(PortsideItem, discriminator="RateCounter"):
    hits = NumberAttribute(default=0)

    @classmethod
    def keys_for(cls, tenant_id: str, scope: str, subject_hash: str, window: int) -> tuple[str, str]:
        return tenant_key(tenant_id, "RATE", scope, subject_hash, str(window)), "RATE"


class AuditEvent(PortsideItem, discriminator="AuditEvent"):
    """Who did what to what, when, from where. Immutable: written once, inside the change's own transaction."""

    tenant_id = UnicodeAttribute()
    event_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()
    actor = UnicodeAttribute()  # "contact:<id>", "admin:<sub>", "system:<name>", or "anonymous"
    action = UnicodeAttribute()  # e.g. "sign_in.link_requested"
    target = UnicodeAttribute()  # e.g. "contact:<id>"
    client_ip = UnicodeAttribute(null=True)
    user_agent = UnicodeAttribute(null=True)
    details = MapAttribute[str, Any](null=True)

    @classmethod
    def build(cls, tenant_id: str, event_id: str, at: datetime, actor: str, **fields: Any) -> AuditEvent:
        order = f"{at.isoformat()}#{event_id}"
        return cls(
            tenant_key(tenant_id, "AUDIT"),
            order,
            tenant_id=tenant_id,
            event_id=event_id,
            at=at,
            actor=actor,
            GSI1PK=tenant_key(tenant_id, "AUDIT", "ACTOR", actor),
            GSI1SK=order,
            **fields,
        )

    @classmethod
    def partition_of(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "AUDIT")

    @classmethod
    def actor_partition(cls, tenant_id: str, actor: str) -> str:
        return tenant_key(tenant_id, "AUDIT", "ACTOR", actor)


class OutboxMail(PortsideItem, discriminator="OutboxMail"):
    """A mail to send, written in the same transaction as the change that causes it.

    While pending it sits in GSI1's pending list, sorted by when it is next due; the stream
    worker makes the first attempt at once, the sweeper every later one. Sent, it leaves the
    list; parked after ``mail_max_attempts``, it moves to the failed list admins see.
    """

    tenant_id = UnicodeAttribute()
    mail_id = UnicodeAttribute()
    to = ListAttribute[str](of=UnicodeAttribute)  # type: ignore[arg-type]
    template = UnicodeAttribute()
    context_json = UnicodeAttribute()
    # Context keys that hold secrets (a link's token, a code): removed as soon as the mail is sent or parked.
    secret_keys = ListAttribute[str](of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    about = UnicodeAttribute(null=True)  # the record it is about: "deal:<id>", "question:<id>", "contact:<id>"
    status = UnicodeAttribute(default="pending")  # pending | sent | failed (parked) | retried (replaced by a copy)
    attempts = NumberAttribute(default=0)
    last_error = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    sent_at = UTCDateTimeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, mail_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "OUTBOX", mail_id), "OUTBOX"

    @classmethod
    def pending_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "OUTBOX", "PENDING")

    @classmethod
    def parked_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "OUTBOX", "FAILED")

    @staticmethod
    def due_order(due: datetime, mail_id: str) -> str:
        return f"{due.isoformat()}#{mail_id}"

    @classmethod
    def build(cls, tenant_id: str, mail_id: str, created_at: datetime, due: datetime, **fields: Any) -> OutboxMail:
        pk, sk = cls.keys_for(tenant_id, mail_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            mail_id=mail_id,
            created_at=created_at,
            GSI1PK=cls.pending_partition(tenant_id),
            GSI1SK=cls.due_order(due, mail_id),
            **fields,
        )

    def parked_index_keys(self) -> tuple[str, str]:
        return self.parked_partition(self.tenant_id), f"{self.created_at.isoformat()}#{self.mail_id}"
