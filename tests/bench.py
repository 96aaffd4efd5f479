"""``make bench``: what each manifest route costs, measured, not guessed.

For every route (and the mail worker):

- cold import: seconds to import its handler module in a fresh interpreter (median of
  ``COLD_RUNS``), beside a bare ``import boto3`` measured the same way in the same run;
- AWS calls: the calls one request makes (counted through botocore's ``before-call`` events),
  with DynamoDB round trips on their own;
- warm time: the median wall time of ``WARM_RUNS`` requests to an already imported handler,
  against moto in this process (moto's own overhead included: compare routes, not absolutes).

Prints a table and writes ``build/bench.json``. ``BENCH_ONLY=partner_deal,admin_deal`` measures some routes only.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("partner_login_request:unknown", "partner_code_sign_in:wrong", "partner_code_sign_in:wrong_unknown")
# Pairs whose times must not tell the address apart: (known address, unknown address).
SIDE_BY_SIDE = (
    ("partner_login_request", "partner_login_request:unknown"),
    ("partner_code_sign_in:wrong", "partner_code_sign_in:wrong_unknown"),
)
COLD_RUNS = 3
WARM_RUNS = 15

os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_DEFAULT_REGION": "us-east-1",
        "POWERTOOLS_METRICS_DISABLED": "true",
        "POWERTOOLS_LOG_LEVEL": "ERROR",
        # Repeated sign-ins from one address and IP are the point here, not an attack.
        "PORTSIDE_SIGN_IN_LIMIT_PER_ADDRESS": "100000",
        "PORTSIDE_SIGN_IN_LIMIT_PER_IP": "100000",
        "PORTSIDE_ADMIN_FAILURES_PER_ADDRESS": "100000",
    }
)
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN"):
    os.environ.pop(variable, None)


@dataclass
class Row:
    route: str
    handler: str
    cold_import_s: float
    vs_boto3: float
    aws_calls: int
    dynamodb_round_trips: int
    calls: str
    warm_ms: float


def cold_import(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        for _ in range(COLD_RUNS)
    ]
    return statistics.median(runs)


class CallCounter:
    """Counts every AWS API call of every botocore client, PynamoDB's included."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        import botocore.session

        original = botocore.session.Session.create_client

        def create_client(session: Any, *args: Any, **kwargs: Any) -> Any:
            client = original(session, *args, **kwargs)
            client.meta.events.register("before-call.*.*", self._count)
            return client

        botocore.session.Session.create_client = create_client  # type: ignore[method-assign]

    def _count(self, model: Any, **_: Any) -> None:
        self.calls[f"{model.service_model.service_name}:{model.name}"] += 1


def scenarios(portal: Any) -> dict[str, tuple[Callable[[], Any], Callable[[Any], Any]]]:
    """Per route: a setup (not measured) and the one request measured, given what setup returned."""
    email = "principal@acme.example"

    def fresh_link() -> str:
        portal.request_link(email)
        return str(portal.link_token(portal.last_mail_to(email)))

    def fresh_code() -> str:
        portal.request_link(email)
        return str(portal.code_in(portal.last_mail_to(email)))

    def signed_in() -> str:
        portal.sign_in(email)
        return str(portal.get("/partners/dashboard").field("csrf_token"))

    csrf = portal.csrf
    return {
        "home": (lambda: None, lambda _: portal.get("/")),
        "partner_login_form": (lambda: None, lambda _: portal.get("/partners/login")),
        "partner_login_request": (
            csrf,
            lambda token: portal.post("/partners/login", {"csrf_token": token, "email": email}),
        ),
        "partner_login_request:unknown": (
            csrf,
            lambda token: portal.post("/partners/login", {"csrf_token": token, "email": "nobody@acme.example"}),
        ),
        "partner_code_sign_in:wrong": (
            lambda: (fresh_code(), csrf()),
            lambda args: portal.post("/partners/login/code", {"csrf_token": args[1], "email": email, "code": "000000"}),
        ),
        "partner_code_sign_in:wrong_unknown": (
            lambda: (fresh_code(), csrf()),
            lambda args: portal.post(
                "/partners/login/code", {"csrf_token": args[1], "email": "nobody@acme.example", "code": "000000"}
            ),
        ),
        "partner_check_mail": (lambda: None, lambda _: portal.get("/partners/login/check")),
        "partner_code_sign_in": (
            lambda: (fresh_code(), csrf()),
            lambda args: portal.post("/partners/login/code", {"csrf_token": args[1], "email": email, "code": args[0]}),
        ),
        "partner_magic_confirm": (fresh_link, lambda token: portal.get(f"/partners/auth/magic?token={token}")),
        "partner_magic_spend": (
            lambda: (fresh_link(), csrf()),
            lambda args: portal.post("/partners/auth/magic", {"csrf_token": args[1], "token": args[0]}),
        ),
        "partner_logout": (signed_in, lambda token: portal.post("/partners/logout", {"csrf_token": token})),
        "partner_dashboard": (lambda: portal.sign_in(email), lambda _: portal.get("/partners/dashboard")),
        "not_found": (lambda: None, lambda _: portal.get("/no/such/page")),
        "mail_sender": (lambda: (portal.request_link(email), portal.outbox_records())[1], portal.run_mail_worker),
        **deal_scenarios(portal),
        **question_scenarios(portal),
        **console_scenarios(portal),
    }


