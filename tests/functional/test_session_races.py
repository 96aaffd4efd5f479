"""A role change and a sign-in at the same moment: the session that results always carries the new role.

Each test makes the race certain by running one side in the middle of the other, between its
read and its commit, which is where a real race would land.
"""

from __future__ import annotations

from typing import Any

import pytest

from portside.audit import Client
from portside.data import reads
from portside.partners import contacts
from portside.sign_in import spending
from tests.functional.portal import Portal

SALES, CONTACT_ID = "sales@acme.example", "acme-salesperson"
ADMIN = Client(ip="203.0.113.9", user_agent="pytest")


def make_technical(portal: Portal) -> None:
    tenant = reads.tenant("northwind")
    assert tenant is not None
    contact = reads.contact("northwind", CONTACT_ID)
    assert contact is not None
    contacts.change_role(tenant, CONTACT_ID, "technical", int(contact.version), "admin:ops@northwind.example", ADMIN)


def roles_of_sessions() -> list[str]:
    return [session.role for session in reads.sessions_of_contact("northwind", CONTACT_ID)]


def test_a_role_change_during_a_sign_in_gives_the_session_the_new_role(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert portal.request_link(SALES).status == 303
    token = portal.link_token(portal.last_mail_to(SALES))
    real_spend = spending._spend
    calls: list[str] = []

    def role_change_lands_first(*args: Any) -> Any:
        if not calls:
            make_technical(portal)
        calls.append("spend")
        return real_spend(*args)

    monkeypatch.setattr(spending, "_spend", role_change_lands_first)

    signed_in = portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token})

    assert signed_in.status == 303 and calls == ["spend", "spend"]  # the stale read was refused, then read again
    assert roles_of_sessions() == ["technical"]
    assert portal.get("/partners/deals/new").status == 403  # technical contacts cannot register deals


def test_a_sign_in_during_a_role_change_is_ended_with_the_others(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_end = contacts._end_sessions
    calls: list[int] = []

    def sign_in_lands_after_the_read(changes: Any, contact: Any) -> int:
        count = real_end(changes, contact)
        if not calls:
            assert portal.sign_in(SALES).status == 303
        calls.append(count)
        return count

    monkeypatch.setattr(contacts, "_end_sessions", sign_in_lands_after_the_read)

    make_technical(portal)

    assert calls == [0, 1]  # read none, a sign-in slipped in, read again and ended it
    assert roles_of_sessions() == []
    # Signed out: the session with the old role is gone.
    assert portal.get("/partners/dashboard").location.startswith("/partners/login")
    assert reads.contact("northwind", CONTACT_ID).role == "technical"  # type: ignore[union-attr]
