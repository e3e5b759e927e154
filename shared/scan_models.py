"""Typed inputs and results of the scan use case."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import Field

from shared.config import RolloutMode, Settings
from shared.jira.fields import FieldPolicy
from shared.lifecycle.policy import Labels, RolloutModes
from shared.lifecycle.record import Outcome
from shared.lifecycle.results import TicketResult
from shared.tick_figures import TickFigures

# Why a tick stopped before its end (the timer fails its execution on a rejected token).
StopKind = Literal["token_rejected", "jira_unavailable", "ledger_unavailable", "llm_unavailable"]


def field_policy(s: Settings) -> FieldPolicy:
    """How this site's fields are read (FIELDS_IGNORE, FIELD_ITEM_MAP)."""
    return FieldPolicy(
        ignore=frozenset(x.lower() for x in s.FIELDS_IGNORE),
        items={k.lower(): v for k, v in s.FIELD_ITEM_MAP.items()},
    )


@dataclass(frozen=True)
class ScanOptions:
    """The settings the scan depends on, without the rest of the app's configuration."""

    scope_jql: str
    pilot_jql: str | None
    mode: RolloutMode
    holdout_percent: int
    labels: Labels
    concurrency: int
    write_concurrency: int
    time_budget_s: float
    max_tickets: int
    lookback_days: int
    overlap_minutes: int
    max_attempts: int
    lease_seconds: int
    internal_comments: bool
    mention_reporter: bool
    price_in_per_mtok: float
    price_out_per_mtok: float
    field_policy: FieldPolicy = field(default_factory=FieldPolicy)
    daily_budget_usd: float = 5.0
    renew_every_s: float | None = None  # how often a held claim is renewed; None: a third of the lease
    deflection_links: Mapping[str, str] = field(default_factory=dict)  # DEFLECTION_LINKS
    category_modes: Mapping[str, RolloutMode] = field(default_factory=dict)  # ROLLOUT_CATEGORIES

    @property
    def modes(self) -> RolloutModes:
        return RolloutModes(self.mode, self.category_modes)

    @classmethod
    def from_settings(cls, s: Settings) -> ScanOptions:
        return cls(
            scope_jql=s.JIRA_SCAN_JQL,
            pilot_jql=s.PILOT_JQL,
            mode=s.ROLLOUT_MODE,
            holdout_percent=s.HOLDOUT_PERCENT,
            labels=Labels(s.LABEL_ANALYZED, s.LABEL_HIGH_QUALITY, s.LABEL_NEEDS_INFO),
            concurrency=s.SCAN_CONCURRENCY,
            write_concurrency=s.JIRA_WRITE_CONCURRENCY,
            time_budget_s=s.SCAN_TIME_BUDGET_SECONDS,
            max_tickets=s.SCAN_MAX_TICKETS,
            lookback_days=s.SCAN_LOOKBACK_DAYS,
            overlap_minutes=s.SCAN_OVERLAP_MINUTES,
            max_attempts=s.MAX_ATTEMPTS,
            lease_seconds=s.CLAIM_LEASE_SECONDS,
            internal_comments=s.COMMENT_VISIBILITY == "internal",
            mention_reporter=s.MENTION_REPORTER,
            price_in_per_mtok=s.LLM_PRICE_INPUT_PER_MTOK,
            price_out_per_mtok=s.LLM_PRICE_OUTPUT_PER_MTOK,
            field_policy=field_policy(s),
            daily_budget_usd=s.LLM_DAILY_BUDGET_USD,
            category_modes={str(c): m for c, m in s.ROLLOUT_CATEGORIES.items()},
            deflection_links=s.DEFLECTION_LINKS,
        )


class ScanReport(TickFigures):
    """One tick's summary: the record Application Insights charts (its counters in `TickFigures`)."""

    run_id: str
    started_at: datetime
    mode: RolloutMode
    analyzer: str
    duration_s: float = 0.0
    tickets_seen: int = 0
    outcomes: dict[Outcome, int] = Field(default_factory=dict)
    verdicts: dict[str, int] = Field(default_factory=dict)
    by_category_mode: dict[str, int] = Field(
        default_factory=dict, description='tickets analyzed per "category:mode" (the mode that applied)'
    )
    label_edits: int = 0
    jira_calls: int = 0
    jira_calls_by_route: dict[str, int] = Field(default_factory=dict)
    jira_retries: int = 0
    llm_fallbacks: int = 0
    ledger_ops: int = 0
    stopped_early: str | None = None
    stop_kind: StopKind | None = None
    results: list[TicketResult] = Field(default_factory=list)

    def tally(self) -> None:
        """Fill the counters from `results`."""
        self.outcomes = dict(Counter(r.outcome for r in self.results))
        self.verdicts = dict(
            Counter(r.verdict for r in self.results if r.outcome == "analyzed" and r.verdict)
        )
        self.by_category_mode = dict(
            Counter(f"{r.category}:{r.mode}" for r in self.results if r.outcome == "analyzed" and r.category)
        )
        self.comments_posted = sum(1 for r in self.results if r.commented)
        self.label_edits = sum(1 for r in self.results if r.labels_added or r.labels_removed)
        self.llm_fallbacks = sum(1 for r in self.results if r.fallback_reason)
        self.tickets_seen = len(self.results)
