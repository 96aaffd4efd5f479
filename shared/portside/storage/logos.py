"""Brand logos: uploaded by the browser straight to S3, checked, then published under the tenant's prefix.

1. The branding page carries a presigned POST for ``uploads/<tenant>/logo/<id>``: at most 200 KB,
   that one key, answered by a redirect back to the page. Nothing passes through Lambda.
2. Saving the form checks the upload itself (size, and the file's first bytes must be PNG, JPEG
   or WebP: SVG can carry script, so it is refused) and copies it to ``brand/<tenant>/<id>`` with
   the type it really has. Unchecked uploads are never served, and expire with the bucket's
   lifecycle rule for ``uploads/``.
3. Pages show it through ``/brand/logo/<id>``, from the host's tenant prefix only.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from botocore.exceptions import ClientError

from portside.aws import client
from portside.config import settings
from portside.errors import InvalidInput, NotFound

UPLOADS_PREFIX, BRAND_PREFIX = "uploads/", "brand/"
MAX_LOGO_BYTES = 200 * 1024
UPLOAD_SECONDS = 15 * 60
LOGO_ID = re.compile(r"^[0-9a-f]{32}$")
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True)
class UploadForm:
    url: str
    fields: dict[str, str]
    upload_id: str


def _upload_key(tenant_id: str, upload_id: str) -> str:
    return f"{UPLOADS_PREFIX}{tenant_id}/logo/{upload_id}"


def _logo_key(tenant_id: str, logo_id: str) -> str:
    return f"{BRAND_PREFIX}{tenant_id}/{logo_id}"


def logo_url(logo_id: str) -> str:
    return f"/brand/logo/{logo_id}"


def upload_form(tenant_id: str, return_url: str) -> UploadForm:
    """A presigned POST that accepts one logo file for 15 minutes, then sends the browser to ``return_url``."""
    upload_id = uuid.uuid4().hex
    separator = "&" if "?" in return_url else "?"
    redirect = f"{return_url}{separator}uploaded={upload_id}"
    key = _upload_key(tenant_id, upload_id)
    presigned = client("s3").generate_presigned_post(
        Bucket=settings().documents_bucket,
        Key=key,
        Fields={"success_action_redirect": redirect},
        Conditions=[
            {"success_action_redirect": redirect},
            ["content-length-range", 1, MAX_LOGO_BYTES],
        ],
        ExpiresIn=UPLOAD_SECONDS,
    )
    return UploadForm(presigned["url"], presigned["fields"], upload_id)


def _sniff(head: bytes) -> str | None:
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


@dataclass(frozen=True)
class CheckedLogo:
    upload_id: str
    content_type: str
    size: int


def check_upload(tenant_id: str, upload_id: str) -> CheckedLogo:
    """What an upload is, by its first bytes and size; anything but a small PNG, JPEG or WebP answers InvalidInput."""
    problem = InvalidInput({"logo": "Upload a PNG, JPEG or WebP image of at most 200 KB, then save."})
    if not LOGO_ID.fullmatch(upload_id):
        raise problem
    try:
        upload = client("s3").get_object(
            Bucket=settings().documents_bucket, Key=_upload_key(tenant_id, upload_id), Range="bytes=0-15"
        )
    except ClientError as error:
        raise problem from error
    size = int(str(upload.get("ContentRange", "/0")).rsplit("/", 1)[-1] or 0)
    content_type = _sniff(upload["Body"].read())
    if content_type is None or not 0 < size <= MAX_LOGO_BYTES:
        raise problem
    return CheckedLogo(upload_id, content_type, size)


def publish_upload(tenant_id: str, upload_id: str) -> str:
    """Check an uploaded logo and publish it; returns the logo's id. Bad files answer InvalidInput."""
    content_type = check_upload(tenant_id, upload_id).content_type
    s3, bucket = client("s3"), settings().documents_bucket
    s3.copy_object(
        Bucket=bucket,
        Key=_logo_key(tenant_id, upload_id),
        CopySource={"Bucket": bucket, "Key": _upload_key(tenant_id, upload_id)},
        ContentType=content_type,
        MetadataDirective="REPLACE",
    )
    return upload_id


def read_logo(tenant_id: str, logo_id: str) -> tuple[bytes, str]:
    if not LOGO_ID.fullmatch(logo_id):
        raise NotFound(f"logo {logo_id}")
    try:
        stored = client("s3").get_object(Bucket=settings().documents_bucket, Key=_logo_key(tenant_id, logo_id))
    except ClientError as error:
        raise NotFound(f"logo {logo_id}") from error
    return stored["Body"].read(), str(stored.get("ContentType") or "application/octet-stream")