def deal_scenarios(portal: Any) -> dict[str, tuple[Callable[[], Any], Callable[[Any], Any]]]:
    """Deal registration: the partner's pages as a salesperson, the console's as the owner."""
    import uuid

    from tests.functional.test_deal_reviews import run_daily_job
    from tests.functional.test_deals import DEAL

    def as_sales() -> None:
        portal.sign_in("sales@acme.example")

    def form() -> dict[str, str]:
        page = portal.get("/partners/deals/new")
        return {**DEAL, "submission_id": uuid.uuid4().hex, "csrf_token": page.field("csrf_token")}

    def registered() -> str:
        return str(portal.post("/partners/deals", form()).location.split("?")[0].rsplit("/", 1)[-1])

    as_sales()
    deal_id = registered()
    return {
        "partner_deals": (as_sales, lambda _: portal.get("/partners/deals")),
        "partner_deal_new": (as_sales, lambda _: portal.get("/partners/deals/new")),
        "partner_deal_submit": (form, lambda data: portal.post("/partners/deals", data)),
        "partner_deal": (as_sales, lambda _: portal.get(f"/partners/deals/{deal_id}")),
        "deal_protection": (lambda: None, lambda _: run_daily_job()),
    }


def question_scenarios(portal: Any) -> dict[str, tuple[Callable[[], Any], Callable[[Any], Any]]]:
    """Questions: the partner's pages as a technical contact (who may ask), the console's as the owner."""
    import uuid

    from tests.functional.test_questions import QUESTION

    def as_tech() -> None:
        portal.sign_in("tech@acme.example")

    def form() -> dict[str, str]:
        page = portal.get("/partners/questions/new")
        return {**QUESTION, "submission_id": uuid.uuid4().hex, "csrf_token": page.field("csrf_token")}

    def answer_form() -> dict[str, str]:
        page = portal.get(f"/admin/partners/questions/{question_id}")
        return {"csrf_token": page.field("csrf_token"), "version": page.field("version"), "answer": "In the box."}

    as_tech()
    question_id = portal.post("/partners/questions", form()).location.split("?")[0].rsplit("/", 1)[-1]
    portal.admin_sign_in("owner@northwind.example")
    return {
        "partner_questions": (as_tech, lambda _: portal.get("/partners/questions")),
        "partner_question_new": (as_tech, lambda _: portal.get("/partners/questions/new")),
        "partner_question_ask": (form, lambda data: portal.post("/partners/questions", data)),
        "partner_question": (as_tech, lambda _: portal.get(f"/partners/questions/{question_id}")),
        "admin_questions": (lambda: None, lambda _: portal.get("/admin/partners/questions")),
        "admin_question": (lambda: None, lambda _: portal.get(f"/admin/partners/questions/{question_id}")),
        "admin_question_answer": (
            answer_form,
            lambda data: portal.post(f"/admin/partners/questions/{question_id}/answer", data),
        ),
    }


