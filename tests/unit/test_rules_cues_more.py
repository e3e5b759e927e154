"""rules-2026.11.10: the second round of broad cues (sets 6 and 7), each against a near miss.

As in test_rules_cues: every ticket that answers an item in passing is paired with one that
says nearly the same and does not, so a cue cannot pass on a single word. Written for these tests.
"""

from __future__ import annotations

from shared.analysis.request_parts import request_parts
from shared.analysis.rules import classify
from tests.factories import unanswered as _missing


def test_a_named_permission_and_an_approval_in_a_chat_paste() -> None:
    base = "Jenkins `release-tools` 폴더 job 설정 권한{} 부탁드립니다. 배포 담당이 저로 바뀌어서요. 팀장님 승인 받았습니다."
    assert "role" not in _missing("권한", base.format("(Configure)"), "access")
    assert "role" in _missing("권한", base.format(""), "access")
    unsure = "GitHub `acme/dags` repo. Not sure which permission level I need. Approved by Ravi (lead)."
    assert "role" in _missing("GitHub", unsure, "access")
    chat = "```\n[10:14] 장태식: ㅇㅇ 신청해\n[10:15] 장태식: 👍 승인\n```\nHarbor `ai-infer` 프로젝트 Guest 역할 부탁드립니다."
    assert "approver" not in _missing("Harbor", chat, "access")
    assert "approver" in _missing("Harbor", chat.replace("👍 승인", "확인해볼게"), "access")


def test_reasons_said_as_a_purpose_or_a_change_of_owner() -> None:
    ask = "Please give the `e2e-runner` service account view on the `orders-qa` namespace. Approved by Mina (QA lead). "
    assert "justification" not in _missing(
        "RBAC", ask + "So the nightly e2e suite can read pod logs.", "access"
    )
    assert "justification" in _missing("RBAC", ask, "access")
    ko = "Harbor `ml-models` 프로젝트 Developer 권한 부탁드립니다. 승인: 이수진 리드. "
    assert "justification" not in _missing("Harbor", ko + "모델 서빙 이미지 push 용도입니다.", "access")
    assert "justification" in _missing("Harbor", ko, "access")


_TROUBLE = (
    "Since 08:00 today `media-api` in prod (aks-prod-01) returns 500 on uploads:\n"
    "```\nERROR S3UploadException: connection reset\n```\n"
)


def test_impact_said_as_lateness_breadth_or_a_stream_of_reports() -> None:
    assert "impact" not in _missing(
        "500", _TROUBLE + "Finance reports for the morning are late.", "troubleshooting"
    )
    assert "impact" not in _missing(
        "500", _TROUBLE + "That breaks all 14 squads' QA envs.", "troubleshooting"
    )
    assert "impact" in _missing("500", _TROUBLE + "Please check.", "troubleshooting")
    ko = _TROUBLE + "재시도해도 똑같습니다. "
    assert "impact" not in _missing(
        "500", ko + "CS 문의가 시간당 30건 정도 들어오고 있어요.", "troubleshooting"
    )


def test_steps_said_as_every_time_and_time_said_as_a_clock_or_a_date() -> None:
    base = _TROUBLE + "The upload team is blocked. "
    assert "steps" not in _missing("500", base + "It happens every single time.", "troubleshooting")
    assert "steps" in _missing("500", base, "troubleshooting")
    trouble = "`pay-api` 운영에서 결제가 실패합니다. 결제팀 전원이 대기 중입니다. 새로고침하면 매번 재현됩니다.\n```\nERROR PG timeout\n```"
    assert "when" not in _missing("결제", "오늘 14:05 배포 이후 " + trouble, "troubleshooting")
    assert "when" not in _missing("cert", "Renewal should have run on Nov 20. " + trouble, "troubleshooting")
    assert "when" in _missing("결제", trouble, "troubleshooting")


def test_a_message_that_only_says_failed_is_no_error_message() -> None:
    base = "Since 8am none of our deploys in `web-shop` go through. My whole team is blocked. We click deploy and it "
    assert "error" in _missing("deploys", base + "says failed.", "troubleshooting")
    assert "error" not in _missing("deploys", base + "says `quota exceeded for runner`.", "troubleshooting")


def test_a_deploy_request_in_a_hurry() -> None:
    hurried = "hey can u deploy paymnet-webhook to stagign? version 1.4.2, argo app paymnet-webhook-stg thx!!"
    assert _missing("deploy pls", hurried, "deployment") == set()
    rolled = "Please roll `media-transcoder-stg` in ArgoCD to `1.8.0-rc.1`. Staging only. Service: media-transcoder"
    assert "argocd_app" not in _missing("deploy", rolled, "deployment")
    template = "- 서비스: member-batch\n- 버전: 2.2.0\n- 환경: dev\n- ArgoCD: member-batch-{env}"
    assert "argocd_app" in _missing("배포", template, "deployment")


def test_a_form_whose_what_is_still_to_be_written_says_nothing() -> None:
    form = "요청 내용: {}\n요청자: 배준호\n희망 완료일: 12/02"
    assert "details" in _missing("[요청] 인프라 관련", form.format("(작성 예정)"), "other")
    assert "details" not in _missing(
        "[요청] 인프라 관련",
        form.format("Grafana 알림 채널을 #infra-alerts 로 옮겨 주세요, 기존 채널은 보관만 합니다."),
        "other",
    )


def test_a_request_for_two_resources_checks_each() -> None:
    body = (
        "dev 환경에 아래 두 개 만들어주세요.\n\n1. Service Bus namespace - Standard, 큐 `orders`\n"
        "   -> 네트워크는 public endpoint 그대로 써도 됩니다\n2. Function App - Premium EP1\n\n"
        "구독: sub-order-dev / rg-order-dev\n리전: koreacentral\n비용센터: CC-3002"
    )
    assert len(request_parts(body)) == 2
    assert _missing("SB + Func", body, "cloud_resource") == {"network"}


def test_the_category_edges_sets_six_and_seven_found() -> None:
    assert (
        classify("Harbor push returns 403", "It was working yesterday, today every push fails.")
        == "troubleshooting"
    )
    assert classify("s3 bucket plz", "for the new log pipeline, standard storage class") == "cloud_resource"
    assert classify("dev용 VM 2대", "dev용 VM 2대 부탁드립니다. D2s_v5") == "cloud_resource"
    assert classify("'ArgoCD 배포 가이드' 문서 최신화 요청", "스크린샷 교체 부탁드립니다.") == "other"
    assert (
        classify("ArgoCD 배포 결과를 팀 채널로 받고 싶습니다", "argocd-notifications 라우팅 부탁드립니다.")
        == "other"
    )
