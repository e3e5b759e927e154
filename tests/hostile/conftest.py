"""Hostile tickets: the session's figures at the end."""

from __future__ import annotations

from _pytest.terminal import TerminalReporter

from tests.chaos.stats import hostile_lines


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    for line in hostile_lines():
        terminalreporter.write_line(line)
