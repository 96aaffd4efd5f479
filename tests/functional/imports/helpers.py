"""What the import tests share: a browser's upload through the imports page, and the worker run as the stream would."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from functions.imports.importer import handler
from infra.local.events import LambdaContext
from portside.aws import client
from portside.config import settings
from portside.imports.models import ImportJob
from tests.functional.portal import Answer, Portal


def csv_text(header: list[str] | tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(header))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def upload(portal: Portal, content: bytes, kind: str = "orders", file_name: str = "erp.csv") -> Answer:
    page = portal.get("/admin/imports")
    key = page.field("key").replace("${filename}", file_name)
    client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=content, Metadata={"kind": kind})
    return portal.get(f"/admin/imports?bucket={settings().documents_bucket}&key={quote(key)}")


def start(portal: Portal, content: bytes, kind: str = "orders", file_name: str = "erp.csv") -> Answer:
    back = upload(portal, content, kind, file_name)
    assert back.status == 200, back.body
    return portal.admin_post("/admin/imports", {"kind": kind, "upload_key": back.field("upload_key")})


def worker_records(jobs: list[ImportJob]) -> list[dict[str, object]]:
    """The stream's INSERT records of new import jobs, as the import worker receives them."""
    return [
        {
            "eventID": job.PK,
            "eventName": "INSERT",
            "eventSource": "aws:dynamodb",
            "dynamodb": {
                "NewImage": {"PK": {"S": job.PK}, "SK": {"S": job.SK}, "type": {"S": "ImportJob"}},
                "StreamViewType": "NEW_IMAGE",
                "SequenceNumber": job.PK,
            },
        }
        for job in jobs
    ]


def run_worker(records: list[dict[str, object]]) -> None:
    """The import worker on a batch of records; it must report no record as failed."""
    if records:
        assert handler({"Records": records}, LambdaContext(function_name="importer")) == {"batchItemFailures": []}


def run_imports() -> list[str]:
    """What the import worker does with each queued job the stream carries; the outcomes."""
    queued = [job for job in ImportJob.scan() if job.status == "queued"]  # test-only Scan
    run_worker(worker_records(queued))
    return [ImportJob.get(job.PK, job.SK).status for job in queued]


def latest_job() -> ImportJob:
    return max(ImportJob.scan(), key=lambda job: job.created_at)  # test-only Scan
