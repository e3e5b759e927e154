"""What `azd deploy` (and `func publish`) ship: `.funcignore` lets through the app and nothing else
(no tests, sandbox, bench, infra or dev files); host.json is a valid v2 host configuration whose
timeouts and sampling fit the scan and the alerts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.infra.deployed import ROOT, funcignore_patterns, ignored, package

RUNTIME_FILES = {"function_app.py", "host.json", "requirements.txt"}


def test_the_package_is_the_app_and_nothing_else() -> None:
    shipped = package()
    assert shipped >= RUNTIME_FILES
    extra = {p for p in shipped if p not in RUNTIME_FILES and not p.startswith("shared/")}
    assert not extra, (
        f"would be deployed: {sorted(extra)} (add them to .funcignore, or here if they are runtime files)"
    )


def test_every_module_of_the_app_is_shipped() -> None:
    shipped = package()
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "shared").rglob("*.py")}
    assert modules <= shipped | {m for m in modules if "__pycache__" in m}
    assert (
        any(p.startswith("shared/analysis/prompts/") for p in shipped)
        or not (ROOT / "shared" / "analysis" / "prompts").exists()
    )


def test_dev_and_local_files_stay_out() -> None:
    patterns = funcignore_patterns()
    for path in (
        "tests/unit/test_telemetry.py", "sandbox/jira_server.py", "bench/scan.py", "infra/main.bicep",
        "infra/monitoring/workbook.json", "azure.yaml", "Makefile", "pyproject.toml", "requirements-dev.txt",
        "requirements-infra.txt", "package.json", "node_modules/azurite/package.json", "local.settings.json",
        "local.settings.example.json", ".venv/bin/python", ".venv-infra/bin/checkov", ".azure/dev/.env",
        "shared/__pycache__/config.cpython-311.pyc", ".ci/run", ".gitignore", "tools/ensure-browser.sh",
    ):  # fmt: skip
        assert ignored(path, patterns), path


def test_host_json_is_a_v2_host_with_bundle_timeout_and_sampling_that_fit() -> None:
    host = json.loads((ROOT / "host.json").read_text(encoding="utf-8"))
    assert host["version"] == "2.0"
    bundle = host["extensionBundle"]
    assert bundle["id"] == "Microsoft.Azure.Functions.ExtensionBundle" and bundle["version"] == "[4.*, 5.0.0)"
    h, m, s = (int(x) for x in host["functionTimeout"].split(":"))
    timeout = h * 3600 + m * 60 + s
    from shared.config import Settings

    budget = Settings.model_fields["SCAN_TIME_BUDGET_SECONDS"].default
    assert (
        isinstance(budget, float) and budget + 60 <= timeout
    )  # the tick ends cleanly before the host kills it
    # Failed executions (requests) are never sampled away: the "scan tick failed" alert counts them.
    excluded = host["logging"]["applicationInsights"]["samplingSettings"]["excludedTypes"].split(";")
    assert "Request" in excluded


def test_local_settings_example_is_valid_json_for_core_tools() -> None:
    data = json.loads(Path(ROOT / "local.settings.example.json").read_text(encoding="utf-8"))
    assert data["Values"]["FUNCTIONS_WORKER_RUNTIME"] == "python"
    assert data["Values"]["ROLLOUT_MODE"] == "shadow"
