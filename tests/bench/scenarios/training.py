"""Training: a contact's modules, a module, a quiz graded, a certificate and its public check; authoring as ops."""

from __future__ import annotations

import importlib
from typing import Any

from infra.local.events import LambdaContext
from tests.bench.scenarios import Scenario, as_contact


def scenarios(portal: Any) -> dict[str, Scenario]:
    from infra.local import demo_training
    from tests.functional.training.helpers import MODULE, author, version_of

    demo_training.seed_training()
    basics = demo_training.BASICS
    right = {f"q{n}": [str(i) for i in correct] for n, (_, _, correct) in enumerate(demo_training.BASICS_QUIZ, 1)}

    def as_principal() -> None:
        as_contact(portal, "principal@acme.example")

    def quiz_form() -> dict[str, Any]:
        portal.deliver_mail()
        portal.jar.clear()  # a contact of its own each run: five attempts a day
        as_contact(portal, "principal@globex.example")
        return {"csrf_token": portal.get("/partners/training").field("csrf_token"), "quiz_version": "1", **right}

    def as_ops() -> None:
        portal.admin_sign_in("ops@northwind.example")

    authored = author(portal, publish=False)

    def edit_form() -> dict[str, str]:
        as_ops()
        return {**MODULE, "csrf_token": portal.admin_csrf(), "version": version_of(authored)}

    def move_form() -> dict[str, str]:
        module_id = author(portal, publish=False)
        return {
            "csrf_token": portal.admin_csrf(),
            "state": "published",
            "version": version_of(module_id),
            "id": module_id,
        }

    def job() -> Any:
        handler = importlib.import_module("functions.training.certificates").handler
        return handler({}, LambdaContext(function_name="certificates"))

    return {
        "certificates": (lambda: None, lambda _: job()),
        "partner_training": (as_principal, lambda _: portal.get("/partners/training")),
        "partner_training_module": (as_principal, lambda _: portal.get(f"/partners/training/{basics}")),
        "partner_training_submit": (quiz_form, lambda data: portal.post(f"/partners/training/{basics}", data)),
        "partner_training_certificate": (
            as_principal,
            lambda _: portal.get(f"/partners/training/{basics}/certificate"),
        ),
        "certificate_verify": (lambda: None, lambda _: portal.get("/verify/DEMO-ACME-PR2N")),
        "admin_training": (as_ops, lambda _: portal.get("/admin/training")),
        "admin_training_new": (as_ops, lambda _: portal.get("/admin/training/new")),
        "admin_training_report": (as_ops, lambda _: portal.get("/admin/training/report")),
        "admin_engagement_certificate_nudge": (
            lambda: {
                "csrf_token": (as_ops(), portal.admin_csrf())[1],
                "contact_id": "acme-salesperson",
                "module_id": basics,
            },
            lambda data: portal.post("/admin/engagement/certificates", data),
        ),
        "admin_training_report_export": (as_ops, lambda _: portal.get("/admin/training/report.csv")),
        "admin_training_create": (
            lambda: {**MODULE, "csrf_token": (as_ops(), portal.admin_csrf())[1]},
            lambda data: portal.post("/admin/training", data),
        ),
        "admin_training_module": (as_ops, lambda _: portal.get(f"/admin/training/{authored}")),
        "admin_training_update": (edit_form, lambda data: portal.post(f"/admin/training/{authored}", data)),
        "admin_training_move": (
            move_form,
            lambda data: portal.post(f"/admin/training/{data['id']}/state", data),
        ),
    }
