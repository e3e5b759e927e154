"""What real writing held-out I showed after its first contact (rules-2026.12.19).

Open and tuned on: an infrastructure desk's requests said in few words (mail aliases, a domain's
renewal, disk space, a server to prepare), deployment asks with a dotted version or a redeploy,
access asks for an SSH account or a new password, an infra team's housekeeping, and the address of
what fails as its place and its reproduction. Every case fails on rules-2026.12.18; the near misses
hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.rules_reading import present


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("Create privacy@openhwgroup.org email alias", "Forward it to the board.", "cloud_resource"),
        ("info mail alias", "Please point info@ at the three of us.", "cloud_resource"),
        ("Domain name renewal", "It runs out next month.", "cloud_resource"),
        ("Add more space to the server", "We are at 95%.", "cloud_resource"),
        ("Prepare the SAOS test server", "For the integration week.", "cloud_resource"),
        ("Publish version 4.13.5 to maven central.", "", "deployment"),
        ("Redeploy https://nimwc.org", "The site still shows last month's build.", "deployment"),
        ("SSH account", "Could I get one on the build box?", "access"),
        ("Offboarding Onwubu", "Last day Friday.", "access"),
        ("Onboarding checklist", "Steps for new maintainers.", "other"),
        ("Question: Rollback release from 5.7 to 5.6", "Is that possible?", "other"),
        ("Document release instructions", "So the next release manager can follow them.", "other"),
        ('"Die Website ist nicht erreichbar"', "Seit heute morgen.", "troubleshooting"),
    ],
)
def test_desk_asks_in_few_words(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        (
            "Organizations support",
            "We are transferring ownership of the PyPI package extractors to me.",
            "access",
        ),
        ("Move infrastructure CI to GitHub Actions", "Travis is going away.", "other"),
    ],
)
def test_near_misses_keep_their_category(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ("Connection times out, https://fuma.ctglab.nl/ is unreachable.", "where"),
        ("I'm getting a 502 Bad Gateway error when visiting http://pointfree.io/", "where"),
        (
            "fatal: unable to access 'https://git.example.net/repo.git/': The requested URL returned error: 503",
            "steps",
        ),
        ("I noticed the site is down. I entered the url https://publiclab.org/ from two networks.", "steps"),
    ],
)
def test_the_address_of_what_fails(body: str, item: str) -> None:
    assert item in present("troubleshooting", "Site problem", body)


def test_a_dashboard_link_is_no_place() -> None:
    body = "latency is high again, see https://grafana.example.net/d/x7Gk2Lm/?orgId=1"
    assert "where" not in present("troubleshooting", "latency high", body)


def test_a_cloud_project_asked_for_is_its_own_spec() -> None:
    assert "resource_spec" in present(
        "cloud_resource", "Request GCP Projects", "Please set up GCP projects for dev and prod."
    )
