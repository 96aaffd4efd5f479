"""The manifest's feature modules list routes; the helpers that build them live once, in ``manifest/lines.py``."""

from __future__ import annotations

import ast
from pathlib import Path

MANIFEST = Path(__file__).resolve().parents[2] / "shared" / "portside" / "manifest"


def test_no_feature_module_of_the_manifest_defines_its_own_route_helper() -> None:
    defined = {
        path.name: [node.name for node in ast.parse(path.read_text()).body if isinstance(node, ast.FunctionDef)]
        for path in MANIFEST.glob("*.py")
        if path.name not in ("lines.py", "__init__.py")
    }
    assert {name: helpers for name, helpers in defined.items() if helpers} == {}


# The handler folders of the features not yet moved to packages of their own: they shrink as features move.
AUDIENCE_FOLDERS = {"functions.admin"}


def test_a_moved_features_handler_is_named_as_its_line_in_its_features_folder() -> None:
    from portside.manifest import ROUTES, WORKERS

    moved = [line for line in (*ROUTES, *WORKERS) if line.handler.rpartition(".")[0] not in AUDIENCE_FOLDERS]
    assert {line.name for line in moved} >= {"admin_imports", "api_import_push", "importer"}
    for line in moved:
        if line.handler == "functions.not_found":
            continue
        _, feature, module = line.handler.split(".")
        assert module == line.name, f"{line.handler} is the handler of {line.name}"
        assert (MANIFEST.parent / feature / "routes.py").exists(), f"{feature} lists its lines in its own routes.py"
