"""Deal registration, the admin side: the queue, conflicts side by side, one decision per deal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from infra.local.seed import TENANT_ID
from portside import clock
from portside.data.models.records import AuditEvent
from portside.deals.models import CustomerClaim
from tests.functional.deals.test_deals import deals, register
from tests.functional.portal import Portal

OPS, FINANCE, AUDITOR = "ops@northwind.example", "finance@northwind.example", "auditor@northwind.example"


def deal_path(location: str) -> str:
    return location.split("?")[0]


def submitted_pair(portal: Portal) -> tuple[str, str]:
    """A Globex and an Acme registration of the same customer; their deal ids."""
    portal.sign_in("sales@globex.example")
    globex = deal_path(register(portal, title="Globex bid").location).rsplit("/", 1)[-1]
    portal.jar.clear()
    portal.sign_in("sales@acme.example")
    acme = deal_path(register(portal, title="Acme bid").location).rsplit("/", 1)[-1]
    portal.jar.clear()
    return globex, acme


def test_the_queue_lists_pending_deals_oldest_first_with_conflicts_marked(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    _globex, acme = submitted_pair(portal)
    portal.admin_sign_in(OPS)

    queue = portal.get("/admin/deals").body

    assert queue.index("Globex bid") < queue.index("Acme bid")
    assert queue.count(">conflict<") == 2
    review = portal.get(f"/admin/deals/{acme}").body
    assert "Conflicting registration: Globex bid" in review and "Globex Retail" in review and "Acme Resellers" in review


def test_approving_protects_the_partner_and_mails_submitter_and_principal(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.sign_in("sales@acme.example")
    deal_id = deal_path(register(portal).location).rsplit("/", 1)[-1]
    portal.jar.clear()
    portal.admin_sign_in(FINANCE)

    decided = portal.admin_post(f"/admin/deals/{deal_id}/decision", {"decision": "approve", "note": "Go for it"})

    assert decided.location == f"/admin/deals/{deal_id}?notice=approved"
    (deal,) = deals()
    assert deal.state == "approved" and deal.decided_by == f"admin:{FINANCE}"
    assert deal.protected_until is not None
    assert timedelta(days=89) < deal.protected_until - clock.now() <= timedelta(days=90)
    assert "Initech laptops 2027" not in portal.get("/admin/deals").body  # out of the queue
    for address in ("sales@acme.example", "principal@acme.example"):
        assert "Deal approved: Initech laptops 2027" in portal.last_mail_to(address).subject
    portal.jar.clear()
    portal.sign_in("sales@acme.example")
    page = portal.get(f"/partners/deals/{deal_id}").body
    assert "Approved" in page and "Protected until" in page and "Go for it" in page


def test_a_rejection_needs_a_note_and_releases_the_customer(portal: Portal, admin_pool: dict[str, Any]) -> None:
    globex, acme = submitted_pair(portal)
    portal.admin_sign_in(OPS)

    no_note = portal.admin_post(f"/admin/deals/{globex}/decision", {"decision": "reject"})
    assert no_note.status == 400 and 'id="note-error"' in no_note.body
    rejected = portal.admin_post(
        f"/admin/deals/{globex}/decision", {"decision": "reject", "note": "Duplicate", "confirmed": "yes"}
    )

    assert rejected.location.endswith("notice=rejected")
    claims = [c for c in CustomerClaim.scan() if isinstance(c, CustomerClaim)]  # test-only scan
    assert {c.deal_id for c in claims} == {acme}
    assert "Deal not approved" in portal.last_mail_to("sales@globex.example").subject
    portal.jar.clear()
    portal.sign_in("sales@globex.example")
    page = portal.get(f"/partners/deals/{globex}").body
    assert "Rejected" in page and "Why: Duplicate" in page


def test_a_deal_is_decided_once(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("sales@acme.example")
    deal_id = deal_path(register(portal).location).rsplit("/", 1)[-1]
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    token = portal.admin_csrf()

    first = portal.post(f"/admin/deals/{deal_id}/decision", {"csrf_token": token, "decision": "approve"})
    second = portal.post(
        f"/admin/deals/{deal_id}/decision", {"csrf_token": token, "decision": "reject", "note": "x", "confirmed": "yes"}
    )

    assert first.status == 303
    assert second.status == 409 and "already decided" in second.body
    (deal,) = deals()
    assert deal.state == "approved"
    decisions = [e.action for e in AuditEvent.query(AuditEvent.partition_of(TENANT_ID)) if e.action.startswith("deal.")]
    assert decisions.count("deal.approved") == 1 and "deal.rejected" not in decisions


def test_the_auditor_reads_the_queue_and_decides_nothing(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("sales@acme.example")
    deal_id = deal_path(register(portal).location).rsplit("/", 1)[-1]
    portal.jar.clear()
    portal.admin_sign_in(AUDITOR)

    assert portal.get("/admin/deals").status == 200
    assert "Approve" not in portal.get(f"/admin/deals/{deal_id}").body
    assert portal.admin_post(f"/admin/deals/{deal_id}/decision", {"decision": "approve"}).status == 403
    assert deals()[0].state == "pending"


def test_the_dashboard_shows_what_was_registered_and_decided(portal: Portal, admin_pool: dict[str, Any]) -> None:
    portal.sign_in("sales@acme.example")
    assert "Nothing needs your attention right now" in portal.get("/partners/dashboard").body
    deal_id = deal_path(register(portal).location).rsplit("/", 1)[-1]
    assert "Deal registered: Initech laptops 2027" in portal.get("/partners/dashboard").body
    session = dict(portal.jar)
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    portal.admin_post(f"/admin/deals/{deal_id}/decision", {"decision": "approve"})
    portal.jar = session

    dashboard = portal.get("/partners/dashboard").body

    assert "Deal approved: Initech laptops 2027" in dashboard and "is protected until" in dashboard
    assert "Deal registered: Initech laptops 2027" not in dashboard, "the approval replaces the pending news"
    portal.jar.clear()
    portal.sign_in("tech@globex.example")
    assert "Initech" not in portal.get("/partners/dashboard").body  # another partner's news


def run_daily_job() -> dict[str, int]:
    from functions.deals.deal_protection import handler
    from infra.local.events import LambdaContext

    return handler({"source": "aws.events", "detail-type": "Scheduled Event"}, LambdaContext("deal_protection"))  # type: ignore[no-any-return]


def test_the_daily_job_reminds_before_protection_ends_and_expires_it_after(
    portal: Portal, admin_pool: dict[str, Any]
) -> None:
    portal.sign_in("sales@acme.example")
    deal_id = deal_path(register(portal).location).rsplit("/", 1)[-1]
    portal.jar.clear()
    portal.admin_sign_in(OPS)
    portal.admin_post(f"/admin/deals/{deal_id}/decision", {"decision": "approve"})

    assert run_daily_job() == {"reminded": 0, "expired": 0}  # 90 days to go
    portal.advance_clock(timedelta(days=77))
    assert run_daily_job() == {"reminded": 1, "expired": 0}
    assert "Deal protection ends soon" in portal.last_mail_to("sales@acme.example").subject
    assert run_daily_job() == {"reminded": 0, "expired": 0}  # once only
    portal.advance_clock(timedelta(days=14))
    assert run_daily_job() == {"reminded": 0, "expired": 1}

    (deal,) = deals()
    assert deal.state == "expired"
    assert "Deal protection ended" in portal.last_mail_to("principal@acme.example").subject
    assert [c for c in CustomerClaim.scan() if isinstance(c, CustomerClaim)] == []  # test-only scan
    assert run_daily_job() == {"reminded": 0, "expired": 0}


def test_the_demo_deals_cover_every_state_for_both_partners(portal: Portal, admin_pool: dict[str, Any]) -> None:
    from infra.local import seed

    seed.seed_deals()
    assert {(d.partner_id, d.state) for d in deals()} == {
        (partner, state) for partner in ("acme", "globex") for state in ("pending", "approved", "rejected", "expired")
    }
    portal.admin_sign_in(OPS)
    queue = portal.get("/admin/deals").body
    assert queue.count(">conflict<") == 2  # Acme and Globex both registered Initech
    portal.jar.clear()
    portal.sign_in("principal@acme.example")
    listing = portal.get("/partners/deals").body
    for label in ("Pending approval", "Approved", "Rejected", "Expired"):
        assert label in listing
    assert "Protection ended" in portal.get("/partners/deals/demo-acme-stark").body
    assert "Globex" not in listing and "Massive Dynamic" not in listing
    assert run_daily_job() == {"reminded": 1, "expired": 0}  # Globex's protection ends in 10 days
