"""Secrets pasted into tickets never reach the LLM."""

from __future__ import annotations

import pytest

from shared.analysis.redact import redact, trim_to_budget

SECRETS = [
    "DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey="
    + "A" * 86
    + "==;EndpointSuffix=core.windows.net",
    "glpat-" + "x1Y2z3" * 4,
    "ghp_" + "a" * 36,
    "ATATT3xFfGF0" + "b" * 40,
    "sk-proj-" + "c" * 40,
    "AKIA" + "ABCDEFGHIJKLMNOP",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "https://user:hunter2pass@db.example.com/x",
    "xoxb-1234567890-abcdefghij",
]


@pytest.mark.parametrize("secret", SECRETS)
def test_known_secret_shapes_are_removed(secret: str) -> None:
    result = redact(f"before {secret} after")
    assert "before" in result.text and "after" in result.text
    assert "[REDACTED:" in result.text
    for fragment in ("A" * 40, "x1Y2z3x1Y2", "a" * 30, "b" * 30, "c" * 30, "ABCDEFGHIJKLMNOP",
                     "MIIEpAIBAAKCAQEA", "dozjgNryP4J3", "hunter2pass", "abcdefghij"):  # fmt: skip
        if fragment in secret:
            assert fragment not in result.text


@pytest.mark.parametrize(
    "line",
    ["password: Sup3rSecret!", "DB_PASSWORD=Sup3rSecret!", "비밀번호: Sup3rSecret!", "token = Sup3rSecret!"],
)
def test_password_lines_keep_the_name_and_lose_the_value(line: str) -> None:
    result = redact(line)
    assert "Sup3rSecret" not in result.text and "password" in result.found


def test_emails_only_when_asked() -> None:
    assert "kim@example.com" in redact("mail kim@example.com").text
    assert "kim@example.com" not in redact("mail kim@example.com", emails=True).text


def test_ordinary_ticket_text_is_untouched() -> None:
    text = "GitLab group platform/payments, role Developer, v1.4.2, commit 3f9a2c1"
    assert redact(text).text == text


def test_trim_keeps_head_and_tail() -> None:
    text = "ASK " + "log line\n" * 10000 + " FINAL ERROR"
    trimmed = trim_to_budget(text, 500)
    assert len(trimmed) <= 500 and trimmed.startswith("ASK") and trimmed.endswith("FINAL ERROR")
    assert trim_to_budget("short", 500) == "short"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Basic YWRtaW46U3VwZXJTZWNyZXQxMjM=", "YWRtaW46U3VwZXJTZWNyZXQxMjM="),
        ("curl -u admin:SuperSecret123 https://nexus.internal/api", "SuperSecret123"),
        ("PW: Hunter2024!", "Hunter2024"),
        ("password: abc,defgh", "defgh"),
        ("postgres://app:p@ssw0rd@db.internal:5432/orders", "ssw0rd"),
    ],
)
def test_credentials_in_headers_commands_and_urls_are_removed(text: str, secret: str) -> None:
    assert secret not in redact(text).text
