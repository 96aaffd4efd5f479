"""Document files: the type comes from the content, names survive a download, and markup is never kept."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portside.storage.documents import (
    ALLOWED_TYPES,
    clean_file_name,
    content_disposition,
    content_type_of,
    named_for,
)

OOXML = "application/vnd.openxmlformats-officedocument"


def office_file(part: str) -> bytes:
    """A zipped Office file as Office writes it: the content types first, then the document's own folder."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(f"{part}/document.xml", "<document/>")
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return out.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (office_file("word"), f"{OOXML}.wordprocessingml.document"),
        (office_file("xl"), f"{OOXML}.spreadsheetml.sheet"),
        (office_file("ppt"), f"{OOXML}.presentationml.presentation"),
        (plain_zip(), "application/zip"),
        (b"sku,name,price\nR740,Rack server,1200\nR750,Rack server,1500\n", "text/csv"),
        (b"sku;name\nR740;Rack server\n", "text/csv"),
        ("Release notes\n\nFirmware 2.1 fixes the fan curve. Ça marche.\n".encode(), "text/plain"),
        (b"One line only, with a comma, or two", "text/plain"),
    ],
)
def test_an_allowed_file_is_known_by_its_first_bytes(head: bytes, expected: str) -> None:
    assert content_type_of(head, complete=True) == expected


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html><script>alert(1)</script>",
        b"  <html><body>hi</body></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'\xef\xbb\xbf<?xml version="1.0"?><svg/>',
        b"GIF89a\x01\x00\x01\x00",  # a real type, but not an allowed one
        b"MZ\x90\x00\x03\x00\x00\x00",  # a Windows program
        b"\x00\x01\x02\x03binary",
        b"caf\xe9 au lait",  # Latin-1, not UTF-8
        b"",
    ],
)
def test_markup_programs_and_unknown_bytes_are_not_allowed(head: bytes) -> None:
    assert content_type_of(head, complete=True) is None


MARKUP_OPENINGS = ["<!-- a comment -->", "<p>", "<x-unlisted>", "<?xml version='1.0'?>", "<!doctype html>", "<svg>"]


@settings(max_examples=200, deadline=None)
@given(
    start=st.sampled_from(["", "\ufeff", " ", "\n\t ", "\ufeff \r\n"]),
    opening=st.sampled_from(MARKUP_OPENINGS),
    rest=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80),
)
def test_text_that_opens_as_markup_is_never_allowed(start: str, opening: str, rest: str) -> None:
    """With or without a byte order mark, white space or a comment first, and whatever follows."""
    assert content_type_of((start + opening + rest).encode(), complete=True) is None


@pytest.mark.parametrize("tag", ["<script>", "<svg onload=x>", "< iframe src=x>", "<HTML>", "<meta http-equiv>"])
def test_text_holding_a_tag_that_runs_is_not_allowed(tag: str) -> None:
    assert content_type_of(f"Release notes\nsee {tag} below\n".encode(), complete=True) is None


@pytest.mark.parametrize(
    ("name", "content_type", "saved_as"),
    [
        ("x.html", "text/plain", "x.html.txt"),
        ("notes.TXT", "text/plain", "notes.TXT"),
        ("drawing.svg", "text/plain", "drawing.svg.txt"),
        ("prices", "text/csv", "prices.csv"),
        ("report.pdf", "application/pdf", "report.pdf"),
    ],
)
def test_a_text_file_is_always_named_as_text(name: str, content_type: str, saved_as: str) -> None:
    assert named_for(name, content_type) == saved_as


def test_a_character_cut_at_the_end_of_a_long_files_head_is_forgiven() -> None:
    head = ("é" * 100).encode()[:-1]  # the head of a longer file ends inside a character

    assert content_type_of(head, complete=False) == "text/plain"
    assert content_type_of(head, complete=True) is None


def test_every_type_a_page_can_name_is_allowed_and_labelled() -> None:
    assert all(label for label in ALLOWED_TYPES.values())
    assert "image/svg+xml" not in ALLOWED_TYPES and "text/html" not in ALLOWED_TYPES


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_file_name_becomes_one_safe_segment(raw: str) -> None:
    name = clean_file_name(raw)

    assert name and len(name) <= 200
    assert "/" not in name and "\\" not in name
    assert all(char.isprintable() for char in name) and not name.startswith(".")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=200).map(clean_file_name))
def test_any_name_survives_a_content_disposition(name: str) -> None:
    header = content_disposition(name)

    fallback = header.split('filename="', 1)[1].split('"; filename*=', 1)[0]
    assert all(" " <= char < "\x7f" and char not in '"\\' for char in fallback)
    assert unquote(header.rsplit("filename*=UTF-8''", 1)[1]) == name
    assert header.startswith("attachment; ") and "\r" not in header and "\n" not in header


def test_a_name_with_quotes_and_unicode_reads_back_exactly() -> None:
    header = content_disposition('Precios 2027 — "final".pdf')

    assert header == (
        'attachment; filename="Precios 2027 _ _final_.pdf"; '
        "filename*=UTF-8''Precios%202027%20%E2%80%94%20%22final%22.pdf"
    )
    assert clean_file_name("..\\..\\etc/passwd") == "passwd"
    assert clean_file_name("C:\\Users\\ann\\Precios.pdf") == "Precios.pdf"
