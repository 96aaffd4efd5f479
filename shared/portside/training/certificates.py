"""Certificates: the contact's own, printable, and what anyone holding its code may confirm.

``/verify/<code>`` is public (a customer checks a partner's engineer): it shows the name, the
module and whether the certificate is valid, and nothing else. The code is 60 random bits, so
certificates cannot be listed by guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from portside import clock
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.models.tenants import Tenant
from portside.errors import NotFound
from portside.training.models import Certificate, TrainingStatus

CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")


@dataclass(frozen=True)
class Verified:
    """What the public page may say: a name, a module, and from when until when."""

    contact_name: str
    module_title: str
    issued_at: datetime
    expires_at: datetime | None
    valid: bool


def own_certificate(tenant: Tenant, principal: PartnerPrincipal, module_id: str) -> Certificate:
    """The contact's latest certificate of the module, as its standing keeps it (one GetItem); none is not found.

    A standing from before the names were kept on it reads the certificate item too."""
    status = reads.get_or_none(
        TrainingStatus, TrainingStatus.keys_for(tenant.tenant_id, principal.contact_id, module_id[:64])
    )
    if status is None or not status.cert_code or status.cert_issued_at is None:
        raise NotFound(f"certificate of {principal.contact_id} in {module_id}")
    if status.cert_contact_name is None or status.cert_module_title is None:
        return _certificate_item(tenant, principal, status.cert_code)
    return Certificate(
        *Certificate.keys_for(tenant.tenant_id, status.cert_code),
        tenant_id=tenant.tenant_id,
        code=status.cert_code,
        contact_id=principal.contact_id,
        contact_name=status.cert_contact_name,
        partner_id=status.partner_id,
        partner_name=status.cert_partner_name or status.partner_id,
        module_id=status.module_id,
        module_title=status.cert_module_title,
        quiz_version=int(status.cert_version or 0),
        score=int(status.cert_score or 0),
        issued_at=status.cert_issued_at,
        expires_at=status.cert_expires_at,
    )


def _certificate_item(tenant: Tenant, principal: PartnerPrincipal, code: str) -> Certificate:
    certificate = reads.get_or_none(Certificate, Certificate.keys_for(tenant.tenant_id, code))
    if certificate is None or certificate.contact_id != principal.contact_id:
        raise NotFound(f"certificate {code}")
    return certificate


def verify(tenant: Tenant, code: str) -> Verified:
    wanted = code.strip().upper()
    if not CODE.fullmatch(wanted):
        raise NotFound("certificate code")
    certificate = reads.get_or_none(Certificate, Certificate.keys_for(tenant.tenant_id, wanted))
    if certificate is None:
        raise NotFound("certificate code")
    expires = certificate.expires_at
    return Verified(
        certificate.contact_name,
        certificate.module_title,
        certificate.issued_at,
        expires,
        expires is None or expires > clock.now(),
    )
