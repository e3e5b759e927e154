"""No configured secret and no secret pasted into a ticket leaves the run.

One exposed run (see conftest): two scan ticks over the hostile catalogue with the LLM path on,
reanalysis and audit-trail requests over HTTP (secret-laden tickets included), health with good
and bad settings, and the monthly report. Every log line at DEBUG from every library (tracebacks
included), every prompt, comment, ledger row, HTTP answer, scan summary and rendered report is
searched.
"""

from __future__ import annotations

import pytest

from tests.security.conftest import Exposure, configured_secrets, planted_secrets

PLANTED = planted_secrets()


def test_the_capture_is_real_so_an_absence_means_something(exposed: Exposure) -> None:
    assert len(PLANTED) >= 15
    assert "scan_summary" in exposed.logs and "DEBUG" in exposed.logs
    assert "azure.core" in exposed.logs or "azure.data" in exposed.logs, "Table Storage client logged"
    assert "httpx" in exposed.logs or "httpcore" in exposed.logs, "Jira client logged"
    assert "openai" in exposed.logs, "LLM client logged"
    assert exposed.prompts.count("[REDACTED:") >= len(PLANTED) // 2, (
        "secret tickets reached the LLM, redacted"
    )
    assert exposed.report["markdown"] and exposed.report["html"] and exposed.report["json"]
    statuses = {(name, status) for name, status, _, _ in exposed.answers}
    assert ("reanalyze_ticket", 200) in statuses and ("get_ticket", 200) in statuses
    assert ("health", 200) in statuses or ("health", 503) in statuses
    assert ("get_ticket", 500) in statuses, "the misconfigured answer was exercised"


@pytest.mark.parametrize(
    "name", ["JIRA_API_TOKEN", "OPENAI_API_KEY", "storage account key", "storage connection string"]
)
def test_no_configured_secret_appears_anywhere(exposed: Exposure, name: str) -> None:
    secret = configured_secrets(exposed.run.env)[name]
    for surface, text in {**exposed.surfaces(), "prompts": exposed.prompts}.items():
        assert secret not in text, f"{name} appears in {surface}"


@pytest.mark.parametrize("secret", PLANTED, ids=[f"planted-{i}" for i in range(len(PLANTED))])
def test_no_planted_secret_leaves_its_ticket(exposed: Exposure, secret: str) -> None:
    assert secret not in exposed.prompts, "reached the LLM"
    for surface, text in exposed.surfaces().items():
        assert secret not in text, f"appears in {surface}"


def test_error_answers_never_carry_a_trace(exposed: Exposure) -> None:
    for name, status, headers, body in exposed.answers:
        if name == "health":  # a status document (200 ok, 503 degraded or misconfigured), not an error
            assert "Traceback" not in str(body) and set(body) >= {"status", "checks"}
        elif status >= 400:
            assert headers["content-type"] == "application/problem+json", (name, status)
            assert {"type", "title", "status", "detail"} <= set(body), (name, body)
            assert "Traceback" not in str(body) and 'File "' not in str(body), (name, body)
