"""Cold imports: a handler module imported in a fresh interpreter, with a deployed function's settings.

Each module is measured beside a bare ``import boto3`` in the same rounds, and each figure is the
fastest of its runs: a busy machine only ever adds time, so the minimum is the steadiest estimate
of what the import itself costs, and the ratio to boto3 carries across machines. The portal's modules
are compiled first, as the layer ships them (infra/components/layer.py): a tree without bytecode
(``PYTHONDONTWRITEBYTECODE`` is common on CI machines) would time the compiler too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASELINE = "boto3"
# What a deployed function has (infra/stack.py): tracing, metrics and logging on, inside Lambda.
DEPLOYED = {
    "AWS_LAMBDA_FUNCTION_NAME": "portside-bench",
    "AWS_DEFAULT_REGION": "us-east-1",
    "POWERTOOLS_SERVICE_NAME": "portside",
    "POWERTOOLS_METRICS_NAMESPACE": "Portside",
    "POWERTOOLS_LOG_LEVEL": "INFO",
    "_X_AMZN_TRACE_ID": "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
    "PORTSIDE_STAGE": "prod",
    "PORTSIDE_TABLE_NAME": "portside",
}


def _environment() -> dict[str, str]:
    keep = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "POWERTOOLS_"))}
    return {**keep, **DEPLOYED, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "shared")])}


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_environment(), capture_output=True, text=True, check=True
    )
    return done.stdout


def compile_tree() -> None:
    """Bytecode beside the layer's and the handlers' modules, as a deployed layer has it; the venv's own packages
    got theirs from pip."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", "shared/portside", "functions"],
        cwd=ROOT,
        check=True,
    )


def import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return float(_run(code))


def cold_imports(modules: Iterable[str], runs: int, parallel: int = 2) -> tuple[float, dict[str, float]]:
    """The fastest of ``runs`` imports of ``boto3`` and of each module, measured in turns, ``parallel`` at a time.

    boto3 is measured in every round beside the others, under the same load, so the ratio holds.
    """
    compile_tree()
    wanted = [BASELINE, *sorted(set(modules))]
    best = dict.fromkeys(wanted, float("inf"))
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        for _ in range(runs):
            for module, seconds in zip(wanted, pool.map(import_seconds, wanted), strict=True):
                best[module] = min(best[module], seconds)
    baseline = best.pop(BASELINE)
    return baseline, best


def imported_modules(module: str) -> set[str]:
    """Every module that importing ``module`` loads, in a fresh interpreter with the deployed settings."""
    code = (
        "import sys, json; before = set(sys.modules); "
        f"import {module}; print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    return set(json.loads(_run(code)))


# One interpreter imports the base once, then forks a child per module: each child's imports are the base's
# and what the module adds, without paying the base (boto3, botocore, PynamoDB, the layers) again.
_FORKED = """
import json, os, sys
before = set(sys.modules)
import {base}
base = set(sys.modules) - before
for module in {modules!r}:
    read, write = os.pipe()
    if os.fork() == 0:
        os.close(read)
        ahead = set(sys.modules)
        __import__(module)
        os.write(write, json.dumps(sorted(base | (set(sys.modules) - ahead))).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        print(json.dumps([module, json.loads(answer.read())]))
    os.wait()
"""


def imported_modules_after(base: str, modules: Iterable[str]) -> dict[str, set[str]]:
    """What each module loads in an interpreter that has imported ``base`` (and what ``base`` loaded), as if fresh.

    Exact for a module that loads all ``base`` loads; any other is seen to load ``base``'s modules too, so a
    rule that ``base`` passes can never be missed: choose as ``base`` the handler that loads the least."""
    lines = _run(_FORKED.format(base=base, modules=sorted(set(modules)))).splitlines()
    return {module: set(found) for module, found in (json.loads(line) for line in lines)}


if __name__ == "__main__":  # python -m tests.bench.cold jinja2 pydantic ...: any modules, beside boto3
    base, found = cold_imports(sys.argv[1:], runs=7)
    print(f"{BASELINE:40} {base:.3f} s")
    for name, seconds in sorted(found.items(), key=lambda pair: pair[1]):
        print(f"{name:40} {seconds:.3f} s  {seconds / base:.2f}x")
