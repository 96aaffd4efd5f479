"""Mail that could not be sent, as ops and owners see it: the list, the count, and Retry.

A parked mail has lost its secrets (a link's token, a code), so retrying a mail that carried a
link does not resend a dead link: the contact gets a fresh one instead (an invite while they
are still invited, otherwise a sign-in link), which voids any older one. Any other mail is
copied into a new outbox item. Either way the parked item is marked ``retried`` in the same
transaction, with the audit record, so two admins pressing Retry at once send one mail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from portside.audit import Client, audit_event
from portside.config import settings
from portside.data import reads
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.records import OutboxMail
from portside.data.models.tenants import Tenant
from portside.data.pages import query_page
from portside.errors import Conflict, NotFound
from portside.mail.outbox import copy_of
from portside.partners.invites import add_fresh_invite
from portside.sign_in.links import add_sign_in_link

PAGE_SIZE = 25

WHAT = {
    "sign_in": "Sign-in link",
    "invite": "Invitation",
    "nudge": "Reminder to sign in",
    "deal_submitted": "New deal registration (to ops)",
    "deal_received": "Deal registration received (to its submitter)",
    "deal_decided": "Deal decision",
    "deal_protection": "Deal protection ending or ended",
    "question_asked": "New question (to ops)",
    "question_answered": "Answer to a question",
    "document_published": "New document (to the contacts who may see it)",
    "pricing_request_submitted": "New pricing or credit request (to finance)",
    "pricing_request_second_approval": "Pricing or credit request waiting for a second approval (to finance)",
    "pricing_request_decided": "Pricing or credit decision",
    "special_price_ending": "Special price ending or ended",
    "certificate_expiring": "Certificate expiring or expired",
}
ABOUT_PAGES = {
    "deal": "/admin/deals/{}",
    "question": "/admin/partners/questions/{}",
    "pricing_request": "/admin/approvals/{}",
}


class AlreadyRetried(Conflict):
    public_message = "This mail was already retried or sent. The list below is current."


class NothingToResend(Conflict):
    public_message = "The contact this link was for no longer exists or is disabled: there is nothing to resend."


@dataclass(frozen=True)
class ParkedView:
    mail_id: str
    to: list[str]
    what: str
    about: str
    about_link: str | None
    error: str
    attempts: int
    created_at: datetime
    fresh_link: bool  # Retry sends a fresh link rather than the same mail


@dataclass(frozen=True)
class ParkedPage:
    mails: list[ParkedView]
    cursor: str | None
    max_attempts: int


def _view(mail: OutboxMail) -> ParkedView:
    kind, _, record_id = (mail.about or "").partition(":")
    page = ABOUT_PAGES.get(kind)
    return ParkedView(
        mail_id=mail.mail_id,
        to=list(mail.to),
        what=WHAT.get(mail.template, mail.template),
        about=f"{kind.title()} {record_id}" if record_id else "—",
        about_link=page.format(record_id) if page and record_id else None,
        error=mail.last_error or "",
        attempts=int(mail.attempts),
        created_at=mail.created_at,
        fresh_link=bool(mail.secret_keys),
    )


def parked_mail(tenant: Tenant, cursor: str | None) -> ParkedPage:
    """Mail the sweeper gave up on, newest first."""
    page = query_page(
        OutboxMail,
        OutboxMail.parked_partition(tenant.tenant_id),
        index="GSI1",
        limit=PAGE_SIZE,
        cursor=cursor,
        newest_first=True,
    )
    return ParkedPage([_view(mail) for mail in page.items], page.cursor, settings().mail_max_attempts)


def parked_count(tenant: Tenant, limit: int) -> int:
    """How many mails wait for an admin, up to ``limit`` (one Query that reads keys only)."""
    return reads.count_up_to(OutboxMail.parked_partition(tenant.tenant_id), None, index="GSI1", cap=limit)


def retry(tenant: Tenant, mail_id: str, actor: str, client: Client) -> str:
    """Send a parked mail again; returns "fresh_link" or "resent"."""
    mail = reads.get_or_none(OutboxMail, OutboxMail.keys_for(tenant.tenant_id, mail_id[:64]), consistent=True)
    if mail is None:
        raise NotFound(f"mail {mail_id}")
    if mail.status != "failed":
        raise AlreadyRetried(f"mail {mail_id} is {mail.status}")
    outcome = "fresh_link" if mail.secret_keys else "resent"
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "mail.retried", f"mail:{mail_id}", client, template=mail.template)
    )
    changes.update(
        mail,
        [OutboxMail.status.set("retried"), OutboxMail.GSI1PK.remove(), OutboxMail.GSI1SK.remove()],
        label="parked",
        condition=OutboxMail.status == "failed",
    )
    if outcome == "fresh_link":
        _add_fresh_link(changes, tenant, mail)
    else:
        changes.put(copy_of(mail), label="mail")
    try:
        changes.commit()
    except ConditionFailed as failed:
        raise AlreadyRetried(f"mail {mail_id}: {failed}") from failed
    return outcome


def _add_fresh_link(changes: Changes, tenant: Tenant, mail: OutboxMail) -> None:
    kind, _, contact_id = (mail.about or "").partition(":")
    contact = reads.contact(tenant.tenant_id, contact_id) if kind == "contact" else None
    if contact is None or contact.status == "disabled":
        raise NothingToResend(f"mail {mail.mail_id} about {mail.about}")
    if contact.status == "invited":
        add_fresh_invite(changes, tenant, contact)
    else:
        add_sign_in_link(changes, tenant, contact)
