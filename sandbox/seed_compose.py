"""Compose one ticket's summary, description and comment thread from the category texts.

The truth about a ticket is decided first (which checklist items it leaves out); this module then
writes text that carries exactly the other items, adding a plain fallback line for any present item
the chosen template happens not to mention.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sandbox.seed_markup import (
    CategoryTexts,
    fill,
    insert_extra,
    line_items,
    to_adf,
    to_plain,
    unwrap,
)
from sandbox.seed_people import DEVOPS, SITE, user
from sandbox.seed_texts_comments import ACKS, ANSWER_SPECIAL, ANSWERS, DONE, QUESTIONS, THANKS
from sandbox.seed_texts_logs import INJECTIONS, fake_secret

Description = dict[str, Any] | str | None
SEE_TITLE = {"ko": "제목 참고 부탁드립니다.", "en": "See the title."}


def jira_time(t: datetime) -> str:
    """Jira's timestamp format: milliseconds and a +0000 offset."""
    t = t.astimezone(UTC)
    return f"{t:%Y-%m-%dT%H:%M:%S}.{t.microsecond // 1000:03d}+0000"


def _pick(rng: random.Random, templates: Sequence[str], items: Sequence[str], missing: Sequence[str]) -> str:
    """Choose a template that names no missing item."""
    return rng.choice([t for t in templates if not line_items(t, items)[0] & set(missing)])


def describe(
    rng: random.Random,
    texts: CategoryTexts,
    lang: str,
    kind: str | None,
    ctx: dict[str, str],
    missing: Sequence[str],
    summary: str | None,
    quirk: str | None,
) -> tuple[Description, str, set[str]]:
    """Write the description (ADF, plain or None).

    Returns it, the summary template, and the items summary and description carry together.
    """
    items = texts.items
    if kind is None:
        assert summary is not None  # a ticket without a description was given its summary
        return None, summary, line_items(summary, items)[1]
    bodies = texts.bodies[lang]
    if quirk == "huge_log":  # the pasted log needs a template with a full code block
        bodies = tuple(b for b in bodies if "\n{error}\n" in b)
    lines = unwrap(rng.choice(bodies)).strip("\n").split("\n")
    if lines[0].startswith("= "):
        summary = _pick(rng, lines.pop(0)[2:].split(" || "), items, missing)
    summary = summary or _pick(rng, texts.summaries[lang], items, missing)
    filled, carried = fill("\n".join(lines), ctx, items, missing)
    carried |= line_items(summary, items)[1]
    extra: list[str] = []
    for item in items:
        if item not in missing and item not in carried:
            more, got = fill(texts.fallbacks[lang][item], ctx, items, missing)
            extra += more
            carried |= got
    if quirk == "secret_pasted":
        extra += fake_secret(rng, lang, ctx["domain"])
    filled = insert_extra(filled, extra)
    if not any(line.strip() for line in filled):  # every line named a missing item
        filled = [SEE_TITLE[lang]]
    if quirk == "prompt_injection":
        filled.insert(rng.choice((0, len(filled))), rng.choice(INJECTIONS[lang]))
    return (to_adf(filled) if kind == "adf" else to_plain(filled)), summary, carried


def _answer(rng: random.Random, lang: str, items: Sequence[str], ctx: dict[str, str]) -> str:
    """The reporter supplies what was asked for (markup)."""
    parts = []
    for item in items:
        special = ANSWER_SPECIAL[lang].get(item)
        parts.append(special or rng.choice(ANSWERS[lang]).replace("{value}", "{" + item + "}"))
    return "\n".join(parts)


def comments(
    rng: random.Random,
    issue_id: str,
    category: str,
    lang: str,
    ctx: dict[str, str],
    missing: Sequence[str],
    people: tuple[str, str | None],
    span: tuple[datetime, datetime],
    done: bool,
) -> list[tuple[datetime, dict[str, Any]]]:
    """A human comment thread (with times): 1-6 comments on a done ticket, 0-2 on an open one.

    Questions target the ticket's missing items; on done tickets the reporter answers them. Open
    tickets get no answers yet, so their description alone still tells the truth.
    """
    reporter, assignee = people
    asker = assignee or rng.choice(DEVOPS)
    script: list[tuple[str, str]] = []
    if done:
        if missing and rng.random() < 0.85:
            rounds = [list(missing[:2])] if rng.random() < 0.4 else [[m] for m in missing[:2]]
            for asked in rounds:
                question = " ".join(QUESTIONS[lang][m] for m in asked)
                script += [
                    (asker, f"@[{reporter}] {question}"),
                    (reporter, _answer(rng, lang, asked, ctx)),
                ]
        elif rng.random() < 0.5:
            script.append((asker, rng.choice(ACKS[lang])))
        script.append((asker, rng.choice(DONE[lang][category])))
        if rng.random() < 0.4:
            script.append((reporter, rng.choice(THANKS[lang])))
    else:
        if rng.random() < 0.35:
            script.append((asker, rng.choice(ACKS[lang])))
        if missing and rng.random() < 0.4:
            script.append((asker, f"@[{reporter}] {QUESTIONS[lang][missing[0]]}"))
    start, end = span
    offsets = sorted(rng.random() for _ in script)
    out = []
    for j, ((author, markup), frac) in enumerate(zip(script, offsets, strict=True)):
        at = start + (end - start) * frac
        cid = str(int(issue_id) * 10 + j)
        lines, _ = fill(markup, ctx, (), ())
        out.append(
            (
                at,
                {
                    "self": f"{SITE}/rest/api/3/issue/{issue_id}/comment/{cid}",
                    "id": cid,
                    "author": user(author),
                    "body": to_adf(lines),
                    "updateAuthor": user(author),
                    "created": jira_time(at),
                    "updated": jira_time(at),
                    "jsdPublic": True,
                },
            )
        )
    return out
