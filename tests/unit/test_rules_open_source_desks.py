"""How open-source infrastructure desks word their asks (rules-2026.12.15).

Drawn from real writing held-out G after its first contact (open, tuned on): registries, mirrors,
foundations' infra trackers. Every case of a new reading fails on rules-2026.12.14; the near misses
hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("Publish to NPM", "The package there is from March; 2.1.0 is tagged.", "deployment"),
        ("Publish to Maven Central", "Could the 3.2 artifacts go out this week?", "deployment"),
        ("Tagging releases", "Can we tag a release for the fixes merged last week?", "deployment"),
        ("本番環境にデプロイする", "mainブランチの内容を反映してください。", "deployment"),
        ("Please can I join this organisation?", "I maintain two of the repos.", "access"),
        ("Request an API key", "For the nightly data export.", "access"),
        ("freeradius org namespace taken", "Someone registered the name years ago.", "access"),
        ("Allow me to publish to crates.io", "I took over maintenance of the crate.", "access"),
        ("Decommission old production cluster", "It has been replaced by the new one.", "cloud_resource"),
        ("Add SPF record to sparkle-project.org", "Mail from the project lands in spam.", "cloud_resource"),
        ("Build sits waiting to be queued, never gets queued", "Since this morning.", "troubleshooting"),
        ("Builds not getting triggered on git commits", "Pushes to main do nothing.", "troubleshooting"),
        ("サイトにアクセスが出来ない", "トップページが表示されません。", "troubleshooting"),
        ("Spike: decide how to roll back a bad prod release", "Write up the options.", "other"),
    ],
)
def test_open_source_desks_asks_are_read_by_their_kind(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("Clean up decommissioned properties", "Remove the old entries from the docs.", "other"),
        ("Wiki Login problem", "The page reloads after I submit the form.", "troubleshooting"),
        ("Seeking Clarification: Adding users to grafana dashboard!", "Who decides who gets in?", "other"),
        ("Jenkins login fails", "Every sign-in returns 500.", "troubleshooting"),
    ],
)
def test_near_misses_keep_their_category(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def test_upgrading_software_on_an_instance_is_no_resize() -> None:
    text = "Upgrade HIPP instance to a more recent version of Hudson"
    assert classify(text, "The current one is three years old.") != "cloud_resource"
