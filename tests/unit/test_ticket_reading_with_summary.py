"""The rules read a ticket's body once: `read_with_summary` composes the summary line with the
body's own reading, and must read exactly what parsing the joined text would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.analysis.ticket_reading import read_ticket, read_with_summary

# Lines that change how their neighbours parse: labels whose value is on the next line, table
# rows and ADF cell pieces, fences, attachment mentions, log lines, placeholders, line breaks.
LINES = [
    "", " ", "Approver:", "Approver: Lee", "### Steps", "Steps", "VPN down", "| Field | Value |", "|---|---|",
    "| Env | prod |", " | b", " |", "a | b |", "```", "```bash", "~~~", "{code}", "ERROR foo failed",
    "2026-01-01 10:00:00 INFO x", "Attachments: a.png (image/png)", "[attachment: x.log]", "see !shot.png! here",
    "Tool: GitLab, role: Developer", "- Region: TBD", "1. Datadog - org: x", "Please help.", "\tindented",
    "koreacentral에 배포", "x" * 250, "What happened?", "# Heading", "Server: nginx", '"scope": "rg-x"',
    "Error: boom", "a\rb", "\u2028", "Summary: x: y: z: w", "@Lee", "미정", "TBD",
]
line = st.sampled_from(LINES) | st.text(alphabet="ab :|`#\n-", max_size=12)


@settings(max_examples=400, deadline=None)
@given(summary=line, body=st.lists(line, max_size=6).map("\n".join))
def test_the_summary_line_composed_with_the_body_reads_as_the_joined_text(summary: str, body: str) -> None:
    assert read_with_summary(summary, body) == read_ticket(f"{summary}\n{body}")


def test_a_short_summary_takes_its_value_from_the_body_as_the_whole_text_does() -> None:
    # A summary "Approver:" is a label whose value is the next line: the body's first line.
    doc = read_with_summary("Approver:", "Lee Minji, team lead\nPlease add me to the admins.")
    assert doc == read_ticket("Approver:\nLee Minji, team lead\nPlease add me to the admins.")
    assert (doc.fields[0].label, doc.fields[0].value) == ("approver", "Lee Minji, team lead")
