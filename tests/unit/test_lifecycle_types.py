"""A ticket's states and outcomes are types: a misspelt one fails the type check, not production."""

from __future__ import annotations

import textwrap
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[2]

SNIPPET = textwrap.dedent(
    """
    from shared.lifecycle.record import LedgerRecord
    from shared.lifecycle.results import TicketResult


    def misspelt(result: TicketResult, record: LedgerRecord) -> bool:
        TicketResult(key="OPS-1", outcome="analysed")
        LedgerRecord(key="OPS-1", state="claimd")
        return result.outcome == "analysed" or record.state == "comenting"
    """
)


def test_mypy_strict_rejects_a_misspelt_outcome_or_state(tmp_path: Path) -> None:
    module = tmp_path / "misspelt.py"
    module.write_text(SNIPPET, encoding="utf-8")
    out, err, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--no-incremental",
            "--follow-imports=silent",
            str(module),
        ]
    )
    assert status == 1, out + err
    lines = [line for line in out.splitlines() if "misspelt.py" in line]
    assert any("'analysed'" in line and "TicketResult" in line for line in lines), out
    assert any("'claimd'" in line and "LedgerRecord" in line for line in lines), out
    assert sum("Non-overlapping equality check" in line for line in lines) == 2, out
