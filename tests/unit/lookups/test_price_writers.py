"""Nothing changes a price or a credit limit but finance's approval (and the ERP's import worker).

Two halves of one proof. The source: only two modules build, batch-write or update a price entry
or an account (``approvals.decision`` and ``imports.apply``). The handlers: of every route, only the
decision route loads ``approvals.decision``, and no route loads ``imports.apply`` (the import worker
does): that half is in ``test_import_budget``, which imports every handler already. A new writer, or
a route that reaches one, fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GUARDED = {"PriceEntry", "Account"}
WRITERS = {"portside.approvals.decision": "admin_approval_decide", "portside.imports.apply": None}
WRITING_CALLS = {"build", "batch_write", "save", "set", "remove", "add", "delete", "update"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT / "shared" if "shared" in path.parts else ROOT).with_suffix("").parts
    return ".".join(parts)


def _rooted_at_guarded(node: ast.expr) -> bool:
    """``PriceEntry.build``, ``Account.credit_limit.set``: an attribute chain starting at a guarded model."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id in GUARDED


def writes_guarded(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        call = node.func if isinstance(node, ast.Call) else None
        if isinstance(call, ast.Attribute) and call.attr in WRITING_CALLS and _rooted_at_guarded(call.value):
            return True
    return False


def test_only_the_approval_and_the_import_write_prices_or_accounts() -> None:
    sources = [*(ROOT / "shared" / "portside").rglob("*.py"), *(ROOT / "functions").rglob("*.py")]

    writers = {module_name(path) for path in sources if writes_guarded(path.read_text())}

    assert writers == set(WRITERS)


def test_the_check_sees_a_write() -> None:
    assert writes_guarded("Account.build(t, p, credit_limit=1).save()")
    assert writes_guarded("changes.update(a, [Account.credit_limit.set(5)], label='x')")
    assert not writes_guarded("Account.get(*Account.keys_for(t, p))")
