"""Chaos fixtures: a loopback server for Table Storage error answers; the session's figures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from _pytest.terminal import TerminalReporter
from hypothesis import Phase, settings

from tests.chaos.stats import summary_lines
from tests.chaos.tables import CannedTableErrors


@pytest.fixture(scope="session")
def canned() -> Iterator[CannedTableErrors]:
    server = CannedTableErrors().start()
    try:
        yield server
    finally:
        server.stop()


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    for line in summary_lines():
        terminalreporter.write_line(line)


# `pytest --hypothesis-profile=chaos-debug`: report the first failing schedule without shrinking it.
settings.register_profile("chaos-debug", phases=[Phase.explicit, Phase.reuse, Phase.generate])
