"""Each feature lists its lines in its own ``routes.py`` with the one ``Feature`` of ``manifest/lines.py``; each
handler is a module of its feature's folder, named as its line."""

from __future__ import annotations

import ast
from pathlib import Path

MANIFEST = Path(__file__).resolve().parents[2] / "shared" / "portside" / "manifest"


def test_no_features_routes_defines_its_own_route_helper() -> None:
    listings = sorted(MANIFEST.parent.glob("*/routes.py"))
    defined = {
        path.parent.name: [node.name for node in ast.parse(path.read_text()).body if isinstance(node, ast.FunctionDef)]
        for path in listings
    }
    assert len(listings) > 15 and {name: helpers for name, helpers in defined.items() if helpers} == {}


def test_every_handler_is_named_as_its_line_in_its_features_folder() -> None:
    from portside.manifest import ROUTES, WORKERS

    for line in (*ROUTES, *WORKERS):
        if line.handler == "functions.not_found":
            continue
        _, feature, module = line.handler.split(".")
        assert module == line.name, f"{line.handler} is the handler of {line.name}"
        assert (MANIFEST.parent / feature / "routes.py").exists(), f"{feature} lists its lines in its own routes.py"
