"""bench.llm_replay: recorded answers reach the real LLM path and are scored against the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.llm_replay import main
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.llm import prompt_id

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
    assert main(["export", "--set", str(data), "--prompt", "triage-v3", "--out", str(tmp_path)]) == 0
    requests = [
        json.loads(x) for x in (tmp_path / "requests-triage-v3.jsonl").read_text("utf-8").splitlines()
    ]
    assert len(requests) == 2 and all("R-" not in r["user"] for r in requests)  # ids stay out of it
    assert "{checklists}" not in (tmp_path / "system-triage-v3.md").read_text("utf-8")
    # The access ticket answered exactly as labelled; the deploy ticket left unrecorded.
    access = next(r for r in requests if "GitLab" in r["user"])
    answers = tmp_path / "answers.jsonl"
    row = {"key": access["key"], "prompt": access["prompt"], "answer": _answer(SET[1]["gold"])}  # type: ignore[arg-type]
    answers.write_text(json.dumps(row) + "\n", "utf-8")
    capsys.readouterr()
    assert main(["run", "--set", str(data), "--prompt", "triage-v3", "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert f"eval llm@85 [{prompt_id('triage-v3')}] on" in out and "1 LLM fallbacks to rules" in out
    assert "verdict accuracy      100.0%" in out
    assert "1 request(s) had no recorded answer" in out
    # --only-recorded scores the answered ticket alone: no fallback left.
    assert main(["run", "--set", str(data), "--answers", str(answers), "--only-recorded"]) == 0
    out = capsys.readouterr().out
    assert "1 ticket(s) of" in out and ": 1 tickets" in out and "fallbacks" not in out


def test_answers_to_another_prompt_or_in_a_bad_file_are_refused_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "set.jsonl"
    data.write_text(json.dumps(SET[1]) + "\n", "utf-8")
    answer = _answer(SET[1]["gold"])  # type: ignore[arg-type]
    cases = {
        "v1.jsonl": json.dumps({"key": "k", "prompt": prompt_id("triage-v1"), "answer": answer}),
        "bad.jsonl": "{not json",
        "twice.jsonl": "\n".join(
            json.dumps({"key": "k", "prompt": prompt_id("triage-v3"), "answer": a})
            for a in (answer, {**answer, "score": 10})
        ),
    }
    expected = {"v1.jsonl": "answers prompt", "bad.jsonl": ":1: not JSON", "twice.jsonl": ":2: a second"}
    for name, text in cases.items():
        (tmp_path / name).write_text(text + "\n", "utf-8")
        assert main(["run", "--set", str(data), "--answers", str(tmp_path / name)]) == 65
        assert expected[name] in capsys.readouterr().err
    assert main(["run", "--set", str(data), "--answers", str(tmp_path / "missing.jsonl")]) == 65


def test_a_recorded_answer_outside_the_schema_is_counted_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "set.jsonl"
    data.write_text(json.dumps(SET[1]) + "\n", "utf-8")
    main(["export", "--set", str(data), "--out", str(tmp_path)])
    request = json.loads((tmp_path / "requests-triage-v3.jsonl").read_text("utf-8"))
    row = {
        "key": request["key"],
        "prompt": request["prompt"],
        "answer": {"category": "access", "verdict": "ok"},
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    capsys.readouterr()
    assert main(["run", "--set", str(data), "--answers", str(tmp_path / "a.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "0 request(s) had no recorded answer" in out and "1 recorded answer(s) break the schema" in out


def test_eval_records_the_models_answers_and_the_replay_gives_the_same_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`eval --analyzer llm --record FILE` against a deployment keeps what it answered; replaying
    the file offline scores exactly what the live run scored."""
    import argparse
    import asyncio

    from sandbox.llm_responder import respond
    from sandbox.llm_server import FakeLLM
    from shared.analysis.llm import PROMPT_VERSION
    from tools.eval.cli import run as eval_run

    data = tmp_path / "set.jsonl"
    data.write_text("".join(json.dumps(x) + "\n" for x in SET), "utf-8")
    recorded = tmp_path / "recorded.jsonl"
    with FakeLLM(respond) as live:
        env = {"OPENAI_BASE_URL": live.base_url, "OPENAI_API_KEY": live.api_key, "LLM_MAX_RETRIES": "0"}
        args = argparse.Namespace(set=data, analyzer="llm", threshold=None, compare=None, json=True, misses=False,
                                  export_disagreements=None, project=None, record=recorded)  # fmt: skip
        assert asyncio.run(eval_run(args, env)) == 0
    live_figures = json.loads(capsys.readouterr().out)["scores"]
    rows = [json.loads(line) for line in recorded.read_text("utf-8").splitlines()]
    assert len(rows) == 2 and all(r["prompt"] == prompt_id(PROMPT_VERSION) and "category" in r["answer"] for r in rows)
    from bench.llm_replay import replay_scores

    scores, unanswered = asyncio.run(replay_scores(data, PROMPT_VERSION, recorded))
    assert unanswered == 0 and scores.model_dump() == live_figures


def test_record_needs_the_llm_analyzer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    import asyncio

    from tools.eval.cli import run as eval_run

    data = tmp_path / "set.jsonl"
    data.write_text("".join(json.dumps(x) + "\n" for x in SET), "utf-8")
    args = argparse.Namespace(set=data, analyzer="rules", threshold=None, compare=None, json=False, misses=False,
                              export_disagreements=None, project=None, record=tmp_path / "r.jsonl")  # fmt: skip
    assert asyncio.run(eval_run(args, {})) == 64
    assert "--record keeps a model's answers" in capsys.readouterr().err
