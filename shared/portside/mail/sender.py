"""Sending one rendered mail through SES, as a multipart/alternative message (text and HTML).

Headers are built from the standard library's address types, never pasted together: a brand
name like ``Northwind Distribution, Inc.`` is one quoted display name, and a name that looks
like ``Evil <attacker@evil.example>`` cannot replace the sender's address. Text that reaches a
header (the subject, the display name) is made one line first, whatever was stored.
"""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage

from portside.aws import client
from portside.config import settings
from portside.mail.render import RenderedMail
from portside.text import single_line

MAX_SUBJECT_CHARS = 200


def build_message(to: list[str], mail: RenderedMail, sender_name: str, sender_address: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = single_line(mail.subject)[:MAX_SUBJECT_CHARS]
    message["From"] = Address(display_name=single_line(sender_name), addr_spec=sender_address)
    message["To"] = [Address(addr_spec=address) for address in to]
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    return message


def send(to: list[str], mail: RenderedMail, sender_name: str) -> str:
    config = settings()
    message = build_message(to, mail, sender_name, config.mail_sender)
    arguments = {"Source": config.mail_sender, "Destinations": to, "RawMessage": {"Data": message.as_bytes()}}
    if config.mail_configuration_set:
        arguments["ConfigurationSetName"] = config.mail_configuration_set
    return str(client("ses").send_raw_email(**arguments)["MessageId"])
