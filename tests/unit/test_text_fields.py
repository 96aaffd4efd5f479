"""Every text a person types is either one line or paragraphs, and control characters never pass.

The class of bug: a CR/LF stored in a title reached a mail subject and stopped that mail for good.
These tests walk every form model, so a field added tomorrow is held to the same rule.
"""

from __future__ import annotations

import importlib
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

import portside
from portside.errors import InvalidInput
from portside.questions.forms import QuestionForm
from portside.text import has_control_characters, single_line
from portside.web.forms.base import PortalForm, parse_form
from portside.web.forms.text import _one_line, _paragraphs

# Fields whose own pattern or purpose already rules out control characters, or that are never shown.
CONSTRAINED = {"code", "token", "session", "password", "new_password", "submission_id", "base_url", "tenant_id"}
CONTROL = ["\r\n", "\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"]


def portside_modules() -> list[str]:
    """Every module of the layer: forms are found wherever a feature defines them, whatever the module's name."""
    root = Path(portside.__file__).parent
    names = [".".join(("portside", *path.relative_to(root).with_suffix("").parts)) for path in root.rglob("*.py")]
    return sorted(name.removesuffix(".__init__") for name in names)


def form_models() -> list[type[PortalForm]]:
    """Every form model of every feature, each from the module that defines it."""
    importlib.import_module("portside.manifest")  # first, as every handler does: the routes import each other so
    modules = [importlib.import_module(name) for name in portside_modules()]
    return [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, PortalForm)
        and value is not PortalForm
        and value.__module__ == module.__name__
    ]


def test_the_walk_finds_the_forms_of_every_module_that_defines_one() -> None:
    found = {f"{model.__module__}.{model.__name__}" for model in form_models()}

    assert {
        "portside.imports.forms.ImportStartForm",
        "portside.admin_sign_in.challenge_forms.AdminCodeAnswer",
        "portside.web.forms.tenant.TenantForm",
    } <= found


def constraints_in(annotation: Any, metadata: list[Any]) -> set[Any]:
    """The validator functions and patterns of a field, however deeply its Annotated types nest."""
    found = {getattr(item, "func", None) for item in metadata} | {getattr(item, "pattern", None) for item in metadata}
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated:
            found |= constraints_in(typing.get_args(arg)[0], list(arg.__metadata__))
        found |= constraints_in(arg, [])
    return found - {None}


def kind_of(info: FieldInfo) -> str | None:
    if "EmailStr" in repr(info.annotation):
        return "email address"  # validated as one, which no control character passes
    found = constraints_in(info.annotation, list(info.metadata))
    if _one_line in found:
        return "one line"
    if _paragraphs in found:
        return "paragraphs"
    return "pattern" if any(isinstance(item, str) for item in found) else None


def text_fields() -> list[tuple[type[PortalForm], str, FieldInfo]]:
    return [
        (model, name, info)
        for model in form_models()
        for name, info in model.model_fields.items()
        if "str" in repr(info.annotation) and name not in CONSTRAINED
    ]


def field_id(value: object) -> str:
    """A stable test id on every worker: a field's info prints addresses, so it names nothing."""
    return "" if isinstance(value, FieldInfo) else getattr(value, "__name__", str(value))


@pytest.mark.parametrize(("model", "name", "info"), text_fields(), ids=field_id)
def test_every_free_text_field_is_one_line_or_paragraphs(model: type, name: str, info: FieldInfo) -> None:
    assert kind_of(info), f"{model.__name__}.{name} takes free text: make it SingleLine, Paragraphs or a pattern"


@pytest.mark.parametrize(("model", "name", "info"), text_fields(), ids=field_id)
@pytest.mark.parametrize("control", CONTROL, ids=repr)
def test_control_characters_are_refused_inside_any_text(model: type, name: str, info: FieldInfo, control: str) -> None:
    adapter: TypeAdapter[Any] = TypeAdapter(typing.Annotated[info.annotation, *info.metadata])
    value = f"Acme{control}Bcc: someone@example.com"
    if kind_of(info) == "paragraphs" and control in "\r\n\t":
        assert adapter.validate_python(value) == value  # paragraphs keep their line breaks
        return
    with pytest.raises(ValidationError):
        adapter.validate_python(value)


def test_a_form_says_what_is_wrong_with_a_line_break() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_form(QuestionForm, {"subject": "Hello\r\nBcc: x@example.com", "body": "Hi", "submission_id": "a" * 32})
    assert refused.value.errors == {
        "subject": "Keep this to one line, without line breaks, tabs or other special characters."
    }


@pytest.mark.parametrize("control", CONTROL, ids=repr)
def test_single_line_makes_any_stored_text_one_line(control: str) -> None:
    assert not has_control_characters(single_line(f" Acme{control}{control}Inc "))
    assert single_line(f"Acme{control}Inc") == "Acme Inc"
