"""Take secrets (and optionally emails) out of ticket text before it leaves for an LLM.

People paste connection strings, tokens and private keys into tickets. The LLM never needs them to
judge completeness, so each is replaced by a typed placeholder that keeps the fact that it was
there ("[REDACTED:connection-string]"), which the analysis may still rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, flags))
    for name, pattern, flags in (
        (
            "private-key",
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|\Z)",
            re.DOTALL,
        ),
        (
            "connection-string",
            r"(DefaultEndpointsProtocol|AccountName|AccountKey|SharedAccessKey(Name)?|"
            r"SharedAccessSignature|Endpoint=sb)=[^\s\"']*(;[^\s\"';]+=[^\s\"']*)*",
            re.IGNORECASE,
        ),
        ("jwt", r"\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}", 0),
        ("gitlab-token", r"\bglpat-[\w-]{16,}", 0),
        ("github-token", r"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,})", 0),
        ("atlassian-token", r"\bATATT[\w=-]{20,}", 0),
        # Azure DevOps PATs: 52 characters of base32 (older), 84 with "AZDO" at 76 (since 2024).
        ("azure-devops-pat", r"\b([a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b", 0),
        ("openai-key", r"\bsk-(proj-)?[A-Za-z0-9_-]{20,}", 0),
        ("aws-key", r"\b(AKIA|ASIA)[A-Z0-9]{16}\b", 0),
        ("slack-token", r"\bxox[abprs]-[\w-]{10,}", 0),
        ("sas-token", r"[?&]sig=[\w%+/=-]{16,}", 0),
        (
            # user:password@host: the password may itself hold "@", so it runs to the last "@"
            "url-credentials",
            r"(?<=://)[^\s/:@]+:\S+(?=@[^\s@/]+)",
            0,
        ),
        ("basic-auth", r"(?i)\bbasic\s+[A-Za-z0-9+/=]{8,}", 0),
        ("cli-credentials", r"(?<![\w-])(-u|--user)\s+[^\s:]+:\S+", 0),
        (
            "password",
            r"(?i)(?<![A-Za-z])(password|passwd|pwd|pw|secret|api[_-]?key|token|client[_-]?secret|pat|비밀번호|"
            r"패스워드|암호)"
            r"(\s*[:=]\s*|\s+(is|was)\s+|\s*[은는]\s*)[\"']?[^\s\"']{4,}",
            0,
        ),
        ("bearer", r"(?i)\bbearer\s+[\w.~+/=-]{16,}", 0),
        ("azure-key", r"\b[A-Za-z0-9+/]{86}==", 0),
    )
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")


@dataclass(frozen=True)
class Redacted:
    text: str
    found: tuple[str, ...]


def redact(text: str, *, emails: bool = False) -> Redacted:
    """`text` with every recognised secret replaced by `[REDACTED:<kind>]`."""
    found: list[str] = []
    for name, pattern in _RULES:
        text, count = _substitute(pattern, name, text)
        if count:
            found.append(name)
    if emails:
        text, count = _EMAIL.subn("[REDACTED:email]", text)
        if count:
            found.append("email")
    return Redacted(text=text, found=tuple(found))


def _substitute(pattern: re.Pattern[str], name: str, text: str) -> tuple[str, int]:
    if name == "password":
        return pattern.subn(lambda m: f"{m.group(1)}{m.group(2)}[REDACTED:password]", text)
    return pattern.subn(f"[REDACTED:{name}]", text)


def trim_to_budget(text: str, max_chars: int) -> str:
    """Keep the head and the tail of an over-long text: the ask is at the top, the error at the end."""
    if len(text) <= max_chars:
        return text
    marker = "\n[... trimmed ...]\n"
    keep = max(max_chars - len(marker), 0)
    head = keep * 2 // 3
    return text[:head] + marker + text[len(text) - (keep - head) :]
