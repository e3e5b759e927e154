"""Typed facts and results of the monthly report. Everything here is JSON-serialisable and small,
because activity inputs and outputs cross the Durable Functions boundary."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from shared.tick_figures import TickFigures


class TicketFacts(BaseModel):
    """What the map step extracts from one ticket (no ticket text: only derived facts)."""

    model_config = ConfigDict(frozen=True)
    key: str
    created: datetime | None = None
    resolved: datetime | None = None
    status_category: str | None = None
    language: str = "en"
    category: str = Field(description="our category (rules or LLM), or the site's")
    category_by_site: bool = Field(
        False, description="the request or issue type decided it (TRIAGE_CATEGORY_MAP)"
    )
    actual_category: str | None = Field(
        None, description="what the ticket ended as, by the configured mapping"
    )
    request_kind: str = Field(
        description="e.g. access:grant, cloud_resource:database, troubleshooting:pipeline"
    )
    subject: str = Field(
        description="the tool or resource involved, normalised: gitlab, argocd, postgres, dns..."
    )
    signature: str = Field(description="normalised 'what was asked': category/kind/subject[/scope-or-role]")
    resolution_hours: float | None = None
    comments: int = 0
    clarifying_rounds: int = Field(
        0, description="questions by people other than the reporter before work started"
    )
    verdict: str | None = Field(None, description="our verdict from the ledger, if the bot analyzed it")
    bot_commented: bool = False
    holdout: bool = False
    info_supplied: bool | None = Field(None, description="reporter supplied information after our question")
    info_supplied_hours: float | None = None
    disagreement: bool = Field(
        False, description="a person overruled our verdict or said the question was not needed"
    )
    mode: str | None = Field(None, description="the rollout mode the bot judged it under")
    bot_category: str | None = Field(None, description="the bot's own category (whose rollout mode applied)")
    bot_wrote: bool = Field(True, description="the bot wrote its labels on it (false: judged in shadow only)")
    not_applicable: tuple[str, ...] = Field(
        (), description="checklist items the reporter called not applicable, as category.item"
    )
    deflection_link: str | None = Field(None, description="the faster path our question offered")


class BatchRef(BaseModel):
    """A batch of ticket keys, stored as a blob; the orchestration passes only this reference."""

    month: str
    index: int
    blob: str
    count: int


class BatchResult(BaseModel):
    """Map output reference: the facts live in a blob."""

    index: int
    blob: str | None = None
    count: int = 0
    error: str | None = None
    llm_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0


class Ranked(BaseModel):
    """A counted thing with its share and, where known, the change since last month."""

    name: str
    count: int
    share: float
    previous: int | None = None
    examples: list[str] = Field(default_factory=list)
    median_resolution_hours: float | None = None


class Confusion(BaseModel):
    labels: list[str]
    matrix: list[list[int]]
    accuracy: float | None
    coverage: float
    precision: dict[str, float | None]
    recall: dict[str, float | None]
    decided_by_site: int = Field(0, description="tickets whose category the site's type set: not counted")


class Effect(BaseModel):
    """The bot's measured effect: the numbers the team never had."""

    questioned: int = 0
    completed: int = 0
    completion_rate: float | None = None
    median_hours_to_complete: float | None = None
    rounds_commented: float | None = None
    rounds_holdout: float | None = None
    rounds_untouched: float | None = None
    rounds_previous_month: float | None = None
    commented_n: int = 0
    holdout_n: int = 0
    untouched_n: int = 0
    judged_by_bot: int = 0
    disagreements: int = 0
    disagreement_rate: float | None = None


class NotApplicableItem(BaseModel):
    """One checklist question reporters answered "does not apply": the evidence to drop or reword it."""

    category: str
    item: str
    label: str = Field(description="the question as we ask it in English")
    count: int = Field(description="tickets whose reporter called it not applicable")
    asked: int = Field(description="tickets of the category the bot asked a question on")
    kinds: dict[str, int] = Field(description="request kind -> tickets, most first")
    examples: list[str] = Field(default_factory=list)


class DeflectionRow(BaseModel):
    """One signature's time to resolution with the faster path offered and without it."""

    signature: str
    link: str | None = Field(None, description="the page DEFLECTION_LINKS names for it now")
    with_n: int = 0
    with_resolved: int = 0
    with_median_hours: float | None = None
    without_n: int = 0
    without_resolved: int = 0
    without_median_hours: float | None = None


class LinkCoverage(BaseModel):
    """Which signatures of a "Documentation first" request kind have a faster path configured."""

    linked: list[str] = Field(default_factory=list)
    unlinked: list[str] = Field(default_factory=list, description="no link yet, most tickets first")


class BotFigures(TickFigures):
    """The bot's work counted over the scan ticks that ran inside the month (a ticket judged again
    after its reporter answered counts again), as against the effect, which follows the month's
    tickets whenever the bot asked about them. The counters a tick keeps are in `TickFigures`."""

    ticks: int = 0
    tickets_analyzed: int = 0
    labels_written: int = 0
    failures: int = 0
    parked: int = 0


class Readiness(BaseModel):
    """One category's figures and the recommendation the rule gives."""

    category: str
    modes: list[str] = Field(description="the rollout modes its tickets were judged under this month")
    judged: int
    disagreements: int
    disagreement_rate: float | None
    interval: tuple[float, float] | None = Field(None, description="95% Wilson interval of the rate")
    asked: int = Field(0, description="tickets the bot asked about")
    completed_after_question: float | None = Field(
        None, description="share of those where the reporter supplied"
    )
    holdout: int = Field(
        0, description="tickets judged NEEDS_INFO and not asked (the holdout; in shadow, every one)"
    )
    completed_in_holdout: float | None = None
    people_asked: float | None = Field(
        None,
        description="share of its NEEDS_INFO tickets where people asked the reporter for more themselves",
    )
    not_applicable: float | None = Field(
        None, description="share of its questions answered 'not applicable' for some item"
    )
    recommendation: str
    why: str


class Aggregate(BaseModel):
    """The deterministic reduce over every ticket's facts."""

    month: str
    tickets: int
    batches: int
    batches_missing: list[int] = Field(default_factory=list)
    by_category: list[Ranked]
    by_language: dict[str, int]
    recurring: list[Ranked] = Field(description="signatures seen at least twice, most frequent first")
    automation_candidates: list[Ranked]
    documentation_candidates: list[Ranked]
    daily_created: list[int] = Field(description="tickets created per day of the month")
    median_resolution_hours: float | None = None
    effect: Effect
    accuracy: Confusion
    bot: BotFigures
    readiness: list[Readiness] = Field(
        default_factory=list, description="per category: ready for more autonomy?"
    )
    not_applicable: list[NotApplicableItem] = Field(
        default_factory=list, description="checklist items reporters called not applicable, most first"
    )
    deflection: list[DeflectionRow] = Field(
        default_factory=list, description="signatures with a faster path offered or configured"
    )
    documentation_links: dict[str, LinkCoverage] = Field(
        default_factory=dict, description="per documentation candidate: its signatures with a link, without"
    )


class Narrative(BaseModel):
    """The LLM's words over the aggregate (never over ticket text)."""

    available: bool
    automation: list[str] = Field(default_factory=list)
    documentation: list[str] = Field(default_factory=list)
    summary: str = ""
    note: str = ""


class MonthlyReport(BaseModel):
    month: str
    generated_at: datetime
    aggregate: Aggregate
    narrative: Narrative
    browse_url: str | None = Field(None, description="where a key opens in Jira: {browse_url}/OPS-123")
