"""Invites: the portside command calls the same domain service the admin console will."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portside.cli import main
from portside.data import reads
from tests.functional.portal import Portal

NEW = "new.person@acme.example"


def invite(*, role: str, partner: str = "acme", email: str = NEW, name: str = "New Person") -> int:
    """Run the real command: ``portside invite ...``; returns its exit code."""
    arguments = {"tenant": "northwind", "partner": partner, "email": email, "name": name, "role": role}
    return main(["invite", *(part for key, value in arguments.items() for part in (f"--{key}", value))])


def test_an_invited_contact_signs_in_through_the_invite_link(
    portal: Portal, capsys: pytest.CaptureFixture[str]
) -> None:
    assert invite(role="technical") == 0
    assert "Invited New Person <new.person@acme.example> as technical" in capsys.readouterr().out
    contact = reads.contact_by_email("northwind", NEW)
    assert contact is not None and contact.status == "invited" and contact.role == "technical"

    mail = portal.last_mail_to(NEW)
    invited = "invited to the Northwind Distribution partner portal for Acme Resellers, as its technical contact."
    assert invited in mail.text and invited in mail.html
    assert "sent the invitation" not in mail.text, "an operator's command names no one"
    token = portal.link_token(mail)
    assert "Welcome" in portal.get(f"/partners/auth/magic?token={token}").body
    assert portal.post("/partners/auth/magic", {"csrf_token": portal.csrf(), "token": token}).status == 303

    assert "Technical contact" in portal.get("/partners/dashboard").body
    assert reads.contact_by_email("northwind", NEW).status == "active"  # type: ignore[union-attr]


def test_an_invite_link_lives_seven_days(portal: Portal) -> None:
    invite(role="salesperson")
    token = portal.link_token(portal.last_mail_to(NEW))
    portal.advance_clock(timedelta(days=7, seconds=1))

    assert "Link expired" in portal.get(f"/partners/auth/magic?token={token}").body


def test_an_address_belongs_to_one_contact(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    assert invite(role="principal", partner="globex", email="Principal@Acme.example", name="Copy") == 2
    assert "already exists" in capsys.readouterr().err


def test_bad_input_and_unknown_partners_are_refused(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    assert invite(role="technical", email="nope") == 2
    assert invite(role="technical", partner="initech") == 1
    with pytest.raises(SystemExit) as refused:  # argparse refuses a role outside its choices
        invite(role="owner")
    assert refused.value.code == 2
    assert reads.contact_by_email("northwind", NEW) is None


def test_an_operator_sets_up_a_tenant_and_partner_from_the_command_line(
    portal: Portal, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["tenant", "--id", "initech", "--name", "Initech", "--base-url", "https://partners.initech.example/"]) == 0
    )
    assert main(["partner", "--tenant", "initech", "--id", "bolts", "--name", "Bolts & Nuts"]) == 0
    assert (
        main(
            [
                "invite",
                "--tenant",
                "initech",
                "--partner",
                "bolts",
                "--email",
                "boss@bolts.example",
                "--name",
                "Bo Boss",
                "--role",
                "principal",
            ]
        )
        == 0
    )
    assert "Created tenant initech at https://partners.initech.example" in capsys.readouterr().out

    portal.host = "partners.initech.example"
    login = portal.get("/partners/login")
    assert "Sign in to Initech" in login.body
    link = next(link for link in portal.last_mail_to("boss@bolts.example").links)
    assert link.startswith("https://partners.initech.example/partners/auth/magic?token=")
    assert (
        portal.post(
            "/partners/auth/magic",
            {"csrf_token": portal.csrf(), "token": portal.link_token(portal.last_mail_to("boss@bolts.example"))},
        ).status
        == 303
    )
    assert "Bolts &amp; Nuts" in portal.get("/partners/dashboard").body


def test_hosts_and_ids_are_taken_once(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tenant", "--id", "copycat", "--name", "Copycat", "--base-url", "http://127.0.0.1:8000"]) == 2
    assert "Already leads to a tenant: 127.0.0.1" in capsys.readouterr().err
    assert main(["partner", "--tenant", "northwind", "--id", "acme", "--name", "Acme again"]) == 2
    assert main(["tenant", "--id", "Bad Id", "--name", "X", "--base-url", "https://x.example"]) == 2
