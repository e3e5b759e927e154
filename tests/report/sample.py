"""A realistic `MonthlyReport` for render tests and screenshots, and an empty one.

October 2026 for a queue of about 460 tickets in Korean and English: access requests lead, then
cloud resources, troubleshooting, deployments. Numbers are internally consistent (shares, the
confusion matrix and its precision and recall, daily counts that add up to the month).
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from datetime import UTC, date, datetime

from shared.report.models import (
    Aggregate,
    BotFigures,
    Confusion,
    Effect,
    MonthlyReport,
    Narrative,
    Ranked,
)

MONTH = "2026-10"
CATEGORY_COUNTS = {"access": 168, "cloud_resource": 121, "troubleshooting": 97, "deployment": 58, "other": 19}
TOTAL = sum(CATEGORY_COUNTS.values())
PREVIOUS_CATEGORY = {
    "access": 151,
    "cloud_resource": 129,
    "troubleshooting": 84,
    "deployment": 61,
    "other": 22,
}
CATEGORY_HOURS = {
    "access": 6.5,
    "cloud_resource": 27.0,
    "troubleshooting": 14.2,
    "deployment": 3.1,
    "other": 9.8,
}
# signature, count, previous (None: new this month), median resolution hours
RECURRING: tuple[tuple[str, int, int | None, float | None], ...] = (
    ("access/gitlab/developer", 41, 35, 4.2),
    ("access/argocd/read-only", 23, 19, 3.1),
    ("cloud_resource/postgres/qa", 18, 21, 30.5),
    ("access/datadog/read-only", 17, 12, 2.8),
    ("deployment/order-service/stg", 15, 15, 1.4),
    ("cloud_resource/static-ip/qa", 14, 9, 26.0),
    ("troubleshooting/pipeline", 13, 16, 9.5),
    ("cloud_resource/dns-record/any-env", 12, 10, 18.0),
    ("troubleshooting/git", 11, 7, 5.0),
    ("access/jira/admin", 9, None, 8.3),
    ("cloud_resource/storage-account/dev", 8, 6, 33.0),
    ("deployment/payment-api/prod", 7, 8, 2.2),
    ("troubleshooting/pod", 6, 4, 21.5),
    ("access/vault/write", 5, 5, 12.0),
    ("troubleshooting/배포-실패", 4, None, 16.0),
    ("cloud_resource/redis/stg", 3, 2, 40.0),
    ("other/general", 2, 3, None),
)
DOCUMENTATION = (
    ("cloud_resource:static-ip", 16, "OPS-4130"),
    ("cloud_resource:postgres", 21, "OPS-4022"),
    ("access:grant", 168, "OPS-4001"),
    ("troubleshooting:pipeline", 13, "OPS-4210"),
    ("cloud_resource:dns-record", 12, "OPS-4077"),
)
MATRIX = [  # rows: the category the ticket ended in; columns: ours (same order as CATEGORY_COUNTS)
    [139, 3, 2, 0, 3],
    [4, 96, 3, 1, 2],
    [2, 5, 74, 4, 3],
    [0, 1, 3, 49, 1],
    [6, 2, 4, 0, 0],
]


def _keys(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return [f"OPS-{k}" for k in sorted(rnd.sample(range(4001, 4001 + TOTAL), n))]


def _daily(total: int, month: str) -> list[int]:
    """Tickets per day: weekdays busy, weekends quiet, a Monday peak; adds up to `total`."""
    year, m = (int(p) for p in month.split("-"))
    days = calendar.monthrange(year, m)[1]
    rnd = random.Random(month)
    weights = []
    for d in range(days):
        weekday = date(year, m, d + 1).weekday()
        weights.append(
            (0.12 if weekday >= 5 else 1.0) * (1.35 if weekday == 0 else 1.0) * rnd.uniform(0.75, 1.25)
        )
    counts = [int(total * w / sum(weights)) for w in weights]
    for i in sorted(range(days), key=lambda i: -weights[i])[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _confusion(labels: Sequence[str], matrix: list[list[int]], tickets: int) -> Confusion:
    size = len(labels)
    judged = sum(map(sum, matrix))
    columns = [sum(matrix[r][c] for r in range(size)) for c in range(size)]
    return Confusion(
        labels=list(labels),
        matrix=matrix,
        accuracy=round(sum(matrix[i][i] for i in range(size)) / judged, 4),
        coverage=round(judged / tickets, 4),
        precision={
            lab: round(matrix[i][i] / columns[i], 4) if columns[i] else None for i, lab in enumerate(labels)
        },
        recall={
            lab: round(matrix[i][i] / sum(matrix[i]), 4) if sum(matrix[i]) else None
            for i, lab in enumerate(labels)
        },
    )


def _ranked(name: str, count: int, previous: int | None, median: float | None, seed: int) -> Ranked:
    return Ranked(
        name=name,
        count=count,
        share=round(count / TOTAL, 4),
        previous=previous,
        examples=_keys(seed, min(count, 5)),
        median_resolution_hours=median,
    )


def sample_report(*, missing: Sequence[int] = (), narrative: bool = True) -> MonthlyReport:
    """The sample month; `missing` lists map batches that failed, `narrative=False` is the no-LLM case."""
    recurring = [_ranked(*row, seed=i) for i, row in enumerate(RECURRING)]
    routine = [r for r in recurring if r.name.split("/")[0] in ("access", "cloud_resource", "deployment")]
    automation = sorted(routine, key=lambda r: -(r.count * (r.median_resolution_hours or 1.0)))[:6]
    documentation = [
        Ranked(name=kind, count=n, share=round(n / TOTAL, 4), examples=[first, *_keys(i + 50, 3)])
        for i, (kind, n, first) in enumerate(DOCUMENTATION)
    ]
    aggregate = Aggregate(
        month=MONTH,
        tickets=TOTAL,
        batches=10,
        batches_missing=list(missing),
        by_category=[
            _ranked(name, n, PREVIOUS_CATEGORY[name], CATEGORY_HOURS[name], seed=100 + i)
            for i, (name, n) in enumerate(CATEGORY_COUNTS.items())
        ],
        by_language={"en": 271, "ko": 192},
        recurring=recurring,
        automation_candidates=automation,
        documentation_candidates=documentation,
        daily_created=_daily(TOTAL, MONTH),
        median_resolution_hours=8.4,
        effect=Effect(
            questioned=142,
            completed=97,
            completion_rate=round(97 / 142, 4),
            median_hours_to_complete=5.4,
            rounds_commented=0.62,
            rounds_holdout=1.18,
            rounds_untouched=1.41,
            rounds_previous_month=1.52,
            commented_n=142,
            holdout_n=17,
            untouched_n=58,
        ),
        accuracy=_confusion(list(CATEGORY_COUNTS), MATRIX, TOTAL),
        bot=BotFigures(
            ticks=2876,
            tickets_analyzed=405,
            comments_posted=142,
            labels_written=810,
            llm_calls=431,
            tokens_in=1_214_880,
            tokens_out=96_420,
            estimated_cost_usd=4.87,
            failures=3,
            parked=1,
        ),
    )
    words = Narrative(
        available=True,
        summary=(
            "Access requests grew again (168, up from 151) and GitLab developer access alone was 41 "
            "tickets. Most of them were complete after the bot's question.\n\n"
            "Cloud resources take longest: a QA PostgreSQL database needs a median of 30.5 hours, mostly "
            "waiting for the environment and sizing. 고정 IP 요청은 대부분 로드밸런서 이름이 빠져 있었습니다."
        ),
        automation=[
            "GitLab developer access (41 tickets): a self-service form with group approval would remove them.",
            "QA PostgreSQL databases (18 tickets, 30.5 h median): a Bicep template with a size choice.",
        ],
        documentation=[
            "Static IP requests: document which load balancer and which environment to name.",
            "Pipeline failures: a checklist (job link, commit, first failing step) before opening a ticket.",
        ],
    )
    none = Narrative(available=False, note="no LLM endpoint is configured")
    return MonthlyReport(
        month=MONTH,
        generated_at=datetime(2026, 11, 1, 2, 14, 37, tzinfo=UTC),
        aggregate=aggregate,
        narrative=words if narrative else none,
        browse_url="https://acme.atlassian.net/browse",
    )


def empty_report(month: str = "2026-02") -> MonthlyReport:
    """A month with no tickets at all: every rate None, every list empty."""
    labels = list(CATEGORY_COUNTS)
    return MonthlyReport(
        month=month,
        generated_at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC),
        aggregate=Aggregate(
            month=month,
            tickets=0,
            batches=0,
            by_category=[],
            by_language={},
            recurring=[],
            automation_candidates=[],
            documentation_candidates=[],
            daily_created=[0] * 28,
            effect=Effect(),
            accuracy=Confusion(
                labels=labels,
                matrix=[[0] * len(labels) for _ in labels],
                accuracy=None,
                coverage=0.0,
                precision=dict.fromkeys(labels),
                recall=dict.fromkeys(labels),
            ),
            bot=BotFigures(),
        ),
        narrative=Narrative(available=False, note="no LLM endpoint is configured"),
    )
