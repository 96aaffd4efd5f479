"""A refused form, kept for the page it is shown again on (post, redirect, get).

Rendering a refused form as the answer to its POST leaves the browser on a POST: a reload asks
to send the form again, and the back button lands on "document expired". Instead the refusal is
kept here for a few minutes and the browser is sent to the form's own page, which shows it
again from a GET. Only the browser that posted it sees it (bound to its CSRF token), and
secrets (passwords, codes, tokens, Cognito sessions, the CSRF token) are never kept.

Keeping one costs a write, so each client address may keep ``PER_CLIENT`` in a window; past
that, and whenever keeping fails, the caller shows the form as the answer to its POST as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from pynamodb.attributes import MapAttribute

from portside import clock
from portside.auth import rate_limits
from portside.auth.rate_limits import Limit
from portside.auth.secrets import digest, new_secret, same
from portside.data.changes import Changes, ConditionFailed
from portside.data.models.drafts import FormDraft
from portside.data.reads import get_or_none
from portside.observability import logger

QUERY = "form"  # the query parameter that names a kept form on its page
LIFETIME = timedelta(minutes=15)
PER_CLIENT = 60
# Fields that are never stored, whatever form they come in.
SECRET_FIELDS = frozenset({"csrf_token", "password", "new_password", "code", "session", "token"})
_DRAFT_ID = re.compile(r"^[A-Za-z0-9_-]{43}$")
# Every field of the portal's forms is named like this; any other name (empty, odd bytes, a key a
# stored map cannot hold) is no field of a form and is not kept.
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_FIELDS = 200


@dataclass(frozen=True)
class ShownMessage:
    """What a template reads of an error: its public message."""

    public_message: str


@dataclass(frozen=True)
class RefusedForm:
    template: str
    status: int
    message: str
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    retry_after: int | None = None

    def context(self) -> dict[str, object]:
        """What the form's template reads: the values typed, the field errors, the error."""
        return {"values": self.values, "errors": self.errors, "error": ShownMessage(self.message)}


def keep(tenant_id: str, csrf_token: str, client_ip: str | None, refused: RefusedForm) -> str | None:
    """Keep ``refused`` for the browser holding ``csrf_token``; its id, or None if it could not be kept."""
    draft_id = new_secret()
    values = dict(list(_kept_values(refused.values).items())[:MAX_FIELDS])
    draft = FormDraft.build(
        tenant_id,
        draft_id,
        clock.now() + LIFETIME,
        owner=digest(csrf_token),
        template=refused.template,
        status=refused.status,
        message=refused.message,
        values=values,
        errors=dict(refused.errors),
        retry_after=refused.retry_after,
    )
    changes = Changes(None).put(draft, label="draft")
    window = int(LIFETIME.total_seconds())
    rate_limits.count(changes, tenant_id, Limit("form-draft", client_ip or "-", PER_CLIENT, window))
    try:
        changes.commit()
    except ConditionFailed:
        return None
    except Exception:  # keeping a draft must never turn a refused form into an error page
        logger.exception("a refused form could not be kept")
        return None
    return draft_id


def _kept_values(values: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in values.items() if _FIELD_NAME.match(name) and name not in SECRET_FIELDS}


def recall(tenant_id: str, draft_id: str, csrf_token: str | None, template: str) -> RefusedForm | None:
    """The refused form ``draft_id`` if this browser posted it for ``template`` and it is still fresh."""
    if not csrf_token or not _DRAFT_ID.match(draft_id):
        return None
    draft = get_or_none(FormDraft, FormDraft.keys_for(tenant_id, draft_id))
    if draft is None or draft.expires_at <= clock.now() or draft.template != template:
        return None
    if not same(draft.owner, digest(csrf_token)):
        return None
    return RefusedForm(
        template=draft.template,
        status=int(draft.status),
        message=draft.message,
        values=_texts(draft.values),
        errors=_texts(draft.errors),
        retry_after=int(draft.retry_after) if draft.retry_after is not None else None,
    )


def _texts(stored: MapAttribute[str, Any] | None) -> dict[str, str]:
    return {str(name): str(value) for name, value in stored.as_dict().items()} if stored else {}
