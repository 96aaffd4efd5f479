"""Document files: uploaded by the browser straight to S3, checked by their content, handed out for a minute.

1. A space's page carries a presigned POST for ``uploads/<tenant>/documents/<space>/<upload>/${filename}``:
   S3 puts the browser's file name in the key, checks the size against the deployment's limit, and
   sends the browser back to the page with the key. Nothing passes through Lambda.
2. Saving checks the upload itself: it exists, its size is within the limit, and its first bytes
   (read by ``filetype``, never its name) make it one of the allowed types. A bad upload is deleted.
3. A checked upload is copied to ``documents/<tenant>/<document>``: one key per document, so each
   upload under an existing title is a new version of that object in the versioned bucket.
4. A download is a presigned GET of exactly the recorded version that lives 60 seconds, saying
   ``attachment`` with the original file name and the stored type: an uploaded page can never run
   on the portal's origin, and the bucket is never a web origin.
"""

from __future__ import annotations

import contextlib
import csv
import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import quote

from botocore.exceptions import ClientError

from portside.aws import client
from portside.config import settings
from portside.errors import InvalidInput
from portside.storage.logos import UPLOADS_PREFIX, UploadForm
from portside.text import file_size

DOCUMENTS_PREFIX = "documents/"
UPLOAD_SECONDS = 30 * 60
DOWNLOAD_SECONDS = 60
HEAD_BYTES = 8192  # what filetype reads: enough for Office's zipped formats
UPLOAD_ID = re.compile(r"^[0-9a-f]{32}$")
MAX_FILE_NAME = 200
# The allow-list, by what the first bytes say; the labels are what the pages show.
ALLOWED_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
    "application/msword": "Word",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.ms-powerpoint": "PowerPoint",
    "text/csv": "CSV",
    "text/plain": "Text",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "application/zip": "ZIP",
}
# Text that a browser could run as a page or an image with script is refused, whatever the file is called:
# any text whose first character (after a byte order mark and white space) opens a tag, a comment or an XML
# declaration, and any text holding one of the tags that make a page or an image run.
_MARKUP_START = re.compile(rb"^\s*<")
_MARKUP_TAG = re.compile(rb"<\s*(?:!doctype|html|head|body|svg|script|\?xml|iframe|object|embed|meta)\b", re.IGNORECASE)
# The one name ending each text type is saved and served with: never .html, .svg or .xml.
TEXT_SUFFIXES = {"text/plain": ".txt", "text/csv": ".csv"}
# Control characters that never appear in text files (tab, line feed, carriage return and form feed do).
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def max_bytes() -> int:
    return settings().document_max_bytes


def space_folder(space_id: str) -> str:
    """Where a space's uploads wait: ``documents/<space>`` under the tenant's uploads."""
    return f"documents/{space_id}"


def _upload_prefix(tenant_id: str, folder: str) -> str:
    return f"{UPLOADS_PREFIX}{tenant_id}/{folder}/"


def document_key(tenant_id: str, document_id: str) -> str:
    return f"{DOCUMENTS_PREFIX}{tenant_id}/{document_id}"


def upload_form(tenant_id: str, folder: str, return_url: str, typed_field: str = "title") -> UploadForm:
    """A presigned POST that takes one file of at most the limit for 30 minutes, then returns to ``return_url``.

    ``typed_field``: the form's one field besides the file (a document's title, an import's kind),
    which S3 keeps with the file as ``x-amz-meta-<field>`` until the upload is saved.
    """
    upload_id = uuid.uuid4().hex
    prefix = f"{_upload_prefix(tenant_id, folder)}{upload_id}/"
    presigned = client("s3").generate_presigned_post(
        Bucket=settings().documents_bucket,
        Key=prefix + "${filename}",
        Fields={"success_action_redirect": return_url},
        Conditions=[
            ["starts-with", "$key", prefix],
            ["starts-with", f"$x-amz-meta-{typed_field}", ""],
            {"success_action_redirect": return_url},
            ["content-length-range", 1, max_bytes()],
        ],
        ExpiresIn=UPLOAD_SECONDS,
    )
    return UploadForm(presigned["url"], presigned["fields"], upload_id)


