"""The cloud resource checklist: the spec, the network details, a request for several resources.

The tickets are written for these tests.
"""

from __future__ import annotations

import pytest

from shared.analysis.request_parts import request_parts
from tests.factories import unanswered as _missing


@pytest.mark.parametrize(
    "body",
    [
        "Need a Key Vault (Premium) for the ledger service.",
        "Please create a Standard public IP for the gateway.",
        "/24 서브넷 하나 추가 부탁드립니다.",
        "An App Service plan P2v3 for the portal.",
    ],
)
def test_a_tier_or_size_is_the_resource_spec(body: str) -> None:
    assert "resource_spec" not in _missing("New resource", body, "cloud_resource")


def test_an_allow_list_is_a_network_detail_only_with_what_it_lets_through() -> None:
    assert "network" in _missing(
        "IP", "We need a fixed egress IP so the vendor can whitelist us.", "cloud_resource"
    )
    assert "network" not in _missing("IP", "Open outbound 5432 to the vendor's database.", "cloud_resource")


def test_a_request_for_two_resources_checks_each() -> None:
    body = (
        "dev 환경에 아래 두 개 만들어주세요.\n\n1. Service Bus namespace - Standard, 큐 `orders`\n"
        "   -> 네트워크는 public endpoint 그대로 써도 됩니다\n2. Function App - Premium EP1\n\n"
        "구독: sub-order-dev / rg-order-dev\n리전: koreacentral\n비용센터: CC-3002"
    )
    assert len(request_parts(body)) == 2
    assert _missing("SB + Func", body, "cloud_resource") == {"network"}
