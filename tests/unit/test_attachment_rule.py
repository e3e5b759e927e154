"""Issue 13's rule for attachments holds whatever the learned layer learned: an attached screenshot
or log is the error item. Some sets' writers had labelled an undescribed screenshot as no error,
and the layer, trained on them, asked for the error the assignee could open."""

from __future__ import annotations

import pytest

from shared.analysis.learned import ItemModel, LearnedJudge, load_judge
from shared.analysis.rules import assess_text


def _never_an_error() -> LearnedJudge:
    """The shipped layer, but with an error model that learned "no error" from every ticket: the
    worst habit a training set could teach it."""
    weights = load_judge().weights
    items = {**weights.items, "troubleshooting:error": ItemModel(bias=0.0, constant=False)}
    return LearnedJudge(weights.model_copy(update={"items": items}))


SCREENSHOT_OR_LOG = [
    ("확인 부탁드립니다", "Attachments: image (3).png (image/png, 207 KB)\n\n오류 화면 캡처 첨부합니다. 확인 부탁드려요"),
    ("slow", "Attachments: image-20261127-101455.png (image/png, 207 KB)\n\nPages are slow again, see screenshot"),
    ("build broke", "Attachments: build-4711.log (text/plain, 12 KB)\n\nsee log"),
]


@pytest.mark.parametrize(("summary", "body"), SCREENSHOT_OR_LOG)
def test_an_attached_screenshot_or_log_is_the_error_whatever_the_layer_says(summary: str, body: str) -> None:
    judged = assess_text(summary, body, threshold=85, category="troubleshooting", judge=_never_an_error())
    assert "error" in judged.present
    assert "error" not in {m.id for m in judged.missing}


def test_without_an_attachment_the_layer_still_decides_the_error() -> None:
    body = "Pages are slow again since 9am on prod, the whole team is blocked."
    judged = assess_text("slow", body, threshold=85, category="troubleshooting", judge=_never_an_error())
    assert "error" not in judged.present


def test_a_spreadsheet_is_no_error() -> None:
    body = "Attachments: incidents.xlsx (application/vnd.ms-excel, 20 KB)\n\nsee the sheet"
    judged = assess_text("login broken", body, threshold=85, category="troubleshooting", judge=load_judge())
    assert "error" not in judged.present
