"""The Jira sandbox with what chaos needs on top: people acting mid-request, a search that misses
fresh tickets, a client transport that cannot connect, and a record of every label a person set.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from sandbox.jira_server import Fault, JiraSandbox
from sandbox.jira_store import Json
from sandbox.jql import Query

Action = Callable[["ChaosJira"], None]


class ChaosJira(JiraSandbox):
    """`JiraSandbox` plus scheduled person actions, eventual consistency and bookkeeping."""

    def __init__(self, issues: Sequence[Json], **kwargs: Any) -> None:
        super().__init__(issues, **kwargs)
        self.person_labels: dict[str, set[str]] = {}
        for raw in issues:
            key = raw.get("key") or (raw.get("_sandbox") or {}).get("key")
            if isinstance(key, str):
                self.person_labels[key] = set(raw["fields"].get("labels") or [])
        self.person_edited: dict[str, str] = {}  # key -> the text a person gave our question
        self.fired: Counter[str] = Counter()
        self.searched: list[set[str]] = []
        self._hidden: dict[str, int] = {}
        self._actions: dict[int, list[Action]] = {}
        self._requests = 0
        self._slow = 0
        self._slow_done = threading.Condition()
        self._local = threading.local()

    # ----- schedule -----
    def at_request(self, n: int, action: Action) -> None:
        """Run `action` (a person's edit) when the `n`-th request from now arrives, before Jira acts."""
        with self._meta:
            self._actions.setdefault(self._requests + n, []).append(action)

    def hide_from_search(self, key: str, searches: int = 1) -> None:
        """Eventual consistency: the next `searches` searches do not return `key` yet."""
        with self._meta:
            self._hidden[key] = searches

    def drop_schedule(self) -> None:
        with self._meta:
            self._actions.clear()
            self._hidden.clear()
        self.clear_faults()

    def quiesce(self, timeout: float = 60.0) -> None:
        """Wait until every delayed request has been carried out (the next tick is minutes later)."""
        with self._slow_done:
            if not self._slow_done.wait_for(lambda: self._slow == 0, timeout):
                raise AssertionError("a delayed Jira request never finished")

    # ----- hooks into the sandbox -----
    def take_fault(self, route: str, key: str | None) -> Fault | None:
        with self._meta:
            self._requests += 1
            due = self._actions.pop(self._requests, [])
        for action in due:
            action(self)
            self.fired["person_action"] += 1
        fault = super().take_fault(route, key)
        if fault is not None:
            self.fired[f"jira_{fault.kind}"] += 1
        slow = fault is not None and fault.kind == "delay"
        self._local.slow = slow
        if slow:
            with self._slow_done:
                self._slow += 1
        return fault

    def rest(self, route: str, param: str, query: dict[str, list[str]], raw: bytes) -> Any:
        try:
            return super().rest(route, param, query, raw)
        finally:
            if getattr(self._local, "slow", False):
                self._local.slow = False
                with self._slow_done:
                    self._slow -= 1
                    self._slow_done.notify_all()

    def _matching(self, query: Query) -> list[str]:
        keys = super()._matching(query)
        with self._meta:
            hidden = {k for k, left in self._hidden.items() if left > 0}
            for k in hidden:
                self._hidden[k] -= 1
        shown = [k for k in keys if k not in hidden]
        self.searched.append(set(shown))
        return shown

    def person_edit_labels(
        self, key: str, add: Sequence[str] = (), remove: Sequence[str] = (), author_account_id: str = ""
    ) -> None:
        super().person_edit_labels(key, add, remove, author_account_id)
        mine = self.person_labels.setdefault(key, set())
        mine.difference_update(remove)
        mine.update(add)

    def person_edits_our_question(self, key: str, bot: str, text: str = "Edited by the assignee.") -> None:
        """A person rewrites the bot's question in the UI: from then on it must stay as they wrote it."""
        ours = [c for c in self.comments_of(key) if (c.get("author") or {}).get("accountId") == bot]
        if ours:
            self.person_edit_comment(key, str(ours[0]["id"]), text, author="assignee-7")
            self.person_edited[key] = text


class ConnectFaults(httpx.AsyncBaseTransport):
    """The Jira client's transport; scheduled requests fail to connect (nothing reaches Jira)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner
        self._due: set[int] = set()
        self._n = 0
        self.fired = 0

    def fail(self, nth: Sequence[int]) -> None:
        """Requests `self._n + i` for i in `nth` (counted from now) fail to connect."""
        self._due = {self._n + i for i in nth}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._n += 1
        if self._n in self._due:
            self.fired += 1
            kind = httpx.ConnectTimeout if self._n % 2 else httpx.ConnectError
            raise kind("chaos: could not connect", request=request)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
