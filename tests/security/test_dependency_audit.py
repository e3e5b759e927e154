"""Known vulnerabilities in what the Functions runtime installs: `pip-audit` over requirements.txt.

The audit covers the pins of requirements.txt and everything they pull in, at the versions
installed next to these tests (the same resolution the deployment gets). pip-audit asks PyPI's
vulnerability data (`/pypi/<name>/<version>/json`). Each finding must be fixed (a newer pin) or
listed in `pip-audit-accepted.json` with its reason; an accepted entry that no longer matches a
finding fails too, so the list stays true. The test is skipped, saying why, only when that
service cannot be reached or answers for none of the packages (an offline machine, or an index
mirror without the JSON API): then nothing was audited, and a pass would be a lie.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
ACCEPTED = Path(__file__).with_name("pip-audit-accepted.json")
_NAME = re.compile(r"[-_.]+")


def _canonical(name: str) -> str:
    return _NAME.sub("-", name).lower()


def deployed_closure() -> dict[str, str]:
    """{name: installed version} for requirements.txt's pins and their dependencies."""
    todo = [
        Requirement(line.split("#")[0].strip())
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.split("#")[0].strip()
    ]
    found: dict[str, str] = {}
    while todo:
        req = todo.pop()
        name = _canonical(req.name)
        if name in found or (req.marker is not None and not req.marker.evaluate({"extra": ""})):
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            pytest.fail(f"{req.name} is required by requirements.txt but not installed here")
        found[name] = dist.version
        for extra in req.extras | {""}:
            for dep in (Requirement(r) for r in dist.requires or ()):
                if dep.marker is None or dep.marker.evaluate({"extra": extra}):
                    todo.append(dep)
    return found


def audit(pins: dict[str, str], folder: Path) -> list[dict[str, Any]]:
    """pip-audit's per-package answers; skips the test when the service cannot be reached."""
    pinned = folder / f"requirements-{len(pins)}.txt"
    pinned.write_text("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())), "utf-8")
    command = [
        sys.executable, "-m", "pip_audit", "--requirement", str(pinned), "--no-deps", "--disable-pip",
        "--format", "json", "--progress-spinner", "off", "--timeout", "20", "--cache-dir", str(folder / "cache"),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    try:
        deps: list[dict[str, Any]] = json.loads(done.stdout)["dependencies"]
    except (json.JSONDecodeError, KeyError):
        if re.search(r"connection|resolve|timed? ?out|network|unreachable|SSL", done.stderr, re.IGNORECASE):
            pytest.skip(f"pip-audit could not reach PyPI's vulnerability data: {done.stderr.strip()[-300:]}")
        pytest.fail(f"pip-audit failed ({done.returncode}): {done.stderr[-2000:]}")
    skipped = [d["skip_reason"] for d in deps if d.get("skip_reason")]
    if deps and len(skipped) == len(deps):
        pytest.skip(
            f"PyPI's vulnerability data answered for none of {len(deps)} package(s) "
            f"(offline, or an index mirror without the JSON API): {skipped[0]}"
        )
    return deps


def accepted_findings() -> list[dict[str, str]]:
    entries: list[dict[str, str]] = json.loads(ACCEPTED.read_text("utf-8"))["accepted"]
    return entries


def test_deployed_packages_have_no_known_vulnerability_outside_the_accepted_list(tmp_path: Path) -> None:
    pins = deployed_closure()
    audit({"httpx": pins["httpx"]}, tmp_path)  # one package first: skips fast when nothing answers
    deps = audit(pins, tmp_path)
    skipped = {d["name"]: d["skip_reason"] for d in deps if d.get("skip_reason")}
    assert not skipped, f"packages that could not be audited: {skipped}"
    accepted = {(_canonical(a["package"]), a["id"]): a["reason"] for a in accepted_findings()}
    found = {
        (
            _canonical(d["name"]),
            v["id"],
        ): f"{d['name']} {d['version']}: {v['id']} (fixed in {v.get('fix_versions')})"
        for d in deps
        for v in d.get("vulns", [])
    }
    unaccepted = {k: v for k, v in found.items() if k not in accepted and not set(v.split()) & set(accepted)}
    assert not unaccepted, "known vulnerabilities: upgrade the pin, or accept with a reason:\n" + "\n".join(
        unaccepted.values()
    )
    stale = sorted(set(accepted) - set(found))
    assert not stale, f"accepted findings no longer reported (remove them from {ACCEPTED.name}): {stale}"


def test_the_accepted_list_gives_a_reason_for_each_entry() -> None:
    for entry in accepted_findings():
        assert set(entry) >= {"package", "id", "reason"} and len(entry["reason"]) >= 20, entry
