"""Category words of desks that write in other languages, and a few plain asks (rules-2026.12.27,
real writing K): each summary here was read as "other" (or another wrong category) by
rules-2026.12.26."""

from __future__ import annotations

import pytest

from shared.analysis.rules import classify


@pytest.mark.parametrize(
    "summary",
    ["site fora do ar", "Servidor fora do ar", "Не удается получить доступ к сайту", "Aktuell kein IPv4-Internet?",
     "Email bounces"],
)  # fmt: skip
def test_down_in_other_languages_is_a_problem_report(summary: str) -> None:
    assert classify(summary, "") == "troubleshooting"


@pytest.mark.parametrize(
    "summary",
    ["ステージング用サーバーの準備", "criar lista de email piratas-sp", "Spin up 'sandbox' AWS Account for Gimbal",
     "Staging Server Setup", "Setup a shared drive service for the lab", "Proyecto Google Cloud - Katia",
     "it seems that the domain `localhost.direct` will expire in 2 days",
     "Remove worksite.alpha.canada.ca domain that is no longer used"],
)  # fmt: skip
def test_a_resource_to_set_up_or_a_domain_to_renew_or_drop_is_a_resource_request(summary: str) -> None:
    assert classify(summary, "") == "cloud_resource"


def test_a_certificate_that_is_not_renewing_stays_a_problem_report() -> None:
    body = "cert-manager stopped renewing; the certificate expires in 5 days and the order is failing."
    assert classify("cert-manager not renewing the wildcard cert", body) == "troubleshooting"
