"""The end customer of a deal, as a key two partners' registrations can be compared by.

"ACME, Inc.", "Acme Inc" and "acme" are one customer: the name is lower-cased, stripped of
accents and punctuation, and of trailing legal forms (Inc, Corp, LLC, Ltd, GmbH, S.A. de C.V., …).
An email domain is compared as given, lower-cased, without a leading ``www.``.
"""

from __future__ import annotations

import re
import unicodedata

# Trailing legal forms, as token sequences after dots are removed ("S.A. de C.V." -> "sa de cv").
LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    tuple(form.split())
    for form in (
        "sa de cv",
        "s de rl de cv",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "llc",
        "llp",
        "lp",
        "ltd",
        "limited",
        "plc",
        "gmbh",
        "ag",
        "kg",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "pty",
        "oy",
        "ab",
        "as",
        "kk",
    )
)


def customer_key(name: str) -> str:
    """``"ACME, Inc."`` -> ``"acme"``; never empty for a name with a letter or digit in it."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace(".", "")
    tokens = re.findall(r"[a-z0-9]+", plain)
    if tokens[:1] == ["the"] and len(tokens) > 1:
        tokens = tokens[1:]
    stripped = True
    while stripped:
        stripped = False
        for form in sorted(LEGAL_FORMS, key=len, reverse=True):
            if len(tokens) > len(form) and tuple(tokens[-len(form) :]) == form:
                tokens = tokens[: -len(form)]
                stripped = True
                break
    return " ".join(tokens)


def domain_key(domain: str | None) -> str | None:
    if not domain:
        return None
    cleaned = domain.strip().lower().rstrip(".")
    return cleaned.removeprefix("www.") or None


def claim_keys(name_key: str, domain: str | None) -> list[str]:
    """The keys a deal claims its end customer by: the name's key, and the email domain when given."""
    return [f"name:{name_key}"] + ([f"domain:{domain}"] if domain else [])
