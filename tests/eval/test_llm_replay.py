"""bench.llm_replay: recorded answers reach the real LLM path and are scored against the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.llm_replay import main
from shared.analysis.checklists import CHECKLISTS

SET = [
    {"id": "R-1", "language": "en", "summary": "Deploy please", "description": "",
     "gold": {"verdict": "NEEDS_INFO", "category": "deployment",
              "missing": ["service", "version", "environment", "argocd_app"]}},
    {"id": "R-2", "language": "en", "summary": "GitLab Developer on payments/api",
     "description": "I joined payments this week to work on refunds. Approved by Mina (lead).",
     "gold": {"verdict": "HIGH_QUALITY", "category": "access", "missing": []}},
]  # fmt: skip


def _answer(gold: dict[str, object]) -> dict[str, object]:
    category = str(gold["category"])
    missing = list(gold["missing"])  # type: ignore[call-overload]
    items = [i.id for i in CHECKLISTS[category]]  # type: ignore[index]
    present = [i for i in items if i not in missing]
    return {"category": category, "language": "en", "score": round(100 * len(present) / len(items)),
            "present": present, "missing": missing, "rationale": "recorded for the test"}  # fmt: skip


def test_recorded_answers_are_scored_and_an_unrecorded_request_falls_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "set.jsonl"
    data.write_text("".join(json.dumps(x) + "\n" for x in SET), "utf-8")
    assert main(["export", "--set", str(data), "--prompt", "triage-v2", "--out", str(tmp_path)]) == 0
    requests = [
        json.loads(x) for x in (tmp_path / "requests-triage-v2.jsonl").read_text("utf-8").splitlines()
    ]
    assert len(requests) == 2 and all("R-" not in r["user"] for r in requests)  # ids stay out of it
    assert "{checklists}" not in (tmp_path / "system-triage-v2.md").read_text("utf-8")
    # The access ticket answered exactly as labelled; the deploy ticket left unrecorded.
    access = next(r for r in requests if "GitLab" in r["user"])
    answers = tmp_path / "answers.jsonl"
    answers.write_text(json.dumps({"key": access["key"], "answer": _answer(SET[1]["gold"])}) + "\n", "utf-8")  # type: ignore[arg-type]
    capsys.readouterr()
    assert main(["run", "--set", str(data), "--prompt", "triage-v2", "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "eval llm@85 [triage-v2] on" in out and "1 LLM fallbacks to rules" in out
    assert "verdict accuracy      100.0%" in out
    assert "1 request(s) had no recorded answer" in out
    # --only-recorded scores the answered ticket alone: no fallback left.
    assert main(["run", "--set", str(data), "--answers", str(answers), "--only-recorded"]) == 0
    out = capsys.readouterr().out
    assert "1 ticket(s) of" in out and ": 1 tickets" in out and "fallbacks" not in out
