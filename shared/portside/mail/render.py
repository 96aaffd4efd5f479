"""Mail rendered from templates/email/<name>.txt and .html; the text template sets the subject."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portside.templating import environment


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def render_mail(template: str, context: dict[str, Any]) -> RenderedMail:
    """Every mail ends with where to ask for help, when the tenant has said (``brand.support``)."""
    env = environment()
    text_module = env.get_template(f"email/{template}.txt").make_module(context)
    text, html = str(text_module).strip() + "\n", env.get_template(f"email/{template}.html").render(**context)
    if (context.get("brand") or {}).get("support"):
        text += env.get_template("email/_footer.txt").render(**context)
        footer = env.get_template("email/_footer.html").render(**context)
        html = html.replace("</body>", footer + "</body>") if "</body>" in html else html + footer
    return RenderedMail(subject=str(getattr(text_module, "subject", "")).strip(), text=text, html=html)
