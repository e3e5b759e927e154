"""What an analysis produces. Both analyzers (rules and LLM) return the same `Assessment`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal["access", "cloud_resource", "troubleshooting", "deployment", "other"]
CATEGORIES: tuple[Category, ...] = (
    "access",
    "cloud_resource",
    "troubleshooting",
    "deployment",
    "other",
)
Verdict = Literal["HIGH_QUALITY", "NEEDS_INFO"]
Language = Literal["ko", "en"]
AnalyzerName = Literal["rules", "llm"]
# Who chose the category: the analyzer, or the site (its request type or issue type, by
# TRIAGE_CATEGORY_MAP). A category the site decided is not the analyzer's to be measured on.
CategorySource = Literal["analyzer", "site"]
# The LLM prompts kept side by side, so a change is measured against the one it replaces.
PromptVersion = Literal["triage-v1", "triage-v2", "triage-v3"]


class MissingItem(BaseModel):
    """One piece of information the assignee needs and the ticket lacks."""

    model_config = ConfigDict(frozen=True)
    id: str
    label: str
    why: str
    field: str | None = Field(None, description="the empty form field on the ticket where it belongs")


class Assessment(BaseModel):
    """The judgement on one ticket; the comment we post is built from this, never free text."""

    model_config = ConfigDict(frozen=True)
    score: int = Field(ge=0, le=100)
    verdict: Verdict
    category: Category
    category_source: CategorySource = "analyzer"
    language: Language
    missing: tuple[MissingItem, ...] = ()
    present: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = Field((), description="items the reporter's reply says do not apply")
    analyzer: AnalyzerName = "rules"
    version: str
    fallback_reason: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0
