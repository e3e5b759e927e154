"""What real shapes AU, AV and AW and real writing U showed once opened after their first contact
(rules-2026.12.41).

An on-prem cluster with its pool is the resource group and a city's data centre the region; a
CyberArk safe and its targets are the scope; "I'm his manager and approve this" names the
approver; a dashboard "red again" and garbled text are symptoms; a mainframe ABEND in a pasted log
is the error; and access offered by the one who grants it is not an access request. Every
positive case fails on rules-2026.12.40.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.rules_reading import present


@pytest.mark.parametrize(
    ("body", "items"),
    [("클러스터 CJ-IT-CL01 / 청주 DC, 코스트센터 CC-2207", {"subscription", "region"}),
     ("| vSphere cluster / pool | CJ-OT-CL01 / OPCGW-PROD |\n| Site (region) | Cheongju DC1 |",
      {"subscription", "region"}),
     ("```yaml\n# cluster: CI-OT-01 / pool RUNNERS\n```", {"subscription"})],
)  # fmt: skip
def test_an_on_prem_cluster_and_its_site(body: str, items: set[str]) -> None:
    assert items <= present("cloud_resource", "VM request", body)


@pytest.mark.parametrize("body", ["운영 DC 서버 증설", "cluster aks-prod-01 node pool"])
def test_an_environment_before_dc_or_a_kubernetes_cluster_is_not(body: str) -> None:
    found = present("cloud_resource", "VM request", body)
    assert "region" not in found and "subscription" not in found


def test_a_cyberark_safe_and_targets_are_the_scope() -> None:
    body = "Please grant CyberArk PSM access.\n\n- Safe: OT-JUMP-CJ-M15\n- Targets: cj-jump-01, cj-jump-02"
    assert "scope" in present("access", "CyberArk PSM access to OT jump hosts", body)


def test_the_reporters_own_approval_as_manager() -> None:
    body = "Please remove all his access at EOD.\n\nI'm his manager and approve this."
    assert "approver" in present("access", "Offboarding: remove all access", body)


@pytest.mark.parametrize(
    ("summary", "body"),
    [("collector dashboard red again", "https://grafana.fab.local/d/eqp-collector\n\nred again"),
     ("translation hub CSV export - japanese text broken", "all Japanese lines become like `ã‚¢ã‚¤ã‚¹`")],
)  # fmt: skip
def test_symptoms_said_plainly(summary: str, body: str) -> None:
    assert "symptom" in present("troubleshooting", summary, body)


def test_a_mainframe_abend_in_a_pasted_log_is_the_error() -> None:
    body = "JES 로그 일부:\n\n```\nIEF450I NIGHTLY01 STEP030 - ABEND=S0C7 U0000 REASON=00000000\n```"
    assert "error" in present("troubleshooting", "야간배치 ABEND 건", body)


@pytest.mark.parametrize(
    ("summary", "body"),
    [("New maintainers", "@faddiv thanks for all your contributions over the last few months.  I think it's "
      "time to upgrade to you a full maintainer.  Are you still interested?\n\nIf yes, I'll upgrade your "
      "permissions, and then let's use this issue for any Q&A initially.\n\nI think a good plan would be for "
      "use to work through the 3.0 release together, including you releasing it to nuget (I'll push an update "
      "to the docs so you know what to do).\n\nThoughts?"),
     ("create account on https://readthedocs.org", "@blubbundbla  and @snacktavish , can you create and "
      "account on https://readthedocs.org and give me your usernames so that I can make you admins for the "
      "doc pages ?")],
)  # fmt: skip
def test_access_offered_by_its_granter_is_not_an_access_request(summary: str, body: str) -> None:
    assert classify(summary, body) == "other"
