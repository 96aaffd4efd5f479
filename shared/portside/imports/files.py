"""Import files: a checked upload kept under ``imports/<tenant>/<import>/``, beside its report of rejected rows
(and, for a run held for four eyes, the list of what it would change)."""

from __future__ import annotations

from portside.aws import client
from portside.config import settings
from portside.storage.documents import DOWNLOAD_SECONDS, content_disposition

IMPORTS_PREFIX = "imports/"


def import_key(tenant_id: str, import_id: str, name: str) -> str:
    return f"{IMPORTS_PREFIX}{tenant_id}/{import_id}/{name}"


def keep_upload(upload_key: str, tenant_id: str, import_id: str) -> str:
    """Move an upload under the import's own prefix (uploads expire in a day); returns the kept key."""
    s3, bucket = client("s3"), settings().documents_bucket
    kept = import_key(tenant_id, import_id, "source.csv")
    s3.copy_object(Bucket=bucket, Key=kept, CopySource={"Bucket": bucket, "Key": upload_key})
    return kept


def write_source(tenant_id: str, import_id: str, body: str) -> str:
    """Keep pushed rows as the import's file, as an upload would be kept; returns its key."""
    return _write(import_key(tenant_id, import_id, "source.csv"), body)


def delete(key: str) -> None:
    client("s3").delete_object(Bucket=settings().documents_bucket, Key=key)


def read(key: str) -> bytes:
    return bytes(client("s3").get_object(Bucket=settings().documents_bucket, Key=key)["Body"].read())


def write_report(tenant_id: str, import_id: str, body: str) -> str:
    return _write(import_key(tenant_id, import_id, "rejected.csv"), body)


def write_held(tenant_id: str, import_id: str, body: str) -> str:
    """The whole list of a held run's changes past four eyes, for its approver."""
    return _write(import_key(tenant_id, import_id, "held.csv"), body)


def _write(key: str, body: str) -> str:
    client("s3").put_object(
        Bucket=settings().documents_bucket, Key=key, Body=body.encode(), ContentType="text/csv; charset=utf-8"
    )
    return key


def report_url(key: str, file_name: str) -> str:
    """A one-minute link to a report, saved as ``file_name``."""
    params = {
        "Bucket": settings().documents_bucket,
        "Key": key,
        "ResponseContentDisposition": content_disposition(file_name),
        "ResponseContentType": "text/csv; charset=utf-8",
    }
    return str(client("s3").generate_presigned_url("get_object", Params=params, ExpiresIn=DOWNLOAD_SECONDS))
