"""The free-form rest ("other"): a ticket says what is needed, or it only asks for a call.

The tickets are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.factories import unanswered as _missing


@pytest.mark.parametrize("body", ["잠깐 통화 가능하실까요?", "Quick call?", "Can we talk?"])
def test_asking_for_a_call_says_nothing_about_what_is_needed(body: str) -> None:
    assert _missing("질문", body, "other") == {"details"}


def test_a_form_whose_what_is_still_to_be_written_says_nothing() -> None:
    form = "요청 내용: {}\n요청자: 배준호\n희망 완료일: 12/02"
    assert "details" in _missing("[요청] 인프라 관련", form.format("(작성 예정)"), "other")
    assert "details" not in _missing(
        "[요청] 인프라 관련",
        form.format("Grafana 알림 채널을 #infra-alerts 로 옮겨 주세요, 기존 채널은 보관만 합니다."),
        "other",
    )


def test_a_filled_details_field_says_what_is_needed() -> None:
    """make demo: a reporter answered 'Details: we need a shared test account for the partner demo
    next week, for five people.' and was still asked, because the sentence names nothing concrete."""
    answer = "Details: we need a shared test account for the partner demo next week, for five people."
    assert "details" not in _missing("문의드립니다", answer, "other")
    assert "details" in _missing("문의드립니다", "Details: help pls", "other")
