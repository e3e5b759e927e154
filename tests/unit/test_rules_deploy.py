"""The deployment checklist: the version (pinned, not a moving head), the environment, every app.

The tickets are written for these tests.
"""

from __future__ import annotations

from tests.factories import unanswered as _missing


def test_an_mr_given_for_reading_is_not_the_version() -> None:
    assert "version" in _missing("Deploy", "Deploy ledger-api to prod, see MR !91 for context.", "deployment")
    assert "version" not in _missing("Deploy", "Deploy ledger-api MR !91 to prod.", "deployment")
    assert "version" in _missing("배포", "운영 배포 부탁드립니다. 변경 내용은 MR !91 참고.", "deployment")


def test_a_deploy_of_several_services_needs_every_app() -> None:
    rows = "```\nledger-api   v3.0.1  argocd: ledger-api-stg\nrefund-worker v1.2.0{}\n```"
    assert "argocd_app" in _missing("stg 배포", rows.format(""), "deployment")
    assert "argocd_app" not in _missing("stg 배포", rows.format("  argocd: refund-worker-stg"), "deployment")


def test_a_deploy_request_in_a_hurry() -> None:
    hurried = "hey can u deploy paymnet-webhook to stagign? version 1.4.2, argo app paymnet-webhook-stg thx!!"
    assert _missing("deploy pls", hurried, "deployment") == set()
    rolled = "Please roll `media-transcoder-stg` in ArgoCD to `1.8.0-rc.1`. Staging only. Service: media-transcoder"
    assert "argocd_app" not in _missing("deploy", rolled, "deployment")
    template = "- 서비스: member-batch\n- 버전: 2.2.0\n- 환경: dev\n- ArgoCD: member-batch-{env}"
    assert "argocd_app" in _missing("배포", template, "deployment")


def test_prd_is_an_environment() -> None:
    body = "service: notification-worker, tag 2.4.0, ArgoCD app notification-worker-prd"
    assert "environment" not in _missing("배포", body, "deployment")
    assert "environment" in _missing("배포", body.replace("-prd", ""), "deployment")


def test_a_branch_head_is_a_version_once_a_commit_or_a_later_answer_pins_it() -> None:
    """make demo: 'version: 55e1b3e (main 최신)' and the reporter's 'Version: v1.4.2' both left
    the version missing, because 'main 최신' alone is a moving target."""
    base = "환경: qa\nArgoCD 앱: web-qa/admin-console\nservice: admin-console\n"
    assert "version" not in _missing("deploy", base + "version: 55e1b3e (main 최신)", "deployment")
    moving = base + "main 최신으로 올려주세요"
    assert "version" in _missing("deploy", moving, "deployment")
    assert "version" not in _missing("deploy", moving + "\n\nVersion: v1.4.2", "deployment")
    assert "version" in _missing("deploy", base + "버전은 QA 끝나고 따로 말씀드릴게요", "deployment")
