"""One Jinja2 environment per process: autoescaped, strict about missing variables."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from portside.config import settings


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(settings().templates_dir)),
        autoescape=select_autoescape(("html",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["powered_by_url"] = settings().powered_by_url
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
