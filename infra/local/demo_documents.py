"""The demo documents: small real files made at seed time, uploaded through the portal's own upload path.

Each file goes where a browser's upload lands and is then checked and recorded by ``documents.library``,
exactly as an admin's upload is: the demo shows the real types, sizes, versions and audit events.
"""

from __future__ import annotations

import uuid

from portside.audit import Client
from portside.aws import client
from portside.config import settings
from portside.data import reads
from portside.documents import library
from portside.storage import documents as files

UPLOADER = "admin:ops@northwind.example"


def pdf(title: str, lines: tuple[str, ...]) -> bytes:
    """A one-page PDF of ASCII text in Helvetica: enough for any viewer to open."""

    def text(value: str) -> str:
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = [f"BT /F1 18 Tf 72 760 Td ({text(title)}) Tj ET"]
    shown += [f"BT /F1 11 Tf 72 {730 - 16 * row} Td ({text(line)}) Tj ET" for row, line in enumerate(lines)]
    stream = "\n".join(shown).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


DEMO_DOCUMENTS: tuple[tuple[str, str, str, bytes], ...] = (
    (
        "demo-product-sheets",
        "Rack server R740 product sheet",
        "R740 product sheet.pdf",
        pdf("Rack server R740", ("2U, two sockets, up to 3 TB of memory.", "Warranty: 3 years next business day.")),
    ),
    (
        "demo-product-sheets",
        "Product catalogue 2027",
        "catalogue-2027.csv",
        b"sku,name,category\nR740,Rack server R740,Servers\nR750,Rack server R750,Servers\n"
        b"SW24,Switch 24 port,Network\n",
    ),
    (
        "demo-price-lists",
        "Price list 2027",
        "Price list 2027.csv",
        b"sku,list_price,currency\nR740,1200.00,USD\nR750,1500.00,USD\nSW24,340.00,USD\n",
    ),
    (
        "demo-price-lists",
        "Terms of trade",
        "Terms of trade.pdf",
        pdf("Terms of trade", ("Payment: 30 days net.", "Deal protection: 90 days from approval.")),
    ),
    (
        "demo-technical-guides",
        "Installation guide",
        "Installation guide R740.pdf",
        pdf("Installing the R740", ("1. Mount the rails.", "2. Slide the server in.", "3. Connect power and iDRAC.")),
    ),
    (
        "demo-technical-guides",
        "Firmware release notes",
        "firmware-2.1-notes.txt",
        b"Firmware 2.1\n\nFixes the fan curve under light load.\nAdds support for 128 GB memory modules.\n",
    ),
    (
        "demo-acme-co-marketing",
        "Acme campaign brief",
        "Acme campaign brief.pdf",
        pdf("Acme x Northwind: spring campaign", ("Budget shared 50/50.", "Assets due 1 March.")),
    ),
)


def seed_documents(tenant_id: str) -> None:
    """Upload each demo file as a browser would, then record it through the portal's checks."""
    tenant = reads.tenant(tenant_id)
    assert tenant is not None, "seed the tenant first"
    for space_id, title, file_name, content in DEMO_DOCUMENTS:
        key = f"uploads/{tenant_id}/documents/{space_id}/{uuid.uuid4().hex}/{file_name}"
        client("s3").put_object(Bucket=settings().documents_bucket, Key=key, Body=content)
        upload = files.upload_of(tenant_id, files.space_folder(space_id), key)
        library.upload(tenant, space_id, title, upload, UPLOADER, Client())
