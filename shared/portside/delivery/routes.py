"""Mail delivery's lines: the mail worker on the table's stream, the outbox sweeper, and the console's
parked mail."""

from __future__ import annotations

from portside.manifest.lines import Access, Feature, R, Route, W, Worker

delivery = Feature("delivery")
# How often the stream retries a batch the mail worker crashed on, on AWS and in the local runtime alike.
# A failed send is not a crash: it is counted on the outbox item and retried by the sweeper.
STREAM_RETRY_ATTEMPTS = 2
# The item types whose new items wake the mail worker (the stream carries every type): mail to send,
# sign-in links to make, and documents to announce to the contacts who may see them.
STREAM_ITEM_TYPES = ("OutboxMail", "SignInRequest", "DocumentAnnouncement")

ROUTES: tuple[Route, ...] = (
    delivery.admin("admin_mail", "GET", "/admin/mail", (R,), ("outbox", "view")),
    delivery.admin(
        "admin_mail_retry", "POST", "/admin/mail/{mail_id}/retry", (W,), ("outbox", "retry"), form_page="/admin/mail"
    ),
)

WORKERS: tuple[Worker, ...] = (
    delivery.worker("mail_sender", "table-stream", (W, Access.MAIL), item_types=STREAM_ITEM_TYPES),
    delivery.worker("mail_sweeper", "schedule", (W, Access.MAIL), every_minutes=2),
)
