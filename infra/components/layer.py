"""The shared Lambda layer: the ``portside`` package, ``templates/`` and the locked runtime dependencies.

Built without Docker: pip installs manylinux arm64 wheels for the functions' Python from
``infra/layer.lock`` (every package pinned, with hashes; ``make lock`` writes it), checking every
hash, with no configuration of the operator's (a pip.conf or ``PIP_*`` variable pointing at another
index could otherwise change what ships). Tests and a plain ``cdk synth -c
aws:cdk:bundling-stacks=[]`` skip the bundling (CDK's own switch); CI runs it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsii
from aws_cdk import AssetHashType, BundlingOptions, DockerImage, ILocalBundling
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

ROOT = Path(__file__).resolve().parents[2]
LOCK = Path("infra") / "layer.lock"
# The functions' runtime (infra/components/functions.py); make lock resolves for it too.
LAMBDA_PYTHON = "3.13"


def source_hash(root: Path = ROOT) -> str:
    """The layer's asset hash: its lock and every file it ships. With SnapStart, a change to any of them
    changes the layer version every function version names, so every version is published again."""
    digest = hashlib.sha256((root / LOCK).read_bytes())
    for folder in (root / "shared" / "portside", root / "templates"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@jsii.implements(ILocalBundling)
class _PipBundling:
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
        return True


class SharedLayer(Construct):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.layer = lambda_.LayerVersion(
            self,
            "Layer",
            code=lambda_.Code.from_asset(
                str(ROOT / "shared"),
                asset_hash_type=AssetHashType.CUSTOM,
                asset_hash=source_hash(),
                bundling=BundlingOptions(
                    image=DockerImage.from_registry("unused-local-bundling"), local=_PipBundling()
                ),
            ),
            compatible_architectures=[lambda_.Architecture.ARM_64],
            description="portside: guard, models, rendering, mail, templates, pinned dependencies",
        )
