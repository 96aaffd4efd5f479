"""Whatever text reaches a mail's headers, the message is built, has one sender and says what was meant."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.headerregistry import Address

from hypothesis import given, settings
from hypothesis import strategies as st

from portside.mail.render import RenderedMail
from portside.mail.sender import build_message
from portside.text import has_control_characters, single_line

SENDER = "portal@northwind.example"
RECIPIENTS = ["principal@acme.example", "sales@acme.example"]
any_text = st.text(st.characters(codec="utf-8"), max_size=80)


def built(subject: str, sender_name: str) -> tuple[str, tuple[Address, ...], tuple[Address, ...]]:
    message = build_message(RECIPIENTS, RenderedMail(subject, "text\n", "<p>html</p>"), sender_name, SENDER)
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    return str(parsed["Subject"]), parsed["From"].addresses, parsed["To"].addresses


@settings(max_examples=200, deadline=None)
@given(subject=any_text, sender_name=any_text)
def test_any_subject_and_sender_name_make_one_sender_and_a_one_line_subject(subject: str, sender_name: str) -> None:
    read_subject, senders, recipients = built(subject, sender_name)

    assert [sender.addr_spec for sender in senders] == [SENDER]
    # Folding may split a long non-ASCII name into encoded words that read back with a space between.
    assert "".join(senders[0].display_name.split()) == "".join(single_line(sender_name).split())
    assert [r.addr_spec for r in recipients] == RECIPIENTS
    assert not has_control_characters(read_subject)
    # The same folding may also drop a space that falls between two encoded words (RFC 2047 ignores it there).
    assert "".join(read_subject.split()) == "".join(single_line(subject)[:200].split())


def test_a_brand_name_with_a_comma_is_one_quoted_mailbox() -> None:
    _, senders, _ = built("Hello", "Northwind Distribution, Inc.")
    assert [(s.display_name, s.addr_spec) for s in senders] == [("Northwind Distribution, Inc.", SENDER)]


def test_a_brand_name_cannot_replace_the_address() -> None:
    _, senders, _ = built("Hello", "Evil <attacker@evil.example>")
    assert [s.addr_spec for s in senders] == [SENDER]


def test_a_stored_line_break_in_a_subject_is_sent_as_one_line() -> None:
    subject, _, _ = built("Deal approved: Big\r\nBcc: attacker@evil.example", "Northwind")
    assert subject == "Deal approved: Big Bcc: attacker@evil.example"
