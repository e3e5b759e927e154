"""The bench's maths on tiny hand-built inputs whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from tools.eval.baseline import baseline_payload, floor3, regressions
from tools.eval.metrics import (
    Case,
    accuracy,
    cohen_kappa,
    confusion,
    item_precision_recall,
    precision_recall,
    ratio,
    score,
)

VERDICT = {"NI": "NEEDS_INFO", "HQ": "HIGH_QUALITY"}


def case(
    gold: tuple[str, str, set[str]],
    predicted: tuple[str, str, set[str]],
    *,
    id: str = "T",
    tags: tuple[str, ...] = (),
) -> Case:
    return Case(
        id=id,
        gold_verdict=VERDICT[gold[0]], gold_category=gold[1], gold_missing=frozenset(gold[2]),
        verdict=VERDICT[predicted[0]], category=predicted[1], missing=frozenset(predicted[2]),
        language="en", tags=tags,
    )  # fmt: skip


def test_kappa_textbook_example() -> None:
    # 50 items: 20 both yes, 5 gold yes/pred no, 10 gold no/pred yes, 15 both no.
    # p_o = 35/50 = 0.7; gold yes 0.5, pred yes 0.6 -> p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.4
    gold = ["Y"] * 20 + ["Y"] * 5 + ["N"] * 10 + ["N"] * 15
    pred = ["Y"] * 20 + ["N"] * 5 + ["Y"] * 10 + ["N"] * 15
    assert cohen_kappa(gold, pred) == pytest.approx(0.4)
    assert accuracy(gold, pred) == pytest.approx(0.7)


def test_kappa_bounds_and_undefined() -> None:
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == pytest.approx(1.0)
    assert cohen_kappa(["a", "b"], ["b", "a"]) == pytest.approx(-1.0)
    # Predicting the majority label every time agrees 3/4 but is no better than chance.
    assert cohen_kappa(["a", "a", "a", "b"], ["a", "a", "a", "a"]) == pytest.approx(0.0)
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None  # chance agreement is already total
    assert cohen_kappa([], []) is None


def test_kappa_three_labels() -> None:
    # gold a a b c, pred a b b c: p_o = 3/4; gold (a .5, b .25, c .25), pred (a .25, b .5, c .25)
    # p_e = .5*.25 + .25*.5 + .25*.25 = 0.3125; kappa = (0.75 - 0.3125) / 0.6875 = 0.63636...
    assert cohen_kappa(list("aabc"), list("abbc")) == pytest.approx(0.4375 / 0.6875)


def test_precision_recall_of_one_label() -> None:
    gold = ["NI", "NI", "NI", "HQ", "HQ"]
    pred = ["NI", "NI", "HQ", "NI", "HQ"]
    assert precision_recall(gold, pred, "NI") == pytest.approx((2 / 3, 2 / 3))
    assert precision_recall(gold, pred, "HQ") == pytest.approx((0.5, 0.5))
    assert precision_recall(["HQ"], ["HQ"], "NI") == (None, None)  # nothing to be right or wrong about


def test_ratio_and_length_mismatch() -> None:
    assert ratio(1, 4) == 0.25 and ratio(0, 0) is None
    with pytest.raises(ValueError, match="length"):
        accuracy(["a"], ["a", "b"])


def test_confusion_rows_are_gold() -> None:
    matrix = confusion(["x", "x", "y"], ["x", "y", "y"], ["x", "y"])
    assert matrix == {"x": {"x": 1, "y": 1}, "y": {"x": 0, "y": 1}}


def test_missing_items_micro_averaged() -> None:
    cases = [
        case(("NI", "access", {"role", "approver"}), ("NI", "access", {"role", "justification"})),
        case(("NI", "access", {"scope"}), ("HQ", "access", set())),
        case(("HQ", "access", set()), ("NI", "access", {"tool"})),
    ]
    # tp: role; fp: justification, tool; fn: approver, scope
    assert item_precision_recall(cases) == pytest.approx((1 / 3, 1 / 3, 1, 2, 2))
    assert item_precision_recall([]) == (None, None, 0, 0, 0)


def test_score_counts_missing_items_on_right_category_and_overall() -> None:
    cases = [
        case(("NI", "access", {"approver"}), ("NI", "access", {"approver"}), id="A", tags=("missing-one",)),
        case(("HQ", "deployment", set()), ("HQ", "deployment", set()), id="B"),
        # wrong category: its questions count only in the overall figures
        case(("NI", "deployment", {"version"}), ("NI", "troubleshooting", {"error", "when"}), id="C"),
        case(("HQ", "other", set()), ("NI", "other", {"details"}), id="D", tags=("missing-one",)),
    ]
    s = score(cases)
    assert s.n == 4
    assert s.verdict_accuracy == pytest.approx(0.75)
    # gold NI: A, C; predicted NI: A, C, D -> precision 2/3, recall 1
    assert s.needs_info_precision == pytest.approx(2 / 3) and s.needs_info_recall == pytest.approx(1.0)
    # p_o = .75; gold NI .5, pred NI .75 -> p_e = .5*.75 + .5*.25 = .5 -> kappa = .5
    assert s.kappa == pytest.approx(0.5)
    assert s.category_accuracy == pytest.approx(0.75)
    assert s.missing_precision == pytest.approx(0.5) and s.missing_recall == pytest.approx(1.0)
    assert s.missing_precision_overall == pytest.approx(0.25) and s.missing_recall_overall == pytest.approx(
        0.5
    )
    assert s.confusion["deployment"]["troubleshooting"] == 1 and s.confusion["deployment"]["deployment"] == 1
    assert s.per_category["deployment"].recall == pytest.approx(0.5)
    assert s.per_category["troubleshooting"].precision == pytest.approx(0.0)
    assert s.per_category["cloud_resource"].support == 0 and s.per_category["cloud_resource"].recall is None
    assert s.exact == pytest.approx(0.5)
    assert s.by_tag["missing-one"].n == 2 and s.by_tag["missing-one"].verdict_accuracy == pytest.approx(0.5)


def test_baseline_floors_and_flags_any_drop() -> None:
    assert floor3(0.8899) == 0.889 and floor3(0.29) == 0.29 and floor3(1.0) == 1.0
    cases = [
        case(("NI", "access", {"approver"}), ("NI", "access", {"approver"})),
        case(("HQ", "access", set()), ("NI", "access", {"tool"})),
        case(("HQ", "other", set()), ("HQ", "other", set())),
    ]
    now = score(cases)
    baseline = baseline_payload(now, threshold=85, set_size=3)
    assert baseline["figures"]["verdict_accuracy"] == 0.666
    assert regressions(now, baseline) == []
    worse = score([*cases[:2], case(("HQ", "other", set()), ("NI", "other", {"details"}))])
    dropped = regressions(worse, baseline)
    assert any(d.startswith("verdict_accuracy:") for d in dropped)
    assert any(d.startswith("missing_precision:") for d in dropped)


def test_a_needless_question_counts_whatever_the_writer_called_the_shape() -> None:
    """A ticket tagged "custom-field" or "attachment-answers-error" holds its information in a
    shape as much as one tagged "field": sets I-Z were undercounted while only the handout's example
    tags counted."""
    cases = [
        case(
            ("NI", "troubleshooting", {"when"}),
            ("NI", "troubleshooting", {"when", "where"}),
            id="A",
            tags=("custom-field", "screenshot"),
        ),
        case(("HQ", "deployment", set()), ("NI", "deployment", {"argocd_app"}), id="B", tags=("panel",)),
        case(("HQ", "access", set()), ("NI", "access", {"role"}), id="C", tags=("vague", "missing-one")),
    ]
    shapes = score(cases).shapes
    assert shapes is not None
    assert shapes.tickets == 2
    assert shapes.needless_questions == 2 and shapes.tickets_with_needless == ("A", "B")
