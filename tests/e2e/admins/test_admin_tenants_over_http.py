"""Two tenants in one runtime, sharing the admin pool: the second tenant's owner changes nothing of the first.

The second tenant is made with the real command (``portside --local tenant``), as the attack that
found the cross-tenant escalation did, and reached by its own host name.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from tests.e2e.client import Visitor, admin_sign_in, field
from tests.e2e.runtime import Runtime
from tests.e2e.test_console_over_http import console

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
OWNER, FINANCE, AUDITOR = "owner@northwind.example", "finance@northwind.example", "auditor@northwind.example"


class HostVisitor(Visitor):
    """A browser of the second tenant: every request names its host."""

    def __init__(self, base_url: str, host: str) -> None:
        super().__init__(base_url)
        self.host = host

    def request(self, method: str, path: str, data: dict[str, str] | None = None, **headers: str) -> requests.Response:
        return super().request(method, path, data, Host=self.host, **headers)


def portside(runtime: Runtime, *arguments: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "portside.cli", "--local", runtime.emulator_url, *arguments],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=60,
    )


def admins_of_first_tenant(runtime: Runtime) -> tuple[str, str]:
    """The rows of the first tenant's Admins page and of its audit log."""
    owner, _ = console(runtime, OWNER)
    admins, audit = owner.get("/admin/admins").text, owner.get("/admin/audit").text
    return admins[admins.index("<tbody") :], audit[audit.index("<tbody") :]


def test_the_second_tenants_owner_changes_nothing_of_the_first(runtime: Runtime) -> None:
    tenant_id = f"southwind-{uuid.uuid4().hex[:6]}"
    host = f"{tenant_id}.example"
    portside(
        runtime, "tenant", "--id", tenant_id, "--name", "Southwind", "--base-url", f"http://{host}", "--host", host
    )
    portside(runtime, "admin", "--tenant", tenant_id, "--email", FINANCE, "--role", "owner")
    before = admins_of_first_tenant(runtime)
    second = HostVisitor(runtime.base_url, host)
    assert admin_sign_in(second, FINANCE).status_code == 303
    csrf = field(second.get("/admin").text, "csrf_token")

    def post(path: str, form: dict[str, str]) -> int:
        return second.post(path, {"csrf_token": csrf, **form}).status_code

    def admin(email: str, action: str) -> str:
        return f"/admin/admins/{quote(email, safe='')}/{action}"

    assert post("/admin/admins", {"email": AUDITOR, "role": "owner"}) == 303
    assert post("/admin/admins", {"email": OWNER, "role": "owner"}) == 303
    assert post(admin(OWNER, "role"), {"role": "auditor"}) == 303
    assert post(admin(AUDITOR, "status"), {"enabled": "false", "confirmed": "yes"}) == 303
    assert post(admin(OWNER, "remove"), {"confirmed": "yes"}) == 303

    assert admins_of_first_tenant(runtime) == before
    auditor = Visitor(runtime.base_url)
    assert admin_sign_in(auditor, AUDITOR).status_code == 303
    assert auditor.get("/admin/settings").status_code == 403  # still the first tenant's auditor
    owner, _ = console(runtime, OWNER)
    assert owner.get("/admin/settings").status_code == 200  # still its owner
