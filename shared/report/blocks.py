"""Building blocks of the monthly report: number formats and the document model (sections of
blocks) that both the Markdown and the HTML writers render, so the two always say the same thing.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from shared.report.models import Ranked

SMALL = 30  # fewer tickets than this: a rate is a hint, not a result
NA = "n/a"
CATEGORY_NAMES = {
    "access": "Access",
    "cloud_resource": "Cloud resource",
    "troubleshooting": "Troubleshooting",
    "deployment": "Deployment",
    "other": "Other",
}
PALETTE = ("#2563eb", "#0f766e", "#c2410c", "#7c3aed", "#64748b", "#b45309", "#be185d", "#0369a1")
NUM, KEYS, NAME = "num", "keys", "name"  # table column classes


# Numbers as words ---------------------------------------------------------------------------------
def pct(x: float | None) -> str:
    return NA if x is None else f"{x * 100:.1f}%"


def hours(h: float | None) -> str:
    return NA if h is None else f"{h:.1f} h"


def num(n: int) -> str:
    return f"{n:,}"


def rounds(r: float | None) -> str:
    return NA if r is None else f"{r:.2f}"


def change(r: Ranked, has_previous: bool) -> str:
    """Against the previous month: "+6 (+17%)", "no change", "new", or n/a without a previous month."""
    if not has_previous:
        return NA
    if r.previous is None:
        return "new"
    d = r.count - r.previous
    if d == 0:
        return "no change"
    return f"{d:+d}" + (f" ({d / r.previous * 100:+.0f}%)" if r.previous else "")


def category(name: str) -> str:
    return CATEGORY_NAMES.get(name, name)


def _month(month: str) -> date | None:
    try:
        year, m = (int(p) for p in month.split("-"))
        return date(year, m, 1)
    except (ValueError, IndexError):
        return None


def month_name(month: str) -> str:
    start = _month(month)
    return f"{calendar.month_name[start.month]} {start.year}" if start else month


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _caveat(n: int) -> str:
    return f" With n = {n}, read this as a hint, not a result." if 0 < n < SMALL else ""


# The document: sections of blocks, rendered twice -----------------------------------------------
@dataclass(frozen=True)
class Table:
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    classes: Mapping[int, str] = field(default_factory=dict)  # column -> NUM | KEYS | NAME
    header_col: int = 0  # the column whose cells are row headers (<th scope="row">)
    strong: frozenset[tuple[int, int]] = frozenset()  # (row, column) cells to emphasise


@dataclass(frozen=True)
class Figures:
    items: Sequence[tuple[str, str, str]]  # label, value, detail


@dataclass(frozen=True)
class Chart:
    svg: str


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Fine:
    text: str


@dataclass(frozen=True)
class Sub:
    title: str


@dataclass(frozen=True)
class Pair:
    """Two blocks side by side on a wide page (a chart and its table); one after the other elsewhere."""

    left: Block
    right: Block


Block = str | list[str] | Table | Figures | Chart | Note | Fine | Sub | Pair  # str: paragraph; list: bullets


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    blocks: list[Block]
