"""Rewrite `advisories.json` from OSV's PyPI export, for the packages requirements.txt deploys.

    python -m tests.security.refresh_advisories --download        # where osv.dev's bucket is reachable
    python -m tests.security.refresh_advisories --osv-zip all.zip  # a copy fetched elsewhere

OSV publishes every PyPI advisory (PYSEC and GHSA) as one JSON file per advisory in
https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip. The snapshot keeps, for each
deployed package, the id, aliases, a one-line summary and the affected ECOSYSTEM ranges and
versions: what `advisories.findings` needs to decide offline. Every deployed package gets a key,
with an empty list when nothing is known, so a new dependency without a refresh fails the check.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import urllib.request
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.security.advisories import SNAPSHOT, canonical, deployed_closure

OSV_PYPI_ZIP = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"
ROOT = Path(__file__).resolve().parents[2]


def spans(events: list[dict[str, str]]) -> list[dict[str, str]]:
    """OSV's ordered events as segments: each `introduced` opens one, the next `fixed` or
    `last_affected` closes it; one left open has no upper bound; an upper bound with nothing open
    closes a segment from "0" (as `advisories.Span` reads a missing `introduced`)."""
    out: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for event in events:
        if "introduced" in event:
            if current is not None:
                out.append(current)
            current = {"introduced": event["introduced"]}
        elif "fixed" in event or "last_affected" in event:
            key = "fixed" if "fixed" in event else "last_affected"
            out.append({**(current or {"introduced": "0"}), key: event[key]})
            current = None
    if current is not None:
        out.append(current)
    return out


def entry(record: dict[str, Any], package: str) -> dict[str, Any]:
    """The snapshot's form of one OSV record, for one package it names."""
    ranges: list[dict[str, str]] = []
    versions: list[str] = []
    for affected in record.get("affected", []):
        pkg = affected.get("package", {})
        if pkg.get("ecosystem") != "PyPI" or canonical(pkg.get("name", "")) != package:
            continue
        for r in affected.get("ranges", []):
            if r.get("type") == "ECOSYSTEM":
                ranges += spans(r.get("events", []))
        versions += affected.get("versions", [])
    summary = record.get("summary") or (record.get("details") or "").split(". ")[0]
    return {
        "id": record["id"],
        "aliases": sorted(record.get("aliases", [])),
        "summary": summary.strip()[:200],
        "modified": record.get("modified"),
        "withdrawn": record.get("withdrawn"),
        "ranges": ranges,
        "versions": versions,
    }


def snapshot(records: Iterable[dict[str, Any]], packages: Iterable[str], source: str) -> dict[str, Any]:
    wanted = {canonical(p): [] for p in packages}  # type: dict[str, list[dict[str, Any]]]
    for record in records:
        names = {
            canonical(a.get("package", {}).get("name", ""))
            for a in record.get("affected", [])
            if a.get("package", {}).get("ecosystem") == "PyPI"
        }
        for name in names & wanted.keys():
            wanted[name].append(entry(record, name))
    modified = [e["modified"] for entries in wanted.values() for e in entries if e["modified"]]
    return {
        "about": (
            "Offline snapshot of OSV's PyPI advisories for the packages requirements.txt deploys. "
            "Refresh with tests/security/refresh_advisories.py where the OSV data can be downloaded."
        ),
        "source": source,
        "read_on": datetime.now(UTC).date().isoformat(),
        "newest_modified": max(modified, default=None),
        "packages": {
            name: sorted(entries, key=lambda e: e["id"]) for name, entries in sorted(wanted.items())
        },
    }


def records_from_zip(data: bytes) -> list[dict[str, Any]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [json.loads(archive.read(n)) for n in archive.namelist() if n.endswith(".json")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--osv-zip", type=Path, help="OSV's PyPI all.zip, fetched elsewhere")
    source.add_argument("--download", action="store_true", help=f"fetch {OSV_PYPI_ZIP}")
    parser.add_argument("--out", type=Path, default=SNAPSHOT)
    args = parser.parse_args(argv)
    if args.download:
        with urllib.request.urlopen(OSV_PYPI_ZIP, timeout=120) as answer:
            data, origin = answer.read(), OSV_PYPI_ZIP
    else:
        data, origin = args.osv_zip.read_bytes(), f"{OSV_PYPI_ZIP} (copy: {args.osv_zip.name})"
    result = snapshot(records_from_zip(data), deployed_closure(ROOT), origin)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    known = sum(len(v) for v in result["packages"].values())
    print(f"{args.out}: {len(result['packages'])} packages, {known} advisories", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
