"""Known vulnerabilities in what the Functions runtime installs, checked three ways.

The pins of requirements.txt and everything they pull in, at the versions installed next to these
tests (the same resolution the deployment gets), are checked against:

1. the committed OSV snapshot `advisories.json` (always, offline: `advisories.findings`);
2. PyPI's live advisories for each project's latest release, for the pins that are that release
   (skipped, saying why, when pypi.org's JSON API cannot be reached);
3. `pip-audit` (PyPI's per-version JSON API), the full live audit (skipped, saying why, when that
   API cannot be reached: some index mirrors serve only the project-level JSON).

Each finding must be fixed (a newer pin) or listed in `pip-audit-accepted.json` with its reason;
an accepted entry that no longer matches a finding fails too, so the list stays true.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.security import advisories

ROOT = Path(__file__).resolve().parents[2]
ACCEPTED = Path(__file__).with_name("pip-audit-accepted.json")
_canonical = advisories.canonical


def deployed_closure() -> dict[str, str]:
    try:
        return advisories.deployed_closure(ROOT)
    except LookupError as exc:
        pytest.fail(str(exc))


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


def _unaccepted(found: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    accepted = {(_canonical(a["package"]), a["id"]) for a in accepted_findings()}
    return {key: text for key, text in found.items() if key not in accepted}


def test_no_deployed_package_is_affected_by_an_advisory_in_the_offline_snapshot() -> None:
    pins = deployed_closure()
    header, known = advisories.load()
    unlisted = sorted(set(pins) - set(known))
    assert not unlisted, (
        f"{unlisted} are deployed but not in {advisories.SNAPSHOT.name} (read {header['read_on']}): "
        "run `python -m tests.security.refresh_advisories --download` and commit the result"
    )
    found = {(f.package, f.advisory.id): f.describe() for f in advisories.findings(pins, known)}
    unaccepted = _unaccepted(found)
    assert not unaccepted, "known vulnerabilities: upgrade the pin, or accept with a reason:\n" + "\n".join(
        unaccepted.values()
    )
    # An accepted advisory the snapshot knows but that no longer affects the pin is stale.
    in_snapshot = {(name, adv.id) for name, advs in known.items() for adv in advs}
    stale = sorted(
        key
        for key in ((_canonical(a["package"]), a["id"]) for a in accepted_findings())
        if key in in_snapshot and key not in found
    )
    assert not stale, f"accepted findings that no longer apply (remove them from {ACCEPTED.name}): {stale}"


def _latest(client: httpx.Client, name: str) -> dict[str, Any]:
    answer = client.get(f"https://pypi.org/pypi/{name}/json")
    answer.raise_for_status()
    data: dict[str, Any] = answer.json()
    return data


def test_pins_that_are_the_latest_release_have_no_live_advisory() -> None:
    """PyPI lists, with each project, the advisories open against its newest release: for the pins
    that are that release, this is live data the snapshot may not have yet."""
    pins = deployed_closure()
    with httpx.Client(timeout=20) as client:
        try:
            _latest(client, "httpx")
        except httpx.HTTPError as exc:
            pytest.skip(f"pypi.org's JSON API cannot be reached: {exc!r}")
        with ThreadPoolExecutor(max_workers=8) as pool:
            projects = dict(zip(pins, pool.map(lambda n: _latest(client, n), pins), strict=True))
    current = {n for n, p in projects.items() if p["info"]["version"] == pins[n]}
    found = {
        (
            name,
            v["id"],
        ): f"{name} {pins[name]}: {v['id']} {v.get('summary') or ''} (fixed in {v.get('fixed_in')})"
        for name in sorted(current)
        for v in projects[name].get("vulnerabilities") or []
        if not v.get("withdrawn")
    }
    behind = sorted(f"{n} {pins[n]} < {projects[n]['info']['version']}" for n in set(pins) - current)
    print(
        f"live advisories checked for {len(current)} of {len(pins)} pins; behind the latest release: {behind}"
    )
    unaccepted = _unaccepted(found)
    assert not unaccepted, "known vulnerabilities: upgrade the pin, or accept with a reason:\n" + "\n".join(
        unaccepted.values()
    )
