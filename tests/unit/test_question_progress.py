"""What the kept-current question says: received only what was received, 'everything is here'
only when every asked item was."""

from __future__ import annotations

from shared.analysis.models import Assessment, MissingItem
from shared.analysis.question_progress import kept_current, progress
from shared.jira.models import parse_comments

ASKED = ("role", "justification", "approver")
APPROVER = MissingItem(id="approver", label="Who approves the request", why="least privilege")


def said(doc: dict[str, object]) -> str:
    return parse_comments([{"id": "1", "body": doc}])[0].text


def test_still_missing_and_received_come_from_the_judgement_not_from_the_verdict() -> None:
    a = Assessment(score=70, verdict="NEEDS_INFO", category="access", language="en", missing=(APPROVER,),
                   present=("role", "justification"), version="v")  # fmt: skip
    assert progress(a, ASKED) == (("approver",), ("role", "justification"))
    text = said(kept_current(a, ASKED, None))
    assert (
        "Who approves the request" in text.split("Received")[0] and "✓ Which role or permission level" in text
    )


def test_a_complete_verdict_without_the_approver_named_does_not_claim_everything_is_here() -> None:
    """A model's score over the threshold empties `missing` without naming the approver present."""
    a = Assessment(score=90, verdict="HIGH_QUALITY", category="access", language="en",
                   present=("role", "justification"), version="v")  # fmt: skip
    assert progress(a, ASKED) == ((), ("role", "justification"))
    text = said(kept_current(a, ASKED, None))
    assert "everything we asked for" not in text and "has what it needs" in text
    assert "Who approves" not in text


def test_everything_is_here_only_when_every_asked_item_was_received() -> None:
    a = Assessment(score=100, verdict="HIGH_QUALITY", category="access", language="ko",
                   present=("role", "justification"), not_applicable=("approver",), version="v")  # fmt: skip
    text = said(kept_current(a, ASKED, None))
    assert "요청드린 정보가 모두 확인되었습니다" in text and "(해당 없음)" in text


def test_items_of_another_category_are_neither_thanked_for_nor_asked_again() -> None:
    """(The question is then left as it was asked: `Question.keep_current` makes no edit.)"""
    a = Assessment(score=40, verdict="NEEDS_INFO", category="troubleshooting", language="en",
                   missing=(MissingItem(id="error", label="The exact error", why="w"),), version="v")  # fmt: skip
    assert progress(a, ASKED) == ((), ())
