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
    """The contact's latest certificate of the module (two GetItems); none, or another's, is not found."""
    status = reads.get_or_none(
        TrainingStatus, TrainingStatus.keys_for(tenant.tenant_id, principal.contact_id, module_id[:64])
    )
    if status is None or not status.cert_code:
        raise NotFound(f"certificate of {principal.contact_id} in {module_id}")
    certificate = reads.get_or_none(Certificate, Certificate.keys_for(tenant.tenant_id, status.cert_code))
    if certificate is None or certificate.contact_id != principal.contact_id:
        raise NotFound(f"certificate {status.cert_code}")
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
