"""checkov on infra/ (Bicep, offline): no parsing errors, and every failed check is one we accepted
with a reason in infra/checkov-accepted.json. A new failure fails here; so does an accepted entry
that no longer fails (the list only shrinks deliberately).

checkov pins dependencies that conflict with the app's (e.g. `packaging<24`), so it lives in its
own virtualenv: `make test` builds `.venv-infra` from requirements-infra.txt.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.infra.bicep import INFRA, ROOT

ACCEPTED = INFRA / "checkov-accepted.json"


def checkov_binary() -> str:
    candidates = [os.environ.get("CHECKOV", ""), str(ROOT / ".venv-infra" / "bin" / "checkov")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("checkov")
    if found is None:
        pytest.fail(
            "checkov not found: `make test` installs it into .venv-infra (or set CHECKOV=/path/to/checkov)"
        )
    return found


@functools.cache
def checkov_report() -> dict[str, Any]:
    command = [checkov_binary(), "-d", "infra", "--framework", "bicep", "--skip-download", "-o", "json"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603
    assert done.returncode in (0, 1), done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert isinstance(report, dict) and report.get("check_type") == "bicep", done.stdout[:500]
    return report


def failures() -> set[tuple[str, str, str]]:
    return {
        (c["check_id"], c["resource"], c["file_path"]) for c in checkov_report()["results"]["failed_checks"]
    }


def accepted() -> dict[tuple[str, str, str], str]:
    entries = json.loads(ACCEPTED.read_text(encoding="utf-8"))["accepted"]
    result = {(e["check"], e["resource"], e["file"]): e["reason"] for e in entries}
    assert len(result) == len(entries), "duplicate entries in checkov-accepted.json"
    return result


def test_checkov_parses_every_bicep_file() -> None:
    report = checkov_report()
    # A Bicep syntax error does not change checkov's exit code: it shows up only here.
    assert report["summary"]["parsing_errors"] == 0, report["results"].get("parsing_errors")
    assert report["summary"]["resource_count"] >= 40


def test_every_failed_check_is_accepted_with_a_reason() -> None:
    new = failures() - set(accepted())
    assert not new, (
        "new checkov failures (fix them, or add them with a reason to infra/checkov-accepted.json): "
        + ("; ".join(f"{c} on {r} in {f}" for c, r, f in sorted(new)))
    )


def test_no_accepted_entry_is_stale() -> None:
    stale = set(accepted()) - failures()
    assert not stale, f"these no longer fail: remove them from infra/checkov-accepted.json: {sorted(stale)}"


def test_every_reason_says_why() -> None:
    for key, reason in accepted().items():
        assert len(reason) >= 40, key


def test_the_security_checks_that_matter_pass() -> None:
    passed = {(c["check_id"], c["resource"]) for c in checkov_report()["results"]["passed_checks"]}
    expected = {
        ("CKV_AZURE_42", "Microsoft.KeyVault/vaults.vault"),  # recoverable
        ("CKV_AZURE_110", "Microsoft.KeyVault/vaults.vault"),  # purge protection
        ("CKV_AZURE_111", "Microsoft.KeyVault/vaults.vault"),  # soft delete
        ("CKV_AZURE_41", "Microsoft.KeyVault/vaults/secrets.secret"),  # secrets expire
        ("CKV_AZURE_70", "Microsoft.Web/sites.site"),  # HTTPS only
        ("CKV_AZURE_145", "Microsoft.Web/sites.site"),  # TLS 1.2
        ("CKV_AZURE_78", "Microsoft.Web/sites.site"),  # no FTP
        ("CKV_AZURE_71", "Microsoft.Web/sites.site"),  # managed identity
        ("CKV_AZURE_3", "Microsoft.Storage/storageAccounts.storage"),  # HTTPS only
        ("CKV_AZURE_44", "Microsoft.Storage/storageAccounts.storage"),  # TLS 1.2
        ("CKV_AZURE_236", "Microsoft.CognitiveServices/accounts.account"),  # no keys
    }
    assert expected <= passed, sorted(expected - passed)


def test_what_checkov_does_not_check() -> None:
    """Keyless everywhere: no shared keys, no App Insights instrumentation keys, RBAC-only vault."""
    storage = (INFRA / "modules" / "storage.bicep").read_text(encoding="utf-8")
    assert "allowSharedKeyAccess: false" in storage and "allowBlobPublicAccess: false" in storage
    assert "minimumTlsVersion: 'TLS1_2'" in storage
    monitoring = (INFRA / "modules" / "monitoring.bicep").read_text(encoding="utf-8")
    assert "DisableLocalAuth: true" in monitoring
    vault = (INFRA / "modules" / "keyvault.bicep").read_text(encoding="utf-8")
    assert "enableRbacAuthorization: true" in vault and "enablePurgeProtection: true" in vault
    site = (INFRA / "modules" / "function-app.bicep").read_text(encoding="utf-8")
    assert site.count("allow: false") == 2  # no FTP or SCM publishing passwords
    rbac = (INFRA / "modules" / "rbac.bicep").read_text(encoding="utf-8")
    for role in (
        "storageBlobDataOwner", "storageQueueDataContributor", "storageTableDataContributor",
        "keyVaultSecretsUser", "monitoringMetricsPublisher", "cognitiveServicesOpenAIUser",
    ):  # fmt: skip
        assert f"roles.{role}" in rbac, role
