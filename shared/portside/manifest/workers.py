"""The workers of the features not yet moved: the mail worker on the table's stream and the outbox sweeper."""

from __future__ import annotations

from portside.manifest.lines import Access, W, Worker

# How often the stream retries a batch the mail worker crashed on, on AWS and in the local runtime alike.
# A failed send is not a crash: it is counted on the outbox item and retried by the sweeper.
STREAM_RETRY_ATTEMPTS = 2
# The item types whose new items wake the mail worker (the stream carries every type): mail to send,
# sign-in links to make, and documents to announce to the contacts who may see them.
STREAM_ITEM_TYPES = ("OutboxMail", "SignInRequest", "DocumentAnnouncement")

# By the feature each belongs to, until it moves to its package (as the imports' and approvals' have).
MAIL_WORKERS: tuple[Worker, ...] = (
    Worker(
        "mail_sender", "functions.workers.mail_sender", "table-stream", (W, Access.MAIL), item_types=STREAM_ITEM_TYPES
    ),
    Worker("mail_sweeper", "functions.workers.mail_sweeper", "schedule", (W, Access.MAIL), every_minutes=2),
)
