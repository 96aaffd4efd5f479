"""Every deal in the console, by state or by partner; a partner's console page; the partner's own words."""

from __future__ import annotations

import re
from typing import Any

from tests.functional.deals.test_deals import register
from tests.functional.portal import Portal

OPS = "ops@northwind.example"


def deal_titles(body: str) -> list[str]:
    return re.findall(r'<a href="/admin/deals/[0-9a-f]{32}">([^<]+)</a>', body)


def registered(portal: Portal, who: str, title: str, customer: str) -> str:
    portal.sign_in(who)
    location = register(portal, title=title, customer_name=customer, customer_domain="").location
    portal.jar.clear()
    return location.split("?")[0].rsplit("/", 1)[-1]


def test_the_console_lists_deals_in_every_state_and_by_partner(portal: Portal, admin_pool: dict[str, Any]) -> None:
    approved = registered(portal, "sales@acme.example", "Acme approved", "Alpha Co")
    rejected = registered(portal, "sales@acme.example", "Acme rejected", "Beta Co")
    registered(portal, "sales@acme.example", "Acme pending", "Gamma Co")
    registered(portal, "sales@globex.example", "Globex pending", "Delta Co")
    portal.admin_sign_in(OPS)
    portal.admin_post(f"/admin/deals/{approved}/decision", {"decision": "approve"})
    portal.admin_post(f"/admin/deals/{rejected}/decision", {"decision": "reject", "note": "No.", "confirmed": "yes"})

    pending = deal_titles(portal.get("/admin/deals").body)
    by_state = {
        state: deal_titles(portal.get(f"/admin/deals?state={state}").body) for state in ("approved", "rejected")
    }
    acme_all = deal_titles(portal.get("/admin/deals?state=all&partner=acme").body)
    acme_pending = deal_titles(portal.get("/admin/deals?state=pending&partner=acme").body)
    refused = portal.get("/admin/deals?state=all")

    assert pending == ["Acme pending", "Globex pending"]  # oldest first
    assert by_state == {"approved": ["Acme approved"], "rejected": ["Acme rejected"]}
    assert acme_all == ["Acme pending", "Acme rejected", "Acme approved"]  # newest first
    assert acme_pending == ["Acme pending"]
    assert refused.status == 400 and "Choose a partner" in refused.body and 'value="all" selected' in refused.body


def test_a_partners_console_page_shows_its_deals_and_questions(portal: Portal, admin_pool: dict[str, Any]) -> None:
    registered(portal, "sales@acme.example", "Acme rollout", "Alpha Co")
    portal.sign_in("tech@acme.example")
    form = portal.get("/partners/questions/new")
    fields = {"subject": "Where is the price list?", "body": "Please.", "submission_id": form.field("submission_id")}
    portal.post("/partners/questions", {**fields, "csrf_token": form.field("csrf_token")})
    portal.jar.clear()
    portal.admin_sign_in(OPS)

    acme = portal.get("/admin/partners/acme").body
    globex = portal.get("/admin/partners/globex").body

    assert "Acme rollout" in acme and "Where is the price list?" in acme
    assert 'href="/admin/deals?state=all&amp;partner=acme"' in acme
    assert "has registered no deal yet" in globex and "has asked no question yet" in globex


def test_a_partner_reads_the_description_they_wrote(portal: Portal) -> None:
    portal.sign_in("sales@acme.example")
    location = register(portal, description="Two sites.\nInstall in March, <b>not</b> before.").location

    page = portal.get(location).body

    assert "Two sites.\nInstall in March, &lt;b&gt;not&lt;/b&gt; before." in page


def partner_deal_titles(body: str) -> list[str]:
    return re.findall(r'<a class="row" href="/partners/deals/[0-9a-f]{32}">\s*<strong>([^<]+)</strong>', body)


def test_a_partner_shows_its_deals_in_one_state_and_pages_keep_it(portal: Portal, admin_pool: dict[str, Any]) -> None:
    approved = registered(portal, "sales@acme.example", "Acme approved", "Alpha Co")
    registered(portal, "sales@acme.example", "Acme pending", "Gamma Co")
    portal.admin_sign_in(OPS)
    portal.admin_post(f"/admin/deals/{approved}/decision", {"decision": "approve"})
    portal.jar.clear()
    portal.sign_in("principal@acme.example")

    everything = partner_deal_titles(portal.get("/partners/deals").body)
    pending_page = portal.get("/partners/deals?state=pending").body
    approved_only = partner_deal_titles(portal.get("/partners/deals?state=approved").body)
    odd = portal.get("/partners/deals?state=<script>")

    assert set(everything) == {"Acme approved", "Acme pending"}
    assert partner_deal_titles(pending_page) == ["Acme pending"] and approved_only == ["Acme approved"]
    assert 'href="/partners/deals?state=pending" aria-current="page"' in pending_page
    assert "No deal registration on this page is “rejected”" in portal.get("/partners/deals?state=rejected").body
    assert odd.status == 200 and set(partner_deal_titles(odd.body)) == set(everything), "an unknown state shows all"


def test_the_next_page_of_one_state_stays_in_that_state(portal: Portal) -> None:
    portal.sign_in("sales@acme.example")
    for number in range(21):  # a page and one more
        register(portal, title=f"Acme deal {number}", customer_name=f"Customer {number}", customer_domain="")

    first = portal.get("/partners/deals?state=pending").body
    older = re.search(r'href="(/partners/deals\?cursor=[^"&]+&amp;state=pending)">Older registrations', first)

    assert older, "the link to the next page keeps the state"
    rest = portal.get(older.group(1).replace("&amp;", "&")).body
    assert partner_deal_titles(rest) == ["Acme deal 0"] and 'state=pending" aria-current="page"' in rest
