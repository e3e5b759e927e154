"""Record and replay a model's answers to the triage prompt, to score the LLM analyzer offline.

`export` writes, for every ticket of a labelled set, the exact user message the LLM analyzer
would send (rules evidence, redaction and trimming included) and the system prompt beside it.
Whoever plays the model (a real deployment, once, from a machine that reaches it; or a stand-in)
answers each request in the schema and the answers are kept as JSON lines keyed by the request's
hash. `run` serves those answers from a loopback OpenAI-compatible endpoint and scores the real
LLM path (client, schema parsing, validation, score-to-verdict) with `python -m tools eval`,
compared with the rules. A request without a recorded answer gets an invalid answer, so the
analyzer falls back to the rules for it and the run says how many did.

    python -m bench.llm_replay export --set eval/holdout.jsonl --prompt triage-v2 --out DIR
    python -m bench.llm_replay run --set eval/holdout.jsonl --prompt triage-v2 --answers FILE
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from sandbox.llm_server import FakeLLM
from shared.analysis.llm import LLMJudgement, build_messages, prompt_id, system_prompt
from shared.analysis.models import PromptVersion
from shared.analysis.rules import assess_text
from shared.config import Settings
from shared.jira.rendering import render_body
from tools.eval.cli import run as eval_run
from tools.eval.dataset import DatasetError, EvalTicket, load_set
from tools.eval.metrics import Scores
from tools.eval.recording import request_key
from tools.eval.runner import DEFAULT_THRESHOLD, evaluate, make_config

# LLM_INPUT_TOKEN_BUDGET's default: the messages production would send.
_BUDGET = int(Settings.model_fields["LLM_INPUT_TOKEN_BUDGET"].default)


class AnswerFileError(ValueError):
    """A recorded-answers file that cannot be replayed as it is (named with its line)."""


def user_message(item: EvalTicket, prompt: PromptVersion) -> str:
    """The user message the LLM analyzer sends for this ticket (production's default budget)."""
    ticket = item.ticket()
    body = render_body(ticket, None)
    rules = assess_text(ticket.summary, body, threshold=DEFAULT_THRESHOLD)
    messages, _ = build_messages(
        ticket.summary, body, rules, budget=_BUDGET, redact_emails=True, prompt=prompt
    )
    return messages[1]["content"]


def export(set_path: Path, prompt: PromptVersion, out: Path) -> int:
    dataset = load_set(set_path)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"system-{prompt}.md").write_text(system_prompt(prompt), "utf-8")
    lines = []
    for item in dataset.tickets:
        user = user_message(item, prompt)
        # No ticket id: the set's ids name the category, and whoever answers must not see them.
        lines.append(json.dumps({"key": request_key(user), "prompt": prompt_id(prompt), "user": user},
                                ensure_ascii=False))  # fmt: skip
    path = out / f"requests-{prompt}.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} requests written to {path} (system prompt beside it)")
    return 0


class Replay:
    """The responder of the loopback endpoint: the recorded answer for the request's user message."""

    def __init__(self, answers: dict[str, dict[str, Any]]) -> None:
        self.answers = answers
        self.unanswered = 0
        self.invalid = 0  # recorded, but not in the schema: the analyzer falls back for those too

    def __call__(self, request: dict[str, Any]) -> dict[str, Any]:
        messages = request.get("messages", [])
        user = next((m.get("content", "") for m in messages if m.get("role") == "user"), "")
        answer = self.answers.get(request_key(str(user)))
        if answer is None:
            self.unanswered += 1
            return {"unanswered": True}  # not the schema: the analyzer falls back to the rules
        try:
            LLMJudgement.model_validate(answer)
        except ValidationError:
            self.invalid += 1
        return answer


def load_answers(path: Path, prompt: PromptVersion) -> dict[str, dict[str, Any]]:
    """The answers by request key. Every row names the prompt it answered (`prompt_id`: version
    and digest); answers to another prompt, or two different answers to one request, are refused
    rather than scored as if they belonged here."""
    expected = prompt_id(prompt)
    answers: dict[str, dict[str, Any]] = {}
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise AnswerFileError(f"{path}: {exc.strerror or exc}") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AnswerFileError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("answer"), dict) or "key" not in row:
            raise AnswerFileError(f"{path}:{n}: expected {{'key': ..., 'prompt': ..., 'answer': {{...}}}}")
        if row.get("prompt") != expected:
            raise AnswerFileError(
                f"{path}:{n}: answers prompt {row.get('prompt')!r}, this run sends {expected!r}"
            )
        key = str(row["key"])
        if key in answers and answers[key] != row["answer"]:
            raise AnswerFileError(f"{path}:{n}: a second, different answer to request {key}")
        answers[key] = row["answer"]
    return answers


def recorded_subset(set_path: Path, prompt: PromptVersion, answers: dict[str, Any], out: Path) -> int:
    """Write the tickets of the set that have a recorded answer to `out`; return how many."""
    dataset = load_set(set_path)
    kept = [t for t in dataset.tickets if request_key(user_message(t, prompt)) in answers]
    out.write_text("".join(t.model_dump_json(exclude_none=True) + "\n" for t in kept), "utf-8")
    return len(kept)


