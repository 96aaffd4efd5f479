"""What the documents tests share: a browser's upload through the space page's presigned POST."""

from __future__ import annotations

import html
from urllib.parse import quote

from portside.aws import client
from portside.config import settings
from tests.functional.portal import Answer, Portal

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
CSV = b"sku,name,price\nR740,Rack server,1200\nR750,Rack server,1500\n"


def upload(portal: Portal, space_id: str, file_name: str, content: bytes, title: str = "") -> Answer:
    """Upload as a browser does (S3 names the key after the file, keeps the typed title), and come back to the page."""
    page = portal.get(f"/admin/documents/{space_id}")
    key = html.unescape(page.field("key")).replace("${filename}", file_name)
    client("s3").put_object(
        Bucket=settings().documents_bucket, Key=key, Body=content, Metadata={"title": title} if title else {}
    )
    return portal.get(f"/admin/documents/{space_id}?bucket={settings().documents_bucket}&key={quote(key)}")


def save_upload(portal: Portal, space_id: str, file_name: str, content: bytes, title: str) -> Answer:
    """Upload and save under ``title``; the answer to the save."""
    back = upload(portal, space_id, file_name, content, title)
    assert back.status == 200, back.body
    return portal.admin_post(
        f"/admin/documents/{space_id}", {"title": title, "upload_key": html.unescape(back.field("upload_key"))}
    )


def uploads_left(space_id: str) -> list[str]:
    listed = client("s3").list_objects_v2(Bucket=settings().documents_bucket, Prefix="uploads/")
    return [item["Key"] for item in listed.get("Contents", []) if f"/documents/{space_id}/" in item["Key"]]
