"""Bounded memos that forget one entry at a time.

A memo emptied whole when it fills drops a thousand entries at once, and the
frame of a scrolled list that does it pays for all of them (0.1-0.5 ms for a
thousand laid-out texts here, then their common ones laid out again;
benchmarks/RESULTS.md, "Eighth pass"); dropping the oldest entry with each new
one spreads that over the frames.
"""

from __future__ import annotations

from typing import TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")


def keep(memo: dict[_K, _V], key: _K, value: _V, limit: int) -> _V:
    """Store ``value`` under ``key`` in ``memo``, first dropping the oldest entry
    (the first inserted) if a new key would make it hold more than ``limit``;
    return ``value``."""
    if key not in memo:
        while len(memo) >= limit:
            del memo[next(iter(memo))]
    memo[key] = value
    return value
