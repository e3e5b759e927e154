"""`python -m tools eval`: score an analyzer on the labelled set, compare two configurations, or
export production disagreements as new (unlabelled) test cases."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from shared.config import SettingsError, load_settings
from tools.eval.dataset import DEFAULT_SET, DatasetError, EvalSet, load_set
from tools.eval.recording import AnswerRecorder
from tools.eval.render import render_compare, render_misses, render_scores
from tools.eval.runner import Run, evaluate, make_config, parse_overrides
from tools.eval.worlds import learned_from, open_worlds, render_worlds, trained_on


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set", type=Path,
        help="labelled set (JSON lines); default eval/tickets.jsonl, then every open set side by side",
    )  # fmt: skip
    parser.add_argument(
        "--analyzer", choices=("rules", "llm"),
        help="default: the LLM when settings configure one, else rules",
    )  # fmt: skip
    parser.add_argument("--threshold", type=int, help="QUALITY_THRESHOLD for this run (default: settings)")
    parser.add_argument(
        "--compare", nargs="+", metavar="KEY=VALUE",
        help="also run with these settings changed (e.g. QUALITY_THRESHOLD=80, ANALYZER=llm) and diff",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument(
        "--record", type=Path, metavar="FILE",
        help="with the LLM analyzer: keep the model's answers in FILE for offline replay (bench.llm_replay)",
    )  # fmt: skip
    parser.add_argument("--misses", action="store_true", help="list every ticket not judged as labelled")
    parser.add_argument(
        "--export-disagreements", type=Path, metavar="FILE",
        help="write the tickets people disagreed on (redacted, gold left empty) to FILE",
    )  # fmt: skip
    parser.add_argument(
        "--project", action="append", help="with --export-disagreements (default: projects in JIRA_SCAN_JQL)"
    )


async def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    if args.export_disagreements is not None:
        return await _export(args.export_disagreements, args.project, env)
    try:
        dataset = load_set(args.set or DEFAULT_SET)
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 65
    base = make_config(env, analyzer=args.analyzer, threshold=args.threshold)
    recording = getattr(args, "record", None)
    if recording is not None and base.analyzer != "llm":
        print("error: --record keeps a model's answers: run it with --analyzer llm", file=sys.stderr)
        return 64
    recorder = AnswerRecorder() if recording is not None else None
    first = await evaluate(base, dataset, recorder)
    if recorder is not None and recording is not None:
        kept = recorder.write(recording)
        print(f"{kept} answer(s) of {len(dataset.tickets)} tickets recorded in {recording}", file=sys.stderr)
    second = None
    if args.compare:
        overrides = parse_overrides(args.compare)
        other = make_config(base.env, overrides=overrides)
        label = " ".join(f"{k}={v}" for k, v in overrides.items())
        second = await evaluate(replace(other, name=f"{other.name} ({label})"), dataset)
    if args.json:
        print(json.dumps(_as_json(dataset, first, second), ensure_ascii=False))
        return 0
    print(render_scores(_title(dataset, first), first.scores))
    if args.misses:
        print()
        print(render_misses(first.cases))
    if second is not None:
        print()
        print(render_scores(_title(dataset, second), second.scores))
        print()
        print(render_compare(first.config.name, first.scores, second.config.name, second.scores,
                             first.cases, second.cases))  # fmt: skip
    elif args.set is None:
        print()
        print(await _worlds(first))
    return 0


async def _worlds(first: Run) -> str:
    """The default set's run beside every other open set's, with the same configuration."""
    rows = []
    for world in open_worlds():
        if world.path == DEFAULT_SET:
            rows.append((world, first.scores))
        else:
            rows.append((world, (await evaluate(first.config, load_set(world.path))).scores))
    trained = trained_on(open_worlds()) if first.config.learned else frozenset()
    return render_worlds(f"eval {first.config.name}: every open set side by side", rows, trained=trained)


def _title(dataset: EvalSet, run: Run) -> str:
    waiting = f", {dataset.unlabelled} unlabelled skipped" if dataset.unlabelled else ""
    fallbacks = f"; {run.fallbacks} LLM fallbacks to rules" if run.fallbacks else ""
    # The LLM's version when any answer came from it (a fallback carries the rules' version).
    versions = [p.assessment.version for p in run.predictions]
    version = next((p.assessment.version for p in run.predictions if p.assessment.analyzer == "llm"),
                   versions[0] if versions else "")  # fmt: skip
    trained = ""
    if run.config.learned and learned_from(Path(dataset.path)):
        trained = "\n  the learned layer was trained on this set (`tools/train_judge.py --cross`: left out)"
    head = f"eval {run.config.name} [{version}] on {dataset.path}: {run.scores.n} tickets"
    return f"{head}{waiting}{fallbacks}{trained}"


def _as_json(dataset: EvalSet, first: Run, second: Run | None) -> dict[str, Any]:
    def one(r: Run) -> dict[str, Any]:
        return {
            "config": {"name": r.config.name, "analyzer": r.config.analyzer, "threshold": r.config.threshold},
            "fallbacks": r.fallbacks,
            "scores": r.scores.model_dump(mode="json"),
            "misses": [c.id for c in r.cases if not c.exact],
        }

    out: dict[str, Any] = {"set": dataset.path, "tickets": len(dataset.tickets)}
    out["unlabelled"] = dataset.unlabelled
    out.update(one(first))
    if second is not None:
        out["compare"] = one(second)
        out["compare"]["differ"] = [
            a.id for a, b in zip(first.cases, second.cases, strict=True)
            if (a.verdict, a.category, a.missing) != (b.verdict, b.category, b.missing)
        ]  # fmt: skip
    return out


async def _export(path: Path, projects: list[str] | None, env: Mapping[str, str]) -> int:
    from shared.runtime import build_runtime
    from tools.eval.export import export_disagreements, projects_in

    runtime = await build_runtime(load_settings(dict(env)))
    try:
        keys = projects or projects_in(runtime.settings.JIRA_SCAN_JQL)
        if not keys:
            raise SettingsError("no project key found in JIRA_SCAN_JQL: pass --project KEY")
        result = await export_disagreements(
            runtime.jira, runtime.ledger, keys, path,
            bot_account_id=await runtime.bot_id(), threshold=runtime.analyzer.threshold,
        )  # fmt: skip
    finally:
        await runtime.aclose()
    print(f"exported {result.written} disagreement(s) from {', '.join(keys)} to {path} (gold left empty)")
    for reason in result.skipped:
        print(f"  skipped {reason}")
    return 0
