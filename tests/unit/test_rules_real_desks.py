"""What real infrastructure desks write, read as an assignee reads it (rules-2026.12.2).

Drawn from the tuning parts only (eval/real/tuning.jsonl, eval/realshape/set-a.jsonl after its
first contact), each case a class of wording rather than one ticket's phrase: GitHub issue forms
(a heading, a blank line, the answer; "_No response_"), links that name what they point at, request
kinds an infra desk provisions besides cloud services, membership as access. Every test of a new
reading fails on rules-2026.12.1; the near misses hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify
from tests.factories import unanswered

PROBLEM = "Pods crash in stg since 09:00, the QA team is blocked. Error: `CrashLoopBackOff`"


@pytest.mark.parametrize(
    "body",
    [
        "### Approver\n\n@Priya Nair",  # a GitHub issue form / a Jira heading, then its answer
        "Approver:\n\nLee Sujin (team lead)",  # a label paragraph, then the value paragraph
    ],
)
def test_a_heading_or_label_paragraph_takes_the_next_paragraph_as_its_value(body: str) -> None:
    text = f"Tool: GitLab\nGroup: platform/api\nRole: Developer\nReason: I joined the API team\n\n{body}"
    assert "approver" not in unanswered("Access", text, "access")


def test_an_issue_forms_no_response_answers_nothing() -> None:
    text = "Tool: GitLab\nGroup: platform/api\nRole: Developer\nReason: I joined the API team\n\n### Approver\n\n_No response_"
    assert "approver" in unanswered("Access", text, "access")


def test_a_compound_label_answers_what_either_part_answers() -> None:
    assert "scope" not in unanswered("GitHub invite", "Org / team: acme-mobile / ios-devs", "access")
    assert "scope" in unanswered("GitHub invite", "Org / team: TBD", "access")


@pytest.mark.parametrize(
    ("item", "category", "body"),
    [
        ("scope", "access", "can I get Developer on [this group](https://gitlab.acme.io/groups/platform/terraform)?"),
        ("argocd_app", "deployment", "이거 싱크 부탁드려요 https://argocd.acme.io/applications/argocd/user-service-stg"),
        ("environment", "deployment", "please sync https://argocd.acme.io/applications/argocd/user-service-stg"),
        ("service", "deployment", "please sync https://argocd.acme.io/applications/argocd/user-service-stg"),
    ],
)
def test_a_link_names_what_it_points_at(item: str, category: str, body: str) -> None:
    assert item not in unanswered("Request", body, category)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("item", "body"),
    [
        ("when", "11/18 GitLab 이관 이후로 레포 clone 할 때 LFS 파일을 못 받아옵니다."),
        ("when", "배포 이후로 로그가 Datadog 에 안 들어옵니다."),
        ("steps", "The nightly release job failed. Re-running release-prod fails the same way."),
        ("steps", "Main is red.\n```bash\nterraform apply -target=module.network\n```"),
        ("impact", "Dashboards time out. On-call is basically blind during incidents right now."),
        ("where", "어제 15시부터 prod 결제 페이지에서 카드결제가 안 됩니다."),
        ("where", "VPN super slow since this morning"),
    ],
)
def test_problem_reports_say_it_in_their_own_words(item: str, body: str) -> None:
    assert item not in unanswered("Problem", body, "troubleshooting")


def test_a_connection_error_said_in_korean_is_what_happened() -> None:
    assert "symptom" not in unanswered("stg user-db 커넥션 에러", "stg 에서 user-service → user-db 연결 에러 납니다.")


def test_near_misses_of_problem_reports() -> None:
    assert "steps" in unanswered("Pods", "```bash\nkubectl get pods -n checkout\n```", "troubleshooting")
    assert "symptom" in unanswered("terraform apply", "이거 안돼요", "troubleshooting")


@pytest.mark.parametrize(
    ("item", "body"),
    [
        ("region", "Zone acme.io lives in sub acme-prod-01. Region n/a - Azure DNS zones are global."),
        ("resource_spec", "- Cert: DigiCert OV, SAN api.acme.io + api-v2.acme.io, 1 year"),
        ("resource_spec", "Please create a new repository nodejs/userland-migrations for the team."),
        ("resource_spec", "```yaml\nminikube.sigs:\n  type: CNAME\n  value: x.netlify.com\n```"),
    ],
)
def test_resource_requests_answered_the_way_desks_answer(item: str, body: str) -> None:
    assert item not in unanswered("Request", body, "cloud_resource")


def test_a_bare_not_applicable_region_still_asks() -> None:
    assert "region" in unanswered("DNS", "Region: n/a", "cloud_resource")


@pytest.mark.parametrize(
    ("item", "body"),
    [
        ("role", "### Organization you are requesting membership in\n\n@kubernetes-sigs"),
        ("approver", "### Sponsors\n\n- @PatrickLang\n- @michmike"),
        ("justification", "### List of contributions to the Kubernetes project\n\n- PRs reviewed / authored"),
        ("justification", "Grant admin access for the repository to help with making releases on it."),
        ("justification", "I'd like to retrieve admin permissions on ci.jenkins.io to ease my work on issues"),
    ],
)
def test_membership_and_access_forms(item: str, body: str) -> None:
    assert item not in unanswered("REQUEST: New membership for pjh", body, "access")


def test_a_link_and_see_this_say_nothing_of_what_is_needed() -> None:
    assert unanswered("Docs", "see this  https://wiki.acme.io/display/OPS/Runbook+Index", "other") == {"details"}
    wiki = "I drafted the runbook at https://wiki.example.com/runbooks/redis-failover. Could someone review it by Friday?"
    assert unanswered("Wiki page review", wiki, "other") == set()


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("REQUEST: New membership for pjh", "### GitHub Username\n\n@pjh", "access"),
        ("REQUEST: New integration for etcd-io/etcd", "Install the codecov app", "access"),
        ("Delete spambot 'watsicagaylord'", "", "access"),
        ("New Slack Channel - Linux Distributions Working Group", "", "cloud_resource"),
        ("New Mailing List - Mainframe Open Education", "", "cloud_resource"),
        ("Repo creation request", "Please create a repository for the new plugin.", "cloud_resource"),
        ("DNS REQUEST: kind.sigs.k8s.io subproject docs", "", "cloud_resource"),
        ("3 VMs for load-test env (qa)", "Details in the attached sheet, thanks!", "cloud_resource"),
        ("New Machine requirement - Second Linux/x64 dockerhost", "", "cloud_resource"),
        ("No periodic jobs are running since ~15:30 PST", "", "troubleshooting"),
        ("azure jobs not running", "", "troubleshooting"),
        ("Sync search-api to a1b2c3d", "Please sync ArgoCD app `search-api` to commit `a1b2c3d`.", "deployment"),
    ],
)
def test_what_infrastructure_desks_are_asked_for(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def test_archiving_a_repository_stays_a_clean_up_task() -> None:
    assert classify("Archive inactive repos in the legacy/ GitLab group", "Nobody used them in 2 years.") == "other"


# rules-2026.12.5: failure said plainly, from held-out A after its first contact.
@pytest.mark.parametrize(
    ("summary", "body"),
    [
        ("After the initial run /retest triggers do not work", "None of the /retest comments start new jobs."),
        ("Latest Tide does not merge PRs", "rolled back to the previous image for now"),
        ("ci host is running out of space", "Every worker writes 3-4 MB of logs per PR."),
        ("Two workers are stale", "Nothing is scheduled on them although they look fine."),
        # rules-2026.12.6, from held-out D after its first contact
        ("우편번호 검색이 안되네요 빨리 고쳐주세요", ""),
        ("우편번호검색이 안되고 있습니다.", ""),
        ("20161212 18:24 현재 플러스 친구 응답이 없습니다.", ""),
        ("opam.ocaml.org does not get updated (since ~2 days)", ""),
    ],
)
def test_failure_said_plainly_is_a_problem_report(summary: str, body: str) -> None:
    assert classify(summary, body) == "troubleshooting"


@pytest.mark.parametrize(
    ("summary", "body"),
    [
        ("Please create a DNS record for docs.example.org", "CNAME to example.netlify.app, it does not exist yet."),
        ("Add me to the release-managers team", "I do not work on weekends, so no rush."),
        ("GitLab 권한 요청", "권한이 없어서 푸시가 안되는데 developer 권한 부탁드립니다. 승인: 김팀장"),
    ],
)
def test_a_request_that_mentions_not_doing_something_stays_a_request(summary: str, body: str) -> None:
    assert classify(summary, body) != "troubleshooting"


# rules-2026.12.7, from real-shape F after its first contact.
def test_an_aws_account_named_by_its_id_is_the_subscription() -> None:
    assert "subscription" not in unanswered("Redis", "- account fin-app (441726389150), ap-northeast-2", "cloud_resource")
    assert "subscription" not in unanswered("DNS", "zone is in the shared-network account (210987654321)", "cloud_resource")
    assert "subscription" in unanswered("Redis", "call the desk on 441726389150 if it is urgent", "cloud_resource")


def test_a_korean_approver_label_followed_by_a_name_needs_no_colon() -> None:
    body = "Vault 권한 요청\nread 권한\n배치 잡 디버깅 때문에 필요해요\n승인자 최팀장님"
    assert "approver" not in unanswered("vault 권한", body, "access")
    assert "approver" in unanswered("vault 권한", "Vault 권한 요청\n승인자 미정", "access")
    assert "approver" in unanswered("vault 권한", "Vault 권한 요청\n승인자 누구인지 모르겠어요", "access")
