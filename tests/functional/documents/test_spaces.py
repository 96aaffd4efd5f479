"""Document spaces: who may see which documents, created and edited by the console's managers.

The rules under the console's pages (which come next): a space is open to every partner or to
those named, and to the roles named; changes are audited and version-checked.
"""

from __future__ import annotations

import pytest

from portside.audit import Client
from portside.audit_log.names import names_for
from portside.data import reads
from portside.data.models.records import AuditEvent
from portside.data.models.tenants import Tenant
from portside.documents import spaces as document_spaces
from portside.documents.spaces import SpaceFields
from portside.errors import Conflict, InvalidInput
from tests.functional.portal import Portal

OPS = "admin:ops@northwind.example"
HERE = Client(ip="203.0.113.10", user_agent="pytest")
EVERY_ROLE = ("principal", "salesperson", "technical")


def tenant() -> Tenant:
    found = reads.tenant("northwind")
    assert found is not None
    return found


def space(name: str, partners: tuple[str, ...] = (), roles: tuple[str, ...] = EVERY_ROLE) -> SpaceFields:
    return SpaceFields(name, None, partners, roles)


def actions() -> list[str]:
    return [event.action for event in AuditEvent.query(AuditEvent.partition_of("northwind"))]


def test_each_contact_sees_the_spaces_open_to_its_partner_and_role(portal: Portal) -> None:
    create = document_spaces.create_space
    create(tenant(), space("Product sheets"), OPS, HERE)
    create(tenant(), space("Price lists and terms", roles=("principal",)), OPS, HERE)
    create(tenant(), space("Technical guides", roles=("technical", "principal")), OPS, HERE)
    create(tenant(), space("Acme co-marketing", partners=("acme",)), OPS, HERE)

    def seen(partner: str, role: str) -> list[str]:
        return [found.name for found in document_spaces.spaces_open_to(tenant(), partner, role)]

    assert seen("acme", "technical") == ["Acme co-marketing", "Product sheets", "Technical guides"]
    assert seen("acme", "principal") == [
        "Acme co-marketing",
        "Price lists and terms",
        "Product sheets",
        "Technical guides",
    ]
    assert seen("globex", "salesperson") == ["Product sheets"]
    assert document_spaces.list_spaces(tenant())[0].name == "Acme co-marketing"
    assert actions().count("document_space.created") == 4


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (space("No roles", roles=()), "roles"),
        (space("A role that is not one", roles=("owner",)), "roles"),
        (space("Someone else's partner", partners=("acme", "initech")), "partner_ids"),
    ],
)
def test_a_space_names_at_least_one_role_and_only_real_partners(
    portal: Portal, fields: SpaceFields, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        document_spaces.create_space(tenant(), fields, OPS, HERE)
    assert list(refused.value.errors) == [field]
    assert document_spaces.list_spaces(tenant()) == []


def test_an_edit_from_an_older_version_is_refused_and_changes_nothing(portal: Portal) -> None:
    created = document_spaces.create_space(tenant(), space("Guides"), OPS, HERE)
    first = document_spaces.update_space(
        tenant(), created.space_id, created.version, space("Technical guides", roles=("technical",)), OPS, HERE
    )

    with pytest.raises(Conflict):
        document_spaces.update_space(tenant(), created.space_id, created.version, space("Lost edit"), OPS, HERE)

    kept = document_spaces.get_space(tenant(), created.space_id)
    assert (kept.name, kept.roles, kept.version) == ("Technical guides", ["technical"], first.version)
    assert actions().count("document_space.updated") == 1
    assert [found.name for found in document_spaces.spaces_open_to(tenant(), "acme", "principal")] == []


def test_the_audit_log_names_a_space(portal: Portal) -> None:
    created = document_spaces.create_space(tenant(), space("Product sheets"), OPS, HERE)
    ref = f"document_space:{created.space_id}"
    assert names_for(tenant(), {ref}) == {ref: "Product sheets (document space)"}


def test_the_demo_spaces_show_each_role_what_the_readme_says(portal: Portal) -> None:
    from infra.local import seed

    seed.seed_document_spaces()

    def seen(partner: str, role: str) -> list[str]:
        return [found.name for found in document_spaces.spaces_open_to(tenant(), partner, role)]

    assert seen("acme", "technical") == ["Acme co-marketing", "Product sheets", "Technical guides"]
    assert "Price lists and terms" not in seen("acme", "technical")
    assert seen("globex", "principal") == ["Price lists and terms", "Product sheets", "Technical guides"]
    assert seen("globex", "salesperson") == ["Product sheets"]
