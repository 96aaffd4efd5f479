"""Mail rendered from its feature's ``templates/<feature>/mail/<name>.txt`` and ``.html``, with the footer of
``templates/email/``; the text template sets the subject."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from portside.config import settings
from portside.templating import environment


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


@functools.cache
def mail_folders() -> dict[str, str]:
    """Each mail's folder by its name. The name is what an outbox item stores, so a feature's move
    changes no stored mail; names are unique across features (a test says so)."""
    root = settings().templates_dir
    return {path.stem: path.parent.relative_to(root).as_posix() for path in root.glob("*/mail/*.txt")}


def _template(name: str, suffix: str) -> str:
    folder = mail_folders().get(name)
    if folder is None:
        raise LookupError(f"no mail is named {name!r}: a feature's mails are templates/<feature>/mail/<name>.txt")
    return f"{folder}/{name}.{suffix}"


def render_mail(template: str, context: dict[str, Any]) -> RenderedMail:
    """Every mail ends with where to ask for help, when the tenant has said (``brand.support``)."""
    env = environment()
    text_module = env.get_template(_template(template, "txt")).make_module(context)
    text, html = str(text_module).strip() + "\n", env.get_template(_template(template, "html")).render(**context)
    if (context.get("brand") or {}).get("support"):
        text += env.get_template("email/_footer.txt").render(**context)
        footer = env.get_template("email/_footer.html").render(**context)
        html = html.replace("</body>", footer + "</body>") if "</body>" in html else html + footer
    return RenderedMail(subject=str(getattr(text_module, "subject", "")).strip(), text=text, html=html)
