"""Training's lines: the partners' modules, quizzes and certificates, the public check of a certificate,
authoring and the report in the console, and the daily certificate job."""

from __future__ import annotations

from portside.manifest.lines import Feature, R, Route, W, Worker

training = Feature("training")
SEE, TAKE = ("training", "view"), ("training", "take_quiz")
AUTHORED, AUTHOR = ("training_authoring", "view"), ("training_authoring", "manage")

ROUTES: tuple[Route, ...] = (
    training.partner("partner_training", "GET", "/partners/training", (R,), SEE),
    training.partner("partner_training_module", "GET", "/partners/training/{module_id}", (R,), SEE),
    training.partner(
        "partner_training_submit",
        "POST",
        "/partners/training/{module_id}",
        (W,),
        TAKE,
        form_page="/partners/training/{module_id}",
    ),
    training.partner("partner_training_certificate", "GET", "/partners/training/{module_id}/certificate", (R,), SEE),
    # Anyone may check a certificate by its code (a customer, say); the tenant comes from the host.
    training.public("certificate_verify", "GET", "/verify/{code}", (R,)),
    training.admin("admin_training", "GET", "/admin/training", (R,), AUTHORED),
    training.admin("admin_training_new", "GET", "/admin/training/new", (R,), AUTHOR),
    training.admin("admin_training_report", "GET", "/admin/training/report", (R,), AUTHORED),
    training.admin(
        "admin_training_report_export", "GET", "/admin/training/report.csv", (R,), AUTHORED, kind="download"
    ),
    training.admin("admin_training_create", "POST", "/admin/training", (W,), AUTHOR, form_page="/admin/training/new"),
    training.admin("admin_training_module", "GET", "/admin/training/{module_id}", (R,), AUTHORED),
    training.admin(
        "admin_training_update",
        "POST",
        "/admin/training/{module_id}",
        (W,),
        AUTHOR,
        form_page="/admin/training/{module_id}",
    ),
    training.admin(
        "admin_training_move",
        "POST",
        "/admin/training/{module_id}/state",
        (W,),
        AUTHOR,
        form_page="/admin/training/{module_id}",
    ),
)

WORKERS: tuple[Worker, ...] = (training.worker("certificates", "schedule", (W,)),)
