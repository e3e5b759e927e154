"""A reporter's "not applicable" answers the item: the phrasings that must count, and the near
misses that must not (logs, code, questions asked back, negations, an N/A naming no item)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.analysis.analyzer import Analyzer
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.models import Category
from shared.analysis.not_applicable import called_not_applicable
from shared.jira.fields import FormField
from shared.jira.models import Person, Ticket, TicketComment
from shared.lifecycle.disagreement import detect_disagreement
from shared.lifecycle.policy import Labels
from shared.lifecycle.record import LedgerRecord

_QUOTE_KO = "> 승인자: 권한 변경에는 승인자(팀장 또는 담당 오너)가 필요합니다.\n"
_QUOTE_EN = "> Who approves the request: Access changes need a named approver (team lead or owner).\n"

# (category, reply, the items it calls not applicable)
CATALOGUE: list[tuple[Category, str, tuple[str, ...]]] = [
    ("access", "Approver: N/A", ("approver",)),
    ("access", "approver: n/a", ("approver",)),
    ("access", "Approver: NA", ("approver",)),
    ("access", "approver - n/a", ("approver",)),
    ("access", "N/A: read-only access, no approver", ("approver",)),
    ("access", "Approver: not applicable", ("approver",)),
    ("access", "The approval step does not apply here.", ("approver",)),
    ("access", "no approver needed — read-only", ("approver",)),
    ("access", "Approver: none (read-only)", ("approver",)),
    ("access", "approvers not needed", ("approver",)),
    ("access", "No need for an approver, it's read-only.", ("approver",)),
    ("access", "Who approves the request: N/A", ("approver",)),
    ("access", "Role: Reporter, approver: N/A", ("approver",)),
    ("access", _QUOTE_EN + "N/A, read-only access", ("approver",)),
    ("access", _QUOTE_EN + "none (read-only)", ("approver",)),
    ("access", "승인자: 해당 없음", ("approver",)),
    ("access", "승인자: 해당 없음 (읽기 전용)", ("approver",)),
    ("access", "승인자: 해당사항 없음", ("approver",)),
    ("access", "승인자는 해당 사항 없습니다.", ("approver",)),
    ("access", "승인자 필요 없음", ("approver",)),
    ("access", "승인은 필요 없습니다.", ("approver",)),
    ("access", "승인자: 불필요", ("approver",)),
    ("access", "승인 불필요 (읽기 전용 권한)", ("approver",)),
    ("access", "결재자: 해당사항 없음", ("approver",)),
    ("access", "승인자는 해당되지 않습니다.", ("approver",)),
    ("access", "승인자: 없음 (읽기 전용)", ("approver",)),
    ("access", _QUOTE_KO + "해당 없음", ("approver",)),
    ("access", _QUOTE_KO + "필요 없음 (읽기 전용)", ("approver",)),
    ("access", _QUOTE_KO + "없음 (읽기 전용)", ("approver",)),
    ("access", "approver: N/A (read-only). role: N/A, I only need to look", ("role", "approver")),
    ("cloud_resource", "Cost center: not applicable (internal sandbox)", ("cost_owner",)),
    ("cloud_resource", "비용 부서는 해당 사항 없습니다.", ("cost_owner",)),
    ("cloud_resource", "네트워크/DNS 정보: 불필요", ("network",)),
    ("cloud_resource", "Network: N/A, it is a storage account without private endpoints", ("network",)),
    ("cloud_resource", "Region: N/A (global resource)", ("region",)),
    ("troubleshooting", "Steps to reproduce: N/A, it happens on every push", ("steps",)),
    ("troubleshooting", "재현 방법: 해당 없음 (간헐적 발생)", ("steps",)),
    ("deployment", "ArgoCD 애플리케이션: 해당 없음 (Helm으로 직접 배포)", ("argocd_app",)),
    ("deployment", "ArgoCD app: does not apply, we deploy with a pipeline", ("argocd_app",)),
]

NEAR_MISSES: list[tuple[Category, str]] = [
    ("access", "status=N/A code=200"),  # a value in pasted output
    ("access", "2024-05-01 12:00:01 WARN approver=N/A lookup failed"),
    ("access", "```\nApprover: N/A\n```"),  # inside a code block
    ("access", "The form said `Approver: N/A` but that was the old template."),  # inline code
    ("access", 'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: approver N/A'),
    ("access", "not applicable?"),  # asked back
    ("access", "is the approver not applicable here?"),
    ("access", "승인자 해당 없나요?"),
    ("access", "N/A"),  # which item? we do not guess
    ("access", "해당 없음"),
    ("access", "필요 없음 (읽기 전용)"),
    ("access", "the approver is applicable"),  # the negation
    ("access", "N/A is wrong, the approver is Kim."),
    ("access", "The approver isn't N/A, it's Kim."),
    ("access", "승인자: 해당 없음이 아닙니다"),
    ("access", "이미 설명에 적었습니다. 추가 정보는 필요 없습니다."),  # the whole question, no item
    ("access", "That's not needed, it is already in the description"),
    ("access", "Approver: Kim (team lead)"),  # an answer, not "not applicable"
    ("access", "Approver: none yet, will ask my lead"),
    ("cloud_resource", "Region: NA"),  # North America
]


def test_the_catalogue_is_broad_and_bilingual() -> None:
    hangul = sum(1 for _, text, _ in CATALOGUE if any("\uac00" <= ch <= "\ud7a3" for ch in text))
    assert len(CATALOGUE) >= 30 and hangul >= 12 and len(CATALOGUE) - hangul >= 12


@pytest.mark.parametrize(("category", "reply", "expected"), CATALOGUE)
def test_each_phrasing_calls_the_item_not_applicable(
    category: Category, reply: str, expected: tuple[str, ...]
) -> None:
    assert called_not_applicable([reply], CHECKLISTS[category]) == expected


@pytest.mark.parametrize(("category", "reply"), NEAR_MISSES)
def test_near_misses_call_nothing_not_applicable(category: Category, reply: str) -> None:
    assert called_not_applicable([reply], CHECKLISTS[category]) == ()


def test_the_sites_own_field_name_names_the_item() -> None:
    items = CHECKLISTS["access"]
    assert called_not_applicable(["Gatekeeper: N/A"], items) == ()
    assert called_not_applicable(["Gatekeeper: N/A"], items, {"approver": ("Gatekeeper",)}) == ("approver",)


# Through the analyzer: the reporter's reply is what counts, and it wins over the rules' reading.
T0 = datetime(2026, 5, 4, 9, tzinfo=UTC)


def _ticket(
    *replies: str, description: str = "Please give me access to GitLab group platform/payments."
) -> Ticket:
    comments = tuple(
        TicketComment(id=f"c{i}", author_id="rep", text=text, created=T0 + timedelta(hours=i))
        for i, text in enumerate(replies, 1)
    )
    return Ticket(
        key="OPS-1", summary="GitLab access please", description=description,
        reporter=Person(account_id="rep"), comments=comments, labels_known=True,
    )  # fmt: skip


def test_a_reply_calling_the_last_item_not_applicable_makes_the_ticket_complete() -> None:
    analyzer = Analyzer(threshold=85)
    before = analyzer.rules(_ticket(), "bot")
    assert before.verdict == "NEEDS_INFO" and "approver" in {m.id for m in before.missing}
    reply = "Role: Reporter, reason: I joined the payments team and need to read the code."
    assert {m.id for m in analyzer.rules(_ticket(reply), "bot").missing} == {"approver"}
    after = analyzer.rules(_ticket(reply, "Approver: N/A"), "bot")
    assert after.verdict == "HIGH_QUALITY" and after.score == 100 and after.missing == ()
    assert after.not_applicable == ("approver",) and "approver" not in after.present


def test_only_the_reporters_replies_count_not_the_description_or_others() -> None:
    analyzer = Analyzer(threshold=85)
    in_description = analyzer.rules(
        _ticket(description="GitLab group platform/payments. Approver: N/A"), "bot"
    )
    assert in_description.not_applicable == () and "approver" in {m.id for m in in_description.missing}
    someone_else = _ticket().model_copy(
        update={"comments": (TicketComment(id="c9", author_id="lead", text="Approver: N/A", created=T0),)}
    )
    assert analyzer.rules(someone_else, "bot").not_applicable == ()


def test_a_form_field_mapped_to_the_item_is_how_the_reply_names_it() -> None:
    form = (FormField(id="customfield_1", name="Gatekeeper", item="approver"),)
    ticket = _ticket("Gatekeeper: 해당 없음").model_copy(update={"form": form})
    assert Analyzer(threshold=85).rules(ticket, "bot").not_applicable == ("approver",)


# Not a disagreement: an answer item by item; "the whole question was not needed" still is one.
LABELS = Labels("AI_ANALYZED", "HIGH_QUALITY", "NEEDS_INFO")
ASKED = LedgerRecord(
    key="OPS-1", state="done", verdict="NEEDS_INFO", category="access", commented=True, comment_id="c0",
    labels_written=True,
)  # fmt: skip


def _replied(text: str) -> Ticket:
    question = TicketComment(id="c0", author_id="bot", text="please add the approver", created=T0)
    reply = TicketComment(id="c1", author_id="rep", text=text, created=T0 + timedelta(hours=1))
    return _ticket().model_copy(
        update={"comments": (question, reply), "labels": ("AI_ANALYZED", "NEEDS_INFO")}
    )


@pytest.mark.parametrize(
    "reply",
    [
        "승인자: 해당 없음 (읽기 전용)",
        "Approver: not needed, read-only",
        _QUOTE_KO + "필요 없음",
        "승인은 불필요합니다.",
    ],
)
def test_calling_items_not_applicable_is_not_a_disagreement(reply: str) -> None:
    assert detect_disagreement(_replied(reply), ASKED, LABELS, "bot") is None


@pytest.mark.parametrize(
    "reply",
    [
        "이미 설명에 적었습니다. 추가 정보는 필요 없습니다.",
        "해당 없음",  # names no item: the question as a whole
        "Approver: N/A. The rest is not needed, it is already in the description.",
    ],
)
def test_saying_the_whole_question_was_not_needed_still_is(reply: str) -> None:
    found = detect_disagreement(_replied(reply), ASKED, LABELS, "bot")
    assert found is not None and found.kind == "reply"
