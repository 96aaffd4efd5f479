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
