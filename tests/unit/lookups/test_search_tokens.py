"""Where a search may start within an order or PO number, and what a typed search is compared as."""

from __future__ import annotations

from portside.lookups.models.orders import search_form, search_tokens


def test_the_whole_number_each_part_and_each_run_of_digits_are_tokens() -> None:
    assert search_tokens("ACME-PO-7731") == {"acmepo7731", "po", "7731"}
    assert search_tokens("SO-10042") == {"so10042", "10042"}
    assert search_tokens("SO10042") == {"so10042", "10042"}
    assert search_tokens("A-12") == {"a12", "12"}, "a short part is a part; two digits alone are no run"
    assert search_tokens("--") == set()


def test_a_typed_search_keeps_letters_and_digits_only() -> None:
    assert {search_form(typed) for typed in ("SO 10042", "so-10042", " SO10042 ", "SO_10042")} == {"so10042"}
