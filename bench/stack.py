"""Benchmark stand-ins in their own processes, so the scan being measured has the CPU it would have."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

from sandbox.stack import ROOT, free_port


class Service:
    """A sandbox server started with `python -m <module>`; its first stdout line is the URL."""

    def __init__(self, module: str, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, "--port", str(free_port()), *args],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if not line.startswith("http"):
            self.stop()
            raise RuntimeError(f"{module} did not start: {line!r}")
        self.url = line

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)


def jira_sandbox(issues: list[dict[str, Any]], workdir: Path) -> Service:
    path = workdir / "issues.json"
    path.write_text(json.dumps(issues), encoding="utf-8")
    return Service("sandbox.jira_server", "--issues", str(path))


def admin(service: Service, path: str, method: str = "GET") -> Any:
    request = urllib.request.Request(f"{service.url}/_sandbox/{path}", method=method)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        body = response.read()
    return json.loads(body) if body else None
