"""What real shapes AO and AP showed once opened after their first contact (rules-2026.12.37).

Shopify is a tool; "Orders(조회/편집)" in a 권한 field is a role; removing someone's accounts makes
the role moot and "Park left on Friday" is the reason; "차단기 안열림", "STS07 telemetry flatlined"
and "5xx 알람 계속 울림" say what happened, and "VBS 접속 안됨" where; an NSG rule, a mailing list
and a BigQuery dataset are their own resource types; "VisionLane OCR engine 6.3.1" names the
service. Every positive case fails on rules-2026.12.36.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


def test_shopify_is_a_tool() -> None:
    assert "tool" in present("access", "Shopify US 스토어 스태프 계정 권한 요청", "")


def test_korean_view_and_edit_in_a_permission_field_are_a_role() -> None:
    body = "- 권한: Orders(조회/편집), Products(조회/편집), Discounts 조회 - 나머지 권한 없음"
    assert "role" in present("access", "스태프 계정 권한 요청", body)


def test_removing_someones_accounts_needs_no_role_and_their_leaving_is_the_reason() -> None:
    assert {"role", "justification"} <= present(
        "access", "Please remove Park's accounts", "Park left on Friday, please remove his accounts."
    )


@pytest.mark.parametrize(
    ("summary", "body"),
    [("[긴급] IN-03 차단기 안열림", ""), ("STS07 telemetry flatlined", "hoist data flat in Grafana again"),
     ("CDN 오리진 5xx 알람 계속 울림", "이거 봐주세요")],
)  # fmt: skip
def test_a_state_said_in_passing_is_the_symptom(summary: str, body: str) -> None:
    assert "symptom" in present("troubleshooting", summary, body)


def test_a_named_system_that_cannot_be_reached_says_where() -> None:
    assert "where" in present("troubleshooting", "VBS 접속 안됨", "")


def test_a_landing_page_that_does_not_open_names_no_system() -> None:
    assert "where" not in present("troubleshooting", "랜딩페이지 안열림", "이거 왜이래요??")


@pytest.mark.parametrize(
    "summary",
    ["NSG rule: allow vendor SFTP from 203.0.113.40 to edi-gw (prod)", "야간 알람 수신용 메일링 리스트 생성",
     "BQ 데이터셋 하나 만들어주세요 mart_jp"],
)  # fmt: skip
def test_a_rule_a_list_or_a_dataset_is_its_own_resource_type(summary: str) -> None:
    assert "resource_spec" in present("cloud_resource", summary, "")


def test_a_camel_case_product_and_its_version_name_the_service() -> None:
    body = "VisionLane OCR engine 6.3.1 (build 6.3.1.2207) to be rolled out to the production lane PCs."
    assert "service" in present("deployment", "Roll out OCR engine 6.3.1 to IN lane PCs", body)
