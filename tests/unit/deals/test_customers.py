"""End customers compare by a normalized name or an email domain, whatever the partner typed."""

from __future__ import annotations

import pytest

from portside.deals.customers import customer_key, domain_key


@pytest.mark.parametrize(
    "typed",
    ["Acme", "ACME, Inc.", "Acme Inc", "acme corp", "Acme Corporation", "Acme LLC", "Acme Ltd.", "The Acme Company"],
)
def test_legal_forms_case_and_punctuation_do_not_make_another_customer(typed: str) -> None:
    assert customer_key(typed) == "acme"


def test_longer_legal_forms_and_accents() -> None:
    assert customer_key("Distribuidora Núñez, S.A. de C.V.") == "distribuidora nunez"
    assert customer_key("Müller Logistik GmbH") == "muller logistik"
    assert customer_key("Initech Holdings Ltd") == "initech holdings"


def test_a_name_that_is_only_a_legal_form_keeps_it() -> None:
    assert customer_key("Inc") == "inc"
    assert customer_key("Acme Holdings") != customer_key("Acme")


def test_domains_compare_lower_cased_without_www() -> None:
    assert domain_key("WWW.Acme.COM") == "acme.com"
    assert domain_key("") is None and domain_key(None) is None
