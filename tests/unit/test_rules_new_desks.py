"""How desks the rules had never read write (rules-2026.12.8).

Drawn from real writing held-out C and D after their first contact (now open, tuned on), each case
a class of wording rather than one ticket's phrase: accounts, names and limits a desk hands out,
outages told as questions, status codes and system messages told in passing, screenshots pasted
as Markdown images, an address that fails for anyone who opens it. Every test of a new reading
fails on rules-2026.12.7; the near misses hold on both.
"""

from __future__ import annotations

import pytest

from shared.analysis.rules import category_scores, classify
from shared.analysis.ticket_reading import read_ticket
from shared.analysis.ticket_text import is_filled
from tests.factories import unanswered


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        ("[New User] Jane Doe", "Please create an account for me on the cluster.", "access"),
        ("Account request", "I would like an account to run my jobs.", "access"),
        ("Crate name request", "The name `foo` has been unused for years; may I have it?", "access"),
        ("PEP 541 Request: pipu", "The project pipu looks abandoned.", "access"),
        ("Add users to mox", "alice and bob need logins.", "access"),
        ("rbind.io subdomain request", "I would like jane.rbind.io for my blog.", "cloud_resource"),
        ("Create private social media mailinglist", "For the organising team.", "cloud_resource"),
        (
            "File Limit Request: max - 350 MB",
            "Our wheels are 300 MB with the CUDA kernels.",
            "cloud_resource",
        ),
        ("shr.js.org", "Pointing to my GitHub pages site.", "cloud_resource"),
        ("Your https cert expired today, please renew.", "The site shows a warning.", "cloud_resource"),
        ("Is Hackage server down?", "I get nothing back since this morning.", "troubleshooting"),
        ("EECS Hub: No Space left on Device [BLOCKER]", "Students cannot save notebooks.", "troubleshooting"),
        ("The disk usage percentage is too high", "On the shared build host.", "troubleshooting"),
        ("rhub::check() stalls", "It sits at 'preparing build' forever.", "troubleshooting"),
        ("opam index seems to be out of date", "The latest release is not listed.", "troubleshooting"),
        ("docs.rs is returning 502s and cloudflare errors", "Since an hour ago.", "troubleshooting"),
        ("API형 응답 지연 건 언제쯤 해결됩니까?", "어제부터 응답이 늦습니다.", "troubleshooting"),
        # rules-2026.12.9, from real writing held-out E after its first contact.
        ("Failed to deploy to prod", "fix pls", "troubleshooting"),
        ("Fix automatic deployment to PROD", "At the moment the action fails.", "troubleshooting"),
        ("mybinder notebooks is stoped working", "Recently they just stopped.", "troubleshooting"),
        ("mirror sync issues", "I synced the mirror but it was not picked up.", "troubleshooting"),
        ("연결 불가", "다른 사람들이 서버에 못들어옵니다", "troubleshooting"),
        ("Not able to create an account for jenkins", "I would like to create an account.", "access"),
        ("Add Daryll as SpaceManager to management spaces", "For the org's management space.", "access"),
        ("Migrate CI from travis to GitHub actions", "Travis is dropping free support.", "other"),
        ("change database", "32 mb on azure is very low", "cloud_resource"),
        # rules-2026.12.12, from real writing held-out F after its first contact.
        ("Whitelist request", "Minecraft IGN: McJty", "access"),
        ("SSH key for Nic Ferrier", "We need to add a new key for Nic's account.", "access"),
        ("Accès VPN prestataire", "Accès pour : Amélie, Thomas", "access"),
        ("Prefix reservation request: SpecBinder", "I'd like to reserve the package ID prefix.", "access"),
        ("Request to transfer the npm package name 'karin'", "The package looks unused.", "access"),
        (
            "nsml sign in이 되지 않습니다.",
            "제 계정으로는 로그인을 할 수 없어 문의드립니다.",
            "troubleshooting",
        ),
        ("Set up a Hudson Instance Per Project (HIPP) for Triquetrum", "We need one.", "cloud_resource"),
        ("Remove/update DNS entries for legacy domains", "See the linked bug.", "cloud_resource"),
        ("Request network.mozilla.org for the Network site", "We need a permanent URL.", "cloud_resource"),
    ],
)
def test_new_desks_requests_and_reports_are_read_by_their_kind(
    summary: str, body: str, category: str
) -> None:
    assert classify(summary, body) == category


@pytest.mark.parametrize(
    ("summary", "body", "category"),
    [
        # A question about how something works is still a question, not an outage.
        ("How do I get Slack alerts when an ArgoCD sync fails?", "We want a ping in #deploys.", "other"),
        # A 403 is a permission problem: the access the synthetic desks ask for, not an outage.
        ("403 on Argo Workflows UI", "I need Developer role on project growth to see it.", "access"),
        # A renewal that fails is a problem; only a renewal asked for is a resource request.
        (
            "cert-manager not renewing *.qa.corp.internal",
            "Certificate stuck, ingress serves the old one.",
            "troubleshooting",
        ),
        # A mirror that fails is a problem; a package name in passing is no claim (rules-2026.12.12).
        ("Mirror repo.example.rocks has been not working for a while", "At least weeks.", "troubleshooting"),
        ("Organizations support", "Would be nice to show the package name of each org.", "other"),
    ],
)
def test_near_misses_keep_their_category(summary: str, body: str, category: str) -> None:
    assert classify(summary, body) == category