def clean_file_name(raw: str) -> str:
    """A file name as sent back in a download: the last path segment, no control characters, not too long."""
    name = re.split(r"[/\\]", raw)[-1]
    name = "".join(char for char in name if char.isprintable()).strip().lstrip(".")
    if len(name) > MAX_FILE_NAME:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem[: MAX_FILE_NAME - len(extension) - 1]}.{extension}" if dot and len(extension) < 10 else name
        name = name[:MAX_FILE_NAME]
    return name or "document"


@dataclass(frozen=True)
class Upload:
    """An upload's key in a tenant's space, as S3's redirect named it (or a form carried it back)."""

    key: str
    file_name: str


def upload_of(tenant_id: str, folder: str, key: str) -> Upload:
    """The upload ``key`` names, if it lies in this tenant's ``folder``; anything else is InvalidInput."""
    prefix = _upload_prefix(tenant_id, folder)
    upload_id, _, file_name = key.removeprefix(prefix).partition("/")
    if not key.startswith(prefix) or not UPLOAD_ID.fullmatch(upload_id) or not file_name:
        raise InvalidInput({"file": "That upload does not belong here. Choose the file again and upload it."})
    # Browsers send a quote or a line break in a file name as %22, %0D, %0A (HTML's multipart encoding).
    sent = file_name.replace("%22", '"').replace("%0D", "").replace("%0A", "")
    return Upload(key, clean_file_name(sent))


def is_markup(head: bytes) -> bool:
    """Whether text would parse as HTML, SVG or XML (a leading byte order mark or white space changes nothing)."""
    return bool(_MARKUP_START.match(head.removeprefix(b"\xef\xbb\xbf")) or _MARKUP_TAG.search(head))


def named_for(file_name: str, content_type: str) -> str:
    """``file_name`` with the one ending its text type has (``notes.html`` saved as text is ``notes.html.txt``)."""
    suffix = TEXT_SUFFIXES.get(content_type)
    if suffix is None or file_name.lower().endswith(suffix):
        return file_name
    return file_name + suffix


def _text_type(head: bytes, complete: bool) -> str | None:
    """``text/csv`` or ``text/plain`` for UTF-8 text that is not markup; ``None`` for anything else."""
    if not head.strip() or _BINARY.search(head) or is_markup(head):
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if complete or error.start < len(head) - 3:  # only a character cut at the end of the head is forgiven
            return None
        text = head[: error.start].decode("utf-8")
    lines = text.splitlines()[:20] if complete else text.splitlines()[:-1][:20]
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t")
    except csv.Error:
        return "text/plain"
    columns = {len(row) for row in csv.reader(lines, dialect) if row}
    return "text/csv" if len(lines) > 1 and len(columns) == 1 and columns.pop() > 1 else "text/plain"


def content_type_of(head: bytes, complete: bool) -> str | None:
    """The allowed type the first bytes show, or ``None``. ``complete``: the head is the whole file."""
    import filetype  # only the routes that check uploads load it, not the downloads

    kind = filetype.guess_mime(head)
    if kind is not None:
        return kind if kind in ALLOWED_TYPES else None
    return _text_type(head, complete)


@dataclass(frozen=True)
class CheckedUpload:
    key: str
    file_name: str
    content_type: str
    size: int
    typed: str  # the upload form's typed field (a title, a kind), to be confirmed on saving
    head: bytes = b""  # the first HEAD_BYTES, as read for the check (an import's header row is in them)


def _metadata_text(raw: str) -> str:
    """A metadata value as typed: S3 returns text beyond ASCII RFC 2047-encoded."""
    from email.header import decode_header, make_header

    return str(make_header(decode_header(raw))) if "=?" in raw else raw


