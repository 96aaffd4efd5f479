"""Engagement: who never signed in and who has not been seen, and the nudges that reach them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from infra.local.seed import CONTACTS, TENANT_ID
from portside.data import reads
from portside.data.models.records import AuditEvent
from tests.functional.portal import Portal

OPS = "ops@northwind.example"


def test_engagement_lists_the_never_signed_in_and_the_long_unseen_by_partner(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.sign_in("principal@globex.example")  # seen today
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    portal.admin_post(
        "/admin/partners/acme/contacts", {"name": "Ann New", "email": "ann@acme.example", "role": "technical"}
    )

    page = portal.get("/admin/engagement").body
    invited, dormant = page.split("<h2>Not seen for 90 days")
    assert "Ann New" in invited and "Acme Resellers" in invited
    assert "Globex Principal" not in dormant  # seen today

    portal.advance_clock(timedelta(days=91))
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    later = portal.get("/admin/engagement").body.split("<h2>Not seen for 90 days")[1]
    assert "Globex Principal" in later and "Globex Retail" in later


def test_those_quiet_for_30_days_show_on_their_own_view_and_can_be_nudged(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.sign_in("principal@globex.example")
    portal.jar.clear()
    portal.advance_clock(timedelta(days=40))
    portal.admin_sign_in(OPS)

    ninety = portal.get("/admin/engagement").body.split("<h2>Not seen for 90 days")[1]
    thirty = portal.get("/admin/engagement?unseen=30").body.split("<h2>Not seen for 30 days")[1]
    nudged = portal.admin_post("/admin/engagement/nudge", {"group": "quiet", "confirmed": "yes"})

    assert "Globex Principal" not in ninety and 'href="/admin/engagement?unseen=30"' in ninety
    assert "Globex Principal" in thirty and 'href="/admin/engagement"' in thirty
    assert nudged.status == 303 and "principal@globex.example" in {to for mail in portal.sent_mail() for to in mail.to}


def test_a_nudge_mails_a_fresh_invite_and_is_audited_once_a_day(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.admin_sign_in(OPS)
    portal.admin_post(
        "/admin/partners/acme/contacts", {"name": "Ann New", "email": "ann@acme.example", "role": "technical"}
    )
    first_link = portal.link_token(portal.last_mail_to("ann@acme.example"))
    contact = reads.contact_by_email(TENANT_ID, "ann@acme.example")
    assert contact is not None

    nudged = portal.admin_post("/admin/engagement/nudge", {"contact_id": contact.contact_id})

    assert nudged.location == "/admin/engagement?nudged=1"
    mail = portal.last_mail_to("ann@acme.example")
    assert "have not signed in yet" in mail.text
    assert "Link expired" in portal.get(f"/partners/auth/magic?token={first_link}").body
    assert "Welcome" in portal.get(f"/partners/auth/magic?token={portal.link_token(mail)}").body
    again = portal.admin_post("/admin/engagement/nudge", {"group": "invited", "confirmed": "yes"})
    assert again.location == "/admin/engagement?nudged=0"  # nudged within the day already
    nudges = [e for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action == "contact.nudged"]
    assert [(e.actor, e.target) for e in nudges] == [(f"admin:{OPS}", f"contact:{contact.contact_id}")]


def test_nudging_a_whole_list_mails_each_dormant_contact(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.advance_clock(timedelta(days=100))  # no demo contact has been seen since the seed
    portal.admin_sign_in(OPS)

    nudged = portal.admin_post("/admin/engagement/nudge", {"group": "dormant", "confirmed": "yes"})

    assert nudged.location == f"/admin/engagement?nudged={len(CONTACTS)}"
    for demo in CONTACTS:
        assert "have not seen you" in portal.last_mail_to(demo.email).text
