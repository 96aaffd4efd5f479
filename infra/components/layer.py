"""The shared Lambda layer: the ``portside`` package, ``templates/`` and the locked runtime dependencies.

Built without Docker: pip installs manylinux arm64 wheels for the functions' Python from
``infra/layer.lock`` (every package pinned, with hashes; ``make lock`` writes it), checking every
hash, with no configuration of the operator's (a pip.conf or ``PIP_*`` variable pointing at another
index could otherwise change what ships). Every module is then compiled to bytecode by a Python of the
functions' version: ``/opt`` is read-only on Lambda, so a layer without it compiles every module it
imports at each cold start (0.28 s more for boto3 alone on Python 3.13; docs/deploy.md). Tests and a
plain ``cdk synth -c aws:cdk:bundling-stacks=[]`` skip the bundling (CDK's own switch); CI runs it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsii
from aws_cdk import AssetHashType, BundlingOptions, DockerImage, ILocalBundling, Stack
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from infra import runtime_python
from infra.config import ConfigError
from infra.runtime_python import LAMBDA_PYTHON

ROOT = Path(__file__).resolve().parents[2]
LOCK = Path("infra") / "layer.lock"


def source_hash(root: Path = ROOT, *, bytecode: bool = True) -> str:
    """The layer's asset hash: its lock, every file it ships and whether it ships bytecode. With SnapStart, a
    change to any of them changes the layer version every function version names, so every version is
    published again."""
    digest = hashlib.sha256((root / LOCK).read_bytes())
    digest.update(b"bytecode" if bytecode else b"source only")
    for folder in (root / "shared" / "portside", root / "templates"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def bytecode_python(configured: str | None = None) -> str:
    """A Python of the functions' version to compile the layer with: bytecode is only read by the version
    that wrote it. The one named by ``layer_python``, else ``python3.13`` on PATH, else pyenv's."""
    if configured is not None:
        if runtime_python.version_of(configured) != LAMBDA_PYTHON:
            raise ConfigError(f"context 'layer_python' is {configured!r}, which is not a Python {LAMBDA_PYTHON}")
        return configured
    found = runtime_python.find(LAMBDA_PYTHON)
    if found is not None:
        return found
    raise ConfigError(
        f"the layer's bytecode is compiled by Python {LAMBDA_PYTHON}, the functions' runtime, and none was found: "
        f"install it (pyenv install {LAMBDA_PYTHON}, uv python install {LAMBDA_PYTHON}, or the system's package), "
        "name it with -c layer_python=/path/to/python3.13, or ship source only with -c layer_bytecode=false "
        "(every cold start then compiles what it imports)"
    )


def compile_bytecode(python: str, target: Path) -> None:
    """Bytecode beside every module, never checked against its source: the layer cannot change under it, and
    without a timestamp in it every build writes the same files."""
    subprocess.run(  # noqa: S603 - compileall of the interpreter found above
        [python, "-m", "compileall", "-q", "-j", "0", "--invalidation-mode", "unchecked-hash", str(target)],
        check=True,
    )


@jsii.implements(ILocalBundling)
class _PipBundling:
    def __init__(self, python: str | None) -> None:
        self.python = python  # None: source only

    def try_bundle(self, output_dir: str, *, image: DockerImage, **_: object) -> bool:
        target = Path(output_dir) / "python"
        isolated = {name: value for name, value in os.environ.items() if not name.startswith("PIP_")}
        subprocess.run(  # noqa: S603 - pip with our own locked requirements
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-compile",
                "--no-deps",  # the lock names every package
                "--require-hashes",
                "--platform",
                "manylinux2014_aarch64",
                "--implementation",
                "cp",
                "--python-version",
                LAMBDA_PYTHON,
                "--only-binary=:all:",
                "--target",
                str(target),
                "--requirement",
                str(ROOT / LOCK),
            ],
            check=True,
            env={**isolated, "PIP_CONFIG_FILE": os.devnull},  # no pip.conf of anyone's: PyPI, as locked
        )
        shutil.copytree(ROOT / "shared" / "portside", target / "portside", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "templates", target / "templates")
        if self.python is not None:
            compile_bytecode(self.python, target)
        return True


class SharedLayer(Construct):
    """``bytecode``: compile the layer with ``python`` (found when not named); false ships source only."""

    def __init__(self, scope: Construct, construct_id: str, *, bytecode: bool, python: str | None = None) -> None:
        super().__init__(scope, construct_id)
        # Found here, so that a missing interpreter fails the synth with its message before any bundling starts.
        compiler = bytecode_python(python) if bytecode and Stack.of(self).bundling_required else None
        self.layer = lambda_.LayerVersion(
            self,
            "Layer",
            code=lambda_.Code.from_asset(
                str(ROOT / "shared"),
                asset_hash_type=AssetHashType.CUSTOM,
                asset_hash=source_hash(bytecode=bytecode),
                bundling=BundlingOptions(
                    image=DockerImage.from_registry("unused-local-bundling"), local=_PipBundling(compiler)
                ),
            ),
            compatible_architectures=[lambda_.Architecture.ARM_64],
            description="portside: guard, models, rendering, mail, templates, pinned dependencies",
        )
