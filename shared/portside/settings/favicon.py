"""The tab's icon at ``/favicon.ico``, which every browser asks for: the tenant's published logo, or its initial.

A logo of the tenant's own (``/brand/logo/<id>``) is where the icon redirects; an address elsewhere, or no logo,
gives a small SVG of the brand's first letter on its primary colour, so no tab shows a broken icon.
"""

from __future__ import annotations

import re
from html import escape

from portside.data.models.tenants import Brand

OWN_LOGO = re.compile(r"^/brand/logo/[A-Za-z0-9_-]+$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLOUR = "#1d4ed8"


def own_logo(brand: Brand) -> str | None:
    """The path of the brand's logo when the portal itself serves it."""
    return brand.logo_url if brand.logo_url and OWN_LOGO.fullmatch(brand.logo_url) else None


def initial_icon(brand: Brand) -> str:
    """A rounded square in the brand's colour with the first letter or digit of its name, in white."""
    colour = brand.primary_colour if COLOUR.fullmatch(brand.primary_colour or "") else DEFAULT_COLOUR
    initial = next((character.upper() for character in brand.name if character.isalnum()), "P")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="12" fill="{colour}"/>'
        '<text x="32" y="44" font-family="system-ui,sans-serif" font-size="36" font-weight="700" '
        f'text-anchor="middle" fill="#fff">{escape(initial)}</text></svg>'
    )
