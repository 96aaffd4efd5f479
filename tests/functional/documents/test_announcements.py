"""'Tell the contacts who can see it': one mail per active contact the space is open to, sent in the background."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from functions.delivery.mail_sender import HANDLERS
from infra.local import seed
from portside.documents import announcements
from portside.documents.models import DocumentAnnouncement
from portside.manifest import STREAM_ITEM_TYPES
from tests.functional.documents.helpers import PDF, upload
from tests.functional.portal import Portal

GUIDES, ACME_ONLY = "demo-technical-guides", "demo-acme-co-marketing"


@pytest.fixture
def ops(portal: Portal, admin_pool: dict[str, Any]) -> Portal:
    seed.seed_document_spaces()
    portal.admin_sign_in("ops@northwind.example")
    return portal


def save(portal: Portal, space_id: str, title: str, **extra: str) -> None:
    back = upload(portal, space_id, "guide.pdf", PDF, title)
    form = {"title": title, "upload_key": back.field("upload_key"), **extra}
    assert portal.admin_post(f"/admin/documents/{space_id}", form).status == 303


def announced_to(portal: Portal, title: str) -> list[str]:
    return sorted(address for mail in portal.sent_mail() if title in mail.subject for address in mail.to)


def pending_announcements() -> list[DocumentAnnouncement]:
    return list(DocumentAnnouncement.gsi1.query(DocumentAnnouncement.pending_partition(seed.TENANT_ID)))


def test_every_contact_who_may_see_the_space_gets_one_mail(ops: Portal) -> None:
    assert 'name="notify"' in upload(ops, GUIDES, "x.pdf", PDF, "x").body

    save(ops, GUIDES, "Installation guide", notify="yes")

    assert announced_to(ops, "New document: Installation guide") == [
        "principal@acme.example",
        "principal@globex.example",
        "tech@acme.example",
        "tech@globex.example",
    ]
    mail = ops.last_mail_to("tech@acme.example")
    assert f"{Portal.BASE_URL}/partners/documents" in mail.text and pending_announcements() == []


def test_a_new_version_says_so_and_a_partners_space_mails_that_partner_only(ops: Portal) -> None:
    save(ops, ACME_ONLY, "Campaign kit")
    save(ops, ACME_ONLY, "Campaign kit", notify="yes")

    assert announced_to(ops, "Campaign kit") == ["principal@acme.example", "sales@acme.example", "tech@acme.example"]
    assert all(
        mail.subject == "New version: Campaign kit" for mail in ops.sent_mail() if "Campaign kit" in mail.subject
    )


def test_no_box_ticked_no_mail(ops: Portal) -> None:
    save(ops, GUIDES, "Quiet guide")

    assert announced_to(ops, "Quiet guide") == [] and pending_announcements() == []


def test_an_announcement_handled_twice_mails_each_contact_once(ops: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    save(ops, GUIDES, "Retried guide", notify="yes")
    (announcement,) = pending_announcements()
    keys = (announcement.PK, announcement.SK)
    with monkeypatch.context() as crash, pytest.raises(OSError):
        crash.setattr(DocumentAnnouncement, "delete", lambda self: (_ for _ in ()).throw(OSError("crashed")))
        announcements.fulfil(keys)  # the mails were queued, then the worker crashed

    assert announcements.fulfil(keys) == "sent:0", "the retry finds every mail already queued"
    assert len(announced_to(ops, "Retried guide")) == 4


def test_the_sweeper_fulfils_an_announcement_the_stream_never_delivered(ops: Portal) -> None:
    save(ops, GUIDES, "Swept guide", notify="yes")
    ops.lose_stream_records()

    assert announcements.sweep() == {}, "not before its stream has had its chance"
    ops.advance_clock(timedelta(minutes=3))
    assert announcements.sweep() == {"sent": 1}
    assert len(announced_to(ops, "Swept guide")) == 4


def test_an_archived_document_is_announced_to_nobody(ops: Portal) -> None:
    save(ops, GUIDES, "Withdrawn guide", notify="yes")
    ops.lose_stream_records()
    document_id = pending_announcements()[0].document_id
    ops.admin_post(f"/admin/documents/{GUIDES}/{document_id}/archive", {"archived": "yes"})

    ops.advance_clock(timedelta(minutes=3))

    assert announcements.sweep() == {"skipped": 1} and announced_to(ops, "Withdrawn guide") == []


def test_the_worker_takes_exactly_the_types_the_stack_lets_through() -> None:
    assert sorted(HANDLERS) == sorted(STREAM_ITEM_TYPES)
