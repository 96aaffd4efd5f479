"""Reads of the admins' own items, apart from ``reads``: a partner's route never loads the admins' models."""

from __future__ import annotations

from portside.data.models.admins import AdminMember, AdminSession
from portside.data.reads import get_or_none


def admin_member(tenant_id: str, email: str) -> AdminMember | None:
    return get_or_none(AdminMember, AdminMember.keys_for(tenant_id, email), consistent=True)


def admin_session(tenant_id: str, session_hash: str) -> AdminSession | None:
    return get_or_none(AdminSession, AdminSession.keys_for(tenant_id, session_hash), consistent=True)
