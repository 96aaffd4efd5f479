"""Mail rendered from templates/email/<name>.txt and .html; the text template sets the subject."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portside.web.rendering import environment


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def render_mail(template: str, context: dict[str, Any]) -> RenderedMail:
    env = environment()
    text = env.get_template(f"email/{template}.txt").make_module(context)
    html = env.get_template(f"email/{template}.html").render(**context)
    return RenderedMail(subject=str(getattr(text, "subject", "")).strip(), text=str(text).strip() + "\n", html=html)
