"""The committed floor under the rules analyzer's figures (`eval/baseline.json`).

Figures are floor-rounded to 3 decimals when recorded, so today's analyzer always meets its own
baseline; a rules change that lowers any figure fails CI. Lower a baseline only with a reason in
the commit message.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from shared.analysis.rules_version import RULES_VERSION
from tools.eval.metrics import Scores

DEFAULT_BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"
_SLACK = 1e-9


def floor3(value: float) -> float:
    return math.floor(value * 1000 + _SLACK) / 1000


def baseline_payload(scores: Scores, *, threshold: int, set_size: int) -> dict[str, Any]:
    return {
        "analyzer": "rules",
        "threshold": threshold,
        "rules_version": RULES_VERSION,
        "set_size": set_size,
        "figures": {k: floor3(v) for k, v in scores.headline().items() if v is not None},
    }


def write_baseline(path: Path, payload: dict[str, Any]) -> None:
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_baseline(path: Path = DEFAULT_BASELINE) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        raise ValueError(f"{path}: not a baseline file (no 'figures')")
    return data


def regressions(scores: Scores, baseline: dict[str, Any]) -> list[str]:
    """Each figure now below its recorded floor, as 'name: now < floor'."""
    now = scores.headline()
    out = []
    for name, floor in baseline["figures"].items():
        value = now.get(name)
        if value is None or value + _SLACK < float(floor):
            shown = "n/a" if value is None else f"{value:.4f}"
            out.append(f"{name}: {shown} < baseline {floor}")
    return out
