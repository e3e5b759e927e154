"""CI holds the prompt: the recorded answers of eval/replay/ are replayed through the real LLM path
(client, schema, score-to-verdict) and their figures must not fall below eval/replay/baseline.json.
A change of the prompt or of the checklist text changes the prompt id, so the recorded answers no
longer apply and this fails until they are recorded again (and hold)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.llm_replay import BASELINE, MANIFEST, AnswerFileError, check_baseline


def test_the_recorded_llm_figures_hold(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_baseline(write=False) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    replays = json.loads(MANIFEST.read_text("utf-8"))["replays"]
    assert all(f"{row['name']}:" in out for row in replays) and "missing or invalid" not in out


def test_worse_answers_fail_and_answers_to_another_prompt_are_refused(tmp_path: Path) -> None:
    """The mechanism: a recording whose figures fall is caught; one for another prompt refused."""
    root = tmp_path / "repo"
    (root / "eval" / "replay").mkdir(parents=True)
    first = json.loads(MANIFEST.read_text("utf-8"))["replays"][0]
    shutil.copy(MANIFEST.parents[2] / first["set"], root / "eval" / "holdout.jsonl")
    rows = [json.loads(line) for line in (MANIFEST.parents[2] / first["answers"]).read_text("utf-8").splitlines()]
    for row in rows[::5]:  # one answer in five turned around: every item the model saw present, missing
        answer = row["answer"]
        answer["missing"], answer["present"], answer["score"] = answer["present"], answer["missing"], 0
    (root / "eval" / "replay" / "answers.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    manifest = root / "eval" / "replay" / "manifest.json"
    row = {**first, "set": "eval/holdout.jsonl", "answers": "eval/replay/answers.jsonl"}
    manifest.write_text(json.dumps({"replays": [row]}), "utf-8")
    assert check_baseline(write=False, manifest_path=manifest, baseline_path=BASELINE) == 1
    for r in rows:
        r["prompt"] = "triage-v2.00000000"
    (root / "eval" / "replay" / "answers.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    with pytest.raises(AnswerFileError, match=r"answers prompt 'triage-v2\.00000000'"):
        check_baseline(write=False, manifest_path=manifest, baseline_path=BASELINE)
