"""Our one question on a ticket, through the Jira adapter: asked once, found again by its marker,
and kept current in place as the reporter answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from shared.analysis.comment import MARKER_KEY, comment_properties, has_marker, needs_info_comment
from shared.analysis.models import Assessment
from shared.analysis.question_progress import kept_current, progress
from shared.jira.client import JiraClient
from shared.jira.errors import WriteOutcomeUnknown
from shared.jira.models import Ticket, parse_comments
from shared.lifecycle.policy import question_update
from shared.lifecycle.record import LedgerRecord


@dataclass(frozen=True)
class Question:
    jira: JiraClient
    bot_account_id: str | None
    mention_reporter: bool
    internal: bool

    def _reporter(self, ticket: Ticket) -> str | None:
        return ticket.reporter.account_id if ticket.reporter and self.mention_reporter else None

    async def ask_once(
        self, ticket: Ticket, assessment: Assessment, fp: str, link: str | None = None
    ) -> str | None:
        """Post the question; an uncertain answer is settled in this run where Jira's answer
        allows (see `WriteOutcomeUnknown.known`): posted but unreadable, the question is there
        (its id looked up); turned away (503), a look and one more try; anything else, a look,
        and if the question is not there yet only a later run (its marker looked for first) may
        ask again: it may still land."""
        body = needs_info_comment(assessment, self._reporter(ticket), link)
        props = comment_properties(assessment, fp, internal=self.internal, link=link)
        for attempt in (1, 2):
            try:
                posted = await self.jira.post_comment(ticket.key, body, props)
                return str(posted.get("id")) if posted.get("id") is not None else None
            except WriteOutcomeUnknown as exc:
                found = await self.find(ticket.key)
                if found is not None or exc.known == "done":
                    return found[0] if found else None
                if exc.known != "refused" or attempt == 2:
                    break
        raise WriteOutcomeUnknown("comment could not be confirmed; will check again next run")

    async def find(self, key: str) -> tuple[str, tuple[str, ...], str | None] | None:
        """Our question on the ticket (found by its marker): its id, the items it asked for and
        the faster path it offered."""
        existing = [c for c in await self.jira.list_comments(key) if has_marker(c)]
        if not existing:
            return None
        props = existing[0].get("properties") or []
        marker = next(p for p in props if isinstance(p, dict) and p.get("key") == MARKER_KEY)
        value = marker.get("value")
        missing = value.get("missing") if isinstance(value, dict) else None
        items = tuple(x for x in missing if isinstance(x, str)) if isinstance(missing, list) else ()
        link = value.get("link") if isinstance(value, dict) else None
        return str(existing[0].get("id")), items, link if isinstance(link, str) else None

    async def keep_current(
        self, ticket: Ticket, assessment: Assessment, record: LedgerRecord
    ) -> tuple[Literal["edit", "left to a person", "no change"], tuple[str, ...]]:
        """Edit our question in place when the items it shows as missing changed (see
        `question_update`: never over a person's edit, never when nothing changed). Who last
        edited it is read again just before the edit: the search's copy may be minutes old.
        Returns what was done and the asked items still missing."""
        ours = next((c for c in ticket.comments if c.id == record.comment_id), None)
        still = progress(assessment, record.items("asked"))[0]
        if not still and assessment.verdict == "NEEDS_INFO":
            return "no change", still  # what it lacks now is not what we asked (another category)
        decision = question_update(record, still, ours.updated_by if ours else None, self.bot_account_id)
        if decision == "edit" and record.comment_id is not None:
            now = await self.jira.get_comment(ticket.key, record.comment_id)
            editor = parse_comments([now])[0].updated_by if now.get("id") is not None else None
            decision = question_update(record, still, editor, self.bot_account_id)
        if decision == "edit" and record.comment_id is not None:
            body = kept_current(
                assessment, record.items("asked"), self._reporter(ticket), record.deflection_link
            )
            await self.jira.edit_comment(ticket.key, record.comment_id, body)
        return decision, still
