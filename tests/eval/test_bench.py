"""Configurations, the CLI wiring (`python -m tools eval`) and the LLM path of the bench."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from sandbox.llm_server import FakeLLM
from shared.config import SettingsError
from tools.cli import main
from tools.eval.dataset import DatasetError, load_set
from tools.eval.export import projects_in
from tools.eval.runner import evaluate, make_config, parse_overrides
from tools.eval.worlds import WORLDS

LINE = {"id": "X-1", "language": "en", "summary": "Deploy please", "description": "",
        "gold": {"verdict": "NEEDS_INFO", "category": "deployment",
                 "missing": ["service", "version", "environment", "argocd_app"]}}  # fmt: skip


def write_set(path: Path, *lines: Mapping[str, object]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_configurations_from_settings_flags_and_overrides() -> None:
    assert make_config({}).analyzer == "rules" and make_config({}).threshold == 85
    env = {"QUALITY_THRESHOLD": "70", "OPENAI_BASE_URL": "http://127.0.0.1:1/v1"}
    assert make_config(env).analyzer == "llm" and make_config(env).threshold == 70  # auto: LLM configured
    forced = make_config(env, analyzer="rules", threshold=90)
    assert (forced.analyzer, forced.threshold) == ("rules", 90)
    other = make_config(forced.env, overrides=parse_overrides(["threshold=80"]))
    assert (other.analyzer, other.threshold) == ("rules", 80)
    assert parse_overrides(["analyzer=llm", "LLM_INPUT_TOKEN_BUDGET=900"]) == {
        "ANALYZER": "llm", "LLM_INPUT_TOKEN_BUDGET": "900"
    }  # fmt: skip
    for bad in ({"QUALITY_THRESHOLD": "high"}, {"QUALITY_THRESHOLD": "0"}, {"ANALYZER": "gpt"}):
        with pytest.raises(SettingsError):
            make_config(bad)
    with pytest.raises(SettingsError, match="KEY=VALUE"):
        parse_overrides(["80"])


def test_projects_from_the_scan_scope() -> None:
    assert projects_in("project = OPS") == ["OPS"]
    assert projects_in('project in (OPS, "INFRA") AND component = Git') == ["OPS", "INFRA"]
    assert projects_in("labels = triage") == []


def test_dataset_rejects_inconsistent_gold_and_skips_unlabelled(tmp_path: Path) -> None:
    exported = {**LINE, "id": "OPS-7", "gold": None, "bot": {"verdict": "NEEDS_INFO"}}
    dataset = load_set(write_set(tmp_path / "ok.jsonl", LINE, exported))
    assert [t.id for t in dataset.tickets] == ["X-1"] and dataset.unlabelled == 1
    wrong_item = {
        **LINE,
        "gold": {"verdict": "NEEDS_INFO", "category": "deployment", "missing": ["approver"]},
    }
    with pytest.raises(DatasetError, match=r"bad\.jsonl:1: .*approver"):
        load_set(write_set(tmp_path / "bad.jsonl", wrong_item))
    inconsistent = {
        **LINE,
        "gold": {"verdict": "HIGH_QUALITY", "category": "deployment", "missing": ["service"]},
    }
    with pytest.raises(DatasetError, match="NEEDS_INFO exactly"):
        load_set(write_set(tmp_path / "bad2.jsonl", inconsistent))
    with pytest.raises(DatasetError, match="duplicate"):
        load_set(write_set(tmp_path / "dup.jsonl", LINE, LINE))


def test_cli_compare_prints_both_configurations_and_the_tickets_that_differ(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--settings", "/nonexistent", "eval", "--analyzer", "rules", "--threshold", "85"]
    assert main([*args, "--compare", "threshold=80", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"]["threshold"] == 85 and out["compare"]["config"]["threshold"] == 80
    assert out["tickets"] >= 120 and 0 <= out["scores"]["verdict_accuracy"] <= 1
    assert out["compare"]["differ"], "a lower threshold turns some one-item-missing tickets complete"
    assert main([*args, "--compare", "QUALITY_THRESHOLD=80", "--misses"]) == 0
    text = capsys.readouterr().out
    assert (
        "Cohen's kappa" in text and "compare: A = rules@85" in text and "tickets judged differently" in text
    )
    assert "category confusion" in text and "tickets not judged exactly as labelled" in text


def test_cli_without_a_set_prints_every_open_world_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--settings", "/nonexistent", "eval", "--analyzer", "rules"]) == 0
    out = capsys.readouterr().out
    table = out[out.index("every open set side by side") :].splitlines()
    rows = {line.split("  ")[1].strip(): line for line in table[2:] if line.startswith("  ") and "%" in line}
    assert {"synthetic tuning", "real-shape A", "real writing tuning", "real writing held out B"} <= set(rows)
    sealed = [w.name for w in WORLDS if w.sealed]
    assert not set(sealed) & set(rows)
    assert ("sealed, not run" in out) == bool(sealed)
    assert "1173" in rows["synthetic tuning"] and "139" in rows["real writing tuning"]
    # Naming a set prints that set alone.
    assert main(["--settings", "/nonexistent", "eval", "--analyzer", "rules", "--set", "eval/real/tuning.jsonl"]) == 0
    assert "side by side" not in capsys.readouterr().out


def test_cli_reports_a_broken_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    assert (
        main(
            [
                "--settings",
                "/nonexistent",
                "eval",
                "--analyzer",
                "rules",
                "--set",
                str(tmp_path / "bad.jsonl"),
            ]
        )
        == 65
    )
    assert "bad.jsonl:1" in capsys.readouterr().err


async def test_llm_configuration_runs_through_the_llm_judge(tmp_path: Path, llm: FakeLLM) -> None:
    subset = write_set(tmp_path / "s.jsonl", *[json.loads(x) for x in _first_lines(6)])
    dataset = load_set(subset)
    env = {
        "ANALYZER": "llm",
        "OPENAI_BASE_URL": llm.base_url,
        "OPENAI_API_KEY": "sk-test",
        "LLM_MAX_RETRIES": "0",
    }
    run = await evaluate(make_config(env), dataset)
    assert run.config.analyzer == "llm" and llm.calls == 6 and run.fallbacks == 0
    assert all(p.assessment.analyzer == "llm" for p in run.predictions)
    rules = await evaluate(make_config({}, analyzer="rules"), dataset)
    # The fake endpoint answers with the rules' own findings: same figures through the LLM path.
    assert run.scores.verdict_accuracy == rules.scores.verdict_accuracy


def _first_lines(n: int) -> list[str]:
    from tools.eval.dataset import DEFAULT_SET

    return DEFAULT_SET.read_text(encoding="utf-8").splitlines()[:n]


def test_a_line_may_hold_the_issue_as_jira_sends_it(tmp_path: Path) -> None:
    """The real-shape sets store Jira's issue JSON: the analyzer reads it through the scan's own
    normalising and rendering (fields, ADF, attachments), and a keyless issue names its line."""
    issue = {"key": "OPS-1", "fields": {"summary": "GitLab access", "description": None,
             "customfield_10044": {"accountId": "a", "displayName": "Lee"}},
             "names": {"customfield_10044": "Approver"}}  # fmt: skip
    line = {"id": "R-1", "language": "en", "issue": issue,
            "gold": {"verdict": "NEEDS_INFO", "category": "access", "missing": ["scope", "role", "justification"]}}
    dataset = load_set(write_set(tmp_path / "shapes.jsonl", line, LINE))
    ticket = dataset.tickets[0].ticket()
    assert ticket.summary == "GitLab access" and ticket.form[0].name == "Approver" and ticket.reporter
    keyless = {**line, "issue": {"fields": {"summary": "x"}}}
    with pytest.raises(DatasetError, match=r"keyless\.jsonl:1: .*issue key"):
        load_set(write_set(tmp_path / "keyless.jsonl", keyless))
