"""What the chaos suite exercised, summed over the session and printed at its end."""

from __future__ import annotations

import os
from collections import Counter

STATS: Counter[str] = Counter()


def examples(default: int) -> int:
    """Schedules per property: `CHAOS_EXAMPLES` (the `make chaos` budget) or the fixed default."""
    value = os.environ.get("CHAOS_EXAMPLES", "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def seed() -> int | None:
    """`CHAOS_SEED` explores new schedules; without it the run is derandomized (the same every time)."""
    value = os.environ.get("CHAOS_SEED", "")
    return int(value) if value.isdigit() else None


def summary_lines() -> list[str]:
    if not STATS["schedules"]:
        return []
    steps = {k.removeprefix("step:"): v for k, v in sorted(STATS.items()) if k.startswith("step:")}
    lines = [
        f"chaos: {STATS['schedules']} schedules, {sum(steps.values())} steps "
        f"({', '.join(f'{k} {v}' for k, v in steps.items())})"
    ]
    outcomes = {k.removeprefix("outcome:"): v for k, v in sorted(STATS.items()) if k.startswith("outcome:")}
    if outcomes:
        lines.append("chaos ticket outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.items()))
    kills = {k.removeprefix("kill:"): v for k, v in sorted(STATS.items()) if k.startswith("kill:")}
    if kills:
        lines.append("chaos kill points: " + ", ".join(f"{k} {v}" for k, v in kills.items()))
    return lines


def hostile_lines() -> list[str]:
    hostile = {k.removeprefix("hostile:"): v for k, v in sorted(STATS.items()) if k.startswith("hostile:")}
    if not hostile:
        return []
    return ["hostile tickets: " + ", ".join(f"{k} {v}" for k, v in hostile.items())]
