"""The functional driver's fresh stack: a hot loop at a frame-chunk boundary thrashes without it, and not with it."""

from __future__ import annotations

import resource

from tests.functional.fresh_stack import on_fresh_stack

CALLS = 2000


def _leaf() -> None:
    """Larger than a frame of ``_hot``, so at the depth where ``_hot`` fills a chunk this call needs the next one."""
    if False:
        a = b = c = d = e = f = g = h = i = j = k = m = n = o = p = q = r = s = t = u = v = w = x = y = z = None  # noqa: F841


def _hot(depth: int) -> None:
    if depth:
        return _hot(depth - 1)
    for _ in range(CALLS):
        _leaf()
    return None


def _most_page_faults_at_any_depth() -> int:
    """Leaf calls at every depth over more than one chunk (16 KiB): the most page faults one depth's loop took."""
    most = 0
    for depth in range(250):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        _hot(depth)
        most = max(most, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    return most


def test_a_loop_at_a_chunk_boundary_faults_on_every_call_on_an_ordinary_stack() -> None:
    """If this fails, this interpreter keeps a freed chunk for reuse, and the driver's fresh stack is not needed."""
    assert _most_page_faults_at_any_depth() >= CALLS


def test_on_a_fresh_stack_no_depth_in_reach_crosses_a_chunk_boundary() -> None:
    assert on_fresh_stack(_most_page_faults_at_any_depth) < CALLS / 10
