"""What a request pastes as config, and how sites name its parts (rules-2026.12.25, real shapes
S to Z, read at leave-one-set-out).

A spec pasted as YAML or a Terraform plan names its machine types and config keys ("node_type:
cache.t4g.small", "+ cost_center = ..."); a deletion names what to delete, not its size; "Approving
manager" is the approver; an error popup said to appear is the symptom, and a named system's screen
is where it fails ("결제 화면에서" names no system). Every case here fails on rules-2026.12.24.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    "body",
    [
        "Please add a node group for the transcoder: c6i.2xlarge, on-demand.",
        '```hcl\n+ instance_class = "db.r7g.xlarge"\n```',
        "```yaml\nspec:\n  engine: redis 7.1\n  node_type: cache.t4g.small\n```",
        'machine_type = "n2-standard-8" for the batch pool',
    ],
)
def test_a_cloud_machine_type_is_the_resource_spec(body: str) -> None:
    assert "resource_spec" in present("cloud_resource", "New capacity for batch", body)


def test_a_config_key_names_its_item_with_its_words_parted() -> None:
    assert "subscription" in present("cloud_resource", "Redis for sessions", "```yaml\naws_account: mair-dev\n```")
    assert "cost_owner" in present("cloud_resource", "Redis for sessions", '```hcl\n+ cost_center = "fin-ops"\n```')


def test_a_deletion_is_specified_by_what_it_names() -> None:
    assert "resource_spec" in present("cloud_resource", "Delete orphaned volumes in prj-legacy-ems", "They are unused.")
    assert "resource_spec" in present("cloud_resource", "Decommission old servers", "Please decommission wiki-old-01.")
    # Nothing named: which server, of what size, is still the question.
    assert "resource_spec" not in present("cloud_resource", "decommission old server", "It is not used any more.")
    # "release" as a noun asks nothing to be deleted.
    assert "resource_spec" not in present("cloud_resource", "Test web server", "Before the 1.0 release: dljwql.x.edu")


def test_an_account_named_before_its_korean_word_is_the_subscription() -> None:
    assert "subscription" in present("cloud_resource", "PVC 용량 변경", "대상: corvane-kr-research 계정, 네임스페이스 jhub")


def test_an_approving_manager_field_is_the_approver() -> None:
    assert "approver" in present("access", "Argo CD sync access", "Approving manager: Olivia Chen\nTool: Argo CD")


def test_a_wbs_field_is_the_cost_owner() -> None:
    assert "cost_owner" in present("cloud_resource", "Redis 생성", "WBS: 4410-22")


def test_an_error_popup_is_the_symptom_and_a_named_systems_screen_is_where() -> None:
    found = present("troubleshooting", "MES 에러", "울산 MES 작업지시 화면에서 에러 팝업이 뜹니다.")
    assert {"symptom", "where"} <= found
    assert "symptom" in present("troubleshooting", "FW: claims-api in UAT down?", "see attached")
    assert "where" not in present("troubleshooting", "배포 후 500 에러", "결제 화면에서 500 에러가 납니다.")
