"""Training: the partners' modules, quizzes and certificates, the public check of a certificate, and authoring."""

from __future__ import annotations

from portside.manifest.lines import PUBLIC, R, Route, W, admin, partner

SEE, TAKE = ("training", "view"), ("training", "take_quiz")
AUTHORED, AUTHOR = ("training_authoring", "view"), ("training_authoring", "manage")


ROUTES: tuple[Route, ...] = (
    partner("partner_training", "GET", "/partners/training", "training_list", (R,), SEE),
    partner("partner_training_module", "GET", "/partners/training/{module_id}", "training_module", (R,), SEE),
    partner(
        "partner_training_submit",
        "POST",
        "/partners/training/{module_id}",
        "training_submit",
        (W,),
        TAKE,
        form_page="/partners/training/{module_id}",
    ),
    partner(
        "partner_training_certificate",
        "GET",
        "/partners/training/{module_id}/certificate",
        "training_certificate",
        (R,),
        SEE,
    ),
    # Anyone may check a certificate by its code (a customer, say); the tenant comes from the host.
    Route("certificate_verify", "GET", "/verify/{code}", "functions.partners.certificate_verify", PUBLIC, (R,)),
    admin("admin_training", "GET", "/admin/training", "training_modules", (R,), AUTHORED),
    admin("admin_training_new", "GET", "/admin/training/new", "training_module_new", (R,), AUTHOR),
    admin("admin_training_report", "GET", "/admin/training/report", "training_report", (R,), AUTHORED),
    admin(
        "admin_training_report_export",
        "GET",
        "/admin/training/report.csv",
        "training_report_export",
        (R,),
        AUTHORED,
        kind="download",
    ),
    admin(
        "admin_training_create",
        "POST",
        "/admin/training",
        "training_module_create",
        (W,),
        AUTHOR,
        form_page="/admin/training/new",
    ),
    admin("admin_training_module", "GET", "/admin/training/{module_id}", "training_module_edit", (R,), AUTHORED),
    admin(
        "admin_training_update",
        "POST",
        "/admin/training/{module_id}",
        "training_module_update",
        (W,),
        AUTHOR,
        form_page="/admin/training/{module_id}",
    ),
    admin(
        "admin_training_move",
        "POST",
        "/admin/training/{module_id}/state",
        "training_module_move",
        (W,),
        AUTHOR,
        form_page="/admin/training/{module_id}",
    ),
)
