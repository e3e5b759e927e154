"""Form labels as sites gloss them, and a select's catch-all (rules-2026.12.24, real shapes W and X).

"Approver (manager)" names the approver as "Approver" does; "승인 팀장" is an approver; "Other" or
"기타 (본문 참고)" chosen in a select answers nothing. The approver cases fail on rules-2026.12.23;
the catch-all cases guard the glossed labels from crediting a select's "Other" ("기타 (본문 참고)"
failed on the first try of this change).
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


def _present(body: str) -> set[str]:
    return present("access", "Service Bus access", body)


@pytest.mark.parametrize(
    "body",
    [
        "Approver (manager): Mitchell Hughes\n\nCan I get access please?",
        "승인 팀장: Choi Eunji\n요청 도구: ArgoCD",
        "승인권자: 김도윤\n요청 도구: ArgoCD",
    ],
)
def test_a_glossed_or_korean_approver_label_names_the_approver(body: str) -> None:
    assert "approver" in _present(body)


@pytest.mark.parametrize("value", ["Other", "기타 (본문 참고)"])
def test_a_selects_catch_all_names_no_tool(value: str) -> None:
    assert "tool" not in _present(f"대상 시스템 (Target System): {value}\n\nSame access as Priya, please.")
