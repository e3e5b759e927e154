"""The labelled sets side by side: tickets written for this project, tickets in Jira's full shape,
and real people's writing from public help desks. `python -m tools eval` prints them together
so a change that helps one world and hurts another shows, and CI holds each open set's floor.

Sealed sets (held out for a later first contact) are listed but never read here: running one is a
decision someone makes on purpose, with `--set`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tools.eval.metrics import Scores

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"

Kind = Literal["synthetic", "real-shape", "real-writing"]


@dataclass(frozen=True)
class World:
    """One labelled set: what it is, where it lives, its CI floor (None: not held)."""

    name: str
    kind: Kind
    path: Path
    baseline: Path | None
    sealed: bool = False
    note: str = ""


WORLDS: tuple[World, ...] = (
    World("synthetic tuning", "synthetic", EVAL_DIR / "tickets.jsonl", EVAL_DIR / "baseline.json"),
    World("synthetic held out (12-13)", "synthetic", EVAL_DIR / "holdout.jsonl",
          EVAL_DIR / "baselines" / "holdout.json", note="seen"),
    World("real-shape A", "real-shape", EVAL_DIR / "realshape" / "set-a.jsonl",
          EVAL_DIR / "baselines" / "realshape-a.json", note="tuned on"),
    World("real-shape B", "real-shape", EVAL_DIR / "realshape" / "set-b.jsonl",
          EVAL_DIR / "baselines" / "realshape-b.json", note="seen"),
    World("real-shape C", "real-shape", EVAL_DIR / "realshape" / "set-c.jsonl",
          EVAL_DIR / "baselines" / "realshape-c.json", note="seen"),
    World("real-shape D", "real-shape", EVAL_DIR / "realshape" / "set-d.jsonl",
          EVAL_DIR / "baselines" / "realshape-d.json", note="seen"),
    World("real-shape E", "real-shape", EVAL_DIR / "realshape" / "set-e.jsonl",
          EVAL_DIR / "baselines" / "realshape-e.json", note="seen"),
    World("real-shape F", "real-shape", EVAL_DIR / "realshape" / "set-f.jsonl",
          EVAL_DIR / "baselines" / "realshape-f.json", note="seen"),
    World("real-shape G", "real-shape", EVAL_DIR / "realshape" / "set-g.jsonl",
          EVAL_DIR / "baselines" / "realshape-g.json", note="seen"),
    World("real-shape H", "real-shape", EVAL_DIR / "realshape" / "set-h.jsonl",
          EVAL_DIR / "baselines" / "realshape-h.json", note="seen"),
    World("real-shape I", "real-shape", EVAL_DIR / "realshape" / "set-i.jsonl",
          EVAL_DIR / "baselines" / "realshape-i.json", note="seen"),
    World("real-shape J", "real-shape", EVAL_DIR / "realshape" / "set-j.jsonl",
          EVAL_DIR / "baselines" / "realshape-j.json", note="seen"),
    World("real-shape K", "real-shape", EVAL_DIR / "realshape" / "set-k.jsonl",
          EVAL_DIR / "baselines" / "realshape-k.json", note="seen"),
    World("real-shape L", "real-shape", EVAL_DIR / "realshape" / "set-l.jsonl",
          EVAL_DIR / "baselines" / "realshape-l.json", note="seen"),
    World("real-shape M", "real-shape", EVAL_DIR / "realshape" / "set-m.jsonl",
          EVAL_DIR / "baselines" / "realshape-m.json", note="seen"),
    World("real-shape N", "real-shape", EVAL_DIR / "realshape" / "set-n.jsonl",
          EVAL_DIR / "baselines" / "realshape-n.json", note="seen"),
    World("real-shape O", "real-shape", EVAL_DIR / "realshape" / "set-o.jsonl",
          EVAL_DIR / "baselines" / "realshape-o.json", note="seen"),
    World("real-shape P", "real-shape", EVAL_DIR / "realshape" / "set-p.jsonl",
          EVAL_DIR / "baselines" / "realshape-p.json", note="seen"),
    World("real-shape Q", "real-shape", EVAL_DIR / "realshape" / "set-q.jsonl",
          EVAL_DIR / "baselines" / "realshape-q.json", note="seen"),
    World("real-shape R", "real-shape", EVAL_DIR / "realshape" / "set-r.jsonl",
          EVAL_DIR / "baselines" / "realshape-r.json", note="seen"),
    World("real-shape S", "real-shape", EVAL_DIR / "realshape" / "set-s.jsonl",
          EVAL_DIR / "baselines" / "realshape-s.json", note="seen"),
    World("real-shape T", "real-shape", EVAL_DIR / "realshape" / "set-t.jsonl",
          EVAL_DIR / "baselines" / "realshape-t.json", note="seen"),
    World("real-shape U", "real-shape", EVAL_DIR / "realshape" / "set-u.jsonl",
          EVAL_DIR / "baselines" / "realshape-u.json", note="seen"),
    World("real-shape V", "real-shape", EVAL_DIR / "realshape" / "set-v.jsonl",
          EVAL_DIR / "baselines" / "realshape-v.json", note="seen"),
    World("real-shape W", "real-shape", EVAL_DIR / "realshape" / "set-w.jsonl",
          EVAL_DIR / "baselines" / "realshape-w.json", note="seen"),
    World("real-shape X", "real-shape", EVAL_DIR / "realshape" / "set-x.jsonl",
          EVAL_DIR / "baselines" / "realshape-x.json", note="seen"),
    World("real-shape Y", "real-shape", EVAL_DIR / "realshape" / "set-y.jsonl",
          EVAL_DIR / "baselines" / "realshape-y.json", note="seen"),
    World("real-shape Z", "real-shape", EVAL_DIR / "realshape" / "set-z.jsonl",
          EVAL_DIR / "baselines" / "realshape-z.json", note="seen"),
    World("real-shape AA", "real-shape", EVAL_DIR / "realshape" / "set-aa.jsonl",
          EVAL_DIR / "baselines" / "realshape-aa.json", note="seen"),
    World("real-shape AB", "real-shape", EVAL_DIR / "realshape" / "set-ab.jsonl",
          EVAL_DIR / "baselines" / "realshape-ab.json", note="seen"),
    World("real-shape AC", "real-shape", EVAL_DIR / "realshape" / "set-ac.jsonl",
          EVAL_DIR / "baselines" / "realshape-ac.json", note="seen"),
    World("real-shape AD", "real-shape", EVAL_DIR / "realshape" / "set-ad.jsonl",
          EVAL_DIR / "baselines" / "realshape-ad.json", note="seen"),
    World("real-shape AE", "real-shape", EVAL_DIR / "realshape" / "set-ae.jsonl",
          EVAL_DIR / "baselines" / "realshape-ae.json", note="seen"),
    World("real-shape AF", "real-shape", EVAL_DIR / "realshape" / "set-af.jsonl",
          EVAL_DIR / "baselines" / "realshape-af.json", note="seen"),
    World("real-shape AG", "real-shape", EVAL_DIR / "realshape" / "set-ag.jsonl",
          EVAL_DIR / "baselines" / "realshape-ag.json", note="seen"),
    World("real-shape AH", "real-shape", EVAL_DIR / "realshape" / "set-ah.jsonl",
          EVAL_DIR / "baselines" / "realshape-ah.json", note="seen"),
    World("real-shape AI", "real-shape", EVAL_DIR / "realshape" / "set-ai.jsonl",
          EVAL_DIR / "baselines" / "realshape-ai.json", note="seen"),
    World("real-shape AJ", "real-shape", EVAL_DIR / "realshape" / "set-aj.jsonl",
          EVAL_DIR / "baselines" / "realshape-aj.json", note="seen"),
    World("real-shape AK", "real-shape", EVAL_DIR / "realshape" / "set-ak.jsonl",
          EVAL_DIR / "baselines" / "realshape-ak.json", note="seen"),
    World("real-shape AL", "real-shape", EVAL_DIR / "realshape" / "set-al.jsonl",
          EVAL_DIR / "baselines" / "realshape-al.json", note="seen"),
    World("real-shape AM", "real-shape", EVAL_DIR / "realshape" / "set-am.jsonl",
          EVAL_DIR / "baselines" / "realshape-am.json", note="seen"),
    World("real-shape AN", "real-shape", EVAL_DIR / "realshape" / "set-an.jsonl",
          EVAL_DIR / "baselines" / "realshape-an.json", note="seen"),
    World("real-shape AO", "real-shape", EVAL_DIR / "realshape" / "set-ao.jsonl",
          EVAL_DIR / "baselines" / "realshape-ao.json", note="seen"),
    World("real-shape AP", "real-shape", EVAL_DIR / "realshape" / "set-ap.jsonl",
          EVAL_DIR / "baselines" / "realshape-ap.json", note="seen"),
    World("real-shape AQ", "real-shape", EVAL_DIR / "realshape" / "set-aq.jsonl",
          EVAL_DIR / "baselines" / "realshape-aq.json", note="seen"),
    World("real-shape AR", "real-shape", EVAL_DIR / "realshape" / "set-ar.jsonl",
          EVAL_DIR / "baselines" / "realshape-ar.json", note="seen"),
    World("real-shape AS", "real-shape", EVAL_DIR / "realshape" / "set-as.jsonl",
          EVAL_DIR / "baselines" / "realshape-as.json", note="seen"),
    World("real-shape AT", "real-shape", EVAL_DIR / "realshape" / "set-at.jsonl",
          EVAL_DIR / "baselines" / "realshape-at.json", note="seen"),
    World("real-shape AU", "real-shape", EVAL_DIR / "realshape" / "set-au.jsonl",
          EVAL_DIR / "baselines" / "realshape-au.json", note="seen"),
    World("real-shape AV", "real-shape", EVAL_DIR / "realshape" / "set-av.jsonl",
          EVAL_DIR / "baselines" / "realshape-av.json", note="seen"),
    World("real-shape AW", "real-shape", EVAL_DIR / "realshape" / "set-aw.jsonl",
          EVAL_DIR / "baselines" / "realshape-aw.json", note="seen"),
    World("real-shape AX", "real-shape", EVAL_DIR / "realshape" / "set-ax.jsonl",
          EVAL_DIR / "baselines" / "realshape-ax.json", note="seen"),
    World("real-shape AY", "real-shape", EVAL_DIR / "realshape" / "set-ay.jsonl",
          EVAL_DIR / "baselines" / "realshape-ay.json", note="seen"),
    World("real-shape AZ", "real-shape", EVAL_DIR / "realshape" / "set-az.jsonl",
          EVAL_DIR / "baselines" / "realshape-az.json", note="seen"),
    World("real-shape BA", "real-shape", EVAL_DIR / "realshape" / "set-ba.jsonl",
          EVAL_DIR / "baselines" / "realshape-ba.json", note="seen"),
    World("real-shape BB", "real-shape", EVAL_DIR / "realshape" / "set-bb.jsonl",
          EVAL_DIR / "baselines" / "realshape-bb.json", note="seen"),
    World("real-shape BC", "real-shape", EVAL_DIR / "realshape" / "set-bc.jsonl",
          EVAL_DIR / "baselines" / "realshape-bc.json", note="seen"),
    World("real-shape BD", "real-shape", EVAL_DIR / "realshape" / "set-bd.jsonl",
          EVAL_DIR / "baselines" / "realshape-bd.json", note="seen"),
    World("real-shape BE", "real-shape", EVAL_DIR / "realshape" / "set-be.jsonl",
          EVAL_DIR / "baselines" / "realshape-be.json", note="seen"),
    World("real-shape BF", "real-shape", EVAL_DIR / "realshape" / "set-bf.jsonl",
          EVAL_DIR / "baselines" / "realshape-bf.json", note="seen"),
    World("real-shape BG", "real-shape", EVAL_DIR / "realshape" / "set-bg.jsonl",
          EVAL_DIR / "baselines" / "realshape-bg.json", note="seen"),
    World("real-shape BH", "real-shape", EVAL_DIR / "realshape" / "set-bh.jsonl",
          EVAL_DIR / "baselines" / "realshape-bh.json", note="seen"),
    World("real-shape BI", "real-shape", EVAL_DIR / "realshape" / "set-bi.jsonl",
          EVAL_DIR / "baselines" / "realshape-bi.json", note="seen"),
    World("real-shape BJ", "real-shape", EVAL_DIR / "realshape" / "set-bj.jsonl",
          EVAL_DIR / "baselines" / "realshape-bj.json", note="seen"),
    World("real-shape BK", "real-shape", EVAL_DIR / "realshape" / "set-bk.jsonl",
          EVAL_DIR / "baselines" / "realshape-bk.json", note="seen"),
    World("real-shape BL", "real-shape", EVAL_DIR / "realshape" / "set-bl.jsonl",
          EVAL_DIR / "baselines" / "realshape-bl.json", note="seen"),
    World("real-shape BM", "real-shape", EVAL_DIR / "realshape" / "set-bm.jsonl",
          EVAL_DIR / "baselines" / "realshape-bm.json", note="seen"),
    World("real-shape BN", "real-shape", EVAL_DIR / "realshape" / "set-bn.jsonl",
          EVAL_DIR / "baselines" / "realshape-bn.json", note="seen"),
    World("real-shape BO", "real-shape", EVAL_DIR / "realshape" / "set-bo.jsonl",
          EVAL_DIR / "baselines" / "realshape-bo.json", note="seen"),
    World("real-shape BP", "real-shape", EVAL_DIR / "realshape" / "set-bp.jsonl",
          EVAL_DIR / "baselines" / "realshape-bp.json", note="seen"),
    World("real-shape BQ", "real-shape", EVAL_DIR / "realshape" / "set-bq.jsonl",
          EVAL_DIR / "baselines" / "realshape-bq.json", note="seen"),
    World("real-shape BR", "real-shape", EVAL_DIR / "realshape" / "set-br.jsonl",
          EVAL_DIR / "baselines" / "realshape-br.json", note="seen"),
    World("real-shape BS", "real-shape", EVAL_DIR / "realshape" / "set-bs.jsonl",
          EVAL_DIR / "baselines" / "realshape-bs.json", note="seen"),
    World("real-shape BT", "real-shape", EVAL_DIR / "realshape" / "set-bt.jsonl",
          EVAL_DIR / "baselines" / "realshape-bt.json", note="seen"),
    World("real-shape BU", "real-shape", EVAL_DIR / "realshape" / "set-bu.jsonl",
          EVAL_DIR / "baselines" / "realshape-bu.json", note="seen"),
    World("real-shape BV", "real-shape", EVAL_DIR / "realshape" / "set-bv.jsonl",
          EVAL_DIR / "baselines" / "realshape-bv.json", note="seen"),
    World("real-shape BW", "real-shape", EVAL_DIR / "realshape" / "set-bw.jsonl",
          EVAL_DIR / "baselines" / "realshape-bw.json", note="seen"),
    World("real-shape BX", "real-shape", EVAL_DIR / "realshape" / "set-bx.jsonl",
          EVAL_DIR / "baselines" / "realshape-bx.json", note="seen"),
    World("real-shape BY", "real-shape", EVAL_DIR / "realshape" / "set-by.jsonl",
          EVAL_DIR / "baselines" / "realshape-by.json", note="seen"),
    World("real-shape BZ", "real-shape", EVAL_DIR / "realshape" / "set-bz.jsonl",
          EVAL_DIR / "baselines" / "realshape-bz.json", note="seen"),
    World("real-shape CA", "real-shape", EVAL_DIR / "realshape" / "set-ca.jsonl",
          EVAL_DIR / "baselines" / "realshape-ca.json", note="seen"),
    World("real-shape CB", "real-shape", EVAL_DIR / "realshape" / "set-cb.jsonl",
          EVAL_DIR / "baselines" / "realshape-cb.json", note="seen"),
    World("real-shape CC", "real-shape", EVAL_DIR / "realshape" / "set-cc.jsonl",
          EVAL_DIR / "baselines" / "realshape-cc.json", note="seen"),
    World("real-shape CD", "real-shape", EVAL_DIR / "realshape" / "set-cd.jsonl",
          EVAL_DIR / "baselines" / "realshape-cd.json", note="seen"),
    World("real-shape CE", "real-shape", EVAL_DIR / "realshape" / "set-ce.jsonl",
          EVAL_DIR / "baselines" / "realshape-ce.json", note="seen"),
    World("real-shape CF", "real-shape", EVAL_DIR / "realshape" / "set-cf.jsonl",
          EVAL_DIR / "baselines" / "realshape-cf.json", note="seen"),
    World("real writing tuning", "real-writing", EVAL_DIR / "real" / "tuning.jsonl",
          EVAL_DIR / "baselines" / "real-tuning.json", note="tuned on"),
    World("real writing held out B", "real-writing", EVAL_DIR / "real" / "holdout-b.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-b.json", note="seen"),
    World("real writing held out A", "real-writing", EVAL_DIR / "real" / "holdout-a.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-a.json", note="seen"),
    World("real writing held out C", "real-writing", EVAL_DIR / "real" / "holdout-c.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-c.json", note="seen"),
    World("real writing held out D", "real-writing", EVAL_DIR / "real" / "holdout-d.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-d.json", note="seen"),
    World("real writing held out E", "real-writing", EVAL_DIR / "real" / "holdout-e.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-e.json", note="seen"),
    World("real writing held out F", "real-writing", EVAL_DIR / "real" / "holdout-f.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-f.json", note="seen"),
    World("real writing held out G", "real-writing", EVAL_DIR / "real" / "holdout-g.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-g.json", note="seen"),
    World("real writing held out H", "real-writing", EVAL_DIR / "real" / "holdout-h.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-h.json", note="seen"),
    World("real writing held out I", "real-writing", EVAL_DIR / "real" / "holdout-i.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-i.json", note="seen"),
    World("real writing held out J", "real-writing", EVAL_DIR / "real" / "holdout-j.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-j.json", note="seen"),
    World("real writing held out K", "real-writing", EVAL_DIR / "real" / "holdout-k.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-k.json", note="seen"),
    World("real writing held out L", "real-writing", EVAL_DIR / "real" / "holdout-l.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-l.json", note="seen"),
    World("real writing held out M", "real-writing", EVAL_DIR / "real" / "holdout-m.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-m.json", note="seen"),
    World("real writing held out N", "real-writing", EVAL_DIR / "real" / "holdout-n.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-n.json", note="seen"),
    World("real writing held out O", "real-writing", EVAL_DIR / "real" / "holdout-o.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-o.json", note="seen"),
    World("real writing held out P", "real-writing", EVAL_DIR / "real" / "holdout-p.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-p.json", note="seen"),
    World("real writing held out Q", "real-writing", EVAL_DIR / "real" / "holdout-q.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-q.json", note="seen"),
    World("real writing held out R", "real-writing", EVAL_DIR / "real" / "holdout-r.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-r.json", note="seen"),
    World("real writing held out S", "real-writing", EVAL_DIR / "real" / "holdout-s.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-s.json", note="seen"),
    World("real writing held out T", "real-writing", EVAL_DIR / "real" / "holdout-t.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-t.json", note="seen"),
    World("real writing held out U", "real-writing", EVAL_DIR / "real" / "holdout-u.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-u.json", note="seen"),
    World("real writing held out V", "real-writing", EVAL_DIR / "real" / "holdout-v.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-v.json", note="seen"),
    World("real writing held out W", "real-writing", EVAL_DIR / "real" / "holdout-w.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-w.json", note="seen"),
    World("real writing held out X", "real-writing", EVAL_DIR / "real" / "holdout-x.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-x.json", note="seen"),
    World("real writing held out Y", "real-writing", EVAL_DIR / "real" / "holdout-y.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-y.json", note="seen"),
    World("real writing held out Z", "real-writing", EVAL_DIR / "real" / "holdout-z.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-z.json", note="seen"),
    World("real writing held out AA", "real-writing", EVAL_DIR / "real" / "holdout-aa.jsonl",
          EVAL_DIR / "baselines" / "real-holdout-aa.json", note="seen"),
)  # fmt: skip


def learned_from(path: Path) -> bool:
    """Whether the shipped learned layer was trained on this exact file: its figures there say the
    training took, not how it judges new writing (`tools/train_judge.py --cross` does)."""
    from shared.analysis.learned import load_judge

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest in load_judge().weights.trained_on.values()


def trained_on(worlds: tuple[World, ...]) -> frozenset[str]:
    """The names of the worlds the shipped layer was trained on (files read here, not in rendering)."""
    return frozenset(w.name for w in worlds if learned_from(w.path))


def open_worlds() -> tuple[World, ...]:
    return tuple(w for w in WORLDS if not w.sealed)


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{100 * value:5.1f}%"


def render_worlds(
    title: str, rows: list[tuple[World, Scores]], *, trained: frozenset[str] = frozenset()
) -> str:
    """One line per set: the headline figures a reader compares across worlds. `trained`: the sets
    the learned layer that judged was trained on, which say so."""
    out = [title, f"  {'set':<28} {'kind':<12} {'n':>5}  verdict  kappa  category  miss.prec  miss.rec"]
    for world, s in rows:
        notes = [world.note] if world.note else []
        if world.name in trained:
            notes.append("the learned layer was trained on it")
        note = f"  ({'; '.join(notes)})" if notes else ""
        kappa = "  n/a" if s.kappa is None else f"{s.kappa:5.3f}"
        out.append(
            f"  {world.name:<28} {world.kind:<12} {s.n:>5}   {_pct(s.verdict_accuracy)}  {kappa}"
            f"    {_pct(s.category_accuracy)}     {_pct(s.missing_precision)}"
            f"    {_pct(s.missing_recall)}{note}"
        )
    sealed = [w.name for w in WORLDS if w.sealed]
    if sealed:
        out.append(f"  sealed, not run (first contact still ahead): {', '.join(sealed)}")
    return "\n".join(out)
