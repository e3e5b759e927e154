"""The offline advisory check decides like OSV, and its snapshot is usable and complete.

If the matcher said "not affected" for everything, the offline audit would pass while checking
nothing; these tests hold it to OSV's range semantics on made-up advisories and on real ones from
the committed snapshot.
"""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.security import advisories, refresh_advisories
from tests.security.advisories import Advisory, Span


def _adv(*spans: Span, versions: tuple[str, ...] = (), withdrawn: str | None = None) -> Advisory:
    return Advisory("PYSEC-0000-1", ("CVE-0000-1",), "test", spans, frozenset(versions), withdrawn)


@pytest.mark.parametrize(
    ("advisory", "affected", "safe"),
    [
        (_adv(Span("0", fixed="3.9.2")), ["0.1", "3.9.1", "3.9.2rc1"], ["3.9.2", "3.10.0"]),
        (_adv(Span("2.0", fixed="2.4.1")), ["2.0", "2.4.0"], ["1.9.9", "2.4.1"]),
        (_adv(Span("1.0", last_affected="1.5")), ["1.0", "1.5"], ["0.9", "1.5.1"]),
        (_adv(Span("4.0")), ["4.0", "99.0"], ["3.99"]),
        (_adv(Span("0", fixed="1.1"), Span("2.0", fixed="2.1")), ["1.0", "2.0.5"], ["1.1", "1.9", "2.1"]),
        (_adv(versions=("1.2.3", "1.2.4")), ["1.2.3", "1.2.4", "1.2.4.0"], ["1.2.5"]),
        (_adv(Span("0", fixed="9.9"), withdrawn="2024-01-01T00:00:00Z"), [], ["1.0"]),
    ],
)
def test_an_advisory_affects_exactly_the_versions_its_ranges_cover(
    advisory: Advisory, affected: list[str], safe: list[str]
) -> None:
    assert [v for v in affected if not advisory.affects(v)] == []
    assert [v for v in safe if advisory.affects(v)] == []


@given(
    st.tuples(st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.integers(0, 20), st.integers(0, 20)),
)
def test_a_range_is_half_open_from_introduced_to_fixed(
    low: tuple[int, int], high: tuple[int, int], probe: tuple[int, int]
) -> None:
    span = Span(f"{low[0]}.{low[1]}", fixed=f"{high[0]}.{high[1]}")
    assert _adv(span).affects(f"{probe[0]}.{probe[1]}") == (low <= probe < high)


def test_osv_events_become_segments() -> None:
    events = [{"introduced": "0"}, {"fixed": "1.2"}, {"introduced": "2.0"}, {"last_affected": "2.3"}]
    assert refresh_advisories.spans([*events, {"introduced": "3.0"}]) == [
        {"introduced": "0", "fixed": "1.2"},
        {"introduced": "2.0", "last_affected": "2.3"},
        {"introduced": "3.0"},
    ]
    assert refresh_advisories.spans([{"fixed": "1.5"}]) == [{"introduced": "0", "fixed": "1.5"}]


def _osv(ident: str, name: str, events: list[dict[str, str]], ecosystem: str = "PyPI") -> dict[str, Any]:
    return {
        "id": ident,
        "aliases": ["CVE-2099-1"],
        "summary": f"{name} does something bad",
        "modified": "2099-01-02T00:00:00Z",
        "affected": [
            {
                "package": {"ecosystem": ecosystem, "name": name},
                "ranges": [
                    {"type": "ECOSYSTEM", "events": events},
                    {"type": "GIT", "events": [{"introduced": "0"}]},
                ],
            }
        ],
    }


def test_a_refresh_keeps_the_deployed_packages_and_an_empty_list_for_the_rest(tmp_path: Path) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(
            "GHSA-1.json", json.dumps(_osv("GHSA-1", "Some_Lib", [{"introduced": "0"}, {"fixed": "2.0"}]))
        )
        z.writestr("PYSEC-2.json", json.dumps(_osv("PYSEC-2", "other-lib", [{"introduced": "0"}])))
        z.writestr("NPM-3.json", json.dumps(_osv("NPM-3", "some-lib", [{"introduced": "0"}], "npm")))
    records = refresh_advisories.records_from_zip(archive.getvalue())
    snap = refresh_advisories.snapshot(records, ["some-lib", "quiet-lib"], "test")
    assert snap["packages"]["quiet-lib"] == []
    assert [e["id"] for e in snap["packages"]["some-lib"]] == ["GHSA-1"]
    assert snap["packages"]["some-lib"][0]["ranges"] == [{"introduced": "0", "fixed": "2.0"}]
    path = tmp_path / "advisories.json"
    path.write_text(json.dumps(snap), "utf-8")
    _, known = advisories.load(path)
    assert [f.advisory.id for f in advisories.findings({"some_lib": "1.9"}, known)] == ["GHSA-1"]
    assert advisories.findings({"some-lib": "2.0", "quiet-lib": "0.1"}, known) == []


def test_the_committed_snapshot_ranges_cover_the_versions_it_lists() -> None:
    """Read through its ranges alone (the explicit list set aside), each advisory in the snapshot
    flags every version it lists: the ranges are in a form the matcher reads, so a pin inside them
    is caught even where the list is missing or incomplete."""
    header, known = advisories.load()
    assert header["source"] and header["read_on"]
    checked = 0
    for name, advs in known.items():
        for adv in advs:
            if adv.withdrawn or not adv.spans or not adv.versions:
                continue
            by_ranges = dataclasses.replace(adv, versions=frozenset())
            missed = sorted(v for v in adv.versions if not by_ranges.affects(v))
            assert not missed, (name, adv.id, missed[:5])
            checked += 1
    assert checked >= 20, f"only {checked} advisories could be probed: is the snapshot empty?"


def test_an_accepted_entry_names_a_finding_by_any_of_its_ids_and_goes_stale_when_it_is_gone() -> None:
    from tests.security.test_dependency_audit import check

    names = frozenset({"PYSEC-2099-1", "GHSA-xxxx"})
    found = {("aiohttp", "PYSEC-2099-1"): (names, "aiohttp 1.0: PYSEC-2099-1")}
    accepted = [{"package": "aiohttp", "id": "GHSA-xxxx", "reason": "not reachable from this app's code"}]
    check(found, knows=None, entries=accepted)
    with pytest.raises(AssertionError, match="known vulnerabilities"):
        check(found, knows=None, entries=[])
    with pytest.raises(AssertionError, match="no longer reported"):
        check({}, knows={("aiohttp", "GHSA-xxxx")}, entries=accepted)
    check({}, knows=set(), entries=accepted)  # a layer that cannot see it does not call it stale
