"""What real shapes AI and AJ showed once opened after their first contact (rules-2026.12.34).

A desk with Brazilian and Mexican squads names its form fields in Portuguese and Spanish
("Aprovador", "Desde quando", "Projeto GCP / Conta AWS") and leaves them "a definir"; a cloud
console's address is the tool; a Terraform plan's `private_network` is the network; "에러는 따로 안
뜨고" answers the error; the search the reporter runs is the reproduction; a change in a service's
own repository names the service; "역할 변경 (user → power)" names the role. Every positive case
fails on rules-2026.12.33.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    ("category", "item", "body"),
    [("access", "approver", "Aprovador: Camila Oliveira"),
     ("access", "approver", "Aprobador: Alejandro Hernández (EM Cobranza MX)."),
     ("access", "approver", "Aprovado por @Fernanda Cruz (head de engenharia) na daily de hoje."),
     ("troubleshooting", "when", "| Desde quando | 2026-11-18 ~15h BRT |"),
     ("troubleshooting", "steps", "| Passos | 1. Create boleto in stg 2. Call GET /pdf 3. Wait -> 504 |"),
     ("cloud_resource", "subscription", "Projeto GCP / Conta AWS: fin-lending-prod"),
     ("cloud_resource", "resource_spec", "| Regra | ingress allow tcp:443 from 35.184.152.0/24 |"),
     ("deployment", "service", "Serviço: kyc-onboarding")],
)  # fmt: skip
def test_a_form_field_in_portuguese_or_spanish_answers_its_item(category: str, item: str, body: str) -> None:
    assert item in present(category, "request", body)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["a definir", "por definir", "A confirmar", "pendente"])
def test_a_portuguese_or_spanish_placeholder_answers_nothing(value: str) -> None:
    assert "cost_owner" not in present("cloud_resource", "Redis", f"Centro de custo: {value}")


@pytest.mark.parametrize(
    "body",
    ["Desde ontem (23/11) I can't push to release/2026.11.",
     "Hola, desde hoy en la mañana (27/11 ~8am CDMX) the jobs stay in Queued forever."],
)  # fmt: skip
def test_since_yesterday_or_this_morning_in_portuguese_or_spanish_is_when(body: str) -> None:
    assert "when" in present("troubleshooting", "runners stuck", body)


def test_a_cloud_consoles_address_names_the_tool_and_the_scope() -> None:
    body = "preciso de acesso nisso\n\nhttps://console.cloud.google.com/sql/instances/ledger-prod-01/overview"
    assert {"tool", "scope"} <= present("access", "acesso", body)


def test_a_terraform_plans_private_network_is_the_network() -> None:
    body = '```hcl\n+ ip_configuration {\n    + private_network = "projects/x/global/networks/vpc-nonprod"\n}\n```'
    assert "network" in present("cloud_resource", "terraform plan - cloud sql", body)


def test_no_error_shown_in_korean_answers_the_error() -> None:
    assert "error" in present("troubleshooting", "API 응답 지연", "에러는 따로 안 뜨고 그냥 느리기만 합니다.")


def test_the_search_the_reporter_runs_is_the_reproduction() -> None:
    body = "the search just comes back with 0 events. This is the search I'm running:\n\n```\nindex=x | stats count\n```"
    assert "steps" in present("troubleshooting", "no events", body)


def test_a_change_in_the_services_own_repository_names_the_service() -> None:
    body = "https://gitlab.fab.semi.local/mes/spc-engine/-/merge_requests/412"
    assert "service" in present("deployment", "Deploy request", body)


@pytest.mark.parametrize(
    "body",
    ["https://gitlab.acme.io/platform/deploy-manifests/-/merge_requests/977",
     "Two projects use it: [Plugin](https://github.com/CycloneDX/cyclonedx-maven-plugin)"],
)  # fmt: skip
def test_a_manifests_repository_or_a_bare_repository_link_does_not(body: str) -> None:
    assert "service" not in present("deployment", "Deploy", body)


def test_a_role_change_from_one_role_to_another_names_the_role() -> None:
    assert "role" in present("access", "Splunk 역할 변경 요청 (user → power) - fab_security 앱", "")
