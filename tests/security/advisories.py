"""Known vulnerabilities without a network: OSV advisories matched against installed versions.

pip-audit needs PyPI's per-version JSON API or api.osv.dev at test time; CI machines without them
would audit nothing. This module reads a committed snapshot (`advisories.json`, OSV ranges per
package, written by `refresh_advisories.py`) and answers "which advisories affect version V of
package P" the way OSV defines it: V is affected when it is listed explicitly, or when some
ECOSYSTEM range has `introduced <= V` and `V < fixed` (or `V <= last_affected`, or no upper bound).
Withdrawn advisories affect nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

SNAPSHOT = Path(__file__).with_name("advisories.json")
_NAME = re.compile(r"[-_.]+")


def canonical(name: str) -> str:
    """PEP 503 name: "Azure_Core" and "azure.core" are the same project."""
    return _NAME.sub("-", name).lower()


@dataclass(frozen=True)
class Span:
    """One affected range: from `introduced` up to `fixed` (exclusive) or `last_affected` (inclusive)."""

    introduced: str = "0"
    fixed: str | None = None
    last_affected: str | None = None

    def contains(self, version: Version) -> bool:
        try:
            if self.introduced not in ("0", "") and version < Version(self.introduced):
                return False
            if self.fixed is not None:
                return version < Version(self.fixed)
            if self.last_affected is not None:
                return version <= Version(self.last_affected)
        except InvalidVersion:
            return False  # a bound pip could never install; OSV's own matchers skip it too
        return True


@dataclass(frozen=True)
class Advisory:
    id: str
    aliases: tuple[str, ...]
    summary: str
    spans: tuple[Span, ...]
    versions: frozenset[str]
    withdrawn: str | None = None

    def affects(self, version: str) -> bool:
        if self.withdrawn:
            return False
        if version in self.versions:
            return True
        try:
            parsed = Version(version)
        except InvalidVersion:
            return False
        if any(_same(parsed, v) for v in self.versions):
            return True
        return any(span.contains(parsed) for span in self.spans)

    @classmethod
    def from_snapshot(cls, entry: dict[str, Any]) -> Advisory:
        return cls(
            id=str(entry["id"]),
            aliases=tuple(entry.get("aliases") or ()),
            summary=str(entry.get("summary") or ""),
            spans=tuple(
                Span(str(r.get("introduced", "0")), r.get("fixed"), r.get("last_affected"))
                for r in entry.get("ranges") or ()
            ),
            versions=frozenset(str(v) for v in entry.get("versions") or ()),
            withdrawn=entry.get("withdrawn"),
        )


def _same(version: Version, text: str) -> bool:
    try:
        return version == Version(text)
    except InvalidVersion:
        return False


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    advisory: Advisory

    def describe(self) -> str:
        aliases = ", ".join(self.advisory.aliases)
        return f"{self.package} {self.version}: {self.advisory.id} ({aliases}) {self.advisory.summary}"


def load(path: Path = SNAPSHOT) -> tuple[dict[str, Any], dict[str, list[Advisory]]]:
    """The snapshot's header and its advisories by canonical package name."""
    data = json.loads(path.read_text("utf-8"))
    packages = {
        canonical(name): [Advisory.from_snapshot(e) for e in entries]
        for name, entries in data["packages"].items()
    }
    header = {k: v for k, v in data.items() if k != "packages"}
    return header, packages


def findings(pins: dict[str, str], advisories: dict[str, list[Advisory]]) -> list[Finding]:
    """Every advisory that affects a pinned version, in package order."""
    return [
        Finding(name, version, adv)
        for name, version in sorted(pins.items())
        for adv in advisories.get(canonical(name), [])
        if adv.affects(version)
    ]


def deployed_closure(root: Path) -> dict[str, str]:
    """{name: installed version} for requirements.txt's pins and everything they pull in.

    The installed versions are the resolution the deployment gets (the same pins, the same
    resolver). A pinned package that is not installed is an error, not a silent gap.
    """
    from importlib import metadata

    from packaging.requirements import Requirement

    # A top-level pin's marker is evaluated here; a dependency's marker was evaluated (with the
    # extra that pulled it in) when it was queued, so it is not evaluated again with no extra.
    todo = [
        Requirement(line.split("#")[0].strip())
        for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.split("#")[0].strip()
    ]
    todo = [r for r in todo if r.marker is None or r.marker.evaluate({"extra": ""})]
    found: dict[str, str] = {}
    while todo:
        req = todo.pop()
        name = canonical(req.name)
        if name in found:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError as exc:
            raise LookupError(f"{req.name} is required by requirements.txt but not installed here") from exc
        found[name] = dist.version
        for extra in req.extras | {""}:
            for dep in (Requirement(r) for r in dist.requires or ()):
                if dep.marker is None or dep.marker.evaluate({"extra": extra}):
                    todo.append(dep)
    return found
