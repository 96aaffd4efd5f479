"""The requests measured in two processes at once, each with its own emulator and demo data.

The scenario modules are split between them, so two cores measure at the same time and neither
table holds the other's writes. The console's scenarios and the list pages the growth measures
share the first process (the growth signs the owner in again); the other takes the rest.
``python -m tests.bench.parts <part> <out.json>`` runs one part; ``measure_in_parallel`` runs both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.bench import growth
from tests.bench.calls import CallCounter
from tests.bench.requests import Measured, emulated_portal, measure
from tests.bench.scenarios import every_scenario

PARTS = (
    ("sign_in", "partners", "deals", "questions", "console"),
    ("workers", "documents", "lookups", "approvals", "training", "admins"),
)
WARM_RUNS = 5
GROWTH_RUNS = 5
TABLES = ("measured", "small", "large")


@dataclass
class Measurements:
    measured: dict[str, Measured] = field(default_factory=dict)
    small: dict[str, Measured] = field(default_factory=dict)  # the list pages at the demo's size
    large: dict[str, Measured] = field(default_factory=dict)  # and after growing the data
    added: dict[str, int] = field(default_factory=dict)  # what the growth added, by kind

    def merged(self, other: Measurements) -> Measurements:
        return Measurements(
            self.measured | other.measured,
            self.small | other.small,
            self.large | other.large,
            self.added | other.added,
        )

    @classmethod
    def from_json(cls, text: str) -> Measurements:
        loaded = json.loads(text)
        tables = {name: {route: Measured(**row) for route, row in loaded[name].items()} for name in TABLES}
        return cls(**tables, added=loaded["added"])


def measure_part(areas: tuple[str, ...], wanted: set[str], grow: bool) -> Measurements:
    """The wanted routes of ``areas``, and with ``grow`` the list pages among them again on 100x the data."""
    from tests.bench.scenarios.console import OWNER

    counter = CallCounter()
    with emulated_portal() as portal:
        every = every_scenario(portal, WARM_RUNS, areas)
        found = Measurements(measure(counter, every, wanted, WARM_RUNS))
        lists = [name for name in growth.LIST_PAGES if name in found.measured]
        found.small = {name: found.measured[name] for name in lists}
        if grow and lists:
            print(f"Growing the data {growth.FACTOR}x and measuring the list pages again ...", file=sys.stderr)
            portal.admin_sign_in(OWNER)  # the last console scenario signed out
            found.added = growth.grow()
            found.large = measure(counter, every, set(lists), GROWTH_RUNS)
    return found


def measure_in_parallel(wanted: set[str], grow: bool) -> Measurements:
    """Every part in a process of its own, at once; what they measured, together."""
    with tempfile.TemporaryDirectory() as folder:
        outputs = [Path(folder) / f"part-{index}.json" for index in range(len(PARTS))]
        environment = {**os.environ, "BENCH_WANTED": ",".join(sorted(wanted)), "BENCH_GROWTH": "1" if grow else "0"}
        running = [
            subprocess.Popen([sys.executable, "-m", "tests.bench.parts", str(index), str(out)], env=environment)
            for index, out in enumerate(outputs)
        ]
        if any(process.wait() for process in running):
            sys.exit("a part of the benchmark failed (its error is above)")
        found = Measurements()
        for out in outputs:
            found = found.merged(Measurements.from_json(out.read_text()))
    return found


def main() -> None:
    index, out = int(sys.argv[1]), Path(sys.argv[2])
    wanted = set(os.environ["BENCH_WANTED"].split(","))
    found = measure_part(PARTS[index], wanted, grow=index == 0 and os.environ.get("BENCH_GROWTH") == "1")
    out.write_text(json.dumps(asdict(found)))


if __name__ == "__main__":
    main()
