"""Text for a terminal: the figures of one run, the misses, and the diff of two configurations."""

from __future__ import annotations

from collections.abc import Sequence

from shared.analysis.models import CATEGORIES
from tools.eval.metrics import Case, Scores

TARGETS = {
    "verdict_accuracy": 0.90,
    "kappa": 0.80,
    "category_accuracy": 0.90,
    "missing_precision": 0.85,
    "missing_recall": 0.85,
}
_SHORT = {"access": "access", "cloud_resource": "cloud", "troubleshooting": "trouble",
          "deployment": "deploy", "other": "other"}  # fmt: skip


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _mark(name: str, value: float | None) -> str:
    target = TARGETS.get(name)
    if target is None:
        return ""
    ok = value is not None and value >= target
    return f"  [{'ok' if ok else 'below'} target {target:g}]"


def render_scores(title: str, s: Scores) -> str:
    c = s.missing_counts
    lines = [
        title,
        f"  verdict accuracy     {pct(s.verdict_accuracy):>7}{_mark('verdict_accuracy', s.verdict_accuracy)}",
        f"  Cohen's kappa        {num(s.kappa):>7}{_mark('kappa', s.kappa)}",
        f"  NEEDS_INFO           precision {pct(s.needs_info_precision)}  recall {pct(s.needs_info_recall)}",
        f"  category accuracy    {pct(s.category_accuracy):>7}"
        f"{_mark('category_accuracy', s.category_accuracy)}",
        f"  missing items        precision {pct(s.missing_precision)}"
        f"{_mark('missing_precision', s.missing_precision)}"
        f"  recall {pct(s.missing_recall)}{_mark('missing_recall', s.missing_recall)}  (right category)",
        f"                       precision {pct(s.missing_precision_overall)}  recall "
        f"{pct(s.missing_recall_overall)}  (every ticket)",
        f"                       asked and missing {c['asked_and_missing']}, asked but present "
        f"{c['asked_not_missing']}, missing but not asked {c['missing_not_asked']}",
        f"  exact (verdict, category and questions all right): {pct(s.exact)} of {s.n}",
        "",
        "  category confusion (rows gold, columns predicted):",
        "    " + " " * 9 + "".join(f"{_SHORT[p]:>9}" for p in CATEGORIES),
    ]
    for gold in CATEGORIES:
        row = s.confusion.get(gold, {})
        lines.append(f"    {_SHORT[gold]:<9}" + "".join(f"{row.get(p, 0):>9}" for p in CATEGORIES))
    lines += ["", "  per category      n  cat.prec  cat.rec  verdict  miss.prec  miss.rec"]
    for name, cat in s.per_category.items():
        lines.append(
            f"    {_SHORT[name]:<12}{cat.support:>4}  {pct(cat.precision):>8}  {pct(cat.recall):>7}  "
            f"{pct(cat.verdict_accuracy):>7}  {pct(cat.missing_precision):>9}  {pct(cat.missing_recall):>8}"
        )
    lines += ["", "  slices            n  verdict  category  exact  miss.prec  miss.rec"]
    for label, group in (("source", s.by_source), ("lang", s.by_language), ("tag", s.by_tag)):
        if label == "source" and len(group) < 2:
            continue  # one source: the headline figures already are its figures
        for key, sl in group.items():
            lines.append(
                f"    {label}:{key:<17}"[:22].ljust(22)
                + f"{sl.n:>3}  {pct(sl.verdict_accuracy):>7}  {pct(sl.category_accuracy):>8}"
                + f"  {pct(sl.exact):>6}  {pct(sl.missing_precision):>9}  {pct(sl.missing_recall):>8}"
            )
    if s.shapes is not None:
        h = s.shapes
        lines += [
            "",
            f"  information in a field, table, code block, link, expand or attachment: {h.tickets} tickets",
            f"    questions about an item the ticket holds: {h.needless_questions}"
            + (f" ({', '.join(h.tickets_with_needless)})" if h.tickets_with_needless else ""),
            f"    judged in another category: {len(h.wrong_category)}"
            + (f" ({', '.join(h.wrong_category)})" if h.wrong_category else ""),
        ]
    return "\n".join(lines)


def describe(verdict: str, category: str, missing: frozenset[str] | Sequence[str]) -> str:
    return f"{verdict} {category} [{', '.join(sorted(missing))}]"


def render_misses(cases: Sequence[Case]) -> str:
    wrong = [c for c in cases if not c.exact]
    lines = [f"tickets not judged exactly as labelled ({len(wrong)}):"]
    for c in wrong:
        extra = sorted(c.missing - c.gold_missing)
        lacking = sorted(c.gold_missing - c.missing)
        why = []
        if c.category != c.gold_category:
            why.append(f"category {c.gold_category}->{c.category}")
        if c.verdict != c.gold_verdict:
            why.append(f"verdict {c.gold_verdict}->{c.verdict}")
        if extra:
            why.append(f"asked for present {extra}")
        if lacking:
            why.append(f"did not ask for {lacking}")
        lines.append(f"  {c.id:<8} {'; '.join(why)}")
    return "\n".join(lines)


def render_compare(
    name_a: str, a: Scores, name_b: str, b: Scores, ca: Sequence[Case], cb: Sequence[Case]
) -> str:
    lines = [f"compare: A = {name_a}   B = {name_b}", f"  {'figure':<34}{'A':>9}{'B':>9}{'B-A':>9}"]
    ha, hb = a.headline(), b.headline()
    for key, va in ha.items():
        vb = hb.get(key)
        delta = "" if va is None or vb is None else f"{vb - va:+.3f}"
        lines.append(f"  {key:<34}{num(va):>9}{num(vb):>9}{delta:>9}")
    differ = [
        (x, y) for x, y in zip(ca, cb, strict=True)
        if (x.verdict, x.category, x.missing) != (y.verdict, y.category, y.missing)
    ]  # fmt: skip
    lines += ["", f"tickets judged differently ({len(differ)} of {len(ca)}):"]
    for x, y in differ:
        better = _closer(x, y)
        lines.append(f"  {x.id:<8} gold {describe(x.gold_verdict, x.gold_category, x.gold_missing)}")
        lines.append(f"  {'':<8} A    {describe(x.verdict, x.category, x.missing)}")
        lines.append(f"  {'':<8} B    {describe(y.verdict, y.category, y.missing)}   ({better})")
    return "\n".join(lines)


def _closer(a: Case, b: Case) -> str:
    """Which side is nearer the gold judgement on this ticket."""

    def errors(c: Case) -> tuple[int, int]:
        return (int(c.verdict != c.gold_verdict) + int(c.category != c.gold_category),
                len(c.missing ^ c.gold_missing))  # fmt: skip

    ea, eb = errors(a), errors(b)
    return "B closer to gold" if eb < ea else "A closer to gold" if ea < eb else "neither closer"
