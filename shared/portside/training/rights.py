"""Rights that need a current certificate: a document space, and deal registration where the tenant says so.

Checked when a page is served or a form is sent, never only by the daily job: the moment a
certificate expires, what it opened closes, and the page names the module that opens it again.
A gate binds the roles its module is for: "Technical guides" needing the technical module closes
for technical contacts without it, and stays open to the principals it is also shared with.
"""

from __future__ import annotations

from dataclasses import dataclass

from portside import clock
from portside.auth.principal import PartnerPrincipal
from portside.data import reads
from portside.data.models.tenants import Tenant
from portside.errors import InvalidInput, PortsideError
from portside.training.learning import Standing, standings_of
from portside.training.models import TrainingModule, TrainingStatus


@dataclass(frozen=True)
class Gate:
    """A right's missing certificate: the module that restores it."""

    module_id: str
    title: str

    @property
    def path(self) -> str:
        return f"/partners/training/{self.module_id}"


class CertificateNeeded(PortsideError):
    """A 403 that is no refusal of the role (nothing for the security log): a certificate is missing or ran out."""

    status = 403

    def __init__(self, gate: Gate) -> None:
        super().__init__(f"a current certificate of {gate.module_id} is needed")
        self.gate = gate
        self.public_message = (
            f"This needs a current certificate of “{gate.title}”. Take it in Training to open it again."
        )


def current_modules(tenant: Tenant, contact_id: str) -> set[str]:
    """The modules the contact holds a current certificate of (one Query)."""
    now = clock.now()
    return {
        module_id for module_id, status in standings_of(tenant, contact_id).items() if Standing.of(status, now).current
    }


def gating_modules(tenant: Tenant, module_ids: set[str]) -> dict[str, TrainingModule]:
    """The modules that gate some rights, by id (one BatchGet)."""
    keys = [TrainingModule.keys_for(tenant.tenant_id, module_id) for module_id in sorted(module_ids)]
    return {m.module_id: m for m in TrainingModule.batch_get(keys)} if keys else {}


def gate_for(module: TrainingModule | None, module_id: str, role: str) -> Gate | None:
    """The gate a module puts on a contact of ``role`` who lacks its certificate (one not for their role: none)."""
    if module is not None and not module.for_role(role):
        return None
    return Gate(module_id, module.title if module is not None else "a training module")


def missing_gate(tenant: Tenant, contact: PartnerPrincipal, module_id: str | None) -> Gate | None:
    """What the contact lacks for a right needing ``module_id`` (none needed, or held: None). Two GetItems at most."""
    if not module_id:
        return None
    status = reads.get_or_none(TrainingStatus, TrainingStatus.keys_for(tenant.tenant_id, contact.contact_id, module_id))
    if Standing.of(status, clock.now()).current:
        return None
    module = reads.get_or_none(TrainingModule, TrainingModule.keys_for(tenant.tenant_id, module_id))
    return gate_for(module, module_id, contact.role)


def require_certificate(tenant: Tenant, contact: PartnerPrincipal, module_id: str | None) -> None:
    gate = missing_gate(tenant, contact, module_id)
    if gate is not None:
        raise CertificateNeeded(gate)


def checked_gate(tenant: Tenant, module_id: str | None, field: str) -> str | None:
    """A module an admin chose to gate a right: a published one, or none."""
    if not module_id:
        return None
    module = reads.get_or_none(TrainingModule, TrainingModule.keys_for(tenant.tenant_id, module_id[:64]))
    if module is None or module.state != "published":
        raise InvalidInput({field: "Choose a published training module from the list, or none."})
    return module.module_id
