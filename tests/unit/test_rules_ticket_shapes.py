"""What the rules read from a ticket's shape as the one rendering gives it: attached files, the
names request forms give their fields, and Jira's generic words for a ticket.

Every test of a new reading fails on rules-2026.11.16; the near misses (a PDF is no error, a bug *in*
something is still a problem report) hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.factories import unanswered

PROBLEM = (
    "Pods of order-service in the stg cluster crash since 09:30 today; the whole QA team is blocked.\n"
    "Steps: 1) deploy main 2) open the app"
)


@pytest.mark.parametrize(
    "attached",
    [
        "Attachments: error.png (image/png, 48 KB)",
        "Attachments: deploy-failure.log (text/plain, 3 KB), notes.xlsx (application/vnd.ms-excel, 9 KB)",
        "첨부 파일: 오류화면.PNG",
        "[attachment: screenshot-2026-11-20.jpg]",
        "[attachment]",
    ],
)
def test_an_attached_screenshot_or_log_answers_the_error(attached: str) -> None:
    assert "error" in unanswered("Pods crash", PROBLEM)
    assert "error" not in unanswered("Pods crash", f"{attached}\n\n{PROBLEM}")


def test_an_attached_document_is_no_error_message() -> None:
    attached = "Attachments: runbook.pdf (application/pdf, 1.2 MB), plan.xlsx (application/vnd.ms-excel, 9 KB)"
    assert "error" in unanswered("Pods crash", f"{attached}\n\n{PROBLEM}")


def test_an_attachment_answers_nothing_but_the_error() -> None:
    """A file name says nothing about what, where or when: "prod-api-error-since-monday.png"."""
    body = "Attachments: prod-api-outage-since-monday-all-users.png (image/png, 80 KB)\n\nplease check"
    missing = unanswered("help", body, "troubleshooting")
    assert {"where", "when", "impact"} <= missing
    assert "error" not in missing


@pytest.mark.parametrize(
    ("category", "item", "line"),
    [
        ("access", "scope", "Access scope: team-7"),
        ("cloud_resource", "environment", "Target environment: blue"),
        ("cloud_resource", "resource_spec", "Resource type and size: medium"),
        ("cloud_resource", "resource_spec", "VM size: medium"),
        ("troubleshooting", "when", "When did it start?: after lunch"),
        ("deployment", "environment", "Target environment: blue"),
    ],
)
def test_request_form_field_names_answer_their_item(category: str, item: str, line: str) -> None:
    assert item not in unanswered("Request", line, category)  # type: ignore[arg-type]
    label = line.split(":", 1)[0]
    assert item in unanswered("Request", f"{label}: TBD", category)  # type: ignore[arg-type]


@pytest.mark.parametrize("summary", ["My first example issue", "Example bug report", "New issue"])
def test_jiras_word_for_a_ticket_is_not_a_problem_report(summary: str) -> None:
    assert classify(summary, "") == "other"


@pytest.mark.parametrize(
    "summary", ["Bug in the login page", "Issues with VPN since Monday", "There is an issue with the pipeline"]
)
def test_a_bug_or_an_issue_in_something_still_is(summary: str) -> None:
    assert classify(summary, "") == "troubleshooting"
