"""`function_app.py` as the Functions host indexes it, and the timer called as the host would."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from azure.functions.timer import TimerRequest

import shared.runtime
from sandbox.jira_server import JiraSandbox
from sandbox.stack import Azurite
from shared.analysis.comment import MARKER_KEY
from tests.conftest import settings_env
from tests.functions.conftest import functions


def test_scan_timer_is_indexed_with_the_schedule_setting_and_monitor() -> None:
    scan = functions()["scan_timer"]
    binding = json.loads(scan.get_function_json())["bindings"][0]
    assert binding["type"] == "timerTrigger"
    assert binding["schedule"] == "%SCAN_SCHEDULE%"
    assert binding["useMonitor"] is True and binding["runOnStartup"] is False


@pytest.fixture
def app_env(azurite: Azurite, jira: JiraSandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in settings_env(azurite, jira.base_url).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(shared.runtime, "_runtime", None)
    yield
    monkeypatch.setattr(shared.runtime, "_runtime", None)


async def test_timer_runs_one_scan_tick_and_logs_the_summary(
    app_env: None, jira: JiraSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    user_function = functions()["scan_timer"].get_user_function()
    caplog.set_level("INFO", logger="triage")
    await user_function(TimerRequest(past_due=True))
    runtime = shared.runtime._runtime
    assert runtime is not None
    try:
        summary = [r for r in caplog.records if r.getMessage().startswith("scan_summary ")]
        assert len(summary) == 1
        fields = json.loads(summary[0].getMessage().removeprefix("scan_summary "))
        assert fields["outcomes_analyzed"] == 8 and fields["mode"] == "full"
        assert any(
            p.get("key") == MARKER_KEY for c in jira.comments_of("OPS-2") for p in c.get("properties", [])
        )
        assert "sandbox-token" not in caplog.text
    finally:
        await runtime.aclose()


async def test_the_timer_waits_for_the_telemetry_flush_off_the_event_loop(
    app_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flush may wait up to 5 s for the exporter: not on the loop other invocations share."""
    import threading

    import shared.telemetry

    flushed_on: list[int] = []
    monkeypatch.setattr(shared.telemetry, "flush_telemetry", lambda: flushed_on.append(threading.get_ident()))
    await functions()["scan_timer"].get_user_function()(TimerRequest())
    runtime = shared.runtime._runtime
    assert runtime is not None
    await runtime.aclose()
    assert len(flushed_on) == 1 and flushed_on[0] != threading.get_ident()


async def test_timer_fails_loudly_when_the_token_is_rejected(
    app_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIRA_API_TOKEN", "revoked")
    user_function = functions()["scan_timer"].get_user_function()
    with pytest.raises(Exception, match="token rejected") as info:
        await user_function(TimerRequest())
    assert "revoked" not in str(info.value)
    runtime = shared.runtime._runtime
    if runtime is not None:
        await runtime.aclose()


def test_indexing_the_app_does_not_import_openai_or_the_adapters() -> None:
    """Cold start is mostly imports: the use case, `openai` and telemetry export load on first use."""
    import subprocess
    import sys

    # azure.durable_functions itself imports opentelemetry's API; the SDK and the exporter stay out.
    lazy = (
        "openai", "shared.runtime", "azure.data.tables",
        "opentelemetry.sdk", "opentelemetry._logs", "azure.monitor.opentelemetry.exporter",
    )  # fmt: skip
    code = f"import sys, function_app; print(sorted(m for m in {lazy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip() == "[]"
