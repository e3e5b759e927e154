"""Every Bicep file parses offline (tree-sitter-bicep), and what the files point at exists:
modules, loaded files, azd's parameter mapping, and the abbreviations main.bicep uses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.infra.bicep import INFRA, MAIN, ROOT, files, params, syntax_errors


def test_there_is_a_module_per_concern() -> None:
    names = {p.name for p in files()}
    assert {
        "main.bicep", "identity.bicep", "monitoring.bicep", "storage.bicep", "keyvault.bicep",
        "openai.bicep", "function-app.bicep", "rbac.bicep", "workbook.bicep", "alerts.bicep",
    } <= names  # fmt: skip


@pytest.mark.parametrize("path", files(), ids=lambda p: str(p.relative_to(INFRA)))
def test_bicep_file_parses_without_error_nodes(path: Path) -> None:
    assert syntax_errors(path) == []


@pytest.mark.parametrize("path", files(), ids=lambda p: str(p.relative_to(INFRA)))
def test_referenced_modules_and_files_exist(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for target in re.findall(r"^module \w+ '([^']+)'", source, re.MULTILINE):
        assert (path.parent / target).is_file(), target
    for target in re.findall(r"load(?:Text|Json)Content\('([^']+)'\)", source):
        assert (path.parent / target).is_file(), target


def test_main_parameters_map_to_declared_parameters() -> None:
    mapping = json.loads((INFRA / "main.parameters.json").read_text(encoding="utf-8"))["parameters"]
    declared = params(MAIN)
    assert set(mapping) <= set(declared)
    required = {name for name, p in declared.items() if not p.has_default}
    # Parameters without a default come from azd's environment.
    assert required == {"environmentName", "location", "jiraBaseUrl", "jiraEmail", "jiraScanJql"}
    assert required <= set(mapping)
    assert mapping["rolloutMode"]["value"] == "${ROLLOUT_MODE=shadow}"


def test_abbreviations_used_by_main_exist() -> None:
    abbreviations = json.loads((INFRA / "abbreviations.json").read_text(encoding="utf-8"))
    used = set(re.findall(r"abbrs\.(\w+)", MAIN.read_text(encoding="utf-8")))
    assert used <= set(abbreviations), sorted(used - set(abbreviations))


def test_azure_yaml_deploys_this_folder_as_a_python_function_app() -> None:
    text = (ROOT / "azure.yaml").read_text(encoding="utf-8")
    assert re.search(
        r"^services:\n  api:\n    project: \.\n    language: python\n    host: function$", text, re.M
    )
    assert re.search(r"^  path: infra$", text, re.M)
    function_app = (INFRA / "modules" / "function-app.bicep").read_text(encoding="utf-8")
    assert "'azd-service-name': 'api'" in function_app
