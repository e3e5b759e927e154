"""Shared fixtures: Azurite for the session, a fresh Jira sandbox and ledger table per test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
import stamina

from sandbox.jira_server import JiraSandbox
from sandbox.llm_responder import respond
from sandbox.llm_server import FakeLLM
from sandbox.stack import Azurite, start_azurite
from shared.config import load_settings
from shared.reanalysis import Reanalysis, reanalyze
from shared.runtime import Runtime, build_runtime
from tests.factories import small_queue

BuildRuntime = Callable[..., Awaitable[Runtime]]


@pytest.fixture(scope="session", autouse=True)
def _no_backoff_waits() -> Iterator[None]:
    """stamina's testing switch: real retries, no sleeping between them."""
    with stamina.set_testing(True, attempts=4):
        yield


@pytest.fixture(scope="session")
def azurite() -> Iterator[Azurite]:
    instance = start_azurite()
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture
def jira() -> Iterator[JiraSandbox]:
    sandbox = JiraSandbox(small_queue())
    sandbox.start()
    try:
        yield sandbox
    finally:
        sandbox.stop()


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    fake = FakeLLM(respond)
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


def settings_env(azurite: Azurite, jira_url: str, **overrides: Any) -> dict[str, str]:
    env = {
        "JIRA_BASE_URL": jira_url,
        "JIRA_EMAIL": "bot@example.com",
        "JIRA_API_TOKEN": "sandbox-token",
        "JIRA_SCAN_JQL": "project = OPS",
        "ROLLOUT_MODE": "full",
        "HOLDOUT_PERCENT": "0",
        "AzureWebJobsStorage": azurite.connection_string,
        "LEDGER_TABLE": "t" + uuid.uuid4().hex[:20],
        "REPORT_CONTAINER": "r" + uuid.uuid4().hex[:20],
        "ANALYZER": "rules",
    }
    env.update({k: str(v) for k, v in overrides.items()})
    return env


@pytest.fixture
async def make_runtime(azurite: Azurite, jira: JiraSandbox) -> AsyncIterator[BuildRuntime]:
    """Build the real composition root against the sandbox and Azurite; closed after the test."""
    built: list[Runtime] = []

    async def build(**overrides: Any) -> Runtime:
        env = settings_env(azurite, jira.base_url, **overrides)
        runtime = await build_runtime(load_settings(env))
        built.append(runtime)
        return runtime

    yield build
    for runtime in built:
        await runtime.aclose()


async def operator_reanalysis(
    runtime: Runtime, key: str, *, dry_run: bool = False, clock: Callable[[], datetime] | None = None
) -> Reanalysis:
    """An operator's reanalysis of one ticket, as the HTTP face asks for it (no force, 60 s)."""
    extra = {} if clock is None else {"clock": clock}
    return await reanalyze(
        await runtime.adapters(), runtime.options, key, dry_run=dry_run, force=False, allow_force=False,
        budget_s=60, **extra,
    )  # fmt: skip
