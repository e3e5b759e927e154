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
from packaging.version import Version

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


# (package, advisory id) -> (the id and its aliases, a line for the failure message)
Findings = dict[tuple[str, str], tuple[frozenset[str], str]]


def _accepts(entry: dict[str, str], key: tuple[str, str], names: frozenset[str]) -> bool:
    """An accepted entry names the advisory by any of its ids (PYSEC, GHSA, CVE)."""
    return _canonical(entry["package"]) == key[0] and entry["id"] in names


def check(
    found: Findings, *, knows: set[tuple[str, str]] | None, entries: list[dict[str, str]] | None = None
) -> None:
    """Every finding accepted; and every accepted entry this layer can judge still found.

    `knows` is the (package, id or alias) pairs the layer could report (None: all of them); an
    accepted entry outside it belongs to another layer and is not called stale here.
    """
    entries = accepted_findings() if entries is None else entries
    unaccepted = [
        text for key, (names, text) in found.items() if not any(_accepts(e, key, names) for e in entries)
    ]
    assert not unaccepted, "known vulnerabilities: upgrade the pin, or accept with a reason:\n" + "\n".join(
        unaccepted
    )
    stale = [
        f"{e['package']} {e['id']}"
        for e in entries
        if (knows is None or (_canonical(e["package"]), e["id"]) in knows)
        and not any(_accepts(e, key, names) for key, (names, _) in found.items())
    ]
    assert not stale, f"accepted findings no longer reported (remove them from {ACCEPTED.name}): {stale}"


def test_deployed_packages_have_no_known_vulnerability_outside_the_accepted_list(tmp_path: Path) -> None:
    pins = deployed_closure()
    audit({"httpx": pins["httpx"]}, tmp_path)  # one package first: skips fast when nothing answers
    deps = audit(pins, tmp_path)
    skipped = {d["name"]: d["skip_reason"] for d in deps if d.get("skip_reason")}
    assert not skipped, f"packages that could not be audited: {skipped}"
    found: Findings = {
        (_canonical(d["name"]), v["id"]): (
            frozenset([v["id"], *v.get("aliases", [])]),
            f"{d['name']} {d['version']}: {v['id']} (fixed in {v.get('fix_versions')})",
        )
        for d in deps
        for v in d.get("vulns", [])
    }
    check(found, knows=None)


def test_the_accepted_list_gives_a_reason_for_each_entry() -> None:
    for entry in accepted_findings():
        assert set(entry) >= {"package", "id", "reason"} and len(entry["reason"]) >= 20, entry


def test_no_deployed_package_is_affected_by_an_advisory_in_the_offline_snapshot() -> None:
    pins = deployed_closure()
    header, known = advisories.load()
    unlisted = sorted(set(pins) - set(known))
    assert not unlisted, (
        f"{unlisted} are deployed but not in {advisories.SNAPSHOT.name} (read {header['read_on']}): "
        "run `python -m tests.security.refresh_advisories --download` and commit the result"
    )
    found: Findings = {
        (f.package, f.advisory.id): (frozenset([f.advisory.id, *f.advisory.aliases]), f.describe())
        for f in advisories.findings(pins, known)
    }
    knows = {
        (name, ident) for name, advs in known.items() for adv in advs for ident in (adv.id, *adv.aliases)
    }
    check(found, knows=knows)


def _latest(client: httpx.Client, name: str) -> dict[str, Any] | None:
    """PyPI's project JSON, or None when that one request failed (a flaky network is no finding)."""
    try:
        answer = client.get(f"https://pypi.org/pypi/{name}/json")
        answer.raise_for_status()
    except httpx.HTTPError:
        return None
    data: dict[str, Any] = answer.json()
    return data


def test_pins_that_are_the_latest_release_have_no_live_advisory() -> None:
    """PyPI lists, with each project, the advisories open against its newest release: for the pins
    that are that release, this is live data the snapshot may not have yet."""
    pins = deployed_closure()
    with httpx.Client(timeout=20) as client:
        if _latest(client, "httpx") is None:
            pytest.skip("pypi.org's JSON API cannot be reached")
        with ThreadPoolExecutor(max_workers=8) as pool:
            projects = dict(zip(pins, pool.map(lambda n: _latest(client, n), pins), strict=True))
    unanswered = sorted(n for n, p in projects.items() if p is None)
    if unanswered:
        pytest.skip(f"pypi.org did not answer for {unanswered}: nothing is claimed about them")
    answered = {n: p for n, p in projects.items() if p is not None}
    current = {n for n, p in answered.items() if Version(p["info"]["version"]) == Version(pins[n])}
    found: Findings = {
        (name, v["id"]): (
            frozenset([v["id"], *v.get("aliases", [])]),
            f"{name} {pins[name]}: {v['id']} {v.get('summary') or ''} (fixed in {v.get('fixed_in')})",
        )
        for name in sorted(current)
        for v in answered[name].get("vulnerabilities") or []
        if not v.get("withdrawn")
    }
    behind = sorted(
        f"{n} {pins[n]} < {answered[n]['info']['version']}"
        + (f" (which requires Python {rp})" if (rp := answered[n]["info"].get("requires_python")) else "")
        for n in set(pins) - current
    )
    print(
        f"live advisories checked for {len(current)} of {len(pins)} pins; behind the latest release: {behind}"
    )
    check(found, knows=set())  # only the newest releases are seen here: staleness is not judged
