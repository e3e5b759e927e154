"""What a deployment ships and what its Python imports: `.funcignore` read with gitignore semantics,
and every module an import statement names (inside functions too), read with `ast`.

Shared by the package tests (tests/infra/test_package.py) and the deploy boundary's
(tests/infra/test_deploy_boundary.py), so both judge the same file set.
"""

from __future__ import annotations

import ast
import fnmatch
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def funcignore_patterns() -> list[str]:
    lines = (ROOT / ".funcignore").read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert not any(p.startswith("!") for p in patterns), "negations are not supported by this check"
    return patterns


def ignored(path: str, patterns: list[str]) -> bool:
    """gitignore semantics for the simple patterns we use: a pattern without a slash matches any
    path component, one with a slash is anchored at the root; an ignored folder hides its files."""
    parts = path.split("/")
    for pattern in patterns:
        directory_only = pattern.endswith("/")
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
            if any(fnmatch.fnmatchcase(p, pattern.lstrip("/")) for p in prefixes):
                return True
            continue
        candidates = parts[:-1] if directory_only else parts
        if any(fnmatch.fnmatchcase(part, pattern) for part in candidates):
            return True
    return False


def project_files() -> list[str]:
    """Tracked files plus new files git does not ignore: what a deployment from this tree sees."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],  # noqa: S607
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return sorted({line for line in out.stdout.splitlines() if line and (ROOT / line).exists()})


def package() -> set[str]:
    """The deployed file set: the project's files minus what `.funcignore` leaves out."""
    patterns = funcignore_patterns()
    return {path for path in project_files() if not ignored(path, patterns)}


def module_name(path: str) -> str:
    """`shared/report/store.py` -> `shared.report.store`; a package's `__init__.py` names the package."""
    dotted = path.removesuffix(".py").replace("/", ".")
    return dotted.removesuffix(".__init__")


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module an import names anywhere in `source` (top level, functions, `TYPE_CHECKING`
    blocks), relative imports resolved against `module`, plus `import_module("...")` and
    `__import__("...")` called with a literal. `from a import b` yields `a` and `a.b` (b may be a
    module)."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and node.args:
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", None)
            first = node.args[0]
            literal = first.value if isinstance(first, ast.Constant) else None
            if name in ("import_module", "__import__") and isinstance(literal, str):
                found.add(literal)
    return {name for name in found if name}


def imports_of(path: str) -> set[str]:
    """`imported_modules` of one file of the project."""
    source = (ROOT / path).read_text(encoding="utf-8")
    return imported_modules(source, module_name(path), is_package=path.endswith("__init__.py"))


def project_module(name: str) -> str | None:
    """The project file that holds module `name`, if the project holds it (else a library's)."""
    for candidate in (name.replace(".", "/") + ".py", name.replace(".", "/") + "/__init__.py"):
        if (ROOT / candidate).is_file():
            return candidate
    return None


def reachable(start: str) -> set[str]:
    """The project files `start` imports, directly or through each other (every import counted,
    taken or not at run time): what the app may load."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in imports_of(path):
            parts = name.split(".")
            for depth in range(1, len(parts) + 1):  # `a.b.c` loads `a` and `a.b` first
                found = project_module(".".join(parts[:depth]))
                if found is not None and found not in seen:
                    todo.append(found)
    return seen
