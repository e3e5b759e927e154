"""`make test` sets up its own browser: `tools/ensure-browser.sh` installs Chromium and CJK fonts
where they are missing (as root, with apt), and otherwise stops at once with the command to run.

Driven with stand-in commands on PATH (`id`, `apt-get`, `chromium`, `fc-list`), so nothing is
installed and the real machine's packages do not matter.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.infra.bicep import ROOT

SCRIPT = ROOT / "tools" / "ensure-browser.sh"
BASH = shutil.which("bash") or "/bin/bash"


def _bin(tmp: Path, *, uid: int, browser: bool, fonts: bool, apt_installs: bool | None) -> Path:
    """A PATH holding only what the script may call; `apt_installs` None: no apt-get at all."""
    bindir = tmp / "bin"
    bindir.mkdir()
    for tool in ("cat", "head", "chmod"):
        found = shutil.which(tool)
        assert found is not None
        (bindir / tool).symlink_to(found)
    _script(bindir / "id", f"echo {uid}")
    if browser:
        _script(bindir / "chromium", "exit 0")
    if fonts:
        _script(bindir / "fc-list", "echo 'Noto Sans CJK KR'")
    if apt_installs is not None:
        install = (
            f"printf '#!{BASH}\\nexit 0\\n' > {bindir}/chromium; chmod +x {bindir}/chromium; "
            f"printf '#!{BASH}\\necho Noto\\n' > {bindir}/fc-list; chmod +x {bindir}/fc-list"
            if apt_installs
            else ":"
        )
        _script(bindir / "apt-get", f'echo "$@" >> {tmp}/apt.log; case "$1" in install) {install};; esac')
    return bindir


def _script(path: Path, body: str) -> None:
    path.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def _run(bindir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {"PATH": str(bindir), **env}
    return subprocess.run(  # noqa: S603
        [BASH, str(SCRIPT)], capture_output=True, text=True, env=environ, timeout=30, check=False
    )


def test_nothing_to_do_when_browser_and_fonts_are_there(tmp_path: Path) -> None:
    done = _run(_bin(tmp_path, uid=1000, browser=True, fonts=True, apt_installs=True))
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "apt.log").exists()


def test_a_user_without_root_is_told_the_one_command_at_once(tmp_path: Path) -> None:
    done = _run(_bin(tmp_path, uid=1000, browser=False, fonts=True, apt_installs=True))
    assert done.returncode == 1
    assert "apt-get install -y chromium fonts-noto-cjk" in done.stderr
    assert "SKIP_BROWSER_TESTS=1" in done.stderr
    assert not (tmp_path / "apt.log").exists()


def test_root_installs_what_is_missing_with_apt(tmp_path: Path) -> None:
    done = _run(_bin(tmp_path, uid=0, browser=True, fonts=False, apt_installs=True))
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "apt.log").read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith("update")
    assert "install" in calls[1] and "chromium" in calls[1] and "fonts-noto-cjk" in calls[1]


def test_an_install_that_leaves_the_browser_missing_fails(tmp_path: Path) -> None:
    done = _run(_bin(tmp_path, uid=0, browser=False, fonts=False, apt_installs=False))
    assert done.returncode == 1
    assert "still not found" in done.stderr


def test_no_apt_means_the_command_to_run_not_an_attempt(tmp_path: Path) -> None:
    done = _run(_bin(tmp_path, uid=0, browser=False, fonts=False, apt_installs=None))
    assert done.returncode == 1
    assert "cannot install them here" in done.stderr


def test_skip_switch_skips_the_check(tmp_path: Path) -> None:
    done = _run(_bin(tmp_path, uid=1000, browser=False, fonts=False, apt_installs=None), SKIP_BROWSER_TESTS="1")
    assert done.returncode == 0
    assert "skipped" in done.stdout


def test_make_test_runs_the_check_before_anything_else() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = next(line for line in makefile.splitlines() if line.startswith("test:"))
    assert test_rule.split(":", 1)[1].split()[0] == "browser"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get" not in ci and ci.rstrip().endswith("make test")
    assert os.access(SCRIPT, os.X_OK)
