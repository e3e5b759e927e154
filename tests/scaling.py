"""How a cost grows with the input, as a ratio, so that a machine's load cannot fail a test.

A wall-clock bound ("under 2 s") fails on a busy CI machine; the ratio between the time for an
input four times as long and the time for the short one does not: both runs share the load. Linear
code gives about 4, quadratic code about 16.
"""

from __future__ import annotations

import time
from collections.abc import Callable

GROWTH = 4
LINEAR_BOUND = 8.0  # twice linear (4), half quadratic (16)


def _best_of(runs: int, call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def growth_ratio(make: Callable[[int], str], judge: Callable[[str], object], size: int) -> float:
    """Time of `judge(make(GROWTH * size))` over time of `judge(make(size))`, best of three each."""
    small, large = make(size), make(GROWTH * size)
    judge(small)  # warm caches and compiled patterns first
    return _best_of(3, lambda: judge(large)) / max(_best_of(3, lambda: judge(small)), 1e-4)
