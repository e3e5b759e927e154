"""What real writing held-out H showed after its first contact (rules-2026.12.17).

Open and tuned on: asks to put a build on a registry, a German ask to join, HTTPS to switch on,
titles that name a failure by what stopped ("not receiving mail"), expiry dates and loose spells as
the start, an address that fails for anyone as the reproduction, and the symptom named in a few
words. Every case fails on rules-2026.12.16; the near misses hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.rules_reading import present


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("Can you upload new releases to PyPi?", "The last release on PyPi is 0.2.6.", "deployment"),
        ("Update PyPI with version 1.5.2", "@amorphic could you please upload it?", "deployment"),
        ("Update version on pypi", "Can we have a fresh release on pypi?", "deployment"),
        ("Mitmachen", "Mit der Bitte um eine Einladung zur Aufnahme in die Organisation.", "access"),
        (
            "properly enable (enforce) https on homepage",
            "The cert only covers *.github.com.",
            "cloud_resource",
        ),
        (
            "camlistore-commits email list not receiving mail since April 23",
            "Nothing arrives.",
            "troubleshooting",
        ),
        ("Website was not deployed in over a year.", "#36 was merged a year ago.", "troubleshooting"),
    ],
)
def test_real_asks_are_read_by_their_kind(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("requesting rights to deploy on pypi", "Please add me as a maintainer; my username is x.", "access"),
        ("Grant the npm owner right to the riotjs org", "I can't publish new release on npm.", "access"),
    ],
)
def test_rights_to_publish_stay_access(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def _present(body: str) -> set[str]:
    return present("troubleshooting", "x", body)


@pytest.mark.parametrize(
    "body",
    [
        "The certificate expired on August 11th, 2021.",
        "Certificate on the download site expired today.",
        "pub rsa2048 2018-04-17 [SC] [expired: 2020-06-25]",
        "Hasn't been a release in the nightly repo for a couple days now.",
        "Two builds are stuck for over an hour.",
        "At around 12pm Jan 14 2015 the website gave me a 502.",
        "10分钟前出现了502 Bad Gateway问题。",
    ],
)
def test_a_dated_expiry_or_a_loose_spell_answers_when(body: str) -> None:
    assert "when" in _present(body)


def test_a_screenshot_name_is_no_start_time() -> None:
    body = "It fails.\n![Screen Shot 2020-02-08 at 5 57 41 AM](https://example.com/shot.png)"
    assert "when" not in _present(body)


@pytest.mark.parametrize(
    "body",
    [
        "Certificate on https://download.nextcloud.com/ expired today.",
        "Firefox says the SSL certificate for darktable.org is expired.",
        "The heroku server is down at http://www.refugerestrooms.org/",
    ],
)
def test_an_address_that_fails_for_anyone_is_the_reproduction(body: str) -> None:
    assert "steps" in _present(body)


def test_a_failure_without_an_address_has_no_reproduction() -> None:
    assert "steps" not in _present("502 Bad Gateway message pops up when accessing the website.")


@pytest.mark.parametrize(
    "summary",
    [
        "SSL Certificate expired",
        "Domain is not resolvable",
        "Stops, builds forever pending",
        "App esta caida",
        "Tiles server Down",
        "Snapshot package Buildbot worker out of space",
        "gitlab无法访问",
    ],
)
def test_the_trouble_named_in_a_few_words_is_the_symptom(summary: str) -> None:
    assert "symptom" in present("troubleshooting", summary)


@pytest.mark.parametrize("summary", ["Broken", "pods broken?", "Something is wrong"])
def test_a_bare_complaint_is_still_no_symptom(summary: str) -> None:
    assert "symptom" not in present("troubleshooting", summary)
