"""One source of truth for app settings: what the code reads, what a laptop sets
(local.settings.example.json) and what Azure gets (the `appSettings` object in infra/main.bicep)
name the same set, apart from the exceptions listed here with their reasons. Literal values agree
with the code's defaults, and ROLLOUT_MODE deploys as `shadow`.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from pydantic import AliasChoices

from shared.config import Settings, load_settings
from shared.secrets import SECRET_NAMES
from shared.telemetry import TELEMETRY_SETTINGS
from tests.infra.bicep import MAIN, ROOT, declarations, evaluate, object_variable, params, text, walk

# Needed by Functions Core Tools on a laptop; on Flex Consumption the runtime comes from
# functionAppConfig.runtime and these app settings are not allowed.
LOCAL_ONLY = {
    "FUNCTIONS_WORKER_RUNTIME": "Core Tools needs it; Flex Consumption rejects it (runtime is in functionAppConfig)",
    "AzureWebJobsFeatureFlags": "EnableWorkerIndexing for older Core Tools; the default on Azure",
}
# Read by the code (alias of STORAGE) and set locally to Azurite; in Azure the host uses the
# identity-based AzureWebJobsStorage__* settings and the ledger uses LEDGER_STORAGE.
NOT_IN_AZURE = {
    "AzureWebJobsStorage": "identity-based in Azure: AzureWebJobsStorage__* for the host, LEDGER_STORAGE for the ledger",
}
# Set in Azure only: read by the Functions host and by azure-identity, not by our code.
AZURE_ONLY = {
    "AzureWebJobsStorage__accountName": "host and Durable Functions storage, with the managed identity",
    "AzureWebJobsStorage__credential": "host storage: managedidentity",
    "AzureWebJobsStorage__clientId": "host storage: which user-assigned identity",
    "AZURE_CLIENT_ID": "DefaultAzureCredential (ledger, Key Vault SDK, Azure OpenAI) picks the user-assigned identity",
}


def settings_names() -> set[str]:
    """Every name `Settings` accepts: field names, or their aliases when a field has them."""
    names: set[str] = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        elif isinstance(alias, str):
            names.add(alias)
        else:
            names.add(name)
    return names


def binding_settings() -> set[str]:
    """Settings the host resolves in the functions' bindings (`%NAME%`, e.g. the timer schedule)."""
    from tests.functions.conftest import functions

    found: set[str] = set()
    for function in functions().values():
        found.update(re.findall(r"%([A-Za-z_][A-Za-z0-9_]*)%", function.get_function_json()))
    return found


def code_reads() -> set[str]:
    return settings_names() | set(TELEMETRY_SETTINGS) | binding_settings()


def local_values() -> dict[str, str]:
    data = json.loads((ROOT / "local.settings.example.json").read_text(encoding="utf-8"))
    assert data["IsEncrypted"] is False
    values: dict[str, str] = data["Values"]
    assert all(isinstance(v, str) for v in values.values()), "Values must be strings"
    return values


def bicep_settings() -> dict[str, str | None]:
    return {name: evaluate(node, MAIN) for name, node in object_variable(MAIN, "appSettings").items()}


def _diff(actual: set[str], expected: set[str]) -> str:
    return f"missing: {sorted(expected - actual)}; not read by the code: {sorted(actual - expected)}"


def test_the_schedule_settings_are_found_in_the_bindings() -> None:
    assert {"SCAN_SCHEDULE", "REPORT_SCHEDULE"} <= binding_settings()


def test_local_settings_example_names_every_setting_the_code_reads() -> None:
    expected = code_reads() | set(LOCAL_ONLY)
    actual = set(local_values())
    assert actual == expected, "local.settings.example.json " + _diff(actual, expected)


def test_bicep_app_settings_name_the_same_set() -> None:
    expected = (code_reads() - set(NOT_IN_AZURE)) | set(AZURE_ONLY)
    actual = set(bicep_settings())
    assert actual == expected, "infra/main.bicep var appSettings " + _diff(actual, expected)


def test_the_exception_lists_hold_no_stale_names() -> None:
    reads = code_reads()
    assert set(NOT_IN_AZURE) <= reads
    assert not (set(AZURE_ONLY) | set(LOCAL_ONLY)) & reads


def _defaults_differ(values: dict[str, str]) -> dict[str, tuple[Any, Any]]:
    """Settings whose given value parses to something other than the code's default."""
    base = {
        "JIRA_BASE_URL": "https://example.atlassian.net",
        "JIRA_EMAIL": "bot@example.com",
        "JIRA_SCAN_JQL": "project = OPS",
        "AzureWebJobsStorage": "UseDevelopmentStorage=true",
    }
    given = {k: v for k, v in values.items() if k in Settings.model_fields and k not in base}
    parsed = load_settings({**base, **given})
    defaults = load_settings(base)
    return {
        name: (getattr(parsed, name), getattr(defaults, name))
        for name in given
        if getattr(parsed, name) != getattr(defaults, name)
    }


def test_local_example_values_are_the_code_defaults() -> None:
    assert _defaults_differ(local_values()) == {}


def test_bicep_literal_values_are_the_code_defaults() -> None:
    literal = {k: v for k, v in bicep_settings().items() if v is not None}
    assert _defaults_differ(literal) == {}
    assert literal["ROLLOUT_MODE"] == "shadow" and literal["PILOT_JQL"] == ""
    assert params(MAIN)["rolloutMode"].default == "shadow"


def test_report_schedule_defaults_to_the_first_of_the_month() -> None:
    assert local_values()["REPORT_SCHEDULE"] == bicep_settings()["REPORT_SCHEDULE"] == "0 0 2 1 * *"


@pytest.mark.parametrize("name", ["JIRA_API_TOKEN", "OPENAI_API_KEY"])
def test_secrets_are_key_vault_references_to_the_secrets_the_code_names(name: str) -> None:
    """The reference names the same Key Vault secret as `shared.secrets` (its SDK fallback)."""
    node = object_variable(MAIN, "appSettings")[name]
    references = {text(n) for n in walk(node) if n.type == "identifier" and text(n).endswith("Reference")}
    assert len(references) == 1, text(node)
    variable = declarations(MAIN, "variable_declaration")[references.pop()]
    value = [c for c in variable.children if c.type == "string"]
    assert value, text(variable)
    source = text(value[0])
    assert source.startswith("'@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};"), source
    assert source.endswith(f"SecretName={SECRET_NAMES[name]})'"), source
    vault = (ROOT / "infra" / "modules" / "keyvault.bicep").read_text(encoding="utf-8")
    assert f"name: '{SECRET_NAMES[name]}'" in vault


def test_no_secret_or_key_is_a_literal_in_bicep() -> None:
    values = bicep_settings()
    for name in (
        "JIRA_API_TOKEN",
        "OPENAI_API_KEY",
        "AZURE_OPENAI_API_KEY",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ):
        assert values[name] in (None, ""), name
    assert values["AZURE_OPENAI_API_KEY"] == ""  # Azure OpenAI is reached keylessly


def test_key_vault_references_resolve_with_the_user_assigned_identity() -> None:
    module = (ROOT / "infra" / "modules" / "function-app.bicep").read_text(encoding="utf-8")
    assert "keyVaultReferenceIdentity: identityId" in module
    assert "type: 'UserAssigned'" in module
    assert re.search(r"name: 'FC1'", module) and "tier: 'FlexConsumption'" in module
    assert params(ROOT / "infra" / "modules" / "function-app.bicep")["pythonVersion"].default == "3.11"
