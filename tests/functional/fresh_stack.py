"""Call a handler at the start of a fresh stretch of CPython's frame stack, whatever depth the caller is at.

CPython 3.11 keeps Python frames in chunks of 16 KiB, maps each chunk from the system when a call
needs it and unmaps it as soon as the frame that opened it returns. A loop whose calls land just
past a chunk's end therefore maps, faults in and unmaps a chunk on every call. Where that boundary
falls depends on how deep the caller is, so the same test ran three times slower inside a
pytest-xdist worker (whose stack is deeper) than in a plain pytest process: seven million page faults
against 170 thousand in the kill-list walk, nearly all in ``_PyThreadState_BumpFramePointerSlow``.

``on_fresh_stack`` has a frame too large to fit what is left of any ordinary chunk, so CPython gives
it a chunk of its own of 64 KiB, and the call under it starts with about 32 KB free: the handler, the
SDK and the emulator run at the same place in a chunk whoever calls them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Locals that are never set: they only size the frame (8 bytes a slot). CPython 3.11 rounds a new chunk up to
# hold the frame and 1,000 slots more, so 4,200 slots (33 KB) takes a 64 KiB chunk and leaves about 32 KB.
FRAME_SLOTS = 4200

_SOURCE = (
    "def on_fresh_stack(call, *args, **kwargs):\n"
    "    if False:\n"
    f"        {' = '.join(f'_{number}' for number in range(FRAME_SLOTS))} = None\n"
    "    return call(*args, **kwargs)\n"
)
_namespace: dict[str, Any] = {}
exec(compile(_SOURCE, __file__, "exec"), _namespace)  # noqa: S102 (source written above, no input)
on_fresh_stack: Callable[..., Any] = _namespace["on_fresh_stack"]