DOCUMENT_TYPES_SAID = "a PDF, Office document, CSV, plain text, PNG, JPEG or ZIP file"


def _refusal(file_name: str, size: int, types_said: str) -> InvalidInput:
    if size > max_bytes():
        reason = f"{file_name} is {file_size(size)}; a file may be at most {file_size(max_bytes())}."
    else:
        reason = f"{file_name} is not {types_said}."
    return InvalidInput({"file": f"{reason} It was not kept: choose another file."})


def check_upload(
    upload: Upload,
    allowed: Collection[str] = tuple(ALLOWED_TYPES),
    types_said: str = DOCUMENT_TYPES_SAID,
    typed_field: str = "title",
) -> CheckedUpload:
    """What an upload is by its size and content; a missing, oversized or disallowed one is deleted and refused."""
    s3, bucket = client("s3"), settings().documents_bucket
    try:
        stored = s3.get_object(Bucket=bucket, Key=upload.key, Range=f"bytes=0-{HEAD_BYTES - 1}")
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "InvalidRange":  # an empty file has no first byte
            discard(upload.key)
            raise _refusal(upload.file_name, 0, types_said) from error
        raise InvalidInput(
            {"file": "The upload is gone (uploads are kept for a day). Choose the file again and upload it."}
        ) from error
    size = int(str(stored.get("ContentRange") or f"/{stored.get('ContentLength', 0)}").rsplit("/", 1)[-1] or 0)
    head = stored["Body"].read()
    content_type = content_type_of(head, complete=len(head) >= size)
    if content_type is None or content_type not in allowed or not 0 < size <= max_bytes():
        discard(upload.key)
        raise _refusal(upload.file_name, size, types_said)
    typed = _metadata_text(str((stored.get("Metadata") or {}).get(typed_field, "")))
    file_name = named_for(upload.file_name, content_type)
    return CheckedUpload(upload.key, file_name, content_type, size, typed.strip()[:200], head)


def discard(key: str) -> None:
    """Delete an upload that will not be kept (the lifecycle rule would, after a day)."""
    with contextlib.suppress(ClientError):  # already gone: nothing to delete
        client("s3").delete_object(Bucket=settings().documents_bucket, Key=key)


def publish(tenant_id: str, document_id: str, checked: CheckedUpload) -> str | None:
    """Copy a checked upload to the document's key with its real type; returns the new object version."""
    s3, bucket = client("s3"), settings().documents_bucket
    copied = s3.copy_object(
        Bucket=bucket,
        Key=document_key(tenant_id, document_id),
        CopySource={"Bucket": bucket, "Key": checked.key},
        ContentType=checked.content_type,
        MetadataDirective="REPLACE",
    )
    discard(checked.key)
    return copied.get("VersionId")


def unpublish(tenant_id: str, document_id: str, object_version: str | None) -> None:
    """Remove a version that was copied but never recorded (its transaction failed)."""
    if object_version:
        client("s3").delete_object(
            Bucket=settings().documents_bucket, Key=document_key(tenant_id, document_id), VersionId=object_version
        )


def content_disposition(file_name: str) -> str:
    """``attachment`` with the name for every browser: an ASCII fallback, and the exact name per RFC 5987."""
    fallback = "".join(char if " " <= char < "\x7f" and char not in '"\\' else "_" for char in file_name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def download_url(
    tenant_id: str, document_id: str, object_version: str | None, file_name: str, content_type: str
) -> str:
    """A GET of exactly this version that lives 60 seconds and is always saved, never shown."""
    params = {
        "Bucket": settings().documents_bucket,
        "Key": document_key(tenant_id, document_id),
        "ResponseContentDisposition": content_disposition(named_for(file_name, content_type)),
        "ResponseContentType": content_type,
    }
    if object_version:
        params["VersionId"] = object_version
    return str(client("s3").generate_presigned_url("get_object", Params=params, ExpiresIn=DOWNLOAD_SECONDS))
