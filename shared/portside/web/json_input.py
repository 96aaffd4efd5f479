"""JSON request bodies, read with limits: a body nested too deeply or too large is bad input, never a 500."""

from __future__ import annotations

import json
from typing import Any

from portside.errors import InvalidInput

MAX_DEPTH = 8  # the deepest any route's body needs is 3 ({"rows": [{...}]})


def read_json(body: bytes, shape: str) -> Any:
    """``body`` parsed, or InvalidInput naming the body and saying what to send (``shape``)."""
    try:
        payload = json.loads(body)
    except RecursionError as error:  # the parser's own stack gives out long before memory does
        raise InvalidInput({"body": f"The body is nested too deeply. {shape}"}) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput({"body": f"The body is not JSON. {shape}"}) from error
    if _depth(payload) > MAX_DEPTH:
        raise InvalidInput({"body": f"The body is nested more than {MAX_DEPTH} levels deep. {shape}"})
    return payload


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (a scalar is 0), without recursion."""
    deepest, waiting = 0, [(value, 0)]
    while waiting:
        current, level = waiting.pop()
        if isinstance(current, dict | list):
            level += 1
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            waiting.extend((child, level) for child in (current.values() if isinstance(current, dict) else current))
    return deepest
