"""Secret lookup: the app setting first (a Key Vault reference in Azure resolves into it), else
Key Vault itself when `KEY_VAULT_URL` is set. Values are cached for the worker's life and never
logged; they travel as `SecretStr`.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import SecretStr

from shared.config import Settings, SettingsError

# App setting name -> Key Vault secret name (Key Vault names allow letters, digits and dashes).
SECRET_NAMES = {
    "JIRA_API_TOKEN": "jira-api-token",
    "OPENAI_API_KEY": "openai-api-key",
    "AZURE_OPENAI_API_KEY": "azure-openai-api-key",
}


class SecretSource(Protocol):
    async def get(self, name: str) -> str | None: ...


class KeyVaultSecrets:
    """Key Vault through azure-keyvault-secrets and DefaultAzureCredential (managed identity)."""

    def __init__(self, vault_url: str) -> None:
        self._vault_url = vault_url
        self._cache: dict[str, str | None] = {}

    async def get(self, name: str) -> str | None:
        if name not in self._cache:
            from azure.core.exceptions import ResourceNotFoundError
            from azure.identity.aio import DefaultAzureCredential
            from azure.keyvault.secrets.aio import SecretClient

            async with (
                DefaultAzureCredential() as credential,
                SecretClient(self._vault_url, credential) as client,
            ):
                try:
                    secret = await client.get_secret(name)
                except ResourceNotFoundError:
                    self._cache[name] = None
                else:
                    self._cache[name] = secret.value
        return self._cache[name]


async def resolve(settings: Settings, source: SecretSource | None = None) -> Settings:
    """Settings with every secret filled in from Key Vault where the app setting is empty."""
    if source is None and settings.KEY_VAULT_URL is not None:
        source = KeyVaultSecrets(str(settings.KEY_VAULT_URL))
    updates: dict[str, SecretStr] = {}
    if source is not None:
        for setting, secret_name in SECRET_NAMES.items():
            if getattr(settings, setting) is None:
                value = await source.get(secret_name)
                if value:
                    updates[setting] = SecretStr(value)
    resolved = settings.model_copy(update=updates)
    if resolved.JIRA_API_TOKEN is None:
        raise SettingsError(
            "invalid app settings: JIRA_API_TOKEN: not set and not found in Key Vault "
            f"(secret `{SECRET_NAMES['JIRA_API_TOKEN']}`)"
        )
    return resolved
