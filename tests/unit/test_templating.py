"""The filters that format stored values the same way on pages and in mail."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from jinja2 import nodes

from portside.templating import day, environment, local_time, money

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"


@pytest.mark.parametrize(
    ("minor_units", "currency", "shown"),
    [
        (1825000, "USD", "$18,250.00"),
        (Decimal("5"), "USD", "$0.05"),  # as DynamoDB hands a stored number back
        (-250, "USD", "-$2.50"),
        (100, "EUR", "EUR 1.00"),
    ],
)
def test_money_is_formatted_from_minor_units(minor_units: int | Decimal, currency: str, shown: str) -> None:
    assert money(minor_units, currency) == shown


def test_a_day_is_the_same_from_a_stored_string_or_a_date() -> None:
    assert day("2026-11-22") == day(date(2026, 11, 22)) == "22 Nov 2026"
    assert day("2026-11-22T09:14:00+00:00") == "22 Nov 2026"
    assert day(None, "—") == day("", "—") == "—"


def test_times_are_shown_in_the_tenants_zone() -> None:
    moment = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    assert local_time(moment, "Europe/Berlin") == "23 Nov 2026, 00:30 CET"
    assert local_time(moment, "No/Such_Zone") == "22 Nov 2026, 23:30 UTC"


def test_templates_use_the_filters() -> None:
    template = environment().from_string("{{ cents|money(currency) }} on {{ when|day }}")
    assert template.render(cents=1999, currency="USD", when="2026-01-05") == "$19.99 on 05 Jan 2026"


def test_mail_does_not_import_the_web_layer() -> None:
    """Pages and mail share one environment below both: a mail worker loads no request handling."""
    import ast

    import portside.mail

    for source in Path(portside.mail.__file__).parent.glob("*.py"):
        tree = ast.parse(source.read_text())
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        assert not [name for name in imported if name.startswith("portside.web")], source.name


def _sources() -> dict[str, str]:
    env = environment()
    return {name: env.loader.get_source(env, name)[0] for name in env.list_templates(extensions=["html"])}  # type: ignore[union-attr]


def _title_blocks() -> list[tuple[str, nodes.Block]]:
    env = environment()
    found = []
    for name, source in _sources().items():
        found += [(name, block) for block in env.parse(source).find_all(nodes.Block) if block.name == "title"]
    return found


TITLES = _title_blocks()


@pytest.mark.parametrize(("template", "block"), TITLES, ids=[name for name, _ in TITLES])
def test_every_pages_title_is_short_plain_text(template: str, block: nodes.Block) -> None:
    """A page's ``<title>`` names it: no markup, no form, no line break (a section pasted into it once carried
    the CSRF token into the browser's history)."""
    text = "".join(data.data for data in block.find_all(nodes.TemplateData))
    assert "<" not in text and "\n" not in text and len(text) <= 80, f"{template}: {text[:80]!r}"
    assert not any(isinstance(node, nodes.Block) for node in block.find_all(nodes.Block)), "no block in a title"


# A table row's form of one button and hidden fields, written out by hand: what ``row_action`` is for.
ONE_BUTTON_FORM = re.compile(
    r"<form [^>]*class=\"inline\"[^>]*>\s*\{\{ csrf_input\(\) \}\}\s*(?:<input type=\"hidden\"[^>]*>\s*)*"
    r"<button[^>]*>[^<]*</button>\s*</form>"
)


def test_the_csrf_field_and_one_button_forms_are_written_once_in_the_forms_macros() -> None:
    sources = _sources()
    by_hand = [name for name, source in sources.items() if "csrf_field" in source and name != "forms.html"]
    row_forms = [name for name, source in sources.items() if ONE_BUTTON_FORM.search(source) and name != "forms.html"]
    assert by_hand == [] and row_forms == []
    assert all("csrf_input()" in source for name, source in sources.items() if '<form method="post"' in source)


def test_each_mail_name_is_in_one_folder_with_both_its_parts() -> None:
    """An outbox item stores a mail's name, not its folder: a name in two folders would be ambiguous."""
    from portside.config import settings
    from portside.mail.render import mail_folders

    root = settings().templates_dir
    names = [path.stem for path in root.glob("*/mail/*.txt")]
    assert len(names) == len(set(names)) and "sign_in" in names
    assert mail_folders()["pricing_request_decided"] == "approvals/mail"
    assert all((root / folder / f"{name}.html").exists() for name, folder in mail_folders().items())
    assert sorted(path.name for path in (root / "email").iterdir()) == ["_footer.html", "_footer.txt"]


def test_a_mail_of_no_feature_is_refused_by_name() -> None:
    from portside.mail.render import render_mail

    with pytest.raises(LookupError, match="no mail is named 'signin'"):
        render_mail("signin", {})


# What a page might say of a feature it thinks is missing; every feature a partner or an admin can reach is built.
MISSING_FEATURE = re.compile(
    r"\bnot (?:yet )?(?:open|available|built|ready)\b[^.]*\byet\b|\bcoming soon\b|\bnot (?:yet )?open in this portal\b",
    re.IGNORECASE,
)


def test_no_page_or_mail_says_a_feature_is_not_there_yet() -> None:
    claims = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in sorted(TEMPLATES.rglob("*"))
        if path.suffix in {".html", ".txt"}
        for match in MISSING_FEATURE.finditer(path.read_text())
    ]

    assert claims == []


def test_the_missing_feature_pattern_finds_such_sentences() -> None:
    for sentence in ("Training is not open in this portal yet.", "Invoices: coming soon", "Not available yet, sorry"):
        assert MISSING_FEATURE.search(sentence), sentence
    assert not MISSING_FEATURE.search("No certificate has this code yet: ask your contact.")


def test_amounts_shown_to_people_are_written_by_the_money_filter_alone() -> None:
    """One way to write an amount ("$222.47", never "222.47 USD"): a thousands-grouped amount formatted by hand is
    one that went around it. Plain ``:.2f`` stays for what a machine or a form field reads back (CSV, inputs)."""
    by_hand = re.compile(r"/ ?100(?:\.0)?:,\.2f")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in (ROOT / "shared" / "portside", ROOT / "functions")
        for path in sorted(folder.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if by_hand.search(line)
    ]

    assert found == []


def test_every_mails_html_part_has_a_head_that_sizes_it_for_a_phone() -> None:
    head = '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width'
    missing = [
        str(path.relative_to(TEMPLATES))
        for path in sorted(TEMPLATES.glob("*/mail/*.html"))
        if head not in path.read_text()
    ]

    assert sorted(TEMPLATES.glob("*/mail/*.html")) and missing == []
