"""Imports of ERP data: one job per uploaded file, run by the import worker, and a lock per kind.

A job is written (queued) with the upload's start, in the same transaction as its audit event and
its kind's lock; the table's stream wakes the import worker, which runs it and writes its counts.
The lock keeps two imports of one kind from running at once, and lapses by itself if a worker dies.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pynamodb.attributes import ListAttribute, MapAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from portside.data.base import PortsideItem, tenant_key

IMPORT_KINDS = ("orders", "stock", "prices", "accounts")
HELD_SHOWN = 100  # held changes kept on the job for its page; the whole list is a CSV beside the file


class HeldChange(MapAttribute[str, Any]):
    """One change a run would make past a four-eyes threshold: a partner's own price, or a credit limit."""

    partner_id = UnicodeAttribute()
    subject = UnicodeAttribute()  # the SKU (and its tier from the quantity), or "credit limit"
    before = NumberAttribute(null=True)  # minor units; None when the partner has none yet
    after = NumberAttribute()
    list_price = NumberAttribute(null=True)  # a price's list price, so the page can show the discount
    currency = UnicodeAttribute()


class ImportJob(PortsideItem, discriminator="ImportJob"):
    tenant_id = UnicodeAttribute()
    import_id = UnicodeAttribute()
    kind = UnicodeAttribute()  # one of IMPORT_KINDS
    file_name = UnicodeAttribute()
    object_key = UnicodeAttribute()  # the CSV, kept under imports/ beside its report
    started_by = UnicodeAttribute()
    # queued | running | done | failed; held (past four eyes) | approved (run again as ``run_id``) | declined
    status = UnicodeAttribute(default="queued")
    rows_total = NumberAttribute(default=0)
    rows_done = NumberAttribute(default=0)
    created = NumberAttribute(default=0)
    updated = NumberAttribute(default=0)
    unchanged = NumberAttribute(default=0)
    rejected = NumberAttribute(default=0)
    problem = UnicodeAttribute(null=True)  # why a whole file was refused (wrong headers, unreadable)
    report_key = UnicodeAttribute(null=True)  # the rejected rows, as CSV
    created_at = UTCDateTimeAttribute()
    finished_at = UTCDateTimeAttribute(null=True)
    # Four eyes: a held run's changes past the thresholds (the first HELD_SHOWN, their count, the whole
    # list's digest and CSV); who decided; the run its approval started, which carries the digest approved.
    held = ListAttribute(of=HeldChange, null=True)
    held_count = NumberAttribute(default=0)
    held_digest = UnicodeAttribute(null=True)
    held_key = UnicodeAttribute(null=True)
    decided_by = UnicodeAttribute(null=True)
    decided_at = UTCDateTimeAttribute(null=True)
    run_id = UnicodeAttribute(null=True)
    approval_of = UnicodeAttribute(null=True)
    approved_by = UnicodeAttribute(null=True)
    approved_digest = UnicodeAttribute(null=True)

    @classmethod
    def keys_for(cls, tenant_id: str, import_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "IMPORT", import_id), "IMPORT"

    @classmethod
    def list_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "IMPORTS")

    @classmethod
    def build(cls, tenant_id: str, import_id: str, kind: str, at: datetime, **fields: Any) -> ImportJob:
        pk, sk = cls.keys_for(tenant_id, import_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            import_id=import_id,
            kind=kind,
            created_at=at,
            GSI1PK=cls.list_partition(tenant_id),
            GSI1SK=f"{at.isoformat()}#{import_id}",
            **fields,
        )

    @property
    def in_progress(self) -> bool:
        return self.status in ("queued", "running")


class ImportLock(PortsideItem, discriminator="ImportLock"):
    """Held by the import of a kind that is queued or running; lapses at ``until`` if its worker never ends it."""

    import_id = UnicodeAttribute()
    until = UTCDateTimeAttribute()

    @classmethod
    def keys_for(cls, tenant_id: str, kind: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "IMPORTLOCK", kind), "IMPORTLOCK"


class ImportKey(PortsideItem, discriminator="ImportKey"):
    """A key an ERP pushes imports with: shown once, kept only as its SHA-256, revocable, its last use recorded."""

    tenant_id = UnicodeAttribute()
    key_id = UnicodeAttribute()
    name = UnicodeAttribute()
    secret_hash = UnicodeAttribute()
    created_by = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    last_used_at = UTCDateTimeAttribute(null=True)
    revoked_at = UTCDateTimeAttribute(null=True)
    # The kinds the key may push; None on a key made before keys had kinds, which pushes every kind.
    kinds = ListAttribute[str](of=UnicodeAttribute, null=True)  # type: ignore[arg-type]

    @property
    def pushes(self) -> tuple[str, ...]:
        return tuple(self.kinds) if self.kinds is not None else IMPORT_KINDS

    @classmethod
    def keys_for(cls, tenant_id: str, key_id: str) -> tuple[str, str]:
        return tenant_key(tenant_id, "IMPORTKEY", key_id), "IMPORTKEY"

    @classmethod
    def list_partition(cls, tenant_id: str) -> str:
        return tenant_key(tenant_id, "IMPORTKEYS")

    @classmethod
    def build(cls, tenant_id: str, key_id: str, at: datetime, **fields: Any) -> ImportKey:
        pk, sk = cls.keys_for(tenant_id, key_id)
        return cls(
            pk,
            sk,
            tenant_id=tenant_id,
            key_id=key_id,
            created_at=at,
            GSI1PK=cls.list_partition(tenant_id),
            GSI1SK=f"{at.isoformat()}#{key_id}",
            **fields,
        )
