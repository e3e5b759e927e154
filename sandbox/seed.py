"""A realistic month of bilingual DevOps Jira tickets, for the sandbox, tests and benchmarks.

Each issue is what GET /rest/api/3/issue returns, plus a private `_sandbox` key with the truth
(`category`, `language`, the checklist items `present`/`missing` in summary + description, and
`quirk`) so analyses can be scored. The sandbox server strips `_sandbox` and applies the
serialisation quirks (`key_only_in_fields`, `no_key`, `labels_missing`, `comment_missing`) when
it answers; here those issues stay normal. Content quirks are in the data itself: `empty_arrays`
(no labels, components or comments), `huge_log`, `secret_pasted` (fake values) and
`prompt_injection`. Output depends only on the arguments (`anchor` defaults to now).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from sandbox import seed_jira as jira
from sandbox.seed_compose import Description, comments, describe, jira_time
from sandbox.seed_forms import FORM_SHARE, FORMS, form_request
from sandbox.seed_jira import COMPONENTS, ISSUE_TYPES, PRIORITIES
from sandbox.seed_markup import CategoryTexts, fill_line, line_items, to_plain
from sandbox.seed_people import DEVOPS, SITE, pick_labels, pick_reporter, user
from sandbox.seed_texts_access import ACCESS
from sandbox.seed_texts_cloud import CLOUD
from sandbox.seed_texts_deploy import DEPLOY
from sandbox.seed_texts_logs import huge_log
from sandbox.seed_texts_other import OTHER
from sandbox.seed_texts_trouble import KST, TROUBLE

CATEGORIES: dict[str, CategoryTexts] = {c.name: c for c in (ACCESS, CLOUD, TROUBLE, DEPLOY, OTHER)}
CATEGORY_WEIGHTS = (28, 24, 26, 12, 10)  # in the order of CATEGORIES
QUIRKS = (
    "key_only_in_fields", "no_key", "labels_missing", "comment_missing",
    "empty_arrays", "huge_log", "secret_pasted", "prompt_injection",
)  # fmt: skip
QUIRK_SHARE = 0.03
COMPLETE_SHARE = 0.47  # of tickets with a description: about 45% of all checklist tickets
DAY_WEIGHT = (1.0, 0.95, 0.95, 0.9, 0.85, 0.07, 0.05)  # Monday first, Seoul time
HOUR_WEIGHT = (
    0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.1, 0.35, 0.9, 1.0, 0.95,
    0.45, 0.85, 1.0, 1.0, 0.9, 0.75, 0.4, 0.25, 0.15, 0.1, 0.06, 0.04,
)  # fmt: skip


def generate_month(
    n: int = 520,
    *,
    seed: int = 7,
    anchor: datetime | None = None,
    days: int = 30,
    project: str = "OPS",
    open_share: float = 0.35,
) -> list[dict[str, Any]]:
    """A month of tickets created over `days` days before `anchor`, the recent ones still open."""
    rng = random.Random(seed)
    end = _anchor(anchor)
    created = sorted(_created_time(rng, end, days) for _ in range(n))
    open_ids = _pick_open(rng, created, end, round(n * open_share))
    quirks = _assign_quirks(rng, n)
    return [
        _issue(rng, i, created[i], i in open_ids, quirks.get(i), COMPLETE_SHARE, project, end)
        for i in range(n)
    ]


def generate_open_batch(
    n: int = 200, *, seed: int = 11, anchor: datetime | None = None, project: str = "OPS"
) -> list[dict[str, Any]]:
    """Open, quirk-free tickets from the last two days, about half complete (the scan benchmark)."""
    rng = random.Random(seed)
    end = _anchor(anchor)
    created = sorted(_created_time(rng, end, 2) for _ in range(n))
    return [_issue(rng, i, created[i], True, None, 0.5, project, end) for i in range(n)]


def _anchor(anchor: datetime | None) -> datetime:
    """Default to now rounded down to the minute; a naive anchor is taken as UTC."""
    if anchor is None:
        return datetime.now(UTC).replace(second=0, microsecond=0)
    return anchor.replace(tzinfo=UTC) if anchor.tzinfo is None else anchor.astimezone(UTC)


def _created_time(rng: random.Random, end: datetime, days: int) -> datetime:
    """Rejection-sample a creation time skewed to Seoul working days and hours."""
    span_ms = days * 86_400_000
    while True:
        t = end - timedelta(milliseconds=rng.randrange(1, span_ms))
        local = t.astimezone(KST)
        if rng.random() < DAY_WEIGHT[local.weekday()] * HOUR_WEIGHT[local.hour]:
            return t


def _pick_open(rng: random.Random, created: Sequence[datetime], end: datetime, k: int) -> set[int]:
    """Choose exactly k open tickets, weighted toward the most recent (Efraimidis-Spirakis)."""
    keyed = []
    for i, c in enumerate(created):
        weight = 0.06 + math.exp(-(end - c).total_seconds() / 86_400 / 4)
        keyed.append((rng.random() ** (1 / weight), i))
    return {i for _, i in sorted(keyed, reverse=True)[:k]}


def _assign_quirks(rng: random.Random, n: int) -> dict[int, str]:
    """Give each quirk to exactly round(3% of n) distinct tickets, so a month shows all of them."""
    per = round(n * QUIRK_SHARE)
    chosen = rng.sample(range(n), per * len(QUIRKS))
    return {i: QUIRKS[pos // per] for pos, i in enumerate(chosen)}


def _choose_missing(
    rng: random.Random, texts: CategoryTexts, lang: str, kind: str | None, complete: float
) -> tuple[list[str], str | None]:
    """Decide which checklist items the ticket leaves out (and its summary if it has no body)."""
    items = texts.items
    if kind is None:
        fits = [t for t in texts.summaries[lang] if len(items) - len(line_items(t, items)[1]) <= 3]
        summary = rng.choice(fits)
        carried = line_items(summary, items)[1]
        return [i for i in items if i not in carried], summary
    if not items or rng.random() < complete:
        return [], None
    pool, weights, missing = list(items), list(texts.miss_weights), []
    for _ in range(rng.choices((1, 2, 3), (50, 33, 17))[0]):
        pick = rng.choices(range(len(pool)), weights)[0]
        missing.append(pool.pop(pick))
        weights.pop(pick)
    return [i for i in items if i in missing], None


def _lifecycle(
    rng: random.Random, created: datetime, is_open: bool, end: datetime
) -> tuple[str, str | None, datetime | None]:
    """Status, assignee and resolution time: done tickets are assigned and resolved before end."""
    status = "Done" if not is_open else ("In Progress" if rng.random() < 0.4 else "To Do")
    assignee = rng.choice(DEVOPS) if status != "To Do" or rng.random() < 0.4 else None
    if status != "Done":
        return status, assignee, None
    hours = min(rng.lognormvariate(math.log(18), 1.0), 24 * 12)
    resolved = min(created + timedelta(hours=hours), end - timedelta(seconds=rng.randint(1, 600)))
    return status, assignee, max(resolved, created + timedelta(seconds=1))


class Written(NamedTuple):
    """A ticket's text and the truth about it."""

    category: str
    lang: str
    reporter: str
    ctx: dict[str, str]
    missing: list[str]
    present: list[str]
    summary: str
    description: Description


