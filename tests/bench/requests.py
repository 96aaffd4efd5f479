"""One request per route against the emulator in this process: the AWS calls it makes and its warm time.

The warm time includes the emulator's own time; the portal's own time is the warm time less the time
spent inside AWS calls (rendering, the guard, parsing: what a faster database would not change).
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tests.bench.calls import CallCounter
from tests.bench.scenarios import SIDE_BY_SIDE, Scenario


@dataclass(frozen=True)
class Measured:
    calls: dict[str, int]
    read_units: float
    write_units: float
    warm_ms: float
    own_ms: float
    response_bytes: int = 0  # the answer's body, as CloudFront would send it on

    @property
    def dynamodb_round_trips(self) -> int:
        return sum(count for call, count in self.calls.items() if call.startswith("dynamodb:"))


@contextmanager
def emulated_portal() -> Iterator[Any]:
    """The demo tenant in an in-process emulator, and a driver speaking to the handlers as API Gateway does."""
    import contextlib
    import os

    import pytest
    from moto import mock_aws

    from infra.local import resources, seed, shortcuts, sso_stand_in
    from portside.web import page_cache
    from tests.functional.jwks import published_jwks, use_admin_pool
    from tests.functional.portal import Portal
    from tests.functional.sso_helpers import free_port

    shortcuts.install()
    # Powertools still prints metric batches when disabled; the tables are the output that matters.
    with mock_aws(), published_jwks() as jwks, open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        resources.create_table()
        resources.create_bucket()
        resources.create_mail_identity()
        seed.seed_tenant(Portal.BASE_URL)
        use_admin_pool(jwks, os.environ.__setitem__)
        identity_provider = sso_stand_in.StandInProvider(free_port())
        identity_provider.start()
        os.environ.update(identity_provider.settings())
        sso_stand_in.seed_group_roles(seed.TENANT_ID)
        # Warm means the per-process tenant and partner caches hold too: a minute's expiry falling
        # inside a slow run would otherwise add a GetItem to whichever route it hit.
        page_cache.CACHE_SECONDS = float("inf")
        yield Portal(pytest.MonkeyPatch())


def measure(counter: CallCounter, every: dict[str, Scenario], wanted: set[str], runs: int) -> dict[str, Measured]:
    """Each wanted scenario: warmed once, then measured ``runs`` times (median); its calls from the first run."""
    from infra.local.emulator import forget_model_copies

    results: dict[str, Measured] = {}
    begun = time.perf_counter()
    # What lives now (the emulator's tables above all) is never collected: the collections between requests then
    # walk only what the requests made (a full collection of the seeded emulator takes a third of a second).
    gc.freeze()
    partner_of = {unknown: known for known, unknown in SIDE_BY_SIDE}
    for name in every:
        if name not in wanted or name in partner_of:
            continue
        # A side-by-side pair is measured in turns, so that neither is measured on a larger table than the other.
        group = [name, *(other for other, known in partner_of.items() if known == name and other in wanted)]
        print(f"  {', '.join(group)} ({time.perf_counter() - begun:.0f} s)", file=sys.stderr, flush=True)
        timings: dict[str, list[tuple[float, float]]] = {member: [] for member in group}
        first: dict[str, tuple[Counter[str], float, float, int]] = {}
        for member in group:
            setup, request = every[member]
            request(setup())  # warm the handler (its cold start is measured separately)
        for run in range(runs):
            for member in group:
                setup, request = every[member]
                prepared = setup()
                counter.reset()
                gc.disable()  # no collection inside the timing: the emulator's items live in this process too
                started = time.perf_counter()
                answer = None
                try:
                    answer = request(prepared)
                finally:
                    elapsed = time.perf_counter() - started
                    gc.enable()
                timings[member].append((elapsed, elapsed - counter.seconds))
                if run == 0:
                    body = getattr(answer, "body", "")
                    sent = len(body.encode() if isinstance(body, str) else body or b"")
                    first[member] = (Counter(counter.calls), counter.read_units, counter.write_units, sent)
                forget_model_copies()
        for member in group:
            calls, reads, writes, sent = first[member]
            warm = statistics.median(total for total, _ in timings[member]) * 1000
            own = statistics.median(own for _, own in timings[member]) * 1000
            results[member] = Measured(dict(calls), reads, writes, round(warm, 1), round(own, 1), sent)
    return results
