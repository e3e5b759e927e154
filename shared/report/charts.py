"""Inline SVG charts for the monthly report: standard library only, every string escaped.

Each chart is `role="img"` with a `<title>` and a `<desc>` that states the numbers in words, and
every bar carries its value as text. Callers pass values already formatted (`Bar.text`), so the
charts never format numbers differently from the tables next to them. Empty input draws an empty
frame (no division by zero); callers usually show a sentence instead.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

BLUE = "#2563eb"
AMBER = "#c2410c"
SLATE = "#64748b"
LIGHT = "#94a3b8"
PALE = "#cbd5e1"
GREEN = "#15803d"
FONT = 13.0


class Bar(NamedTuple):
    label: str
    value: float | None
    text: str
    color: str = BLUE
    note: str = ""


def text_width(text: str, size: float = FONT) -> float:
    """Approximate rendered width: East Asian wide characters take about a full em."""
    return sum(size * (1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6) for c in text)


def fit(text: str, width: float, size: float = FONT) -> str:
    """`text`, cut with an ellipsis so that it fits into `width` pixels."""
    if text_width(text, size) <= width:
        return text
    out = ""
    for c in text:
        if text_width(out + c + "…", size) > width:
            break
        out += c
    return out + "…"


def nice_scale(value: float, ticks: int = 4) -> tuple[float, float]:
    """(top, step) of a y-axis that covers `value` with about `ticks` round steps."""
    if not math.isfinite(value) or value <= 0:
        return 1.0, 1.0
    raw = value / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1.0, 2.0, 5.0, 10.0) if m * magnitude >= raw)
    return math.ceil(value / step - 1e-9) * step, step


def _n(x: float) -> str:
    return f"{x:.1f}"


def _light(color: str) -> bool:
    """Whether a #rrggbb colour is light enough to need dark text on it."""
    try:
        r, g, b = (int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return 0.299 * r + 0.587 * g + 0.114 * b > 150


def _svg(chart_id: str, width: float, height: float, title: str, desc: str, body: Sequence[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" role="img" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" height="{_n(height)}" '
        f'aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d">'
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-d">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}" text-anchor="{anchor}" '
        f'dominant-baseline="middle"{extra}>{escape(text)}</text>'
    )


def _legend(x: float, y: float, items: Sequence[tuple[str, str]]) -> list[str]:
    """Colour keys right-aligned so that they end at `x`."""
    parts: list[str] = []
    for label, color in reversed(items):
        x -= text_width(label, 12) + 4
        parts.append(_text(x, y, label, "axis"))
        x -= 16
        parts.append(f'<rect x="{_n(x)}" y="{_n(y - 6)}" width="12" height="12" fill="{escape(color)}"/>')
        x -= 14
    return parts


def hbar_chart(
    chart_id: str, title: str, desc: str, bars: Sequence[Bar], *, width: float = 720, label_max: float = 300
) -> str:
    """Horizontal bars, one per row: label, bar, value text. Long labels are cut (full in a tooltip)."""
    row, pad = 28.0, 6.0
    label_w = min(max((text_width(b.label) for b in bars), default=0.0) + 14, label_max)
    value_w = max((text_width(b.text, 12) for b in bars), default=0.0) + 14
    plot = max(width - label_w - value_w, 80.0)
    top = max((b.value or 0.0 for b in bars), default=0.0) or 1.0
    body: list[str] = []
    for i, b in enumerate(bars):
        y = pad + i * row
        w = plot * max(b.value or 0.0, 0.0) / top
        body.append(
            f"<g><title>{escape(b.label)}: {escape(b.text)}</title>"
            + _text(label_w - 8, y + row / 2, fit(b.label, label_w - 14), "lbl", "end")
            + f'<rect x="{_n(label_w)}" y="{_n(y + 5)}" width="{_n(w)}" height="{_n(row - 10)}" '
            f'rx="2" fill="{escape(b.color)}"/>' + _text(label_w + w + 6, y + row / 2, b.text, "val") + "</g>"
        )
    end = pad + row * len(bars)
    body.append(f'<line x1="{_n(label_w)}" x2="{_n(label_w)}" y1="{_n(pad)}" y2="{_n(end)}" class="base"/>')
    return _svg(chart_id, width, pad * 2 + row * len(bars), title, desc, body)


def column_chart(
    chart_id: str,
    title: str,
    desc: str,
    bars: Sequence[Bar],
    *,
    width: float = 1000,
    height: float = 280,
    x_title: str = "",
    y_title: str = "",
    legend: Sequence[tuple[str, str]] = (),
    max_bar: float = 90,
) -> str:
    """Vertical bars with a y axis (gridlines and tick labels), x labels, and values above the bars.

    A bar whose value is None draws no bar and shows its text ("n/a") on the baseline.
    """
    left, right, top_m = 56.0, 12.0, 30.0
    bottom = 38.0 + (16.0 if any(b.note for b in bars) else 0.0) + (18.0 if x_title else 0.0)
    plot_w, plot_h = width - left - right, height - top_m - bottom
    top, step = nice_scale(max((b.value or 0.0 for b in bars), default=0.0))
    base = top_m + plot_h
    body: list[str] = []
    for k in range(round(top / step) + 1):
        v = k * step
        y = base - plot_h * v / top
        label = f"{v:.0f}" if float(step).is_integer() else f"{v:.1f}"
        body.append(
            f'<line x1="{_n(left)}" x2="{_n(width - right)}" y1="{_n(y)}" y2="{_n(y)}" class="grid"/>'
        )
        body.append(_text(left - 6, y, label, "axis", "end"))
    slot = plot_w / max(len(bars), 1)
    bw = min(slot * 0.72, max_bar)
    every = 1 if slot >= 22 else 2
    for i, b in enumerate(bars):
        cx = left + slot * (i + 0.5)
        if b.value is not None and b.value > 0:
            h = plot_h * b.value / top
            body.append(
                f"<g><title>{escape(b.label)}: {escape(b.text)}</title>"
                f'<rect x="{_n(cx - bw / 2)}" y="{_n(base - h)}" width="{_n(bw)}" height="{_n(h)}" '
                f'fill="{escape(b.color)}"/></g>'
            )
            if bw >= 12:
                body.append(_text(cx, base - h - 9, b.text, "val", "middle"))
        elif bw >= 12 and (b.value is None or len(bars) <= 12):
            body.append(_text(cx, base - 9, b.text, "val", "middle"))
        if i % every == 0 or len(bars) <= 12:
            body.append(_text(cx, base + 14, b.label, "axis" if len(bars) > 12 else "lbl", "middle"))
        if b.note:
            body.append(_text(cx, base + 31, b.note, "axis", "middle"))
    body.append(
        f'<line x1="{_n(left)}" x2="{_n(width - right)}" y1="{_n(base)}" y2="{_n(base)}" class="base"/>'
    )
    if x_title:
        body.append(_text(left + plot_w / 2, height - 10, x_title, "axis", "middle"))
    if y_title:
        body.append(_text(left, 12, y_title, "axis"))
    body.extend(_legend(width - right, 12, legend))
    return _svg(chart_id, width, height, title, desc, body)


def split_bar(chart_id: str, title: str, desc: str, parts: Sequence[Bar], *, width: float = 720) -> str:
    """One 100% bar split into parts (e.g. supplied vs not yet), with a legend line under it."""
    total = sum(max(p.value or 0.0, 0.0) for p in parts)
    x, y, h = 0.0, 8.0, 34.0
    body: list[str] = []
    for p in parts:
        w = width * max(p.value or 0.0, 0.0) / total if total else 0.0
        body.append(
            f'<g><title>{escape(p.label)}: {escape(p.text)}</title><rect x="{_n(x)}" y="{_n(y)}" '
            f'width="{_n(w)}" height="{_n(h)}" fill="{escape(p.color)}"/></g>'
        )
        if w >= text_width(p.text, 12) + 12:
            body.append(_text(x + 8, y + h / 2, p.text, "val" if _light(p.color) else "inbar"))
        x += w
    if not total:
        body.append(f'<rect x="0" y="{_n(y)}" width="{_n(width)}" height="{_n(h)}" fill="{PALE}"/>')
        body.append(_text(8, y + h / 2, "no data", "val"))
    lx = 0.0
    for p in parts:
        body.append(
            f'<rect x="{_n(lx)}" y="{_n(y + h + 12)}" width="12" height="12" fill="{escape(p.color)}"/>'
        )
        label = f"{p.label}: {p.text}"
        body.append(_text(lx + 18, y + h + 18, label, "lbl"))
        lx += text_width(label) + 44
    return _svg(chart_id, width, y + h + 34, title, desc, body)
