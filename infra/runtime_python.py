"""The functions' Python, found on this machine: it compiles the layer's bytecode and runs the suite a second time.

No CDK here, so that ``python -m infra.runtime_python`` answers quickly: it prints the interpreter's path, or
exits 1 when there is none.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# The functions' runtime (infra/components/functions.py); make lock resolves for it too.
LAMBDA_PYTHON = "3.13"


def version_of(python: str) -> str | None:
    """``major.minor`` of the interpreter at ``python``, or None when it does not run."""
    try:
        done = subprocess.run(  # noqa: S603 - an interpreter the operator named or that is on PATH
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _pyenv_python(version: str) -> str | None:
    """pyenv's interpreter of ``version``, installed but not the one selected (its shim would refuse)."""
    if shutil.which("pyenv") is None:
        return None
    done = subprocess.run(["pyenv", "prefix", version], capture_output=True, text=True)  # noqa: S603, S607
    return str(Path(done.stdout.strip()) / "bin" / f"python{version}") if done.returncode == 0 else None


def find(version: str = LAMBDA_PYTHON) -> str | None:
    """``python<version>`` on PATH, else pyenv's, when it really is that version."""
    for candidate in (shutil.which(f"python{version}"), _pyenv_python(version)):
        if candidate and version_of(candidate) == version:
            return candidate
    return None


if __name__ == "__main__":
    found = find()
    if found is None:
        sys.exit(1)
    print(found)
