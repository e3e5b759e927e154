"""The HTML report in a real browser: headless Chromium takes a screenshot of the sample month.

Needs the Debian package `chromium` (CI: `apt-get install -y chromium fonts-noto-cjk`). Without
it these tests fail with that hint, unless SKIP_BROWSER_TESTS=1. Set REPORT_SCREENSHOT_DIR to keep
the PNGs for a look.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from shared.report.render import render_html
from tests.report.sample import empty_report, sample_report

INSTALL = "apt-get update && apt-get install -y chromium fonts-noto-cjk"
WIDTH, HEIGHT = 1280, 2400
BINARY = "/usr/bin/chromium"  # Debian's package


def _chromium() -> str:
    if os.environ.get("SKIP_BROWSER_TESTS") == "1":
        pytest.skip("SKIP_BROWSER_TESTS=1")
    candidates = (
        os.environ.get("CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        BINARY,
    )
    found = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
    if not found:
        pytest.fail(
            f"headless Chromium is needed for the report screenshot test: install it with `{INSTALL}` "
            "(Debian package chromium), or set SKIP_BROWSER_TESTS=1 to skip browser tests"
        )
    return found


def _run(page: Path, profile: Path, *mode: str) -> subprocess.CompletedProcess[str]:
    args = [
        _chromium(),
        "--headless",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        *mode,
        page.as_uri(),
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603
    assert done.returncode == 0, f"chromium exited {done.returncode}: {done.stderr[-2000:]}"
    return done


def _screenshot(html: str, tmp: Path, name: str) -> Path:
    page, png = tmp / f"{name}.html", tmp / f"{name}.png"
    page.write_text(html, encoding="utf-8")
    _run(page, tmp / f"profile-{name}", f"--screenshot={png}")
    assert png.is_file(), f"no screenshot written for {name}"
    if keep := os.environ.get("REPORT_SCREENSHOT_DIR"):
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)
    return png


def _png_size(png: Path) -> tuple[int, int]:
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> int:
    """Size in bytes of a screenshot of an empty white page: what "nothing rendered" looks like."""
    tmp = tmp_path_factory.mktemp("blank")
    png = _screenshot('<!DOCTYPE html><html lang="en"><title>blank</title><body></body></html>', tmp, "blank")
    assert _png_size(png) == (WIDTH, HEIGHT)
    return png.stat().st_size


def test_sample_report_screenshot(tmp_path: Path, blank: int) -> None:
    png = _screenshot(render_html(sample_report(missing=(7,))), tmp_path, "report")
    assert _png_size(png) == (WIDTH, HEIGHT)
    size = png.stat().st_size
    # text, tables and charts compress far worse than white: a blank or unstyled failure is tiny
    assert size > 10 * blank and size > 100_000, f"screenshot looks blank: {size} bytes, blank page {blank}"


def test_empty_report_screenshot(tmp_path: Path, blank: int) -> None:
    png = _screenshot(render_html(empty_report()), tmp_path, "empty")
    assert _png_size(png) == (WIDTH, HEIGHT)
    assert png.stat().st_size > 5 * blank


def test_page_fits_a_laptop_screen(tmp_path: Path) -> None:
    """No horizontal scrolling at 1280 px: the page's own width, measured by the browser."""
    probe = (
        "<script>addEventListener('load',()=>{document.body.dataset.scrollWidth="
        "document.documentElement.scrollWidth})</script></body>"
    )
    page = tmp_path / "probe.html"
    page.write_text(render_html(sample_report()).replace("</body>", probe), encoding="utf-8")
    dom = _run(page, tmp_path / "profile-probe", "--dump-dom").stdout
    found = re.search(r'data-scroll-width="(\d+)"', dom)
    assert found, "the probe did not run"
    assert int(found.group(1)) <= WIDTH
