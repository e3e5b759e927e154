"""One chaos world: the Jira sandbox, a fake LLM, a ledger table, a clock; and the invariants.

The invariants are the team's promises, checked against Jira and the ledger themselves (never
against what the scan says it did):

1. no ticket carries more than one comment by the bot, and each carries our marker;
2. no label a person set is gone;
3. nothing is written to Jira outside the rollout mode's scope;
4. the ledger never claims a question that is not on the ticket, and every question on a ticket
   has a ledger row (the intent is written before posting);
5. a tick that did not stop early has a result for every ticket its search returned;
6. at the end (faults gone, time passed): every eligible ticket is analyzed (ledger `done`, its
   fingerprint the ticket's current one, Jira labels as the verdict says, the question there
   exactly when the ledger says so) or parked with a reason; unreadable ones are recorded.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
from azure.data.tables.aio import TableClient

from sandbox.jira_store import Json
from sandbox.llm_server import FakeLLM
from sandbox.stack import Azurite
from shared.analysis.comment import has_marker
from shared.config import load_settings
from shared.jira.client import JiraClient
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS, Ticket, normalise_issue, parse_comments
from shared.ledger import Ledger
from shared.lifecycle.claims import fingerprint
from shared.lifecycle.policy import in_holdout
from shared.lifecycle.record import LedgerRecord
from shared.runtime import Runtime, build_runtime
from shared.scan import Adapters, run_scan
from shared.scan_models import ScanReport
from tests.chaos.jira import ChaosJira, ConnectFaults
from tests.chaos.tables import CannedTableErrors, TablePlan, faulty_ledger
from tests.conftest import settings_env

OURS = ("AI_ANALYZED", "HIGH_QUALITY", "NEEDS_INFO")
BOT = "bot-ai-triage"


class Clock:
    """The time every party sees (scan, leases, Jira's `updated`, JQL windows); moved by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@dataclass
class Process:
    """One worker's adapters (a Functions worker keeps them across ticks)."""

    runtime: Runtime
    plan: TablePlan
    connect: ConnectFaults
    meddler: TableClient


@dataclass
class World:
    azurite: Azurite
    canned: CannedTableErrors
    jira: ChaosJira
    llm: FakeLLM | None
    clock: Clock
    env: dict[str, str]
    eligible: set[str]
    pilot: set[str] = field(default_factory=set)
    rejected_refs: set[str] = field(default_factory=set)
    processes: list[Process] = field(default_factory=list)

    @classmethod
    def create(
        cls,
        azurite: Azurite,
        canned: CannedTableErrors,
        issues: list[Json],
        *,
        use_llm: bool = False,
        **settings: str,
    ) -> World:
        clock = Clock()
        jira = ChaosJira(issues, now=clock)
        jira.start()
        llm = None
        extra: dict[str, str] = {}
        if use_llm:
            from sandbox.llm_responder import respond

            llm = FakeLLM(respond)
            extra = {
                "ANALYZER": "llm",
                "OPENAI_BASE_URL": llm.start(),
                "OPENAI_API_KEY": "sk-test",
                "LLM_MAX_RETRIES": "0",
                "LLM_TIMEOUT_SECONDS": "0.5",
            }
        env = settings_env(
            azurite,
            jira.base_url,
            LEDGER_TABLE="chaos" + uuid.uuid4().hex[:16],
            JIRA_TIMEOUT_SECONDS="0.5",
            MAX_ATTEMPTS="3",
            **{**extra, **settings},
        )
        eligible = {
            str(raw["key"])
            for raw in issues
            if raw["fields"]["status"]["statusCategory"]["key"] != "done"
            and (raw.get("_sandbox") or {}).get("quirk") != "no_key"
        }
        rejected = {
            f"id:{raw['id']}" for raw in issues if (raw.get("_sandbox") or {}).get("quirk") == "no_key"
        }
        return cls(azurite, canned, jira, llm, clock, env, eligible, rejected_refs=rejected)

    @property
    def mode(self) -> str:
        return self.env["ROLLOUT_MODE"]

    async def process(self) -> Process:
        """Build the composition root as a worker does, with fault injection around its clients."""
        settings = load_settings(self.env)
        runtime = await build_runtime(settings)
        await runtime.ledger.aclose()
        plan = TablePlan()
        ledger, meddler = faulty_ledger(
            self.azurite.connection_string, settings.LEDGER_TABLE, plan, self.canned
        )
        runtime.ledger = ledger
        await runtime.jira.aclose()
        connect = ConnectFaults(httpx.AsyncHTTPTransport())
        timeout = settings.JIRA_TIMEOUT_SECONDS
        assert settings.JIRA_API_TOKEN is not None
        runtime.jira = JiraClient(
            httpx.AsyncClient(
                base_url=str(settings.JIRA_BASE_URL).rstrip("/"),
                auth=httpx.BasicAuth(settings.JIRA_EMAIL, settings.JIRA_API_TOKEN.get_secret_value()),
                timeout=httpx.Timeout(timeout, connect=timeout),
                headers={"Accept": "application/json"},
                transport=connect,
            ),
            max_attempts=settings.JIRA_MAX_ATTEMPTS,
        )
        runtime.bot_account_id = BOT
        proc = Process(runtime, plan, connect, meddler)
        self.processes.append(proc)
        return proc

    async def scan(self, proc: Process) -> ScanReport:
        r = proc.runtime
        return await run_scan(Adapters(r.jira, r.ledger, r.analyzer, BOT), r.options, clock=self.clock)

    async def close(self) -> None:
        for proc in self.processes:
            await proc.runtime.aclose()
            await proc.meddler.close()
        self.jira.stop()
        if self.llm is not None:
            self.llm.stop()

    # ----- reading the truth -----
    def ticket(self, key: str) -> Ticket:
        raw = self.jira.get_issue(key, ",".join(SCAN_FIELDS), SCAN_EXPAND)  # as the scan reads it
        ticket = normalise_issue(raw)
        assert isinstance(ticket, Ticket), key
        return ticket

    def labels(self, key: str) -> set[str]:
        return set(self.jira.get_raw(key)["fields"].get("labels") or [])

    def bot_comments(self, key: str) -> list[Json]:
        return [c for c in self.jira.comments_of(key) if (c.get("author") or {}).get("accountId") == BOT]

    def writes_allowed(self, key: str) -> bool:
        return self.mode == "full" or (self.mode == "pilot" and key in self.pilot)

    async def record(self, key: str) -> LedgerRecord | None:
        """The ledger row as Table Storage holds it (read without faults)."""
        found = await Ledger(self.processes[0].meddler).read(key)
        return found[0] if found else None

    async def held_by_a_run(self) -> set[str]:
        """Tickets whose rows a run holds (claimed or about to ask, with a lease)."""
        held = set()
        for key in self.all_keys():
            record = await self.record(key)
            if record is not None and record.lease_owner and record.state in ("claimed", "commenting"):
                held.add(key)
        return held

    def all_keys(self) -> Iterator[str]:
        yield from sorted(self.eligible)

    # ----- invariants -----
    async def check_always(self, reports: list[ScanReport], searched: list[set[str]], single: bool) -> None:
        """What must hold after every tick, whatever failed during it."""
        for key in self.all_keys():
            comments = self.bot_comments(key)
            assert len(comments) <= 1, f"{key}: {len(comments)} questions from the bot"
            assert all(has_marker(c) for c in comments), f"{key}: a bot comment without our marker"
            edited = self.jira.person_edited.get(key)
            if edited is not None and comments:
                shown = parse_comments(comments)[0].text
                assert shown == edited, f"{key}: the bot overwrote a person's edit of its question: {shown!r}"
            lost = self.jira.person_labels.get(key, set()) - self.labels(key)
            assert not lost, f"{key}: labels a person set are gone: {sorted(lost)}"
            if not self.writes_allowed(key):
                assert not comments and not (self.labels(key) & set(OURS)), f"{key}: written outside scope"
            record = await self.record(key)
            if record is not None and record.commented:
                assert comments, f"{key}: the ledger says we asked, Jira has no question"
                assert record.comment_id in (None, str(comments[0]["id"])), key
            if comments:
                assert record is not None, f"{key}: a question on the ticket and no ledger row"
        if single:
            for report in reports:
                if report.stopped_early is None:
                    seen = {r.key for r in report.results}
                    missing = set().union(*searched) & self.eligible - seen if searched else set()
                    assert not missing, f"tick {report.run_id} dropped {sorted(missing)} without a result"

    async def check_settled(self) -> dict[str, str]:
        """What must hold once faults are gone and the scan has caught up. Returns key -> state."""
        states: dict[str, str] = {}
        for key in self.all_keys():
            record = await self.record(key)
            assert record is not None, f"{key}: eligible and never recorded"
            states[key] = record.state
            comments = self.bot_comments(key)
            assert record.state in ("done", "poisoned"), (
                f"{key}: left {record.state} ({record.last_error}); labels {sorted(self.labels(key))}; "
                f"history {[(d.outcome, d.reason[:60]) for d in record.history[-4:]]}"
            )
            if record.state == "poisoned":
                assert record.last_error, f"{key}: parked without a reason"
                continue
            ticket = self.ticket(key)
            analyzer = self.processes[0].runtime.analyzer
            assert record.fingerprint == fingerprint(ticket, analyzer.version, BOT), (
                f"{key}: the ledger's verdict is for an older version of the ticket"
            )
            labels = self.labels(key)
            if self.writes_allowed(key):
                verdict, other = record.verdict, ({*OURS[1:]} - {record.verdict or ""})
                assert {"AI_ANALYZED", verdict} <= labels, f"{key}: ledger {verdict}, Jira {sorted(labels)}"
                assert not (labels & other), f"{key}: ledger {verdict}, Jira {sorted(labels)}"
                assert record.commented == bool(comments), f"{key}: ledger commented={record.commented}"
                asked_expected = (
                    verdict == "NEEDS_INFO"
                    and not in_holdout(key, int(self.env.get("HOLDOUT_PERCENT", "0")))
                    and "nothing specific" not in record.history[-1].reason
                )
                if asked_expected:
                    assert comments, f"{key}: NEEDS_INFO in scope and never asked"
            else:
                assert not (labels & set(OURS)) and not comments, f"{key}: written outside scope"
        client = self.processes[0].meddler
        for ref in self.rejected_refs:
            entity = await client.get_entity("_rejected", ref)
            assert entity.get("reason"), f"{ref}: unreadable issue recorded without a reason"
        return states


def count_outcomes(reports: list[ScanReport]) -> dict[str, int]:
    out: dict[str, int] = {}
    for report in reports:
        for name, n in report.outcomes.items():
            out[name] = out.get(name, 0) + n
    return out


def quiet(report: ScanReport) -> bool:
    """Nothing left to do: every ticket unchanged, parked or unreadable."""
    return report.stopped_early is None and set(report.outcomes) <= {"unchanged", "parked", "rejected"}
