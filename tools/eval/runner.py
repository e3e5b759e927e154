"""Run one analyzer configuration over the labelled set.

A configuration is the app settings (environment plus `local.settings.json`) with overrides:
`QUALITY_THRESHOLD` and `ANALYZER` matter to the rules analyzer; the LLM analyzer is built from the
same settings the scan uses (endpoint, deployment, key or Key Vault). The bench never talks to Jira
or storage, so it does not require their settings.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import TypeAdapter, ValidationError

from shared.analysis.analyzer import Analyzer
from shared.analysis.learned import load_judge
from shared.analysis.models import Assessment
from shared.config import Settings, SettingsError, load_settings
from shared.llm.errors import LLMUnavailable
from shared.llm_setup import build_judge
from shared.secrets import resolve
from tools.eval.dataset import EvalSet, EvalTicket
from tools.eval.metrics import Case, Scores, score
from tools.eval.recording import AnswerRecorder

AnalyzerChoice = Literal["rules", "llm"]
DEFAULT_THRESHOLD = int(Settings.model_fields["QUALITY_THRESHOLD"].default)
_ALIASES = {"THRESHOLD": "QUALITY_THRESHOLD"}
# Settings the bench does not use but `load_settings` insists on: stand-ins, never contacted.
_UNUSED = {
    "JIRA_BASE_URL": "https://eval.invalid",
    "JIRA_EMAIL": "eval@invalid",
    "JIRA_API_TOKEN": "unused-by-eval",
    "JIRA_SCAN_JQL": "project = EVAL",
    "LEDGER_STORAGE": "UseDevelopmentStorage=true",
}
_LLM_KEYS = ("OPENAI_BASE_URL", "OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT")


@dataclass(frozen=True)
class EvalConfig:
    """What to run: the analyzer, its threshold, and the settings it is built from."""

    name: str
    analyzer: AnalyzerChoice
    threshold: int
    env: Mapping[str, str]
    learned: bool = True


@dataclass(frozen=True)
class Prediction:
    id: str
    assessment: Assessment
    error: str | None = None


def parse_overrides(pairs: Sequence[str]) -> dict[str, str]:
    """`KEY=VALUE` strings; `threshold`/`analyzer` are short for the settings' names."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().upper()
        if not sep or not key:
            raise SettingsError(f"--compare expects KEY=VALUE, got {pair!r}")
        out[_ALIASES.get(key, key)] = value.strip()
    return out


def make_config(
    env: Mapping[str, str],
    *,
    analyzer: str | None = None,
    threshold: int | None = None,
    overrides: Mapping[str, str] | None = None,
    name: str = "",
) -> EvalConfig:
    """The configuration the flags and overrides describe; `SettingsError` on a bad value."""
    merged = {k: v for k, v in env.items() if v != ""}
    if analyzer is not None:
        merged["ANALYZER"] = analyzer
    if threshold is not None:
        merged["QUALITY_THRESHOLD"] = str(threshold)
    merged.update(overrides or {})
    raw_threshold = merged.get("QUALITY_THRESHOLD", str(DEFAULT_THRESHOLD))
    try:
        value = int(raw_threshold)
    except ValueError:
        raise SettingsError(f"QUALITY_THRESHOLD: {raw_threshold!r} is not a whole number") from None
    if not 1 <= value <= 100:
        raise SettingsError(f"QUALITY_THRESHOLD: {value} is outside 1..100")
    mode = merged.get("ANALYZER", "auto")
    if mode not in ("auto", "rules", "llm"):
        raise SettingsError(f"ANALYZER: {mode!r} is not one of auto, rules, llm")
    llm_configured = any(merged.get(k) for k in _LLM_KEYS)
    chosen: AnalyzerChoice = "llm" if mode == "llm" or (mode == "auto" and llm_configured) else "rules"
    try:  # read as the app's settings read it
        learned = TypeAdapter(bool).validate_python(merged.get("RULES_LEARNED", "true"))
    except ValidationError:
        raise SettingsError(f"RULES_LEARNED: {merged['RULES_LEARNED']!r} is not true or false") from None
    label = name or f"{chosen}@{value}{'' if learned else ' (rules alone)'}"
    return EvalConfig(name=label, analyzer=chosen, threshold=value, env=merged, learned=learned)


async def build_analyzer(config: EvalConfig, recorder: AnswerRecorder | None = None) -> Analyzer:
    """Rules alone, or the LLM judge exactly as `shared.runtime.build_runtime` builds it."""
    learned = load_judge() if config.learned else None
    if config.analyzer == "rules":
        return Analyzer(threshold=config.threshold, learned=learned)
    settings = await resolve(load_settings({**_UNUSED, **config.env}))
    judge = build_judge(settings)  # `make_config` chose "llm" by the rule `Settings.use_llm` follows
    if judge is None:
        raise SettingsError(f"{config.name}: the settings choose the rules alone (ANALYZER, no endpoint)")
    judge.recorder = recorder
    return Analyzer(threshold=config.threshold, judge=judge, model=judge.model, learned=learned)


async def predict(
    config: EvalConfig,
    tickets: Sequence[EvalTicket],
    *,
    concurrency: int = 8,
    recorder: AnswerRecorder | None = None,
) -> list[Prediction]:
    """One assessment per ticket, in the set's order. An LLM that stays unavailable for a ticket
    falls back to the rules verdict for it, and the prediction says so."""
    analyzer = await build_analyzer(config, recorder)
    slots = asyncio.Semaphore(concurrency)

    async def one(item: EvalTicket) -> Prediction:
        ticket = item.ticket()
        async with slots:
            try:
                return Prediction(item.id, await analyzer.assess(ticket, None))
            except LLMUnavailable as exc:
                return Prediction(item.id, analyzer.rules(ticket, None), error=str(exc))

    try:
        return list(await asyncio.gather(*(one(t) for t in tickets)))
    finally:
        if analyzer.judge is not None:
            await analyzer.judge.aclose()


def cases(dataset: EvalSet, predictions: Sequence[Prediction]) -> list[Case]:
    out: list[Case] = []
    for item, prediction in zip(dataset.tickets, predictions, strict=True):
        assert item.gold is not None and item.id == prediction.id
        a = prediction.assessment
        out.append(
            Case(
                id=item.id,
                gold_verdict=item.gold.verdict,
                gold_category=item.gold.category,
                gold_missing=frozenset(item.gold.missing),
                verdict=a.verdict,
                category=a.category,
                missing=frozenset(m.id for m in a.missing),
                language=item.language,
                tags=item.tags,
                source=item.source_name(),
            )
        )
    return out


@dataclass(frozen=True)
class Run:
    """One configuration over one set: the predictions, the paired cases and their figures."""

    config: EvalConfig
    predictions: list[Prediction]
    cases: list[Case]
    scores: Scores

    @property
    def fallbacks(self) -> int:
        return sum(1 for p in self.predictions if p.error or p.assessment.fallback_reason)


async def evaluate(config: EvalConfig, dataset: EvalSet, recorder: AnswerRecorder | None = None) -> Run:
    predictions = await predict(config, dataset.tickets, recorder=recorder)
    paired = cases(dataset, predictions)
    return Run(config, predictions, paired, score(paired))
