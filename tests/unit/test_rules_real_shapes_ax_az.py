"""What real shapes AX, AY and AZ showed once opened after their first contact (rules-2026.12.42).

"SELECT only" in a permission row is the role, and so is "Requesting **Maintain** on"; "승인
@Name" names the approver; "farm-platform 팀" is the scope; access "to fix the refund rounding bug"
and "I want to open PRs" give the reason; an Argo CD Application manifest names the app; "no new
network, ports or DNS involved" and floating IPs that "go with them" answer the network; work by
hand and refunds, or "3 farms without climate data", are the impact; a Grafana dashboard's
address with a named slug says where ("/d/k3Jd9aZ4z/ccu" does not). Every positive case fails on
rules-2026.12.41.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    ("body", "item"),
    [("| 대상 | Trino - catalog hive |\n| 권한 | SELECT only |", "role"),
     ("Requesting **Maintain** on [hanbeat/argocd-apps](https://github.com/hanbeat/argocd-apps) (GitHub).", "role"),
     ("Datadog farm-platform 팀에 아래 인원 추가 부탁드립니다.\n\n승인 @Han Jaewon", "approver"),
     ("Datadog farm-platform 팀에 아래 인원 추가 부탁드립니다.", "scope"),
     ("need access to  https://github.com/hanbeat/payments-toss-adapter  to fix the refund rounding bug",
      "justification"),
     ("Could you invite me to github.com/greenroot-agri? I want to open PRs on the public sensor SDK.",
      "justification")],
)  # fmt: skip
def test_access_items_said_in_passing(body: str, item: str) -> None:
    assert item in present("access", "access request", body)


def test_an_argocd_application_manifest_names_the_app() -> None:
    body = "please sync:\n\n```yaml\napiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n" \
        "  name: stream-ingest-prod-usw2\nspec:\n```"
    assert "argocd_app" in present("deployment", "stream-ingest rc2 to prod usw2", body)


@pytest.mark.parametrize(
    "body",
    ["Quota only - no new network, ports or DNS involved. Cost center CC-4120.",
     "Please delete ksk-old-app-01. Their floating IPs and DNS records go with them, nothing to rewire."],
)  # fmt: skip
def test_the_network_made_moot(body: str) -> None:
    assert "network" in present("cloud_resource", "request", body)


@pytest.mark.parametrize(
    "body",
    ["역무실에서 수기로 발권처리 중이고 환불 요청도 몇건 들어왔다고 합니다.",
     "3 farms without climate data for ~5h now, growers are calling the field team."],
)  # fmt: skip
def test_work_by_hand_and_sites_without_service_are_the_impact(body: str) -> None:
    assert "impact" in present("troubleshooting", "장애", body)


def test_a_named_grafana_dashboard_says_where_a_bare_one_does_not() -> None:
    named = "https://grafana.fab.local/d/eqp-collector/equipment-collector-health?orgId=1&var-site=ICH\n\nred again"
    assert "where" in present("troubleshooting", "collector dashboard red again", named)
    bare = "https://grafana.bwg-internal.net/d/k3Jd9aZ4z/ccu?orgId=1"
    assert "where" not in present("troubleshooting", "지표 좀 봐주세요", bare)
