"""Eval benchmark: the analyzer's judgement on the labelled set (eval/tickets.jsonl).

Prints the same figures as `python -m shared eval` (verdict accuracy, kappa, NEEDS_INFO precision
and recall, category accuracy with the confusion matrix, missing-item precision and recall) and
takes the same options. `--write-baseline` records what the rules analyzer scores now as the floor
the CI test holds (eval/baseline.json); lower a baseline only with a reason in the commit message.
Run with `python -m bench.eval`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from shared.config import local_settings_values
from shared.eval.baseline import DEFAULT_BASELINE, baseline_payload, write_baseline
from shared.eval.cli import add_arguments, run
from shared.eval.dataset import load_set
from shared.eval.runner import evaluate, make_config


async def _record(path: Path, set_path: Path, threshold: int | None, env: dict[str, str]) -> int:
    dataset = load_set(set_path)
    result = await evaluate(make_config(env, analyzer="rules", threshold=threshold), dataset)
    payload = baseline_payload(result.scores, threshold=result.config.threshold, set_size=result.scores.n)
    write_baseline(path, payload)
    print(f"baseline of rules@{result.config.threshold} on {result.scores.n} tickets written to {path}")
    for name, value in payload["figures"].items():
        print(f"  {name:<34} {value:.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.eval", description=__doc__)
    parser.add_argument("--settings", type=Path, default=Path("local.settings.json"))
    add_arguments(parser)
    parser.add_argument(
        "--write-baseline", nargs="?", const=DEFAULT_BASELINE, type=Path, metavar="FILE",
        help=f"record the rules analyzer's figures as the CI floor (default {DEFAULT_BASELINE.name})",
    )  # fmt: skip
    args = parser.parse_args(argv)
    env = local_settings_values(args.settings)
    env.update(os.environ)
    if args.write_baseline is not None:
        return asyncio.run(_record(args.write_baseline, args.set, args.threshold, env))
    return asyncio.run(run(args, env))


if __name__ == "__main__":
    sys.exit(main())
