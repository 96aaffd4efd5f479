"""The layer ships bytecode of the functions' Python, read without looking at its source, or the synth says why not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from aws_cdk import App

from infra import runtime_python
from infra.components import layer
from infra.config import ConfigError
from tests.infra.conftest import CONTEXT, NO_BUNDLING

THIS_PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def test_compiled_modules_are_imported_from_their_bytecode_without_reading_the_source(tmp_path: Path) -> None:
    package = tmp_path / "python" / "shipped"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("ANSWER = 'compiled'\n")

    layer.compile_bytecode(sys.executable, tmp_path / "python")
    (package / "__init__.py").write_text("ANSWER = 'source'\n")  # what a timestamp check would see as newer
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "python"), "PYTHONDONTWRITEBYTECODE": "1"}
    environment.pop("PYTHONPYCACHEPREFIX", None)
    imported = subprocess.run(
        [sys.executable, "-c", "import shipped; print(shipped.ANSWER)"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    assert imported.stdout.strip() == "compiled"


def test_compiling_twice_writes_the_same_bytes(tmp_path: Path) -> None:
    module = tmp_path / "python" / "shipped.py"
    module.parent.mkdir()
    module.write_text("ANSWER = 42\n")
    written = []
    for touched in (1_000_000_000, 2_000_000_000):
        os.utime(module, (touched, touched))
        layer.compile_bytecode(sys.executable, tmp_path / "python")
        written.append(next((tmp_path / "python" / "__pycache__").glob("shipped.*.pyc")).read_bytes())

    assert written[0] == written[1]


def test_the_interpreter_named_must_be_the_functions_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layer, "LAMBDA_PYTHON", THIS_PYTHON)
    assert layer.bytecode_python(sys.executable) == sys.executable

    monkeypatch.setattr(layer, "LAMBDA_PYTHON", "3.99")
    with pytest.raises(ConfigError, match="'layer_python'"):
        layer.bytecode_python(sys.executable)


def test_the_functions_python_is_found_on_path_only_when_it_is_that_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        runtime_python.shutil, "which", lambda name: sys.executable if name.startswith("python") else None
    )

    assert runtime_python.find(THIS_PYTHON) == sys.executable
    assert runtime_python.find("3.99") is None, "a python3.99 on PATH that is not 3.99 is no 3.99"


def test_without_the_functions_python_the_synth_names_the_ways_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layer, "LAMBDA_PYTHON", "3.99")
    with pytest.raises(ConfigError, match="layer_bytecode=false") as refused:
        layer.bytecode_python()

    assert "pyenv install 3.99" in str(refused.value)


def test_a_synth_that_bundles_finds_the_interpreter_before_it_bundles(tmp_path: Path) -> None:
    from infra.app import build

    bundling = {key: value for key, value in CONTEXT.items() if key not in NO_BUNDLING}
    app = App(context={**bundling, "layer_python": str(tmp_path / "no-python")}, outdir=str(tmp_path))

    with pytest.raises(ConfigError, match="'layer_python'"):
        build(app)
