"""The fast path of the category hints must find exactly what the plain search finds.

A hint runs as a case-exact search over folded text, tried only where its needles pass. A wrong
needle or a bad fold loses a vote silently (a ticket changes category for no reason anyone can
see), so both are checked on strings generated to match each hint, on arbitrary strings, on every
ticket of two real sets against the plain case-blind search, and on small patterns whose answer
is known.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.analysis import category_hints, rules
from shared.analysis.category_hints import CATEGORY_HINTS, Hint
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.needles import NeedleIndex, Needles, fold, folded_pattern, needles, passes
from shared.jira.rendering import render_body
from tools.eval.dataset import load_set

ROOT = Path(__file__).resolve().parents[2]
_HINTS = [hint for hints in CATEGORY_HINTS.values() for hint in hints]
_WITH_NEEDLES = [hint for hint in _HINTS if hint.needles]
_SOME_TEXT = st.text(st.sampled_from("aAbBiIİıſsSkK 권한-:\n"), max_size=30)


def _holds(wanted: Needles, text: str) -> bool:
    return passes(wanted, NeedleIndex([wanted]).present(fold(text)))


def test_most_hints_have_needles() -> None:
    """The speed of the rules rests on this: a hint without needles is searched in every ticket."""
    assert len(_WITH_NEEDLES) >= 0.85 * len(_HINTS)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(_HINTS).flatmap(lambda hint: st.tuples(st.just(hint), st.from_regex(hint.pattern))))
def test_every_match_of_a_hint_is_found_by_its_fast_path(case: tuple[Hint, str]) -> None:
    hint, text = case
    assert hint.pattern.search(text) is not None
    assert _holds(hint.needles, text), (text, hint.needles)
    assert hint.folded.search(fold(text)) is not None, text


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_HINTS), _SOME_TEXT, _SOME_TEXT)
def test_the_folded_search_agrees_with_the_case_blind_one(hint: Hint, before: str, after: str) -> None:
    """Around a sample match, with the letters a fold could get wrong."""
    sample = next((s for s in ("Resource Group", "권한", "DISK FULL", "İS THERE") if hint.pattern.search(s)), "")
    text = before + sample + after
    assert bool(hint.pattern.search(text)) == bool(hint.folded.search(fold(text)))


def test_a_pattern_that_cares_about_case_is_not_folded() -> None:
    assert folded_pattern(re.compile(r"permissions? +(?-i:[A-Z])\w+", re.IGNORECASE)) is None
    assert folded_pattern(re.compile(r"[A-Z]{2,8}")) is None  # not case-blind: runs as written
    folded = folded_pattern(re.compile(r"\bDisk\S*\W+Full", re.IGNORECASE))
    assert folded is not None and folded.pattern == r"\bdisk\S*\W+full"  # escapes kept


def test_every_checklist_pattern_that_folds_agrees_on_real_tickets() -> None:
    docs = [
        (summary, body)
        for world in ("eval/realshape/set-j.jsonl", "eval/real/holdout-f.jsonl")
        for summary, body in ((t.ticket().summary, render_body(t.ticket(), None)) for t in load_set(ROOT / world).tickets)
    ]
    texts = [f"{summary}\n{body}" for summary, body in docs]
    for items in CHECKLISTS.values():
        for item in items:
            for pattern in item.patterns:
                folded = folded_pattern(pattern)
                if folded is None:
                    continue
                for text in texts:
                    assert bool(pattern.search(text)) == bool(folded.search(fold(text))), (item.id, text[:80])


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bno +space left\b", [[{" space left"}, {"no "}]]),  # " +" ends one run, starts the next
        (r"(?:foo|bars)baz", [[{"barsbaz", "foobaz"}]]),  # a few spellings make one clause
        (r"(?:deploy|release)\w* (?:x|y)", [[{"deploy", "release"}]]),
        (r"colou?r", [[{"color", "colour"}]]),
        (r"(?:abc)?def|ghi", [[{"def"}], [{"ghi"}]]),  # each branch its own; "abcdef" holds "def"
        (r"ABC", [[{"abc"}]]),
        (r"권한|접근", [[{"권한"}], [{"접근"}]]),  # a Korean syllable weighs two letters
        (r"a[bc]d\w+x", [[{"abd", "acd"}]]),
        (r"(?:abc)?|def", []),  # may match the empty string: no needle is necessary
        (r"a\w+b|abcdef", []),  # one branch has no run worth testing
    ],
)
def test_needles_of_known_patterns(pattern: str, expected: list[list[set[str]]]) -> None:
    assert needles(re.compile(pattern, re.IGNORECASE)) == tuple(tuple(map(frozenset, b)) for b in expected)


def test_fold_reads_the_letters_a_case_blind_pattern_takes_for_ascii() -> None:
    pattern = re.compile(r"\bdisk +is +full\b", re.IGNORECASE)
    for text in ("DİSK IS FULL", "dısk is full", "DISK IS FULL", "diſk is full"):
        assert pattern.search(text)
        assert _holds(needles(pattern), text), text


@pytest.mark.parametrize("world", ["eval/realshape/set-j.jsonl", "eval/real/holdout-f.jsonl"])
def test_the_fast_path_changes_no_score_on_real_tickets(world: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Against the plain search: no needles, the case-blind pattern, the text as it was."""
    texts = [(t.ticket().summary, render_body(t.ticket(), None)) for t in load_set(ROOT / world).tickets]
    fast = [rules.category_scores(summary, body) for summary, body in texts]
    plain = {c: tuple(h._replace(needles=(), folded=h.pattern) for h in hints) for c, hints in CATEGORY_HINTS.items()}
    monkeypatch.setattr(category_hints, "CATEGORY_HINTS", plain)
    monkeypatch.setattr(rules, "CATEGORY_HINTS", plain)
    monkeypatch.setattr(rules, "fold", lambda text: text)
    assert [rules.category_scores(summary, body) for summary, body in texts] == fast
