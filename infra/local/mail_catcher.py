"""Outgoing mail, caught: read back from the emulator's SES, printed, and listed at /_dev/mail."""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from html import unescape

from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses import ses_backends

from infra.local.emulator import REGION

_LINK = re.compile(r"https?://[^\s\"'<>]+")


@dataclass(frozen=True)
class CaughtMail:
    to: list[str]
    subject: str
    text: str
    html: str
    links: list[str]


def _part(message: EmailMessage, subtype: str) -> str:
    body = message.get_body(preferencelist=(subtype,))
    return body.get_content() if body is not None else ""


class MailCatcher:
    def __init__(self) -> None:
        self._seen = 0
        self._caught: list[CaughtMail] = []
        self._lock = threading.Lock()

    def collect(self) -> list[CaughtMail]:
        """Take in what SES sent since the last call; print each new mail with its links."""
        sent = ses_backends[DEFAULT_ACCOUNT_ID][REGION].sent_messages
        with self._lock:
            fresh = sent[self._seen :]
            self._seen += len(fresh)
            new = [self._parse(raw) for raw in fresh]
            self._caught += new
        for mail in new:
            links = "\n".join(f"    {link}" for link in mail.links)
            print(f"[mail] to {', '.join(mail.to)}: {mail.subject}\n{links}", flush=True)
        return new

    def all(self) -> list[dict[str, object]]:
        with self._lock:
            return [asdict(mail) for mail in self._caught]

    @staticmethod
    def _parse(raw: object) -> CaughtMail:
        data = getattr(raw, "raw_data", b"")
        message = message_from_bytes(data.encode() if isinstance(data, str) else data, policy=policy.default)
        assert isinstance(message, EmailMessage)
        text, html = _part(message, "plain"), _part(message, "html")
        links = list(dict.fromkeys(unescape(link) for link in _LINK.findall(text + "\n" + html)))
        to = [address.strip() for address in str(message.get("To", "")).split(",") if address.strip()]
        return CaughtMail(to=to, subject=str(message.get("Subject", "")), text=text, html=html, links=links)
