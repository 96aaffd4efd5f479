"""One Jinja2 environment per process, for pages and mail alike: autoescaped, strict about missing variables.

Values reach templates as stored (amounts in minor units, times in UTC); the filters here
format them, so that a page and a mail about the same deal say the same thing.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from portside import clock
from portside.config import settings
from portside.text import file_size

if TYPE_CHECKING:
    from jinja2 import Environment

_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_COLOUR = "#1d4ed8"


@cache
def environment() -> Environment:
    """Built at the first render: a route that only redirects never loads Jinja (about 20 ms of a cold start)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(settings().templates_dir)),
        autoescape=select_autoescape(("html",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["powered_by_url"] = settings().powered_by_url
    env.filters["local_time"] = local_time
    env.filters["day"] = day
    env.filters["money"] = money
    env.filters["safe_colour"] = safe_colour
    env.filters["file_size"] = file_size
    env.filters["waited"] = waited
    env.filters["paragraphs"] = paragraphs
    env.filters["qr_code"] = qr_code
    return env


def safe_colour(value: str | None) -> str:
    """A colour goes into CSS: only ``#rrggbb`` passes, anything else is the default."""
    return value if value and _HEX_COLOUR.fullmatch(value) else DEFAULT_COLOUR


_LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def paragraphs(text: str) -> Any:
    """Plain text as HTML: a paragraph per blank-line break, a line break per line, web addresses made links.

    Built only from ``Markup`` templates and ``Markup.join``, which escape everything typed.
    """
    from markupsafe import Markup

    def linked(line: str) -> Markup:
        pieces: list[str | Markup] = []
        last = 0
        for found in _LINK.finditer(line):
            pieces += [
                line[last : found.start()],
                Markup('<a href="{0}" rel="noopener nofollow">{0}</a>').format(found[0]),
            ]
            last = found.end()
        return Markup("").join([*pieces, line[last:]])

    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if block.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(linked(line) for line in block.split("\n"))) for block in blocks
    )


def qr_code(text: str) -> str:
    """``text`` as a QR code in an SVG ``data:`` URI (the CSP allows ``data:`` images), drawn by segno."""
    import segno  # the authenticator set-up page only

    return str(segno.make(text, error="m").svg_data_uri(scale=4, border=2))


def waited(since: datetime) -> str:
    """How long something has waited, in the largest whole unit: "3 days", "5 hours", "under an hour"."""
    seconds = max(0, int((clock.now() - since).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600)):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return "under an hour"


def local_time(moment: datetime | None, time_zone: str = "UTC", empty: str = "never") -> str:
    """Times are stored in UTC and shown in the tenant's time zone: ``22 Nov 2026, 09:14 GMT``."""
    if moment is None:
        return empty
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone).strftime("%d %b %Y, %H:%M %Z")


def day(value: date | str | None, empty: str = "") -> str:
    """A calendar day, ``2026-11-22`` or a date: ``22 Nov 2026``."""
    if not value:
        return empty
    return (date.fromisoformat(value[:10]) if isinstance(value, str) else value).strftime("%d %b %Y")


def money(minor_units: int | Decimal | str, currency: str = "USD") -> str:
    """An amount in minor units: ``1825000`` USD -> ``$18,250.00``; other currencies by their code."""
    cents = int(minor_units)
    symbol = "$" if currency == "USD" else f"{currency} "
    sign = "-" if cents < 0 else ""
    return f"{sign}{symbol}{abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
