"""A refused form is shown again on its own page, reached by a GET: a reload never asks to send it again.

Every POST route whose manifest entry names a form page answers a refused form with a 303 to that
page; the page shows what was typed and what was wrong, to the browser that posted it only, for a
few minutes. Secrets typed into a form are never kept.
"""

from __future__ import annotations

import importlib
import re
from datetime import timedelta
from typing import Any

import pytest

from infra.local import demo_imports, demo_requests, demo_training, seed
from portside import clock
from portside.errors import InvalidInput
from portside.manifest import ROUTES, Audience, Route
from portside.web import form_drafts
from tests.functional.portal import Portal, shows_refused_form
from tests.functional.sign_in.test_sign_in import all_items

# Demo records the routes' path parameters name.
DEMO_IDS = {
    "partner_id": "acme",
    "deal_id": "demo-acme-initech",
    "question_id": "demo-acme-rack",
    "space_id": "demo-technical-guides",
    "request_id": "demo-acme-rack-price",
    "module_id": "demo-basics",
    "email": "ops@northwind.example",
    "import_id": demo_imports.HELD_IMPORT_ID,
}


def shown_again_by_get(route: Route) -> bool:
    """A POST route with a form page that shows its refused forms there (not in place)."""
    if route.method != "POST" or not route.form_page:
        return False
    endpoint = importlib.import_module(route.handler).endpoint
    template = endpoint.error_pages.get(InvalidInput)
    return template is not None and template not in endpoint.shown_in_place


FORM_ROUTES = [route for route in ROUTES if shown_again_by_get(route)]


def sign_in_for(portal: Portal, route: Route) -> str:
    """Signed in as someone who may post to ``route``; the CSRF token of that session."""
    seed.seed_deals()
    seed.seed_questions()
    seed.seed_document_spaces()
    demo_requests.seed_requests()
    demo_training.seed_training()
    demo_imports.seed_held_import()
    if route.audience is Audience.PARTNER:
        portal.sign_in("principal@acme.example")
        return portal.get("/partners/dashboard").field("csrf_token")
    if route.audience is Audience.ADMIN:
        portal.admin_sign_in("owner@northwind.example")
        return portal.admin_csrf()
    return portal.get(route.form_page or "/partners/login").field("csrf_token")


def test_every_form_route_is_tried() -> None:
    """The class below covers sign-in, partner and console forms alike; a new form joins it by its manifest entry."""
    names = {route.name for route in FORM_ROUTES}
    assert {"partner_login_request", "partner_deal_submit", "admin_partner_update", "admin_settings_update"} <= names


@pytest.mark.parametrize("route", FORM_ROUTES, ids=[route.name for route in FORM_ROUTES])
def test_a_refused_form_is_shown_again_on_its_page_by_a_get(
    portal: Portal, admin_pool: dict[str, Any], route: Route
) -> None:
    token = sign_in_for(portal, route)
    path = route.path.format(**DEMO_IDS)
    typed = "\u00abtyped here\u00bb"
    # An empty form with one odd extra value: every form refuses it, and the value must come back.
    form = {"csrf_token": token, "version": "not-a-number", "email": typed, "title": typed, "note": "n" * 1001}

    refused = portal.post(path, form, follow_refused=False)

    assert refused.status == 303 and shows_refused_form(refused.location), refused.body[:300]
    assert refused.location.startswith((route.form_page or "").format(**DEMO_IDS) + "?")
    shown = portal.get(refused.location)
    assert shown.status == 400
    assert 'class="error-summary"' in shown.body or 'role="alert"' in shown.body
    reloaded = portal.get(refused.location)
    assert reloaded.status == 400 and reloaded.body.count("error") == shown.body.count("error")


def test_what_was_typed_comes_back_with_the_one_thing_wrong(portal: Portal) -> None:
    portal.sign_in("principal@acme.example")
    form = portal.get("/partners/deals/new")
    fields = {**form.hidden_fields(), "title": "Hooli <b>rollout</b>", "customer_name": "Hooli", "amount": "lots"}

    shown = portal.post("/partners/deals", fields)

    assert shown.status == 400
    assert 'value="Hooli &lt;b&gt;rollout&lt;/b&gt;"' in shown.body
    assert 'aria-invalid="true"' in shown.body and "<b>rollout" not in shown.body
    assert shown.field("submission_id") == form.field("submission_id"), "the same form, so one deal however often"


def test_only_the_browser_that_posted_it_sees_it(portal: Portal) -> None:
    token = portal.csrf()
    refused = portal.post("/partners/login", {"csrf_token": token, "email": "someone@acme"}, follow_refused=False)

    portal.jar.clear()  # another browser, with the same address
    stranger = portal.get(refused.location)

    assert stranger.status == 200
    assert "someone@acme" not in stranger.body and 'aria-invalid="true"' not in stranger.body


def test_it_is_kept_for_minutes_only(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    refused = portal.post("/partners/login", {"csrf_token": portal.csrf(), "email": "x"}, follow_refused=False)
    later = clock.now() + form_drafts.LIFETIME + timedelta(seconds=1)
    monkeypatch.setattr(clock, "now", lambda: later)

    shown = portal.get(refused.location)

    assert shown.status == 200 and 'aria-invalid="true"' not in shown.body


def test_secrets_typed_into_a_form_are_never_kept(portal: Portal, admin_pool: dict[str, Any]) -> None:
    csrf = portal.get("/admin/login").field("csrf_token")
    password = "Not-the-password-1!"

    shown = portal.post("/admin/login", {"csrf_token": csrf, "email": "owner@northwind.example", "password": password})

    assert shown.status == 401 and "owner@northwind.example" in shown.body
    drafts = [item for item in all_items() if item["SK"]["S"] == "FORMDRAFT"]
    assert drafts and password not in str(drafts) and csrf not in str(drafts)
    assert re.search(r'name="password"[^>]*value="[^"]', shown.body) is None


def test_a_refusal_past_the_window_is_still_shown_as_the_answer_itself(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(form_drafts, "PER_CLIENT", 2)
    token = portal.csrf()
    answers = [portal.post("/partners/login", {"csrf_token": token, "email": "x"}, follow_refused=False) for _ in "abc"]

    assert [answer.status for answer in answers] == [303, 303, 400]
    assert "Enter your work email" in answers[-1].body


def test_a_form_id_that_is_not_one_shows_the_plain_page(portal: Portal) -> None:
    for odd in ["", "x", "../../etc", "a" * 43, "%00" * 20]:
        answer = portal.get(f"/partners/login?form={odd}")
        assert answer.status == 200 and 'aria-invalid="true"' not in answer.body
