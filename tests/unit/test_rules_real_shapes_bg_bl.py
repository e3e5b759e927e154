"""What real shapes BG to BL showed once opened after their first contact (rules-2026.12.45).

A table whose first header cell names the rows ("구분", "Item") is also read row by row; an
account, a subscription or a scheduler account by its name is where the resource lives, and an
on-prem resource's "계정·리전은 해당 없습니다" makes it moot; a site's zone code in a list is the
region; a certificate, a domain's term, a hosted zone or a stream's mode is the spec; the network
kept as it is answers it; a grant number pays; the person's work told in the third person is the
reason and a Vault policy's capabilities the role; failure verbs the vocabulary lacked are what
happened; a named node, a host logged into or a pod in a log is where; calls piling up or work
moved to a manual path are the impact; a service named before "배포" is the service. Every case
that reads an item fails on rules-2026.12.44; the three that read none hold the new wording's edges.
"""

from __future__ import annotations

import pytest

from tests.rules_reading import present


@pytest.mark.parametrize(
    ("body", "item"),
    [("| 구분 | 현재 | 변경 |\n| --- | --- | --- |\n| 비용 | NRF-2024R1A6A1A03012345 | 동일 |", "cost_owner"),
     ("Please add it in the `hbpay.co.kr` public hosted zone (Route53, pg-shared account).", "subscription"),
     ("HBCC-Prod 구독 Korea Central DSv5 vCPU 쿼터 100 → 200 증설 요청합니다.", "subscription"),
     ("Slurm 계정 ai_lab 의 분기 GPU-hours 쿼터를 올려주세요.", "subscription"),
     ("가산 IDC L4 VIP 10.20.1.15:443 — 온프렘이라 AWS 계정·리전은 해당 없습니다", "subscription"),
     ("```bash\nopenstack --os-project-name mnp-stg server create --flavor m1.large vm-01\n```", "subscription"),
     ("| 항목 | 값 |\n| --- | --- |\n| 클러스터 | osp-gasan-prd (GASAN-1) |", "region"),
     ("볼륨 증설: HRC 프로젝트 chem-sim / daejeon-1 / 운영", "region"),
     ("- Type: DigiCert OV wildcard *.hbcc.co.kr, 1 year, RSA 2048", "resource_spec"),
     ("Need a Route53 private hosted zone `ccp.internal` for stg.", "resource_spec"),
     ("Requesting a new Kinesis Data Stream `vehicle-diag-prd`, on-demand mode, 24h retention.", "resource_spec"),
     ("No new SG rules needed, producers already reach the cluster.", "network"),
     ("Default VPC of the project is fine.", "network"),
     ("과제번호: IPET-321045-3", "cost_owner")],
)  # fmt: skip
def test_cloud_items_said_the_sites_way(body: str, item: str) -> None:
    assert item in present("cloud_resource", "resource request", body)


def test_a_table_row_left_tbd_answers_nothing() -> None:
    body = "| Parameter | Value | Notes |\n| --- | --- | --- |\n| AWS account | TBD | will check with Jonas |"
    assert "subscription" not in present("cloud_resource", "Staging test DB", body)


def test_an_organisation_controlled_account_names_no_account() -> None:
    body = "Move the domain into an organization-controlled account managed by Infrastructure."
    assert "subscription" not in present("cloud_resource", "Transfer the domain", body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("GitLab accounts for vendor devs", "They are on the merchant portal renewal project, contract until March.",
      "justification"),
     ("GitHub org invite", "He pushes fixes to the LPA SDK under contract HM-2026-114.", "justification"),
     ("kubectl access to EKS", "Please grant kubectl access with edit role. Need it to debug pods.",
      "justification"),
     ("그룹 추가", "WMS 반장 메뉴가 이 그룹 기준이라 필요합니다.", "justification"),
     ("Vault 정책 추가 요청", '```hcl\npath "secret/data/ota/*" {\n  capabilities = ["read", "list"]\n}\n```',
      "role")],
)  # fmt: skip
def test_access_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("access", summary, body)


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("WMS app", "Since the update the app freezes when we press Confirm on putaway.", "symptom"),
     ("CDR loader", "rating-cdr-loader skipped the roaming CDR file during the 03:00 run.", "symptom"),
     ("CRM SSO", "The CRM SSO sometimes logs agents out in the middle of a call.", "symptom"),
     ("Slurm", "Our jobs on partition gpu-3090 die at random times.", "symptom"),
     ("포털 로그인", "로그인 후 다시 로그인 페이지로 무한 루프 돕니다.", "symptom"),
     ("rating", "p99 at ~3s since 08:00 today, normally 200ms", "symptom"),
     ("잡이 죽음", "gpu-3090-07 노드에 배정되면 시작하자마자 죽습니다.", "where"),
     ("cluster slow", "login is slow, takes forever\nssh lan.nguyen@hpc-login01.hanbit.ac.kr", "where"),
     ("응답 지연", "2026-11-23 09:02:11 [mnp-gw-prd-7c9f] WARN op=PRE_CHECK elapsed=20003ms TIMEOUT", "where"),
     ("홈페이지 502", "공지사항 못 올리는 중이고 수험생 문의 전화가 계속 옵니다.", "impact"),
     ("Kiosks", "Agents are moving passengers to manual check-in at counters 1-4.", "impact"),
     ("라벨 출력", "라벨 재출력 때문에 시간당 200박스 정도 지연되고 있어요", "impact"),
     ("승인 지연", "신한카드 테스트카드로 승인요청 보내면 매번 3초 이상 걸립니다.", "steps")],
)  # fmt: skip
def test_troubleshooting_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("troubleshooting", summary, body)


def test_a_self_hosted_runner_is_no_named_place() -> None:
    assert "where" not in present("troubleshooting", "Jobs queue forever", "Jobs on our self-hosted runner hang.")


@pytest.mark.parametrize(
    ("summary", "body", "item"),
    [("pg-routing 운영 배포", "pg-routing prod 배포 부탁드립니다. BIN 캐시 워밍 수정건.", "service"),
     ("booking-payment 1.22.0", "bumped the chart values, please deploy", "service"),
     ("ota-notify-lambda 운영 배포", "이 서비스는 ArgoCD 관리 대상이 아닙니다 (SAM 으로 배포).", "argocd_app")],
)  # fmt: skip
def test_deployment_items_said_in_passing(summary: str, body: str, item: str) -> None:
    assert item in present("deployment", summary, body)
