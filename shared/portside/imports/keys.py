"""Import keys: how an ERP signs its pushes (``Authorization: Bearer psk_<key id>_<secret>``).

The owner creates a key in the console and sees it once; the table keeps only the secret's SHA-256.
A key belongs to its tenant (the host names the tenant, the key is looked up under it), pushes only
the kinds chosen when it was made (orders and stock unless prices or accounts are ticked), works
until it is revoked, and each use is recorded as its "last used".
"""

from __future__ import annotations

import re
import uuid

from portside import clock
from portside.audit import Client, audit_event
from portside.auth.principal import ImportKeyPrincipal
from portside.auth.secrets import digest, new_secret, same
from portside.data import reads
from portside.data.changes import Changes
from portside.data.models.tenants import Tenant
from portside.errors import NotFound
from portside.imports.models import ImportKey
from portside.web.request import PortalRequest

PREFIX = "psk_"
_BEARER = re.compile(r"^Bearer\s+psk_([0-9a-f]{32})_([A-Za-z0-9_-]{20,100})$")
MAX_KEYS = 100


def key_of(request: PortalRequest) -> ImportKeyPrincipal | None:
    """The import key an API request is signed with: the reader an API route hands its endpoint."""
    return principal_from_header(request.tenant, request.header("authorization"))


def principal_from_header(tenant: Tenant, authorization: str | None) -> ImportKeyPrincipal | None:
    """The key an ``Authorization`` header carries, if it is this tenant's, right and not revoked."""
    found = _BEARER.match((authorization or "").strip())
    if found is None:
        return None
    key_id, secret = found.groups()
    key = reads.get_or_none(ImportKey, ImportKey.keys_for(tenant.tenant_id, key_id), consistent=True)
    if key is None or key.revoked_at is not None or not same(key.secret_hash, digest(secret)):
        return None
    key.update(actions=[ImportKey.last_used_at.set(clock.now())])  # bookkeeping: no audit of its own
    return ImportKeyPrincipal(tenant.tenant_id, key_id, key.name, key.pushes)


def create_key(tenant: Tenant, name: str, kinds: list[str], actor: str, client: Client) -> str:
    """A new key named ``name`` that pushes ``kinds``; returns the token, the only time it exists outside the
    caller's hands."""
    key_id, secret = uuid.uuid4().hex, new_secret()
    key = ImportKey.build(
        tenant.tenant_id, key_id, clock.now(), name=name, secret_hash=digest(secret), created_by=actor, kinds=kinds
    )
    changes = Changes(
        audit_event(
            tenant.tenant_id, actor, "import_key.created", f"import_key:{key_id}", client, name=name, kinds=kinds
        )
    )
    changes.put(key, label="key", condition=ImportKey.PK.does_not_exist())
    changes.commit()
    return f"{PREFIX}{key_id}_{secret}"


def revoke_key(tenant: Tenant, key_id: str, actor: str, client: Client) -> None:
    key = reads.get_or_none(ImportKey, ImportKey.keys_for(tenant.tenant_id, key_id[:64]))
    if key is None:
        raise NotFound(f"import key {key_id}")
    if key.revoked_at is not None:
        return
    changes = Changes(
        audit_event(tenant.tenant_id, actor, "import_key.revoked", f"import_key:{key_id}", client, name=key.name)
    )
    changes.update(key, [ImportKey.revoked_at.set(clock.now())], label="key")
    changes.commit()


def list_keys(tenant: Tenant) -> list[ImportKey]:
    """The tenant's keys, newest first."""
    listed = ImportKey.gsi1.query(ImportKey.list_partition(tenant.tenant_id), scan_index_forward=False, limit=MAX_KEYS)
    return [item for item in listed if isinstance(item, ImportKey)]
