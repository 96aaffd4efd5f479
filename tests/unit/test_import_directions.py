"""Imports run one way: handlers and features may use the shared layers; the layers never use a feature, and a
handler reaches the table and the bucket only through a feature's module.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORTSIDE = ROOT / "shared" / "portside"
LAYERS = ("portside.web", "portside.auth", "portside.data", "portside.mail", "portside.storage")
# The modules every layer and feature builds on, beside the layers.
BASE = ("portside.errors", "portside.config", "portside.templating", "portside.text", "portside.clock")
BASE += ("portside.aws", "portside.observability", "portside.audit")
# The central lists every feature registers in (routes, item types): they import the features, and
# the layers may read them. The command line is an entry point, as a handler is.
REGISTRIES = ("portside.manifest", "portside.item_types")
ENTRY_POINTS = ("portside.cli",)
# Every other package or module of the layer is a feature's.
FEATURES = tuple(
    f"portside.{path.stem}"
    for path in PORTSIDE.iterdir()
    if (path.suffix == ".py" or (path / "__init__.py").exists()) and path.stem != "__init__"
    if f"portside.{path.stem}" not in (*LAYERS, *BASE, *REGISTRIES, *ENTRY_POINTS)
)


def module_of(path: Path) -> str:
    base = ROOT / "shared" if PORTSIDE in path.parents else ROOT
    return ".".join(path.relative_to(base).with_suffix("").parts).removesuffix(".__init__")


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return any(
        (base / relative).with_suffix(".py").exists() or (base / relative).is_dir() for base in (ROOT / "shared", ROOT)
    )


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function: ``from a import b`` counts as ``a.b`` when
    ``b`` is a module, else as ``a``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                found.add(inner if _is_module(inner) else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(f"{package}.") for package in packages)


def layer_breaks() -> dict[str, set[str]]:
    breaks = {}
    for path in PORTSIDE.rglob("*.py"):
        module = module_of(path)
        if not _within(module, (*LAYERS, *BASE)) or _within(module, REGISTRIES):
            continue
        wrong = {name for name in imported(path) if _within(name, FEATURES)}
        if wrong:
            breaks[module] = wrong
    return breaks


def handler_breaks() -> dict[str, set[str]]:
    breaks = {}
    for path in (ROOT / "functions").rglob("*.py"):
        wrong = {name for name in imported(path) if _within(name, ("portside.data", "portside.storage"))}
        if wrong:
            breaks[module_of(path)] = wrong
    return breaks


def test_no_shared_layer_imports_a_feature() -> None:
    assert layer_breaks() == {}


def test_no_handler_imports_the_table_or_the_bucket() -> None:
    assert handler_breaks() == {}


def test_the_check_sees_each_kind_of_import(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text("import portside.data\nfrom portside.storage import documents, x\n\ndef f():\n    import json\n")
    assert imported(source) == {"portside.data", "portside.storage.documents", "portside.storage", "json"}
    assert _within("portside.deals.following", FEATURES) and not _within("portside.dealsx", FEATURES)


def test_every_package_that_is_not_shared_is_a_feature() -> None:
    assert {"portside.sign_in", "portside.imports"} <= set(FEATURES)
    assert not {"portside.web", "portside.manifest", "portside.errors", "portside.cli"} & set(FEATURES)