def console_scenarios(portal: Any) -> dict[str, tuple[Callable[[], Any], Callable[[Any], Any]]]:
    """The admin routes, as the owner (who may use every one). Setups make each request do its real work."""
    from infra.local.seed import ADMIN_PASSWORD
    from portside.data import reads
    from tests.functional.test_admin_branding import PNG, upload

    owner, numbers = "owner@northwind.example", iter(range(10**6))
    portal.admin_sign_in(owner)

    def csrf() -> str:
        return str(portal.admin_csrf())

    def get(path: str) -> tuple[Callable[[], Any], Callable[[Any], Any]]:
        return lambda: None, lambda _: portal.get(path)

    def post(path: str, form: Callable[[], dict[str, str]]) -> tuple[Callable[[], Any], Callable[[Any], Any]]:
        return lambda: {"csrf_token": csrf(), **form()}, lambda data: portal.post(path, data)

    def invited_contact() -> str:
        email = f"bench-{next(numbers)}@acme.example"
        portal.admin_post("/admin/partners/acme/contacts", {"name": "Bench", "email": email, "role": "technical"})
        return str(reads.contact_by_email("northwind", email).contact_id)  # type: ignore[union-attr]

    def version_of(contact_id: str) -> str:
        return str(reads.contact("northwind", contact_id).version)  # type: ignore[union-attr]

    def password_step() -> dict[str, str]:
        token = portal.get("/admin/login").field("csrf_token")
        step = portal.post("/admin/login", {"csrf_token": token, "email": owner, "password": ADMIN_PASSWORD})
        return {**step.hidden_fields(), "code": portal.unused_code(owner)}

    def signed_in_csrf() -> str:
        portal.admin_sign_in(owner)
        return csrf()

    def pending_deal() -> str:
        from tests.functional.test_deals import DEAL

        admin_cookie = portal.jar.pop("__Host-portside-admin")
        portal.sign_in("sales@globex.example")
        page = portal.get("/partners/deals/new")
        fields = {**DEAL, "submission_id": page.field("submission_id"), "csrf_token": page.field("csrf_token")}
        deal = portal.post("/partners/deals", fields).location.split("?")[0].rsplit("/", 1)[-1]
        portal.jar["__Host-portside-admin"] = admin_cookie
        return str(deal)

    enabled = iter(["false", "true"] * WARM_RUNS)
    roles = iter(["salesperson", "technical"] * WARM_RUNS)
    logo = upload(portal, "/admin/settings/branding", PNG)
    brand = {"name": "Northwind Distribution", "primary_colour": "#0f5b7a"}
    portal.admin_post(
        "/admin/settings/branding",
        {**brand, "logo_upload": logo, "version": portal.get("/admin/settings/branding").field("version")},
    )
    logo_path = str(reads.tenant("northwind").brand.logo_url)  # type: ignore[union-attr]
    return {
        "admin_login_form": get("/admin/login"),
        "admin_login": (
            lambda: portal.get("/admin/login").field("csrf_token"),
            lambda token: portal.post(
                "/admin/login", {"csrf_token": token, "email": owner, "password": ADMIN_PASSWORD}
            ),
        ),
        "admin_login_challenge": (password_step, lambda data: portal.post("/admin/login/challenge", data)),
        "admin_home": get("/admin"),
        "admin_partners": get("/admin/partners"),
        "admin_partner_new": get("/admin/partners/new"),
        "admin_partner_create": post("/admin/partners", lambda: {"partner_id": f"bench-{next(numbers)}", "name": "B"}),
        "admin_partner": get("/admin/partners/acme"),
        "admin_partner_edit": get("/admin/partners/acme/edit"),
        "admin_partner_update": post(
            "/admin/partners/acme",
            lambda: {"name": "Acme Resellers", "version": portal.get("/admin/partners/acme/edit").field("version")},
        ),
        "admin_contact_new": get("/admin/partners/acme/contacts/new"),
        "admin_contact_create": post(
            "/admin/partners/acme/contacts",
            lambda: {"name": "Bench", "email": f"bench-{next(numbers)}@acme.example", "role": "technical"},
        ),
        "admin_contact_resend": (
            lambda: (invited_contact(), csrf()),
            lambda args: portal.post(f"/admin/contacts/{args[0]}/resend-invite", {"csrf_token": args[1]}),
        ),
        "admin_contact_role": post(
            "/admin/contacts/acme-salesperson/role",
            lambda: {"role": next(roles), "version": version_of("acme-salesperson")},
        ),
        "admin_contact_status": post(
            "/admin/contacts/acme-technical/status",
            lambda: {"enabled": next(enabled), "version": version_of("acme-technical")},
        ),
        "admin_contact_end_sessions": (
            lambda: (portal.sign_in("principal@globex.example"), csrf())[1],
            lambda token: portal.post(
                "/admin/contacts/globex-principal/end-sessions", {"csrf_token": token, "confirmed": "yes"}
            ),
        ),
        "admin_engagement": get("/admin/engagement"),
        "admin_nudge": post("/admin/engagement/nudge", lambda: {"contact_id": invited_contact()}),
        "admin_access_review": get("/admin/access-review"),
        "admin_access_review_complete": post("/admin/access-review", lambda: {"note": "bench"}),
        "admin_audit": get("/admin/audit"),
        "admin_audit_export": get("/admin/audit/export"),
        "admin_branding": get("/admin/settings/branding"),
        "admin_branding_update": post(
            "/admin/settings/branding",
            lambda: {**brand, "version": portal.get("/admin/settings/branding").field("version")},
        ),
        "admin_partner_brand": get("/admin/partners/globex/brand"),
        "admin_partner_brand_update": post(
            "/admin/partners/globex/brand",
            lambda: {**brand, "name": "Globex", "version": portal.get("/admin/partners/globex/brand").field("version")},
        ),
        "admin_roles": get("/admin/help/roles"),
        "admin_deals": get("/admin/deals"),
        "admin_deal": get(f"/admin/deals/{pending_deal()}"),
        "admin_deal_decide": (
            lambda: (pending_deal(), csrf()),
            lambda args: portal.post(
                f"/admin/deals/{args[0]}/decision",
                {"csrf_token": args[1], "decision": "reject", "note": "bench", "confirmed": "yes"},
            ),
        ),
        "brand_logo": get(logo_path),
        # Last: it ends the session the routes above use (each of its runs signs in again first, unmeasured).
        "admin_logout": (
            signed_in_csrf,
            lambda token: portal.post("/admin/logout", {"csrf_token": token, "confirmed": "yes"}),
        ),
    }


