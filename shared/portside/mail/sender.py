"""Sending one rendered mail through SES, as a multipart/alternative message (text and HTML)."""

from __future__ import annotations

from email.message import EmailMessage

from portside.aws import client
from portside.config import settings
from portside.mail.render import RenderedMail


def send(to: list[str], mail: RenderedMail, sender_name: str) -> str:
    config = settings()
    message = EmailMessage()
    message["Subject"] = mail.subject
    message["From"] = f"{sender_name} <{config.mail_sender}>"
    message["To"] = ", ".join(to)
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    arguments = {"Source": config.mail_sender, "Destinations": to, "RawMessage": {"Data": message.as_bytes()}}
    if config.mail_configuration_set:
        arguments["ConfigurationSetName"] = config.mail_configuration_set
    return str(client("ses").send_raw_email(**arguments)["MessageId"])
