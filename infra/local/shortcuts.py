"""The emulator's shortcuts, installed together wherever moto runs (the local runtime, the tests, the benchmark).

Each changes how fast moto answers, never what it answers: transactions without a copy of the table,
comparisons without a general cast, one size check per new item, one import of Cognito's signing
key. ``docs/local-runtime.md`` says why.
"""

from __future__ import annotations

from infra.local import comparisons, item_sizes, signing_keys, transactions


def install() -> None:
    transactions.install()
    comparisons.install()
    item_sizes.install()
    signing_keys.install()
