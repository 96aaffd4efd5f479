"""The whole partner sign-in story and its attacks, over HTTP against the local runtime."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import boto3
import pytest

from portside.auth.secrets import digest
from tests.e2e.client import Visitor, code_in, field, link_in, token_in
from tests.e2e.runtime import Runtime

pytestmark = pytest.mark.e2e


def ask_for_link(visitor: Visitor, runtime: Runtime, email: str) -> dict:
    already = runtime.count_mail(email)
    answer = visitor.post("/partners/login", {"csrf_token": visitor.csrf(), "email": email})
    assert answer.status_code == 303
    return runtime.wait_for_mail(email, already)


def press(visitor: Visitor, link: str):  # type: ignore[no-untyped-def]
    csrf = field(visitor.open_link(link).text, "csrf_token")
    return visitor.post("/partners/auth/magic", {"csrf_token": csrf, "token": token_in(link)})


def test_invite_sign_in_and_sign_out(runtime: Runtime) -> None:
    email = runtime.invite("acme", "technical")
    invite = runtime.wait_for_mail(email)
    visitor = Visitor(runtime.base_url)

    # A mail scanner opens the link first, with HEAD and GET: nothing is spent.
    scanner = Visitor(runtime.base_url)
    assert scanner.request("HEAD", link_in(invite).removeprefix(runtime.base_url)).status_code == 200
    confirm = scanner.open_link(link_in(invite))
    assert confirm.status_code == 200 and "<script" not in confirm.text
    assert confirm.headers["Referrer-Policy"] == "no-referrer"

    signed_in = press(visitor, link_in(invite))
    assert signed_in.status_code == 303 and signed_in.headers["Location"] == "/partners/dashboard"
    set_cookie = signed_in.headers["Set-Cookie"]
    assert "__Host-portside-session=" in set_cookie and "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie
    dashboard = visitor.get("/partners/dashboard")
    assert dashboard.status_code == 200 and "Acme Resellers" in dashboard.text and "Technical contact" in dashboard.text
    assert dashboard.headers["Cache-Control"] == "no-store"

    old_session = dict(visitor.jar)
    logout = visitor.post("/partners/logout", {"csrf_token": field(dashboard.text, "csrf_token")})
    assert logout.status_code == 303 and "Max-Age=0" in logout.headers["Set-Cookie"]
    visitor.jar = old_session  # a copied cookie is worthless: the session is gone on the server
    assert visitor.get("/partners/dashboard").headers["Location"].startswith("/partners/login?next=")


def test_a_spent_link_says_already_used(runtime: Runtime) -> None:
    email = runtime.invite("acme", "salesperson")
    mail = ask_for_link(Visitor(runtime.base_url), runtime, email)
    assert press(Visitor(runtime.base_url), link_in(mail)).status_code == 303

    again = Visitor(runtime.base_url).open_link(link_in(mail))

    assert again.status_code == 410 and "Link already used" in again.text


def test_twelve_concurrent_presses_open_exactly_one_session(runtime: Runtime) -> None:
    email = runtime.invite("acme", "principal")
    link = link_in(ask_for_link(Visitor(runtime.base_url), runtime, email))
    presses = []
    for _ in range(12):
        visitor = Visitor(runtime.base_url)
        presses.append((visitor, field(visitor.open_link(link).text, "csrf_token")))

    def spend(pair: tuple[Visitor, str]) -> int:
        visitor, csrf = pair
        return visitor.post("/partners/auth/magic", {"csrf_token": csrf, "token": token_in(link)}).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(spend, presses))

    assert sorted(statuses) == [303] + [410] * 11
    assert sum("__Host-portside-session" in visitor.jar for visitor, _ in presses) == 1


def test_an_expired_link_says_expired(runtime: Runtime) -> None:
    email = runtime.invite("globex", "salesperson")
    link = link_in(ask_for_link(Visitor(runtime.base_url), runtime, email))
    # Ten minutes pass: move the token's expiry into the past in the emulator's table.
    table = boto3.resource(
        "dynamodb",
        endpoint_url=runtime.emulator_url,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    ).Table("portside")
    past = (datetime.now(UTC) - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%f+0000")
    table.update_item(
        Key={"PK": f"T#northwind#TOKEN#{digest(token_in(link))}", "SK": "TOKEN"},
        UpdateExpression="SET expires_at = :past",
        ExpressionAttributeValues={":past": past},
    )

    visitor = Visitor(runtime.base_url)
    opened = visitor.open_link(link)
    pressed = visitor.post("/partners/auth/magic", {"csrf_token": visitor.csrf(), "token": token_in(link)})

    assert opened.status_code == 410 and "Link expired" in opened.text
    assert pressed.status_code == 410 and "__Host-portside-session" not in visitor.jar


def test_the_code_signs_in_elsewhere_and_locks_after_wrong_tries(runtime: Runtime) -> None:
    email = runtime.invite("globex", "technical")
    phone = Visitor(runtime.base_url)
    code = code_in(ask_for_link(phone, runtime, email))
    wrong = "000000" if code != "000000" else "999999"
    laptop = Visitor(runtime.base_url)
    csrf = laptop.csrf()

    statuses = [
        laptop.post("/partners/login/code", {"csrf_token": csrf, "email": email, "code": wrong}).status_code
        for _ in range(5)
    ]
    locked = laptop.post("/partners/login/code", {"csrf_token": csrf, "email": email, "code": code})

    assert statuses == [400] * 5
    assert locked.status_code == 429 and "Too many wrong codes" in locked.text

    other = runtime.invite("globex", "technical")
    works = Visitor(runtime.base_url)
    code = code_in(ask_for_link(works, runtime, other))
    answer = works.post("/partners/login/code", {"csrf_token": works.csrf(), "email": other, "code": code})
    assert answer.status_code == 303 and "Globex Retail" in works.get("/partners/dashboard").text


def test_unknown_addresses_get_the_same_words(runtime: Runtime) -> None:
    known = runtime.invite("acme", "technical")
    pages = []
    for email in (known, "no-such-person@acme.example"):
        visitor = Visitor(runtime.base_url)
        answer = visitor.post("/partners/login", {"csrf_token": visitor.csrf(), "email": email})
        assert answer.status_code == 303 and answer.headers["Location"] == "/partners/login/check"
        page = visitor.get("/partners/login/check").text.replace(email, "ADDRESS")
        pages.append(page.split("<main")[1].split('name="csrf_token"')[0])

    assert pages[0] == pages[1]
    runtime.wait_for_mail(known, already=1)
    assert runtime.count_mail("no-such-person@acme.example") == 0


def test_the_rate_limit_answers_with_a_clear_message(runtime: Runtime) -> None:
    visitor = Visitor(runtime.base_url)
    csrf = visitor.csrf()
    statuses = [
        visitor.post("/partners/login", {"csrf_token": csrf, "email": "limit-test@acme.example"}).status_code
        for _ in range(5)
    ]
    limited = visitor.post("/partners/login", {"csrf_token": csrf, "email": "limit-test@acme.example"})

    assert statuses == [303] * 5
    assert limited.status_code == 429 and "Please wait 15 minutes" in limited.text
    assert limited.headers["Retry-After"]


def test_csrf_refusals(runtime: Runtime) -> None:
    visitor = Visitor(runtime.base_url)
    csrf = visitor.csrf()

    missing = visitor.post("/partners/login", {"email": "x@acme.example"})
    cross_site = visitor.post(
        "/partners/login", {"csrf_token": csrf, "email": "x@acme.example"}, **{"Sec-Fetch-Site": "cross-site"}
    )
    foreign_origin = visitor.post(
        "/partners/login", {"csrf_token": csrf, "email": "x@acme.example"}, Origin="https://evil.example"
    )

    assert [missing.status_code, cross_site.status_code, foreign_origin.status_code] == [403, 403, 403]
    assert runtime.count_mail("x@acme.example") == 0


def test_a_globex_contact_never_sees_acme(runtime: Runtime) -> None:
    email = runtime.invite("globex", "principal")
    visitor = Visitor(runtime.base_url)
    assert press(visitor, link_in(ask_for_link(visitor, runtime, email))).status_code == 303

    pages = [visitor.get(path).text for path in ("/partners/dashboard", "/partners/login", "/partners/nothing-here")]

    assert "Globex Retail" in pages[0]
    assert all("Acme" not in page and "acme" not in page for page in pages)
