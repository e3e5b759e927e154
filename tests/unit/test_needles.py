"""The needles that spare a category hint its regex search must never spare a match.

A wrong needle loses a vote silently (a ticket changes category for no reason anyone can see), so
the needles are checked three ways: on strings generated to match each hint, on every ticket of two
real sets against the scores with no needles at all, and on small patterns whose answer is known.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.analysis import category_hints, rules
from shared.analysis.category_hints import CATEGORY_HINTS, Hint
from shared.analysis.needles import fold, needles
from shared.jira.rendering import render_body
from tools.eval.dataset import load_set

ROOT = Path(__file__).resolve().parents[2]
_WITH_NEEDLES = [hint for hints in CATEGORY_HINTS.values() for hint in hints if hint[2]]


def test_most_hints_have_needles() -> None:
    """The speed of the rules rests on this: a hint without needles is searched in every ticket."""
    total = sum(len(hints) for hints in CATEGORY_HINTS.values())
    assert len(_WITH_NEEDLES) >= 0.8 * total


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(_WITH_NEEDLES).flatmap(lambda hint: st.tuples(st.just(hint), st.from_regex(hint[0]))))
def test_every_match_of_a_hint_holds_one_of_its_needles(case: tuple[Hint, str]) -> None:
    (pattern, _, wanted), text = case
    match = pattern.search(text)
    assert match is not None
    assert any(needle in fold(match.group()) for needle in wanted), (text, wanted)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bno +space left\b", (" space left",)),  # " +" ends one run and starts the next
        (r"(?:foo|bars)baz", ("baz",)),  # one string beats a set of the same weight
        (r"(?:deploy|release) fail", ("deploy", "release")),  # the rarer part wins
        (r"(?:deploy|release)\w* (?:x|y)", ("deploy", "release")),
        (r"colou?r", ("colo",)),
        (r"(?:abc)?def|ghi", ("def", "ghi")),
        (r"ABC", ("abc",)),
        (r"권한|접근", ("권한", "접근")),  # a Korean syllable weighs two letters
        (r"(?:abc)?|def", ()),  # may match the empty string: no needle is necessary
        (r"a\w+b|abcdef", ()),  # one branch has no run worth testing
        (r"\d+ GB", (" gb",)),
    ],
)
def test_needles_of_known_patterns(pattern: str, expected: tuple[str, ...]) -> None:
    assert needles(re.compile(pattern, re.IGNORECASE)) == expected


def test_fold_reads_the_letters_a_case_blind_pattern_takes_for_ascii() -> None:
    pattern = re.compile(r"\bdisk +is +full\b", re.IGNORECASE)
    for text in ("DİSK IS FULL", "dısk is full", "DISK IS FULL"):
        assert pattern.search(text)
        assert any(n in fold(text) for n in needles(pattern)), text


@pytest.mark.parametrize("world", ["eval/realshape/set-j.jsonl", "eval/real/holdout-f.jsonl"])
def test_needles_change_no_score_on_real_tickets(world: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        (ticket.ticket().summary, render_body(ticket.ticket(), None))
        for ticket in load_set(ROOT / world).tickets
    ]
    with_needles = [rules.category_scores(summary, body) for summary, body in texts]
    bare = {c: tuple((p, w, ()) for p, w, _ in hints) for c, hints in CATEGORY_HINTS.items()}
    monkeypatch.setattr(category_hints, "CATEGORY_HINTS", bare)
    monkeypatch.setattr(rules, "CATEGORY_HINTS", bare)
    assert [rules.category_scores(summary, body) for summary, body in texts] == with_needles