def _write(rng: random.Random, created: datetime, quirk: str | None, complete: float) -> Written:
    """Decide the truth (category, language, missing items), then write text carrying exactly it."""
    name = "troubleshooting" if quirk == "huge_log" else rng.choices(list(CATEGORIES), CATEGORY_WEIGHTS)[0]
    texts = CATEGORIES[name]
    lang = rng.choice(("ko", "en"))
    reporter = pick_reporter(rng, lang)
    roll = rng.random()
    kind = "adf" if roll >= 0.12 else "plain" if roll >= 0.04 else None
    if quirk in ("huge_log", "secret_pasted", "prompt_injection"):
        kind = kind or "adf"
    missing, summary = _choose_missing(rng, texts, lang, kind, complete)
    if quirk == "huge_log" and "error" in missing:
        missing.remove("error")
    if quirk == "prompt_injection" and not missing and texts.items:
        missing = [rng.choice(texts.items)]  # an injected "it's complete" should be a lie
    ctx = texts.context(rng, lang, reporter, created, missing)
    team = reporter.team
    ctx.update(name=reporter.name, team=team.ko if lang == "ko" else team.en, domain=team.domain)
    ctx.setdefault("svc", rng.choice(team.services))  # the service the ticket is about
    if quirk == "huge_log":
        ctx["error"] = huge_log(rng, ctx["svc"], created) + "\n" + ctx["error"]
    description, summary, carried = describe(rng, texts, lang, kind, ctx, missing, summary, quirk)
    present = [i for i in texts.items if i not in missing]
    if not set(present) <= carried:
        raise AssertionError(f"template bug: {name} {lang} lacks {set(present) - carried}")
    title = to_plain([fill_line(summary, ctx)])[:255]
    return Written(name, lang, reporter.name, ctx, missing, present, title, description)


