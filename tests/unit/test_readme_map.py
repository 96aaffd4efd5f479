"""The README's map of the folders names what the tree holds: the features moved to packages, and the layers."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORTSIDE = ROOT / "shared" / "portside"


def feature_packages() -> set[str]:
    """Every package of the layer that lists its own manifest lines: a feature moved to its package."""
    return {path.parent.name for path in PORTSIDE.glob("*/routes.py")}


def readme_row(first_cell: str) -> str:
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith(f"| `{first_cell}` |"):
            return line
    raise AssertionError(f"the README's map has no row for {first_cell}")


def test_the_readme_names_every_feature_package_and_no_other() -> None:
    named = set(re.findall(r"`(\w+)`", readme_row("shared/portside/<feature>/").split("|")[2]))
    assert named == feature_packages()  # `routes.py` and the like are not bare names


def test_every_feature_has_its_handlers_and_templates_under_its_one_name() -> None:
    for feature in feature_packages():
        assert (ROOT / "functions" / feature).is_dir(), f"functions/{feature}/"
        assert (ROOT / "templates" / feature).is_dir(), f"templates/{feature}/"
        assert (ROOT / "tests" / "functional" / feature).is_dir(), f"tests/functional/{feature}/"


def test_every_path_the_map_names_exists() -> None:
    rows = [line for line in (ROOT / "README.md").read_text().splitlines() if line.startswith("| `")]
    named = [cell.strip("`") for row in rows for cell in re.findall(r"`[\w./-]+/`", row.split("|")[1])]
    assert named and all((ROOT / path).exists() for path in named if "<" not in path), named
