"""``python -m tests.bench``: measure, print the tables, write ``build/bench.json``.

``BENCH_ONLY=partner_deal,admin_deal`` measures only the routes whose names start with one of these;
``BENCH_GROWTH=0`` leaves out the 100x data set.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from dataclasses import asdict, dataclass

from tests.bench import cold, cost, growth, parts
from tests.bench.requests import Measured
from tests.bench.scenarios import SIDE_BY_SIDE, VARIANTS

COLD_RUNS = 3
BUDGET = 1.5  # a handler's cold import, against a bare ``import boto3``

# Repeated sign-ins from one address and IP are the point here, not an attack.
BENCH_LIMITS = {
    "PORTSIDE_SIGN_IN_LIMIT_PER_ADDRESS": "100000",
    "PORTSIDE_SIGN_IN_LIMIT_PER_IP": "100000",
    "PORTSIDE_ADMIN_FAILURES_PER_ADDRESS": "100000",
}


def _environment() -> None:
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_DEFAULT_REGION": "us-east-1",
            "POWERTOOLS_METRICS_DISABLED": "true",
            "POWERTOOLS_LOG_LEVEL": "ERROR",
            **BENCH_LIMITS,
        }
    )
    for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN"):
        os.environ.pop(variable, None)


@dataclass
class Row:
    route: str
    handler: str
    cold_import_s: float
    vs_boto3: float
    aws_calls: int
    dynamodb_round_trips: int
    calls: str
    warm_ms: float
    own_ms: float


def _handlers() -> dict[str, str]:
    from portside.manifest import ROUTES, WORKERS

    handlers = {route.name: route.handler for route in ROUTES} | {worker.name: worker.handler for worker in WORKERS}
    handlers |= {name: handlers[name.split(":")[0]] for name in VARIANTS}
    prefixes = tuple(prefix for prefix in os.environ.get("BENCH_ONLY", "").split(",") if prefix)
    if prefixes:
        handlers = {name: module for name, module in handlers.items() if name.startswith(prefixes)}
    return handlers


def _row(name: str, module: str, imported: float, boto3: float, measured: Measured) -> Row:
    calls = measured.calls
    return Row(
        route=name,
        handler=module,
        cold_import_s=round(imported, 3),
        vs_boto3=round(imported / boto3, 2),
        aws_calls=sum(calls.values()),
        dynamodb_round_trips=measured.dynamodb_round_trips,
        calls=", ".join(f"{call.split(':')[1]} x{n}" for call, n in sorted(calls.items())),
        warm_ms=measured.warm_ms,
        own_ms=measured.own_ms,
    )


def _print_routes(rows: list[Row], boto3: float) -> None:
    print(f"\nbare `import boto3`: {boto3:.3f} s (fastest of {COLD_RUNS})\n")
    header = (
        f"{'route':34} {'cold import':>11} {'/ boto3':>8} {'AWS calls':>9} {'DynamoDB':>8} {'warm ms':>8} "
        f"{'own ms':>7}  calls"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        flag = " *" if row.vs_boto3 > BUDGET else ""
        print(
            f"{row.route:34} {row.cold_import_s:>9.3f} s {row.vs_boto3:>8.2f} {row.aws_calls:>9} "
            f"{row.dynamodb_round_trips:>8} {row.warm_ms:>8.1f} {row.own_ms:>7.1f}  {row.calls}{flag}"
        )
    over = [row.route for row in rows if row.vs_boto3 > BUDGET]
    print(
        f"\n{len(rows) - len(over)} of {len(rows)} at or under {BUDGET}x boto3; over (*): {', '.join(over) or 'none'}"
    )
    by_name = {row.route: row for row in rows}
    pairs = [(known, unknown) for known, unknown in SIDE_BY_SIDE if known in by_name and unknown in by_name]
    if pairs:
        print("\nSign-in for a known and an unknown address (warm ms; DynamoDB round trips):")
        for known, unknown in pairs:
            k, u = by_name[known], by_name[unknown]
            print(
                f"  {known:28} known {k.warm_ms:7.1f} ms ({k.dynamodb_round_trips})"
                f"   unknown {u.warm_ms:7.1f} ms ({u.dynamodb_round_trips})   calls equal: {k.calls == u.calls}"
            )


def _print_growth(small: dict[str, Measured], large: dict[str, Measured], added: dict[str, int]) -> None:
    print(
        f"\nList pages at the demo's size and at {growth.FACTOR}x ({', '.join(f'{n} {k}' for k, n in added.items())}):"
    )
    print(f"{'page':24} {'DynamoDB 1x':>11} {f'{growth.FACTOR}x':>5} {'own ms 1x':>10} {f'{growth.FACTOR}x':>7}")
    for name in small:
        s, g = small[name], large[name]
        print(f"{name:24} {s.dynamodb_round_trips:>11} {g.dynamodb_round_trips:>5} {s.own_ms:>10.1f} {g.own_ms:>7.1f}")


GROUPS = {  # the table's columns, of cost.per_million's line items (the JSON keeps every item)
    "lambda": ("lambda requests", "lambda duration", "lambda init"),
    "http api": ("http api",),
    "dynamodb": ("dynamodb",),
    "cloudfront": ("cloudfront requests", "cloudfront transfer"),
    "waf": ("waf",),
    "x-ray": ("x-ray",),
    "logs": ("logs",),
    "s3": ("s3",),
}


def _print_cost(rows: dict[str, Row], measured: dict[str, Measured]) -> dict[str, dict[str, float]]:
    from portside.manifest import ROUTES, WORKERS, Audience

    partner_pages = {route.name for route in ROUTES if route.audience is Audience.PARTNER and route.method == "GET"}
    pages = [name for name in measured if name in partner_pages]
    print(f"\nOne million views of each partner page on AWS, in dollars (list prices read {cost.PRICES_READ_ON};")
    print(
        f"assumed: {cost.COLD_SHARE:.0%} of views cold, {cost.TRACED_SHARE:.0%} traced, "
        f"{cost.LOG_BYTES_PER_VIEW:,} bytes logged per view; tests/bench/cost.py says why):"
    )
    print(f"{'page':24} {'memory':>6} {'cold init s':>11} " + " ".join(f"{g:>10}" for g in GROUPS) + f" {'total':>7}")
    table: dict[str, dict[str, float]] = {}
    for name in pages:
        m = measured[name]
        usage = cost.Usage(
            m.own_ms,
            m.dynamodb_round_trips,
            m.read_units,
            m.write_units,
            response_bytes=m.response_bytes,
            cold_import_s=rows[name].cold_import_s,
            downloads_a_file=name == "partner_document_download",
        )
        for memory in cost.MEMORY_CHOICES:
            items = cost.per_million(usage, memory)
            total = sum(items.values())
            init = cost.cold_init_seconds(rows[name].cold_import_s, memory)
            table[f"{name}@{memory}"] = {**items, "total": total, "cold_init_s": init}
            grouped = " ".join(f"{sum(items[i] for i in members):>10.2f}" for members in GROUPS.values())
            print(f"{name:24} {memory:>6} {init:>11.2f} {grouped} {total:>7.2f}")
    streams = sum(1 for worker in WORKERS if worker.source == "table-stream")
    fixed = cost.fixed_monthly(cost.alarm_metrics(len(ROUTES) + len(WORKERS), streams))
    print("Fixed, a month: " + ", ".join(f"{item} ${dollars:.2f}" for item, dollars in fixed.items()))
    table["fixed_monthly"] = fixed
    return table


def main() -> None:
    _environment()
    started = time.perf_counter()
    handlers = _handlers()
    print(f"Measuring cold imports (fastest of {COLD_RUNS} fresh interpreters each) ...", flush=True)
    boto3, imported = cold.cold_imports(handlers.values(), COLD_RUNS)
    print(
        f"Measuring requests against the emulator in {len(parts.PARTS)} processes (median of {parts.WARM_RUNS} warm "
        "requests each) ...",
        flush=True,
    )
    found = parts.measure_in_parallel(set(handlers), grow=os.environ.get("BENCH_GROWTH", "1") != "0")
    measured, small, large, added = found.measured, found.small, found.large, found.added
    missing = sorted(set(handlers) - set(measured))
    if missing:
        sys.exit(f"no scenario for: {', '.join(missing)} (add one to tests/bench/scenarios/)")

    rows = {name: _row(name, module, imported[module], boto3, measured[name]) for name, module in handlers.items()}
    _print_routes(list(rows.values()), boto3)
    if large:
        _print_growth(small, large, added)
    costs = _print_cost(rows, measured)
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    elapsed = time.perf_counter() - started
    print(f"\nbenchmark: {elapsed:.0f} s, peak memory {peak_mb:.0f} MB (the largest process)")

    out = cold.ROOT / "build" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    report = {
        "boto3_import_s": round(boto3, 3),
        "routes": [asdict(row) for row in rows.values()],
        "growth": {name: {"1x": asdict(small[name]), f"{growth.FACTOR}x": asdict(large[name])} for name in large},
        "cost_per_million_views": costs,
        "seconds": round(elapsed),
        "peak_mb": round(peak_mb),
    }
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"written to {out.relative_to(cold.ROOT)}")
