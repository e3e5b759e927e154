"""What real writing L and real shapes AA and AB showed after their first contact (rules-2026.12.28).

A certificate about to lapse or to renew, a domain to register, a runner to host, mail addresses to
set up and "Nieuwe VM maken" ask for a resource; a certificate that is not renewing stays a problem;
an "Affected Platforms" field answers where, GKE's `network_config` the network, and "보이게
해주세요" the (view) role. Every positive case fails on rules-2026.12.27.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.rules_reading import present


@pytest.mark.parametrize(
    "summary",
    ['Your TLS certificate "*.xpro.mit.edu" is set to expire on 2024-10-05', "TLS certificate of www.tldp.org "
     "expires in 11 days", "SSL renewal for treetracker.org", "We need a domain", "register domain",
     "Self-host M1 macOS GitHub Actions runner", "Need to set up contact email addresses", "Nieuwe VM maken"],
)  # fmt: skip
def test_a_lapse_to_come_a_name_to_register_or_a_runner_to_host_is_a_resource_request(summary: str) -> None:
    assert classify(summary, "") == "cloud_resource"


@pytest.mark.parametrize(
    ("summary", "body"),
    [
        ("Self hosted Runner Going offline", "the self-hosted runner thats set to run on EC2 goes offline"),
        ("Support chat closed to outsiders", "You need to create an account with any valid email address, it says."),
    ],
)
def test_a_runner_that_goes_offline_or_an_account_made_with_an_address_is_no_resource_request(
    summary: str, body: str
) -> None:
    assert classify(summary, body) != "cloud_resource"


def test_a_platform_field_a_gke_network_block_and_view_access_in_korean() -> None:
    assert "where" in present("troubleshooting", "Preroll ads not playing", "Affected Platforms: Roku")
    hcl = '```hcl\nnetwork_config {\n  pod_range = "gke-stg-pods-2"\n}\n```'
    assert "network" in present("cloud_resource", "New GKE node pool", hcl)
    assert "role" in present("access", "지라 보드 권한", "이 보드 보이게 해주세요")