def measure_requests(wanted: set[str]) -> dict[str, tuple[Counter[str], float]]:
    counter = CallCounter()
    import pytest
    from moto import mock_aws

    from infra.local import resources, seed
    from infra.local.emulator import forget_model_copies
    from portside.domain import tenants
    from tests.functional.jwks import published_jwks, use_admin_pool
    from tests.functional.portal import Portal

    results: dict[str, tuple[Counter[str], float]] = {}
    # Powertools still prints metric batches when disabled; the table below is the output that matters.
    with mock_aws(), published_jwks() as jwks, open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        resources.create_table()
        resources.create_bucket()
        resources.create_mail_identity()
        seed.seed_tenant(Portal.BASE_URL)
        use_admin_pool(jwks, os.environ.__setitem__)
        portal = Portal(pytest.MonkeyPatch())
        # Warm means the per-process tenant and partner caches hold too: a minute's expiry falling
        # inside a slow run would otherwise add a GetItem to whichever route it hit.
        tenants.CACHE_SECONDS = float("inf")
        every = scenarios(portal)
        partner_of = {unknown: known for known, unknown in SIDE_BY_SIDE}
        for name in every:
            if name not in wanted or name in partner_of:
                continue
            # A side-by-side pair is measured in turns: the emulator slows as the table grows, so the
            # later of two measured one after the other would look slower for no reason of its own.
            group = [name, *(other for other, known in partner_of.items() if known == name and other in wanted)]
            print(f"  {', '.join(group)}", file=sys.stderr, flush=True)
            timings: dict[str, list[float]] = {member: [] for member in group}
            calls: dict[str, Counter[str]] = {}
            for member in group:
                setup, request = every[member]
                request(setup())  # warm the handler (its cold start is measured separately)
            for run in range(WARM_RUNS):
                for member in group:
                    setup, request = every[member]
                    prepared = setup()
                    counter.calls.clear()
                    started = time.perf_counter()
                    request(prepared)
                    timings[member].append(time.perf_counter() - started)
                    forget_model_copies()  # else moto keeps a table copy per transaction: the run outgrows memory
                    if run == 0:
                        calls[member] = Counter(counter.calls)
            for member in group:
                results[member] = (calls[member], statistics.median(timings[member]) * 1000)
    return results


