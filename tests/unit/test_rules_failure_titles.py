"""A failure named in the summary, and how real reporters tell when, how widely and what they did
(rules-2026.12.14).

Drawn from real writing held-out F after its first contact (open, tuned on): a broken mailing list
was read as a request for one, because its noun voted three ways and the failure once; a date in
the title, "all ... sites are down" and "I've tried restarting" were asked for again. Every test of
a new reading fails on rules-2026.12.13; the near misses hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.factories import unanswered


@pytest.mark.parametrize(
    ("summary", "body"),
    [
        ("Mailing list down", "No mail has gone out to the announce list."),
        ("Cannot join the yapc@pm.org mailing list.", "The confirmation mail never comes."),
        ("the mailing lists are down!", "Nothing is delivered since Monday."),
        ("Forum Sign Up bug at https://discourse.example.org/", "The sign-up form spins forever."),
        ("WHL: nightlies are not being uploaded", "The bucket has nothing newer than last week."),
        ("Task scheduling takes too long", "Jobs wait an hour in the queue."),
    ],
)
def test_a_failure_named_in_the_summary_is_a_problem_report(summary: str, body: str) -> None:
    assert classify(summary, body) == "troubleshooting"


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("Please create a mailing list for the broken-builds bot", "Name: builds@lists.example.org", "cloud_resource"),
        ("Hotfix deploy – auth-service token refresh bug", "Version 2.3.1 to prod, ArgoCD app auth.", "deployment"),
        ("Slack alert when an ArgoCD sync fails", "Post to #deploys when a sync fails.", "other"),
    ],
)
def test_a_request_that_mentions_a_failure_keeps_its_category(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def test_scaling_down_is_no_outage() -> None:
    assert classify("Scale down the staging node pool", "Three nodes are enough now.") != "troubleshooting"


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ("The site is unresponsive. The first failed ping was at 12:07AM PST.", "when"),
        ("Servers are down 11/9/2023, the web site too.", "when"),
        ("Also it looks like all OCF hosted student websites are down.", "impact"),
        ("I rebuilt three projects and they've all been stuck.", "impact"),
        ("Any build I've attempted has been stuck in queued.", "impact"),
        ("If I try to ssh, it says: Connection refused.", "steps"),
        ("I've tried aborting and restarting builds, but no luck.", "steps"),
        ("SSHing into ssh.ocf.berkeley.edu fails.", "steps"),
    ],
)
def test_real_reporters_tell_when_how_widely_and_what_they_did(body: str, item: str) -> None:
    assert item not in unanswered("Builds are broken", body, "troubleshooting")


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ("Version 1.2.3 fails to install.", "when"),  # a version is no date
        ("See https://blog.example.org/2023/11/09/outage for the notes.", "when"),  # nor a path
        ("I need all of the logs from the build.", "impact"),
        ("It fails.", "steps"),
    ],
)
def test_near_misses_still_ask(body: str, item: str) -> None:
    assert item in unanswered("Builds are broken", body, "troubleshooting")


@pytest.mark.parametrize(
    ("body", "item"),
    [
        ("About 1,200 claims queued and the retry queue is growing.", "impact"),
        ("Some 300 orders stuck in pending since the deploy.", "impact"),
        ('```json\n{"event": {"event_type": "incident.triggered", "alarm": "claims-db-cpu-high"}}\n```', "error"),
    ],
)
def test_a_count_of_held_up_work_and_a_pasted_alert_answer_impact_and_error(body: str, item: str) -> None:
    """rules-2026.12.16, from real-shape P after its first contact (RP-TRB-12, RP-TRB-18)."""
    assert item not in unanswered("Claims API degraded", body, "troubleshooting")


@pytest.mark.parametrize(("body", "item"), [("I have 3 jobs to run tonight.", "impact"), ('{"name": "x"}', "error")])
def test_a_count_or_json_that_says_nothing_still_asks(body: str, item: str) -> None:
    assert item in unanswered("Claims API degraded", body, "troubleshooting")