def test_a_path_named_dns_is_no_dns_request() -> None:
    scores = category_scores("terraform plan in infra/dns-zones shows drift", "Plan wants to recreate zones.")
    assert scores["cloud_resource"] == 0
    assert category_scores("Solicitar DNS siginterpdf.example.br", "")["cloud_resource"] > 0


@pytest.mark.parametrize(
    "body",
    [
        "https://community.example.org/ is down with a 502 Bad Gateway error as of a couple minutes ago.",
        "Now they are redirected, but to the broken (403) address: https://mail.example.org/mailman/",
        "Others in #haskell also verify 503s on hackage.",
        "curl: HTTP 512, the browser redirects to the main page",
        "ssh: connect to host 10.0.0.7 port 22: Connection timed out",
        "The message on the page is: This site can't be reached, it took too long to respond.",
    ],
)
def test_a_status_code_or_system_message_told_in_passing_is_the_error(body: str) -> None:
    assert "error" not in unanswered("Site problem", body, "troubleshooting")


def test_a_failure_without_its_words_still_lacks_the_error() -> None:
    assert "error" in unanswered(
        "Site problem", "The web server stopped working this morning.", "troubleshooting"
    )


@pytest.mark.parametrize(
    "body",
    [
        "The two offline macs are out of space:\n![image](https://user-images.example.com/1/shot.png)",
        "It fails like this\n<br>\n![Screenshot 2026-11-02](https://github.com/user-attachments/assets/f668d0a4)",
        "Fails on upload, see !upload-error.png|thumbnail!",
    ],
)
def test_a_pasted_image_is_an_attachment_the_assignee_can_open(body: str) -> None:
    assert read_ticket(body).attachments
    assert "error" not in unanswered("Upload problem", body, "troubleshooting")


@pytest.mark.parametrize(
    ("item", "body"),
    [
        ("steps", "https://docs.example.rs/ does not load for me."),
        ("steps", "we are encountering problems reaching the tiles server (https://tiles.example.org/)"),
        ("steps", "Currently no jobs are starting anywhere on the pipelines."),
        ("impact", "https://downforeveryoneorjustme.com/docs.rs reports the same."),
        ("impact", "Others in #haskell also verify 503s on hackage."),
        ("impact", "The runner has been offline for the past week."),
    ],
)
def test_an_outage_anyone_can_see_answers_steps_and_impact(item: str, body: str) -> None:
    assert item not in unanswered("Site down", body, "troubleshooting")


def test_an_intermittent_failure_of_a_named_host_is_no_reproduction() -> None:
    body = "About 2% of requests to fx-quotes.prod.example.io return 502."
    assert "steps" in unanswered("Intermittent 502s", body, "troubleshooting")


def test_a_login_issue_stays_an_account_matter() -> None:
    # "login issue" is said of locked accounts as often as of outages: it does not vote by itself.
    assert category_scores("jenkin login issue", "")["troubleshooting"] == 0


@pytest.mark.parametrize(
    "body",
    [
        "The job is stuck in building for weeks.",
        "Since some days (maybe weeks), the website is not accessible.",
        "Been reporting this error for at least a couple of weeks.",
        "Last successful build about a week ago.",
        "It seems to be expired as of today.",
        "The certificate for forensics.example.org expired on 6/24/2024.",
        "The certificate at https://cirt.example.net is expired (29 March 2017).",
    ],
)
def test_how_long_told_loosely_answers_when(body: str) -> None:
    assert "when" not in unanswered("Site problem", body, "troubleshooting")


def test_now_is_no_start_time() -> None:
    assert "when" in unanswered(
        "Site problem", "The search seems to be completely down now.", "troubleshooting"
    )


# rules-2026.12.11, from real shapes K and L after their first contact.


@pytest.mark.parametrize(
    "value", ["`e.g. europe-west2`", "e.g. k8s.io", "Example: my-team", "eg. 10.0.0.0/24"]
)
def test_a_templates_own_sample_answers_nothing(value: str) -> None:
    assert not is_filled(value)


@pytest.mark.parametrize("value", ["Example Corp", "europe-west2", "example.com"])
def test_a_value_that_only_contains_a_sample_word_is_filled(value: str) -> None:
    assert is_filled(value)


def test_a_gcp_project_and_region_named_in_a_field_line_answer_subscription_and_region() -> None:
    body = (
        "Environment: Project: `acme-prod-core` · Region: europe-west2 · Env: production\nCreate the topic."
    )
    assert not {"subscription", "region"} & unanswered("Pub/Sub topic invoice-issued", body, "cloud_resource")
    body = "Please add this record to the public zone `acme-io` in project `acme-dns-prod` (production)."
    assert "subscription" not in unanswered("Cloud DNS: CNAME status.acme.io", body, "cloud_resource")


def test_a_project_named_by_a_word_is_no_subscription() -> None:
    assert "subscription" in unanswered("Bucket for exports", "For the Apollo project.", "cloud_resource")


@pytest.mark.parametrize(
    ("summary", "category"),
    [
        ("Standard GCS bucket for CSV exports", "cloud_resource"),
        ("S3 bucket for ml team", "cloud_resource"),
        ("Shared cache for GitLab k8s runners?", "other"),  # a question, not a request
    ],
)
def test_a_title_naming_a_resource_and_its_use_is_a_resource_request(summary: str, category: str) -> None:
    assert classify(summary, "") == category


def test_a_version_number_as_the_title_is_no_host_name() -> None:
    assert category_scores("v1.2.3", "")["cloud_resource"] == 0
