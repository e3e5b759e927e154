"""Fault schedules (hypothesis strategies) and the driver that plays one against a world.

A schedule is a few ticks, 15 minutes apart. In each: Jira faults (statuses with and without
Retry-After, read timeouts, truncated JSON, lost responses, disconnects, refused connections,
a search that misses fresh tickets), LLM faults, Table Storage faults, people editing labels,
descriptions and comments mid-request, a second scan overlapping, a reanalysis request. Then the
faults stop, time passes, and the scan must catch up.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from shared.jira.errors import JiraError
from shared.ledger import LedgerUnavailable
from shared.reanalysis import BudgetExceeded
from shared.scan_models import ScanReport
from tests.chaos.jira import ChaosJira
from tests.chaos.stats import STATS
from tests.chaos.tables import TableFault
from tests.chaos.world import BOT, World, count_outcomes, quiet
from tests.conftest import operator_reanalysis
from tests.factories import COMPLETE_EN, INCOMPLETE_EN, INCOMPLETE_KO, issue

KEYS = ("OPS-1", "OPS-2", "OPS-3", "OPS-4", "OPS-7")
PILOT = ("OPS-2", "OPS-3", "OPS-100")
PERSON_LABELS = ("urgent", "customer-impact", "team:platform", "p1", "보안", "sec/ops")
SETTLE_TICKS = 6


def base_queue() -> list[dict[str, Any]]:
    """Two complete and three incomplete tickets (two with people's labels), one keyless, one done."""
    keyless = issue(9, *INCOMPLETE_EN)
    keyless["_sandbox"] = {"quirk": "no_key"}
    return [
        issue(1, *COMPLETE_EN, labels=["urgent"]),
        issue(2, *INCOMPLETE_EN, labels=["backend", "security"]),
        issue(3, *INCOMPLETE_KO),
        issue(4, "Deploy order-service v1.4.2 to stg", "Service: order-service", "Version: v1.4.2",
              "Environment: stg", "ArgoCD app: order-service-stg"),
        issue(7, *INCOMPLETE_EN, description=None),
        keyless,
        issue(10, *INCOMPLETE_EN, status="done"),
    ]  # fmt: skip


@dataclass(frozen=True)
class JiraFault:
    route: str
    kind: str
    status: int | None = None
    retry_after: float | None = None
    key: str | None = None
    times: int = 1


@dataclass(frozen=True)
class LLMFault:
    kind: str
    status: int = 500
    retry_after: float | None = None
    times: int = 1


@dataclass(frozen=True)
class PersonAction:
    at_request: int
    action: str
    key: str
    label: str = ""


@dataclass(frozen=True)
class Tick:
    jira: tuple[JiraFault, ...] = ()
    connect: tuple[int, ...] = ()
    llm: tuple[LLMFault, ...] = ()
    table: tuple[TableFault, ...] = ()
    people: tuple[PersonAction, ...] = ()
    new_ticket: bool = False
    overlap: bool = False
    reanalyze: str | None = None


@dataclass(frozen=True)
class Schedule:
    mode: str
    use_llm: bool
    holdout: int
    ticks: tuple[Tick, ...]
    answers: tuple[str, ...]  # reporters who answer our question once the faults are over


_keys = st.sampled_from(KEYS)
_jira_fault = st.one_of(
    st.builds(
        JiraFault,
        route=st.sampled_from(
            ["POST /search/jql", "POST /comment", "PUT /issue", "GET /comment", "PUT /comment"]
        ),
        kind=st.just("status"),
        status=st.sampled_from([429, 500, 502, 503, 504]),
        retry_after=st.sampled_from([None, 0.0, 1.0]),
        key=st.none() | _keys,
        times=st.integers(1, 5),
    ),
    st.builds(
        JiraFault,
        route=st.sampled_from(["POST /comment", "PUT /issue"]),
        kind=st.just("status"),
        status=st.sampled_from([400, 401, 404]),
        key=_keys,
        times=st.integers(1, 8),
    ),
    st.builds(
        JiraFault,
        route=st.sampled_from(
            ["POST /search/jql", "POST /comment", "PUT /issue", "GET /comment", "GET /issue", "PUT /comment"]
        ),
        kind=st.sampled_from(["malformed", "lost_response", "disconnect", "delay"]),
        key=st.none() | _keys,
        times=st.integers(1, 2),
    ),
)
_llm_fault = st.one_of(
    st.builds(LLMFault, kind=st.just("status"), status=st.sampled_from([429, 500, 503]),
              retry_after=st.sampled_from([None, 1.0]), times=st.integers(1, 4)),
    st.builds(LLMFault, kind=st.sampled_from(["timeout", "invalid_json", "schema_violation", "refusal",
                                              "truncated"]), times=st.integers(1, 2)),
)  # fmt: skip
_table_fault = st.one_of(
    st.builds(
        TableFault,
        op=st.sampled_from(["read", "insert", "replace", "upsert", "merge"]),
        nth=st.integers(0, 12),
        kind=st.sampled_from(["status", "connect", "lost_response"]),
        status=st.sampled_from([500, 503]),
        times=st.integers(1, 5),
    ),
    st.builds(TableFault, op=st.just("replace"), nth=st.integers(0, 12), kind=st.just("etag_conflict")),
)
_person = st.builds(
    PersonAction,
    at_request=st.integers(1, 40),
    action=st.sampled_from(
        [
            "label_add",
            "label_remove",
            "describe_complete",
            "describe_vague",
            "reporter_answers",
            "comment",
            "reporter_answers_part",
            "edit_our_question",
        ]
    ),
    key=_keys,
    label=st.sampled_from(PERSON_LABELS),
)
_tick = st.builds(
    Tick,
    jira=st.lists(_jira_fault, max_size=4).map(tuple),
    connect=st.lists(st.integers(1, 30), max_size=2).map(tuple),
    llm=st.lists(_llm_fault, max_size=3).map(tuple),
    table=st.lists(_table_fault, max_size=3).map(tuple),
    people=st.lists(_person, max_size=3).map(tuple),
    new_ticket=st.booleans(),
    overlap=st.booleans(),
    reanalyze=st.none() | _keys,
)
schedules = st.builds(
    Schedule,
    mode=st.sampled_from(["full", "full", "full", "pilot", "shadow"]),
    use_llm=st.booleans(),
    holdout=st.sampled_from([0, 0, 30]),
    ticks=st.lists(_tick, min_size=1, max_size=4).map(tuple),
    answers=st.lists(_keys, max_size=2, unique=True).map(tuple),
)


def person_action(step: PersonAction) -> Any:
    """What a person does to a ticket, to be run by the sandbox mid-request."""

    def act(jira: ChaosJira) -> None:
        key = step.key
        if step.action == "label_add":
            jira.person_edit_labels(key, add=[step.label])
        elif step.action == "label_remove":
            present = sorted(jira.person_labels.get(key, set()))
            if present:
                jira.person_edit_labels(key, remove=[present[0]])
        elif step.action == "describe_complete":
            jira.person_edit_description(key, "\n".join(COMPLETE_EN[1:]))
        elif step.action == "describe_vague":
            jira.person_edit_description(key, "Please help, it does not work.")
        elif step.action == "reporter_answers":
            jira.person_comment(key, "Tool: GitLab, group platform/payments, role Developer. "
                                     "Reason: new team member. Approved by: Lee (team lead)")  # fmt: skip
        elif step.action == "reporter_answers_part":
            jira.person_comment(key, "Role: Developer")  # our question is then kept current in place
        elif step.action == "edit_our_question":
            jira.person_edits_our_question(key, BOT)
        else:
            jira.person_comment(key, "Looking into it.", author="assignee-7")

    return act


async def play(world: World, schedule: Schedule) -> list[ScanReport]:
    """Run the schedule's ticks, then fault-free ticks until the scan has caught up."""
    main = await world.process()
    other = await world.process()
    reports: list[ScanReport] = []
    new_n = 100
    for tick in schedule.ticks:
        if tick.new_ticket:
            world.jira.add_issue(issue(new_n, *INCOMPLETE_EN, age_hours=0.01))
            world.jira.hide_from_search(f"OPS-{new_n}")
            world.eligible.add(f"OPS-{new_n}")
            new_n += 1
        arm(world, main, tick)
        searched_before = len(world.jira.searched)
        llm_before = world.llm.calls if world.llm else 0
        work: list[Any] = [world.scan(main)]
        if tick.overlap:
            work.append(world.scan(other))
        if tick.reanalyze:
            work.append(_reanalyze(world, other, tick.reanalyze))
        done = await asyncio.gather(*work)
        world.jira.quiesce()
        tick_reports = [r for r in done if isinstance(r, ScanReport)]
        reports.extend(tick_reports)
        _count(world, main, tick, llm_before)
        world.jira.drop_schedule()
        if world.llm:
            world.llm.clear_faults()
        single = not tick.overlap and not tick.reanalyze
        await world.check_always(tick_reports, world.jira.searched[searched_before:], single)
        world.clock.advance(15)
    main.plan.faults.clear()
    for key in schedule.answers:
        world.jira.person_comment(key, "Tool: GitLab, group platform/payments, role Developer. "
                                       "Reason: new team member. Approved by: Lee (team lead)")  # fmt: skip
        STATS["step:person_action"] += 1
    for _ in range(SETTLE_TICKS):
        world.clock.advance(16)  # past any lease a killed or failed run left
        report = await world.scan(main)
        reports.append(report)
        STATS["step:tick"] += 1
        await world.check_always([report], [], single=False)
        if quiet(report):
            break
    else:
        raise AssertionError(f"the scan did not settle in {SETTLE_TICKS} fault-free ticks")
    for name, n in count_outcomes(reports).items():
        STATS[f"outcome:{name}"] += n
    return reports


def arm(world: World, proc: Any, tick: Tick) -> None:
    timeout = float(world.env["JIRA_TIMEOUT_SECONDS"])
    for f in tick.jira:
        delay = timeout * 1.6 if f.kind == "delay" else 0.0
        world.jira.add_fault(f.route, f.kind, times=f.times, status=f.status, retry_after=f.retry_after,
                             delay=delay, key=f.key)  # fmt: skip
    for p in tick.people:
        world.jira.at_request(p.at_request, person_action(p))
    proc.connect.fail(tick.connect)
    proc.plan.faults[:] = list(tick.table)
    proc.plan.seen.clear()
    if world.llm is not None:
        for lf in tick.llm:
            world.llm.add_fault(lf.kind, times=lf.times, status=lf.status, retry_after=lf.retry_after,  # type: ignore[arg-type]
                                delay=1.0 if lf.kind == "timeout" else 0.0)  # fmt: skip


async def _reanalyze(world: World, proc: Any, key: str) -> None:
    """An operator's POST /tickets/{key}/reanalyze during the scan; its answers are HTTP problems."""
    STATS["step:reanalysis"] += 1
    try:
        await operator_reanalysis(proc.runtime, key, clock=world.clock)
    except (JiraError, LedgerUnavailable, BudgetExceeded):
        STATS["reanalysis:problem"] += 1


def _count(world: World, proc: Any, tick: Tick, llm_before: int) -> None:
    STATS["step:tick"] += 1 + tick.overlap
    for name, n in world.jira.fired.items():
        STATS[f"step:{name}"] += n
    world.jira.fired.clear()
    STATS["step:jira_connect_refused"] += proc.connect.fired
    proc.connect.fired = 0
    for name, n in proc.plan.fired.items():
        STATS[f"step:table_{name}"] += n
    proc.plan.fired.clear()
    if world.llm is not None:
        calls = world.llm.calls - llm_before
        STATS["step:llm_fault"] += min(calls, sum(f.times for f in tick.llm))


# Every fault kind at least once, whatever the generated schedules happen to draw.
EVERY_KIND = Schedule(
    mode="full",
    use_llm=True,
    holdout=30,
    ticks=(
        Tick(
            jira=(
                JiraFault("POST /comment", "lost_response"),
                JiraFault("PUT /issue", "malformed"),
                JiraFault("POST /search/jql", "status", status=429, retry_after=1.0),
                JiraFault("GET /comment", "disconnect"),
                JiraFault("POST /comment", "delay", key="OPS-3"),
                JiraFault("PUT /issue", "status", status=503, times=5, key="OPS-7"),
            ),
            connect=(3,),
            llm=(
                LLMFault("invalid_json"),
                LLMFault("refusal"),
                LLMFault("timeout"),
                LLMFault("status", status=429, retry_after=1.0),
                LLMFault("schema_violation"),
                LLMFault("truncated"),
            ),
            table=(
                TableFault("insert", 0, "lost_response"),
                TableFault("replace", 2, "etag_conflict"),
                TableFault("read", 0, "status", status=503),
                TableFault("upsert", 0, "connect"),
            ),
            people=(
                PersonAction(5, "label_add", "OPS-2", "customer-impact"),
                PersonAction(12, "describe_vague", "OPS-1"),
                PersonAction(20, "reporter_answers", "OPS-3"),
            ),
            new_ticket=True,
            overlap=True,
            reanalyze="OPS-2",
        ),
        Tick(
            table=(TableFault("replace", 0, "status", status=503, times=5),),
            people=(PersonAction(3, "label_remove", "OPS-2"),),
        ),
    ),
    answers=("OPS-2",),
)
