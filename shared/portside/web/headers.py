"""The security headers every response carries, errors included."""

from __future__ import annotations

import secrets


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


# A view may set these itself (a page whose form posts to S3, a cacheable logo); every other header is fixed.
OVERRIDABLE = frozenset({"Content-Security-Policy", "Cache-Control"})


def content_security_policy(nonce: str, form_action: tuple[str, ...] = ()) -> str:
    """Strict by default: no inline script at all, inline style only with this response's nonce.

    ``form_action`` adds origins a page's forms may post to (the presigned S3 upload of a logo).
    """
    return "; ".join(
        (
            "default-src 'none'",
            f"style-src 'nonce-{nonce}'",
            "img-src 'self' https: data:",
            " ".join(("form-action 'self'", *form_action)),
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "object-src 'none'",
        )
    )


def security_headers(nonce: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(nonce),
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        # no-referrer everywhere: link tokens arrive in query strings and must never leak onward.
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
        # Every page is personal or carries a CSRF token: nothing may be kept by a shared cache.
        "Cache-Control": "no-store",
    }
