"""One faithful text of a ticket: what both analyzers, the fingerprint, the LLM prompt, the
report's map and reanalysis all read.

Fields first, as form lines ("Request type: Request access", "Approver: Lee Sujin",
"Attachments: error.png (image/png, 48 KB)"), then the description in Markdown, then the
reporter's own follow-up comments (answers to our question often arrive there). Empty fields are
left out: "Approver:" with nothing after it would read the next line as its value.
"""

from __future__ import annotations

from shared.jira.models import Ticket

ATTACHMENTS_LABEL = "Attachments"


def follow_ups(ticket: Ticket, bot_account_id: str | None) -> list[str]:
    """The reporter's own comments, oldest first. None when the issue names no reporter: a
    comment without an author is nobody's answer, and counting it would make the text change
    when nothing the reporter wrote did."""
    reporter = ticket.reporter.account_id if ticket.reporter else None
    if reporter is None or reporter == bot_account_id:
        return []
    return [c.text for c in ticket.comments if c.author_id == reporter and c.text.strip()]


def form_lines(ticket: Ticket) -> list[str]:
    """The filled fields as "Name: value" lines; a multi-line (rich text) value under its name."""
    lines = [f"Request type: {ticket.request_type}"] if ticket.request_type else []
    rich: list[str] = []
    for field in ticket.form:
        if not field.filled:
            continue
        value = field.value.strip()
        if "\n" in value:
            rich += ["", f"{field.name}:", value]
        else:
            lines.append(f"{field.name}: {value}")
    if ticket.attachments:
        lines.append(f"{ATTACHMENTS_LABEL}: " + ", ".join(a.line() for a in ticket.attachments))
    return lines + rich


def reporter_words(ticket: Ticket, bot_account_id: str | None) -> str:
    """What the reporter wrote themselves: the summary, the description, the follow-ups and the
    values typed into fields, without the site's field names (its language is the reporter's)."""
    values = [f.value for f in ticket.form if f.filled]
    return "\n".join([ticket.summary, ticket.description, *follow_ups(ticket, bot_account_id), *values])


def render_body(ticket: Ticket, bot_account_id: str | None) -> str:
    """Everything the reporter gave but the summary: fields, description, follow-ups."""
    parts = ["\n".join(form_lines(ticket)).strip(), ticket.description, *follow_ups(ticket, bot_account_id)]
    return "\n\n".join(p.strip() for p in parts if p.strip())
