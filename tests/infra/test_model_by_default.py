"""A fresh `azd up` judges with a model: Azure OpenAI with a small current chat model, reached
keylessly, and ANALYZER=auto with it configured; `LLM_PROVIDER=none` is the explicit opt-out. The
preprovision hook stops a deployment whose region lacks the model or its quota, with what to do.

The hook runs here against a stand-in `az` on PATH (no Azure reached), the Bicep as text (no
Bicep CLI here): what can be checked offline.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.infra.bicep import INFRA, MAIN, ROOT, object_variable, params, text

HOOK = INFRA / "hooks" / "check-openai.sh"
SH = shutil.which("sh") or "/bin/sh"


def test_the_default_deployment_provisions_a_model_and_the_app_uses_it() -> None:
    declared = params(MAIN)
    mapping = json.loads((INFRA / "main.parameters.json").read_text(encoding="utf-8"))["parameters"]
    assert declared["llmProvider"].default == "azure" and mapping["llmProvider"]["value"] == "${LLM_PROVIDER=azure}"
    assert (declared["openAiModelName"].default, declared["openAiModelVersion"].default) == ("gpt-4.1-mini", "2025-04-14")
    settings = {k: text(v) for k, v in object_variable(MAIN, "appSettings").items()}
    assert settings["ANALYZER"] == "'auto'"
    assert settings["AZURE_OPENAI_ENDPOINT"] == "useAzureOpenAi ? openAi.outputs.endpoint : ''"
    assert settings["AZURE_OPENAI_DEPLOYMENT"] == "useAzureOpenAi ? openAi.outputs.deploymentName : ''"
    assert settings["AZURE_OPENAI_API_KEY"] == "''"  # keyless: the app's managed identity
    assert settings["LLM_DAILY_BUDGET_USD"] == "llmDailyBudgetUsd"
    module = (INFRA / "modules" / "openai.bicep").read_text(encoding="utf-8")
    assert "disableLocalAuth: true" in module and "'GlobalStandard'" in module
    rbac = (INFRA / "modules" / "rbac.bicep").read_text(encoding="utf-8")
    assert "roles.cognitiveServicesOpenAIUser" in rbac


def test_azd_runs_the_model_check_before_provisioning() -> None:
    azure = (ROOT / "azure.yaml").read_text(encoding="utf-8")
    assert "preprovision:" in azure and "run: ./infra/hooks/check-openai.sh" in azure
    assert "continueOnError: false" in azure


def _az(tmp: Path, *, skus: str, usage: str, fails: bool = False) -> Path:
    """A stand-in Azure CLI: answers `model list` and `usage list` with canned output."""
    bindir = tmp / "bin"
    bindir.mkdir()
    for tool in ("grep", "awk", "printf"):
        found = shutil.which(tool)
        if found:
            (bindir / tool).symlink_to(found)
    (bindir / "az").write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> {tmp}/az.log\n'
        + ("exit 1\n" if fails else "")
        + f'case "$2" in model) printf "%s" "{skus}";; usage) printf "%s" "{usage}";; esac\n',
        encoding="utf-8",
    )
    (bindir / "az").chmod(0o755)
    return bindir


def _run(bindir: Path | None, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {"PATH": str(bindir) if bindir else "/nonexistent", "AZURE_LOCATION": "koreacentral", **env}
    return subprocess.run(  # noqa: S603
        [SH, str(HOOK)], capture_output=True, text=True, env=environ, timeout=30, check=False
    )


def test_a_region_with_the_model_and_its_quota_goes_ahead(tmp_path: Path) -> None:
    done = _run(_az(tmp_path, skus="Standard\nGlobalStandard\n", usage="20\t250\n"))
    assert done.returncode == 0, done.stderr
    assert "gpt-4.1-mini (2025-04-14, GlobalStandard) in 'koreacentral': 230 of 250" in done.stdout
    calls = (tmp_path / "az.log").read_text(encoding="utf-8")
    assert "cognitiveservices model list --location koreacentral" in calls


@pytest.mark.parametrize(
    ("skus", "usage", "said"),
    [
        ("Standard\n", "0\t250\n", "gpt-4.1-mini (2025-04-14) is not offered as a GlobalStandard deployment in 'koreacentral'"),
        ("GlobalStandard\n", "240\t250\n", "has 10 thousand tokens a minute free of 250; the deployment needs 30"),
        ("GlobalStandard\n", "", "no OpenAI.GlobalStandard.gpt-4.1-mini quota in 'koreacentral'"),
    ],
)
def test_a_missing_model_or_quota_stops_azd_up_with_what_to_do(
    tmp_path: Path, skus: str, usage: str, said: str
) -> None:
    done = _run(_az(tmp_path, skus=skus, usage=usage))
    assert done.returncode == 1
    assert said in done.stderr
    assert "azd env set AZURE_OPENAI_LOCATION" in done.stderr and "azd env set LLM_PROVIDER none" in done.stderr


def test_the_opt_out_needs_no_check_and_a_missing_cli_says_so(tmp_path: Path) -> None:
    assert _run(None, LLM_PROVIDER="none").returncode == 0
    done = _run(None)
    assert done.returncode == 1 and "the Azure CLI (az) is needed" in done.stderr
    failing = _run(_az(tmp_path, skus="", usage="", fails=True), AZURE_OPENAI_LOCATION="swedencentral")
    assert failing.returncode == 1 and "could not list the models of 'swedencentral'" in failing.stderr
