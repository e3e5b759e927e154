"""Questions the layer, left one real-shape set out, still asked about what a ticket held
(rules-2026.12.30). A line that is a named system and its state says where; a network answered in
the negative, by a command's flag, a named VPC, a listener or a certificate's SAN names; a retry
that fails the same way and "and you'll see it" are the steps. Every positive case fails on
rules-2026.12.29.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize("summary", ["MES 느림", "3라인 HMI 멈춤", "Horizon slow", "gpu03 노드 다운된 것 같습니다"])
def test_a_named_system_and_its_state_say_where(summary: str) -> None:
    assert "where" in present("troubleshooting", summary, "")


@pytest.mark.parametrize(
    "summary",
    ["Forum down", "The website is down", "Build server is down", "The Mirrors are slow.", "CI builds super slow",
     "Is the site down just for me?", "Everything slow"],
)  # fmt: skip
def test_a_kind_of_thing_and_its_state_do_not(summary: str) -> None:
    assert "where" not in present("troubleshooting", summary, "")


@pytest.mark.parametrize(
    "body",
    ["No VPC access needed; the bucket policy should only allow the log-shipper role.",
     "All three are detached, no ports/FIPs involved.",
     "```bash\nopenstack server create \\\n  --flavor m1.2xlarge \\\n  --network net-noc-mgmt \\\n  vm-03\n```",
     "- 연결: 라우터 kr-router-prod, VPC kr-shared-vpc 에 수동 IP로 추가",
     "| 적용 대상 | Application Gateway agw-seoul-prd (listener 443) |",
     "| 인증서 | OV, RSA 2048, SAN: portal.seoul.eubank.eu, www.portal.seoul.eubank.eu |"],
)  # fmt: skip
def test_a_network_answered_in_passing(body: str) -> None:
    assert "network" in present("cloud_resource", "new resource", body)


def test_a_nat_gateway_alone_is_not_where_it_attaches() -> None:
    body = "Please create a NAT gateway with a Standard static public IP for prod in sub-prod-001."
    assert "network" not in present("cloud_resource", "Static outbound IP for prod", body)


@pytest.mark.parametrize(
    "body",
    ["Retrying any of them fails the same way.",
     "Every new pod hits this; scale the deployment up by one and you'll see it."],
)  # fmt: skip
def test_a_retry_or_what_anyone_can_do_to_see_it_are_the_steps(body: str) -> None:
    assert "steps" in present("troubleshooting", "pipelines failing", body)