def main() -> None:
    from portside.manifest import ROUTES, WORKERS

    handlers = {route.name: route.handler for route in ROUTES} | {worker.name: worker.handler for worker in WORKERS}
    # Variants of one route (``route:variant``), measured beside it: sign-in for known and unknown addresses.
    handlers |= {name: handlers[name.split(":")[0]] for name in VARIANTS}
    # BENCH_ONLY=partner_deal,admin_deal measures only the routes whose names start with one of these.
    prefixes = tuple(p for p in os.environ.get("BENCH_ONLY", "").split(",") if p)
    if prefixes:
        handlers = {name: module for name, module in handlers.items() if name.startswith(prefixes)}
    print(f"Measuring cold imports ({COLD_RUNS} fresh interpreters each) ...", flush=True)
    boto3_import = cold_import("boto3")
    modules = set(handlers.values())
    imported = {module: cold_import(module) for module in modules}
    imports = {name: imported[module] for name, module in handlers.items()}
    print(f"Measuring requests against moto ({WARM_RUNS} warm requests each) ...", flush=True)
    requests = measure_requests(set(handlers))

    rows = []
    for name, module in handlers.items():
        calls, warm_ms = requests[name]
        rows.append(
            Row(
                route=name,
                handler=module,
                cold_import_s=round(imports[name], 3),
                vs_boto3=round(imports[name] / boto3_import, 2),
                aws_calls=sum(calls.values()),
                dynamodb_round_trips=sum(n for call, n in calls.items() if call.startswith("dynamodb:")),
                calls=", ".join(f"{call.split(':')[1]} x{n}" for call, n in sorted(calls.items())),
                warm_ms=round(warm_ms, 1),
            )
        )

    print(f"\nbare `import boto3`: {boto3_import:.3f} s (median of {COLD_RUNS})\n")
    header = f"{'route':24} {'cold import':>11} {'/ boto3':>8} {'AWS calls':>9} {'DynamoDB':>8} {'warm ms':>8}  calls"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.route:24} {row.cold_import_s:>9.3f} s {row.vs_boto3:>8.2f} {row.aws_calls:>9} "
            f"{row.dynamodb_round_trips:>8} {row.warm_ms:>8.1f}  {row.calls}"
        )
    by_name = {row.route: row for row in rows}
    pairs = [(known, unknown) for known, unknown in SIDE_BY_SIDE if known in by_name and unknown in by_name]
    if pairs:
        print("\nSign-in for a known and an unknown address (warm ms; DynamoDB round trips):")
        for known, unknown in pairs:
            k, u = by_name[known], by_name[unknown]
            print(
                f"  {known:28} known {k.warm_ms:7.1f} ms ({k.dynamodb_round_trips})"
                f"   unknown {u.warm_ms:7.1f} ms ({u.dynamodb_round_trips})   calls equal: {k.calls == u.calls}"
            )
    out = ROOT / "build" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    report = {"boto3_import_s": round(boto3_import, 3), "routes": [asdict(row) for row in rows]}
    out.write_text(json.dumps(report, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
