"""The labelled evaluation set: one ticket a line, with the gold judgement.

A line holds the ticket either as text (`summary`, `description`) or as Jira sends it (`issue`:
the issue JSON of `GET /issue?expand=names,schema`, with ADF, custom fields, attachments and the
request type), which the analyzer then reads through the same normalising and rendering as the
scan. Lines exported from production (`--export-disagreements`) carry `"gold": null` until a
person labels them; the bench skips those and says how many are waiting.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from shared.analysis.checklists import CHECKLISTS
from shared.analysis.models import Category, Language, Verdict
from shared.jira.models import Person, Rejected, Ticket, normalise_issue

DEFAULT_SET = Path(__file__).resolve().parents[2] / "eval" / "tickets.jsonl"
REPORTER = Person(account_id="eval-reporter", display_name="Reporter")
# The desks of eval/real/ with tickets enough to be a source of their own (owner prefixes).
_DESKS = ("kubernetes", "jenkins-infra", "nodejs", "cncf", "hackclub")


class DatasetError(ValueError):
    """The set file is missing or a line is malformed (the message names the line)."""


class Gold(BaseModel):
    """What a person says the right judgement is."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    verdict: Verdict
    category: Category
    missing: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Gold:
        allowed = {i.id for i in CHECKLISTS[self.category]}
        unknown = sorted(set(self.missing) - allowed)
        if unknown:
            raise ValueError(f"missing items {unknown} are not on the {self.category} checklist")
        if (self.verdict == "NEEDS_INFO") != bool(self.missing):
            raise ValueError("verdict must be NEEDS_INFO exactly when some item is missing")
        return self


class EvalTicket(BaseModel):
    """One line of the set."""

    model_config = ConfigDict(frozen=True, extra="allow")
    id: str = Field(min_length=1)
    language: Language
    summary: str = ""
    description: str = ""
    issue: dict[str, Any] | None = None
    gold: Gold | None
    tags: tuple[str, ...] = ()
    note: str = ""

    @model_validator(mode="after")
    def _readable(self) -> EvalTicket:
        if self.issue is None:
            if not self.summary and not self.description:
                raise ValueError("a line needs a summary/description or an issue")
            return self
        found = normalise_issue(self.issue)
        if isinstance(found, Rejected):
            raise ValueError(f"issue: {found.reason}")
        return self

    def source_name(self) -> str:
        """Who wrote it: a real ticket's desk (the big ones by name, the rest as "other-desks"),
        else "real-shape" or "synthetic"."""
        source = (self.model_extra or {}).get("source")
        repository = source.get("repository") if isinstance(source, dict) else None
        if isinstance(repository, str) and repository:
            owner = repository.split("/", 1)[0].lower()
            return next((desk for desk in _DESKS if owner.startswith(desk)), "other-desks")
        return "real-shape" if self.issue is not None else "synthetic"

    def ticket(self) -> Ticket:
        """The Jira ticket the analyzer sees: the issue as Jira sent it, or the text alone."""
        if self.issue is not None:
            found = normalise_issue(self.issue)
            assert isinstance(found, Ticket)  # checked when the line was read
            return found if found.reporter is not None else found.model_copy(update={"reporter": REPORTER})
        return Ticket(
            key="EVAL-1",
            summary=self.summary,
            description=self.description,
            project="EVAL",
            reporter=REPORTER,
        )


class EvalSet(BaseModel):
    model_config = ConfigDict(frozen=True)
    path: str
    tickets: tuple[EvalTicket, ...]
    unlabelled: int = 0


def load_set(path: Path = DEFAULT_SET) -> EvalSet:
    """Every labelled ticket of the file; `DatasetError` naming the first bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read the eval set ({exc.__class__.__name__})") from None
    tickets: list[EvalTicket] = []
    seen: set[str] = set()
    unlabelled = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            ticket = EvalTicket.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise DatasetError(f"{path}:{number}: {_short(exc)}") from None
        if ticket.id in seen:
            raise DatasetError(f"{path}:{number}: duplicate id {ticket.id}")
        seen.add(ticket.id)
        if ticket.gold is None:
            unlabelled += 1
        else:
            tickets.append(ticket)
    if not tickets:
        raise DatasetError(f"{path}: no labelled tickets")
    return EvalSet(path=str(path), tickets=tuple(tickets), unlabelled=unlabelled)


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" if where else str(first["msg"])
    return str(exc).splitlines()[0]
