"""The figures of the bench, as pure functions of (gold, predicted) pairs. No I/O.

Conventions: a ratio whose denominator is zero is `None` ("n/a"), never a made-up 0 or 1.
Missing items are scored on what the analyzer *asks for* (its `missing` list, empty for a
HIGH_QUALITY verdict), against the gold list: a true positive is an item that is missing and
asked for. The headline missing-item figures count only tickets whose category the analyzer got
right (another category's checklist asks other questions by design); `_overall` counts every
ticket.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from shared.analysis.models import CATEGORIES


@dataclass(frozen=True)
class Case:
    """One ticket's gold judgement next to the analyzer's."""

    id: str
    gold_verdict: str
    gold_category: str
    gold_missing: frozenset[str]
    verdict: str
    category: str
    missing: frozenset[str]
    language: str = ""
    tags: tuple[str, ...] = field(default=())
    source: str = ""  # where the ticket was written: "synthetic", "real-shape", or a repository owner

    @property
    def exact(self) -> bool:
        """Verdict, category and questions all as the labeller would have it."""
        return (
            self.verdict == self.gold_verdict
            and self.category == self.gold_category
            and self.missing == self.gold_missing
        )


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float | None:
    _same_length(gold, predicted)
    return ratio(sum(1 for g, p in zip(gold, predicted, strict=True) if g == p), len(gold))


def cohen_kappa(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float | None:
    """Agreement beyond chance: (p_o - p_e) / (1 - p_e). When chance agreement is already
    total (both raters always said the same one label) kappa is undefined: None."""
    _same_length(gold, predicted)
    n = len(gold)
    if n == 0:
        return None
    observed = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / n
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    expected = sum(gold_counts[label] * predicted_counts[label] for label in gold_counts) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def precision_recall(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], positive: Hashable
) -> tuple[float | None, float | None]:
    """Precision and recall of one label treated as the positive class."""
    _same_length(gold, predicted)
    pairs = list(zip(gold, predicted, strict=True))
    tp = sum(1 for g, p in pairs if g == positive and p == positive)
    fp = sum(1 for g, p in pairs if g != positive and p == positive)
    fn = sum(1 for g, p in pairs if g == positive and p != positive)
    return ratio(tp, tp + fp), ratio(tp, tp + fn)


def confusion(
    gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str]
) -> dict[str, dict[str, int]]:
    """Rows are the gold label, columns the predicted one."""
    _same_length(gold, predicted)
    order = list(labels)
    matrix = {g: dict.fromkeys(order, 0) for g in order}
    for g, p in zip(gold, predicted, strict=True):
        matrix.setdefault(g, dict.fromkeys(order, 0))
        matrix[g][p] = matrix[g].get(p, 0) + 1
    return matrix


def item_precision_recall(cases: Iterable[Case]) -> tuple[float | None, float | None, int, int, int]:
    """Micro-averaged over (ticket, item) pairs: precision, recall, tp, fp, fn."""
    tp = fp = fn = 0
    for case in cases:
        tp += len(case.missing & case.gold_missing)
        fp += len(case.missing - case.gold_missing)
        fn += len(case.gold_missing - case.missing)
    return ratio(tp, tp + fp), ratio(tp, tp + fn), tp, fp, fn


class CategoryScores(BaseModel):
    model_config = ConfigDict(frozen=True)
    support: int
    precision: float | None
    recall: float | None
    verdict_accuracy: float | None
    missing_precision: float | None
    missing_recall: float | None


class SliceScores(BaseModel):
    model_config = ConfigDict(frozen=True)
    n: int
    verdict_accuracy: float | None
    category_accuracy: float | None
    exact: float | None
    missing_precision: float | None = None
    missing_recall: float | None = None


# Tags of tickets whose information sits in a rich shape: a question about an item such a ticket
# holds is the error the real-shape sets exist to catch. Writers name the shapes their own way
# ("custom-field", "form-fields-only", "attachment-answers-error", "code", "block-card"), so a tag
# counts when it names one of the shapes anywhere in it (the handout's own "field", "code-block",
# "environment-field" included): matching those example names exactly undercounted sets I-Z by
# half or more.
_SHAPE_WORD = re.compile(
    r"field|form|table|cell|code|yaml|hcl|json|diff|terraform|link|card|url|expand|attach|screenshot|image|"
    r"environment|panel"
)


def holds_a_shape(tags: Sequence[str]) -> bool:
    """Whether a ticket's tags say its information sits in a field, table, code block, link, expand,
    attachment (or the environment field, a panel)."""
    return any(_SHAPE_WORD.search(tag) for tag in tags)


class ShapeAsks(BaseModel):
    """Questions on tickets holding information in a field, table, code block, link, expand or
    attachment: those about an item the ticket holds (right category), and the tickets whose
    category was wrong (every question there is about another checklist)."""

    model_config = ConfigDict(frozen=True)
    tickets: int
    needless_questions: int
    tickets_with_needless: tuple[str, ...]
    wrong_category: tuple[str, ...]


class Scores(BaseModel):
    """Everything the bench prints, in one JSON-able object."""

    model_config = ConfigDict(frozen=True)
    n: int
    verdict_accuracy: float | None
    kappa: float | None
    needs_info_precision: float | None
    needs_info_recall: float | None
    category_accuracy: float | None
    missing_precision: float | None
    missing_recall: float | None
    missing_precision_overall: float | None
    missing_recall_overall: float | None
    missing_counts: dict[str, int]
    exact: float | None
    confusion: dict[str, dict[str, int]]
    per_category: dict[str, CategoryScores]
    by_language: dict[str, SliceScores]
    by_tag: dict[str, SliceScores]
    by_source: dict[str, SliceScores] = {}
    shapes: ShapeAsks | None = None

    def headline(self) -> dict[str, float | None]:
        """The figures a baseline holds: overall ones, then per-category precision/recall."""
        out: dict[str, float | None] = {
            "verdict_accuracy": self.verdict_accuracy,
            "kappa": self.kappa,
            "needs_info_precision": self.needs_info_precision,
            "needs_info_recall": self.needs_info_recall,
            "category_accuracy": self.category_accuracy,
            "missing_precision": self.missing_precision,
            "missing_recall": self.missing_recall,
            "missing_precision_overall": self.missing_precision_overall,
            "missing_recall_overall": self.missing_recall_overall,
        }
        for name, cat in self.per_category.items():
            out[f"category_precision.{name}"] = cat.precision
            out[f"category_recall.{name}"] = cat.recall
        return out


def score(cases: Sequence[Case]) -> Scores:
    gold_v = [c.gold_verdict for c in cases]
    pred_v = [c.verdict for c in cases]
    gold_c = [c.gold_category for c in cases]
    pred_c = [c.category for c in cases]
    ni_precision, ni_recall = precision_recall(gold_v, pred_v, "NEEDS_INFO")
    right_category = [c for c in cases if c.category == c.gold_category]
    m_precision, m_recall, tp, fp, fn = item_precision_recall(right_category)
    all_precision, all_recall, *_ = item_precision_recall(cases)
    per_category: dict[str, CategoryScores] = {}
    for name in CATEGORIES:
        cat_p, cat_r = precision_recall(gold_c, pred_c, name)
        of_cat = [c for c in cases if c.gold_category == name]
        cat_mp, cat_mr, *_ = item_precision_recall(c for c in of_cat if c.category == name)
        per_category[name] = CategoryScores(
            support=len(of_cat),
            precision=cat_p,
            recall=cat_r,
            verdict_accuracy=accuracy([c.gold_verdict for c in of_cat], [c.verdict for c in of_cat]),
            missing_precision=cat_mp,
            missing_recall=cat_mr,
        )
    return Scores(
        n=len(cases),
        verdict_accuracy=accuracy(gold_v, pred_v),
        kappa=cohen_kappa(gold_v, pred_v),
        needs_info_precision=ni_precision,
        needs_info_recall=ni_recall,
        category_accuracy=accuracy(gold_c, pred_c),
        missing_precision=m_precision,
        missing_recall=m_recall,
        missing_precision_overall=all_precision,
        missing_recall_overall=all_recall,
        missing_counts={"asked_and_missing": tp, "asked_not_missing": fp, "missing_not_asked": fn},
        exact=ratio(sum(1 for c in cases if c.exact), len(cases)),
        confusion=confusion(gold_c, pred_c, CATEGORIES),
        per_category=per_category,
        by_language=_slices(cases, lambda c: (c.language,)),
        by_tag=_slices(cases, lambda c: c.tags),
        by_source=_slices(cases, lambda c: (c.source,)),
        shapes=_shape_asks(cases),
    )


def _shape_asks(cases: Sequence[Case]) -> ShapeAsks | None:
    shaped = [c for c in cases if holds_a_shape(c.tags)]
    if not shaped:
        return None
    right = [c for c in shaped if c.category == c.gold_category]
    needless = [c for c in right if c.missing - c.gold_missing]
    return ShapeAsks(
        tickets=len(shaped),
        needless_questions=sum(len(c.missing - c.gold_missing) for c in right),
        tickets_with_needless=tuple(c.id for c in needless),
        wrong_category=tuple(c.id for c in shaped if c.category != c.gold_category),
    )


def _slices(cases: Sequence[Case], keys: Callable[[Case], Iterable[str]]) -> dict[str, SliceScores]:
    groups: dict[str, list[Case]] = {}
    for case in cases:
        for key in keys(case):
            if key:
                groups.setdefault(str(key), []).append(case)
    out: dict[str, SliceScores] = {}
    for key, group in sorted(groups.items()):
        m_precision, m_recall, *_ = item_precision_recall(c for c in group if c.category == c.gold_category)
        out[key] = SliceScores(
            n=len(group),
            verdict_accuracy=accuracy([c.gold_verdict for c in group], [c.verdict for c in group]),
            category_accuracy=accuracy([c.gold_category for c in group], [c.category for c in group]),
            exact=ratio(sum(1 for c in group if c.exact), len(group)),
            missing_precision=m_precision,
            missing_recall=m_recall,
        )
    return out


def _same_length(a: Sequence[object], b: Sequence[object]) -> None:
    if len(a) != len(b):
        raise ValueError(f"gold and predicted differ in length ({len(a)} != {len(b)})")