def _issue(
    rng: random.Random,
    index: int,
    created: datetime,
    is_open: bool,
    quirk: str | None,
    complete: float,
    project: str,
    end: datetime,
) -> dict[str, Any]:
    """One issue: its text and truth, then the workflow around it (status, people, comments)."""
    w = _write(rng, created, quirk, complete)
    status, assignee, resolved = _lifecycle(rng, created, is_open, end)
    issue_id = str(10001 + index)
    timed = []
    if quirk != "empty_arrays":
        people, span = (w.reporter, assignee), (created, resolved or end)
        timed = comments(rng, issue_id, w.category, w.lang, w.ctx, w.missing, people, span, bool(resolved))
    thread = [c for _, c in timed]
    updated = max([created, *([resolved] if resolved else []), *(t for t, _ in timed)])
    weights = (2, 5, 10, 3, 1) if w.category == "troubleshooting" else (0, 2, 12, 5, 1)
    comps = [] if quirk == "empty_arrays" or rng.random() < 0.2 else [rng.choice(COMPONENTS[w.category])]
    fields: dict[str, Any] = {
        "summary": w.summary,
        "description": w.description,
        "issuetype": jira.issuetype(rng.choice(ISSUE_TYPES[w.category])),
        "status": jira.status(status),
        "project": jira.project(project),
        "labels": [] if quirk == "empty_arrays" else pick_labels(rng, w.category),
        "components": [jira.component(c) for c in comps],
        "reporter": user(w.reporter),
        "assignee": user(assignee) if assignee else None,
        "priority": jira.priority(rng.choices(PRIORITIES, weights)[0]),
        "created": jira_time(created),
        "updated": jira_time(updated),
        "resolutiondate": jira_time(resolved) if resolved else None,
        "comment": {
            "comments": thread,
            "total": len(thread),
            "maxResults": len(thread),
            "startAt": 0,
        },
    }
    # A share of requests come through the service desk's form: the same truth, told in fields. Its
    # own generator, so the rest of the month is the same with or without forms.
    shaped = random.Random(f"form:{index}:{created.isoformat()}")
    form = w.category in FORMS and quirk is None and isinstance(w.description, dict)
    if form and shaped.random() < FORM_SHARE:
        custom, fields["description"], fields["attachment"] = form_request(
            shaped, w.category, w.lang, w.ctx, w.missing, created
        )
        fields.update(custom)
        fields["issuetype"] = jira.issuetype("Service Request")
    else:
        form = False
    truth: dict[str, Any] = {"category": w.category, "language": w.lang, "present": w.present}
    truth.update(missing=w.missing, form=form)
    return {
        "id": issue_id,
        "key": f"{project}-{index + 1}",
        "self": f"{SITE}/rest/api/3/issue/{issue_id}",
        "fields": fields,
        "_sandbox": {**truth, "quirk": quirk},
    }