def replay(
    set_path: Path, prompt: PromptVersion, answers_path: Path, misses: bool, only_recorded: bool
) -> int:
    recorded = load_answers(answers_path, prompt)
    with tempfile.TemporaryDirectory() as tmp:
        if only_recorded:
            subset = Path(tmp) / f"recorded-{set_path.name}"
            kept = recorded_subset(set_path, prompt, recorded, subset)
            print(f"{kept} ticket(s) of {set_path} have an answer")
            set_path = subset
        return _replay(set_path, prompt, recorded, answers_path.name, misses)


def _replay(set_path: Path, prompt: PromptVersion, recorded: dict[str, Any], name: str, misses: bool) -> int:
    replay_answers = Replay(recorded)
    with FakeLLM(replay_answers) as llm:
        env = {
            "OPENAI_BASE_URL": llm.base_url,
            "OPENAI_API_KEY": llm.api_key,
            "OPENAI_MODEL": f"replay:{name}",
            "LLM_PROMPT_VERSION": prompt,
            "LLM_MAX_RETRIES": "0",
        }
        args = argparse.Namespace(
            set=set_path, analyzer="llm", threshold=None, compare=["ANALYZER=rules"], json=False,
            misses=misses, export_disagreements=None, project=None,
        )  # fmt: skip
        code = asyncio.run(eval_run(args, env))
    print(f"\n{replay_answers.unanswered} request(s) had no recorded answer (rules verdict used)")
    if replay_answers.invalid:
        print(f"{replay_answers.invalid} recorded answer(s) break the schema (rules verdict used)")
    return code


# The recorded answers CI replays (tests/eval/test_replay_baseline.py): every row holds the prompt
# to its figures in eval/replay/baseline.json, so a change of the prompt or of the checklist text
# fails until its answers are recorded again and their figures hold.
MANIFEST = Path(__file__).resolve().parents[1] / "eval" / "replay" / "manifest.json"
BASELINE = MANIFEST.with_name("baseline.json")
HELD = ("verdict_accuracy", "kappa", "category_accuracy", "missing_precision", "missing_recall")


async def replay_scores(set_path: Path, prompt: PromptVersion, answers_path: Path) -> tuple[Scores, int]:
    """The LLM path's figures on the tickets of `set_path` that have a recorded answer, and how
    many requests found none (0 when the set is the recorded one)."""
    recorded = load_answers(answers_path, prompt)
    dataset = load_set(set_path)
    kept = [t for t in dataset.tickets if request_key(user_message(t, prompt)) in recorded]
    subset = dataset.model_copy(update={"tickets": tuple(kept)})
    answers = Replay(recorded)
    with FakeLLM(answers) as llm:
        env = {"OPENAI_BASE_URL": llm.base_url, "OPENAI_API_KEY": llm.api_key, "LLM_PROMPT_VERSION": prompt,
               "OPENAI_MODEL": f"replay:{answers_path.name}", "LLM_MAX_RETRIES": "0"}  # fmt: skip
        run = await evaluate(make_config(env, analyzer="llm"), subset)
    return run.scores, answers.unanswered + answers.invalid


def check_baseline(write: bool, manifest_path: Path = MANIFEST, baseline_path: Path = BASELINE) -> int:
    """Replay every recorded set; with `write`, record the figures as the floor CI holds."""
    manifest = json.loads(manifest_path.read_text("utf-8"))
    floor = {} if write else json.loads(baseline_path.read_text("utf-8"))
    figures: dict[str, dict[str, float | None]] = {}
    failed = False
    for row in manifest["replays"]:
        root = manifest_path.parents[2]
        scores, unanswered = asyncio.run(
            replay_scores(root / row["set"], row["prompt"], root / row["answers"])
        )
        held = {name: getattr(scores, name) for name in HELD} | {"n": scores.n}
        figures[row["name"]] = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in held.items()}
        print(f"{row['name']}: " + ", ".join(f"{k} {v}" for k, v in figures[row["name"]].items())
              + (f"; {unanswered} answer(s) missing or invalid" if unanswered else ""))  # fmt: skip
        for name in HELD:
            low = (floor.get(row["name"]) or {}).get(name)
            value = held[name]
            if low is not None and (value is None or value < low - 0.0005):
                print(f"  {name} fell below its floor {low}", file=sys.stderr)
                failed = True
    if write:
        baseline_path.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
        print(f"floors written to {baseline_path}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.llm_replay", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True)
    baseline = sub.add_parser("baseline", help="replay every recorded set of eval/replay/manifest.json")
    baseline.add_argument("--write", action="store_true", help="record the figures as the floor CI holds")
    for name in ("export", "run"):
        p = sub.add_parser(name)
        p.add_argument("--set", type=Path, required=True)
        p.add_argument("--prompt", choices=get_args(PromptVersion), default="triage-v3")
        if name == "export":
            p.add_argument("--out", type=Path, required=True)
        else:
            p.add_argument("--answers", type=Path, required=True)
            p.add_argument("--misses", action="store_true")
            p.add_argument("--only-recorded", action="store_true", help="score only tickets with an answer")
    args = parser.parse_args(argv)
    try:
        if args.command == "baseline":
            return check_baseline(args.write)
        if args.command == "export":
            return export(args.set, args.prompt, args.out)
        return replay(args.set, args.prompt, args.answers, args.misses, args.only_recorded)
    except (AnswerFileError, DatasetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 65


if __name__ == "__main__":
    sys.exit(main())
