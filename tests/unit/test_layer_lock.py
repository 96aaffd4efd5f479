"""The layer ships what is locked, and the tests run what the layer ships."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = (ROOT / "infra" / "layer.lock").read_text()
PINNED = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", re.MULTILINE)


def locked() -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PINNED.findall(LOCK)}


def declared() -> dict[str, str]:
    """pyproject's ``[project] dependencies``: ``name[extras]==version``."""
    found = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pairs = (re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[^]]+\])?==(\S+)", line) for line in found)
    return {canonicalize_name(pair.group(1)): pair.group(2) for pair in pairs if pair}


def test_every_declared_dependency_is_pinned_and_locked_at_its_version() -> None:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert len(declared()) == len(dependencies), "pin each of pyproject's dependencies with =="
    assert {name: locked().get(name) for name in declared()} == declared(), "run make lock"


def test_every_locked_package_carries_its_hashes() -> None:
    entries = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", LOCK.split("\n", 2)[2])
    assert len(entries) == len(locked()) > len(declared())
    assert all("--hash=sha256:" in entry for entry in entries)


def test_the_tests_run_the_versions_the_layer_ships() -> None:
    installed = {name: metadata.version(name) for name in locked()}
    assert installed == locked(), "make install (the lock constrains the laptop's packages too)"
