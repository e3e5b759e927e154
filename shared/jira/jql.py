"""The JQL the scan sends: the team's scope plus our own conditions. Pure string building."""

from __future__ import annotations

from collections.abc import Iterable


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scan_query(
    scope: str,
    *,
    analyzed_label: str,
    our_labels: Iterable[str],
    lookback_days: int,
    changed_within_minutes: int,
) -> str:
    """Open tickets in scope that we have not analyzed (a new ticket has no labels at all, and
    `labels NOT IN` skips empty labels, hence `IS EMPTY OR`), plus tickets carrying any of our
    labels updated inside the overlapping window: the reporter may have supplied what we asked
    for, or a person may have changed our verdict (a disagreement worth recording)."""
    new = f"(labels IS EMPTY OR labels NOT IN ({quote(analyzed_label)})) AND created >= -{lookback_days}d"
    ours = ", ".join(quote(label) for label in our_labels)
    changed = f"labels IN ({ours}) AND updated >= -{changed_within_minutes}m"
    return f"({scope}) AND statusCategory != Done AND (({new}) OR ({changed})) ORDER BY created ASC"


def pilot_query(scope: str, pilot: str, keys: Iterable[str]) -> str:
    """Which of these keys are inside the pilot scope (one search per page of candidates)."""
    key_list = ", ".join(quote(k) for k in keys)
    return f"({scope}) AND ({pilot}) AND key in ({key_list})"
