"""The deploy boundary: what `.funcignore` ships is the app, and the app imports nothing that is not
shipped. `sandbox`, `tools`, `tests` and `bench` stay on the laptop, so a deployed module that
imports one of them (even inside a function, where only the rare path that reaches it would fail,
on Azure) breaks this test instead of a production run."""

from __future__ import annotations

import pytest

from tests.infra.deployed import imported_modules, imports_of, package, project_files, reachable

LOCAL_ONLY = ("sandbox", "tools", "tests", "bench")
APP = {"function_app.py", "host.json", "requirements.txt", "shared/__init__.py",
       "shared/analysis/weights/judge.json"}  # fmt: skip
TOOLS = {"tools/__init__.py", "tools/__main__.py", "tools/cli.py", "tools/eval/cli.py",
         "tools/eval/runner.py", "tools/local_report.py", "tools/train_judge.py"}  # fmt: skip


def local_only(names: set[str]) -> set[str]:
    return {name for name in names if name.split(".")[0] in LOCAL_ONLY}


def test_no_deployed_module_imports_sandbox_tools_tests_or_bench() -> None:
    modules = sorted(p for p in package() if p.endswith(".py"))
    assert "function_app.py" in modules and len(modules) > 50
    crossing = {path: sorted(local_only(imports_of(path))) for path in modules}
    assert not {path: names for path, names in crossing.items() if names}, (
        "deployed modules import packages that are not deployed (move the code into shared/, "
        "or the importer out of it)"
    )


def test_every_module_the_app_can_load_is_shipped() -> None:
    loaded = reachable("function_app.py")
    assert {"shared/functions/report_durable.py", "shared/report/orchestrator.py",
            "shared/analysis/learned.py"} <= loaded  # fmt: skip
    assert not loaded - package()


@pytest.mark.parametrize(
    "source",
    [
        "import sandbox.durable_runner\n",
        "def run() -> None:\n    from sandbox.durable_runner import run_orchestration\n",
        "async def run() -> None:\n    if True:\n        import tools.cli as cli\n",
        "class A:\n    def f(self) -> None:\n        from tests import conftest\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from bench.scan import main\n",
        "import importlib\nimportlib.import_module('tools.eval.runner')\n",
        "from shared import runtime\ndef f() -> None:\n    __import__('sandbox')\n",
    ],
)
def test_the_check_sees_every_kind_of_import(source: str) -> None:
    """The checker itself: an import of a local-only package anywhere in a module is found."""
    assert local_only(imported_modules(source, "shared.report.store"))


def test_relative_imports_resolve_inside_the_package() -> None:
    names = imported_modules("from . import store\nfrom ..config import Settings\n", "shared.report.x")
    assert {"shared.report.store", "shared.config", "shared.config.Settings"} <= names
    assert not local_only(names)


def test_the_deployed_file_set_holds_the_app_and_none_of_the_tools() -> None:
    shipped, files = package(), set(project_files())
    assert shipped >= APP
    assert {p for p in files if p.startswith("shared/") and "__pycache__" not in p} <= shipped
    assert files >= TOOLS  # the tools exist, and are left out
    assert not {p for p in shipped if p.split("/")[0] in LOCAL_ONLY}
    assert not {p for p in shipped if p.endswith("__main__.py")}, "a command-line entry point ships"
