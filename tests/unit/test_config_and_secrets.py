"""Settings are validated once, with each bad one named; secrets come from settings or Key Vault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared.config import Settings, SettingsError, load_settings, local_settings_values
from shared.secrets import resolve

BASE = {
    "JIRA_BASE_URL": "https://api.atlassian.com/ex/jira/1234-abcd",
    "JIRA_EMAIL": "bot@example.com",
    "JIRA_SCAN_JQL": "project = OPS",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
}


def test_defaults_are_the_safe_ones() -> None:
    s = load_settings(BASE)
    assert s.ROLLOUT_MODE == "shadow" and s.ANALYZER == "auto" and not s.use_llm
    assert s.SCAN_SCHEDULE == "0 */15 * * * *" and s.LABEL_ANALYZED == "AI_ANALYZED"


@pytest.mark.parametrize(
    ("override", "name"),
    [
        ({"ROLLOUT_MODE": "everywhere"}, "ROLLOUT_MODE"),
        ({"HOLDOUT_PERCENT": "80"}, "HOLDOUT_PERCENT"),
        ({"JIRA_BASE_URL": "not a url"}, "JIRA_BASE_URL"),
        ({"LABEL_NEEDS_INFO": "needs info"}, "LABEL_NEEDS_INFO"),
        ({"JIRA_SCAN_JQL": "project = OPS ORDER BY created"}, "JIRA_SCAN_JQL"),
        ({"ROLLOUT_MODE": "pilot"}, "PILOT_JQL"),
        ({"ANALYZER": "llm"}, "ANALYZER"),
        ({"AZURE_OPENAI_ENDPOINT": "https://x.openai.azure.com"}, "AZURE_OPENAI_DEPLOYMENT"),
        ({"AzureWebJobsStorage": ""}, "AzureWebJobsStorage"),
        ({"LLM_PROMPT_VERSION": "triage-v9"}, "LLM_PROMPT_VERSION"),
    ],
)
def test_bad_setting_is_named(override: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        load_settings({**BASE, **override})


def test_secrets_never_show_in_settings_repr_or_errors() -> None:
    s = load_settings({**BASE, "JIRA_API_TOKEN": "tok-123456", "AzureWebJobsStorage": "AccountKey=abc123=="})
    assert "tok-123456" not in repr(s) and "abc123" not in repr(s)
    with pytest.raises(SettingsError) as info:
        load_settings({**BASE, "JIRA_API_TOKEN": "tok-123456", "HOLDOUT_PERCENT": "x"})
    assert "tok-123456" not in str(info.value)


def test_ledger_storage_wins_over_the_host_storage() -> None:
    s = load_settings({**BASE, "LEDGER_STORAGE": "https://acct.table.core.windows.net"})
    assert s.STORAGE is not None and s.STORAGE.get_secret_value() == "https://acct.table.core.windows.net"


def test_local_settings_values(tmp_path: Path) -> None:
    path = tmp_path / "local.settings.json"
    path.write_text(json.dumps({"IsEncrypted": False, "Values": {"ROLLOUT_MODE": "full", "N": 3}}))
    assert local_settings_values(path) == {"ROLLOUT_MODE": "full", "N": "3"}
    assert local_settings_values(tmp_path / "missing.json") == {}
    path.write_text("{not json")
    with pytest.raises(SettingsError, match=r"local\.settings\.json"):
        local_settings_values(path)


class FakeVault:
    def __init__(self, secrets: dict[str, str]) -> None:
        self.secrets = secrets
        self.asked: list[str] = []

    async def get(self, name: str) -> str | None:
        self.asked.append(name)
        return self.secrets.get(name)


async def test_missing_secrets_come_from_key_vault_and_settings_win() -> None:
    vault = FakeVault({"jira-api-token": "from-vault", "openai-api-key": "sk-vault"})
    s = await resolve(load_settings(BASE), vault)
    assert s.JIRA_API_TOKEN is not None and s.JIRA_API_TOKEN.get_secret_value() == "from-vault"
    assert s.OPENAI_API_KEY is not None and s.OPENAI_API_KEY.get_secret_value() == "sk-vault"
    own = await resolve(load_settings({**BASE, "JIRA_API_TOKEN": "own"}), vault)
    assert own.JIRA_API_TOKEN is not None and own.JIRA_API_TOKEN.get_secret_value() == "own"


async def test_no_token_anywhere_is_a_named_start_up_error() -> None:
    with pytest.raises(SettingsError, match="JIRA_API_TOKEN"):
        await resolve(load_settings(BASE), FakeVault({}))
    settings: Settings = load_settings(BASE)
    with pytest.raises(SettingsError, match="JIRA_API_TOKEN"):
        await resolve(settings, None)
