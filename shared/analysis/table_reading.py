"""Tables in a ticket's text: ADF table rows rebuilt from their rendered pieces, a row's cells, and
the fields a table holds (by column header, and by row when the first header cell names the rows).
Kept apart from `ticket_reading`, which reads the rest of a ticket, so each stays readable.
"""

from __future__ import annotations

import re

from shared.analysis.ticket_text import Field, is_filled, norm_label

ADF_CELL = re.compile(r"^ \|")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]*(?:\|[^|\n]*)+\|\s*$")
TABLE_RULE = re.compile(r"^[\s|:\-]+$")


def join_adf_cells(lines: list[str]) -> list[str]:
    """Rebuild ADF table rows. A row renders as "A", " | B", ..., " |" (one closing piece); a row
    whose first cell is empty starts straight with " | B". The header row (no empty cells) tells
    how many cells a row has."""
    out: list[str] = []
    width = count = 0  # cells per row (0 until the header row closed); pieces of the current row
    previous_cell = False
    for line in lines:
        if not ADF_CELL.match(line):
            if not previous_cell:
                width = 0
            out.append(line)
            count, previous_cell = 1, False
            continue
        previous_cell = True
        if not out:
            out.append(line)
        elif width == 0:
            out[-1] += line
            count += 1
            if line.strip() == "|":
                width, count = count - 1, 0
        elif count == 0:
            out.append("|" + line)
            count = 2
        else:
            out[-1] += line
            count += 1
            if count == width + 1:
                count = 0
    return out


def cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("||"):  # a Jira wiki header row: "||Field||Value||"
        row = row.replace("||", "|")
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") else row
    return [c.strip() for c in row.split("|")]


# A header whose first cell names the rows, not a column of values: "| 구분 | 현재 | 변경 |", "| Item |
# Before | After |". Each row is then also a field named by its first cell (rules-2026.12.44, real
# shapes BJ: "| 비용 | NRF-2024R1A6A1A03012345 | 동일 |" names the cost owner), filled when its first
# value is ("| AWS account | TBD | will check with Jonas |" is not).
_ROW_LABELS = re.compile(
    r"구분|항목|분류|내용|item|field|key|category|parameter|attribute|property|setting|설정|"
)


def table_fields(rows: list[list[str]]) -> tuple[list[Field], set[int]]:
    """Fields of one table, and the indexes of rows that only carry labels (a header row)."""
    if len(rows[0]) >= 3 and len(rows) > 1:
        header = [norm_label(c) for c in rows[0]]
        found = [
            Field(header[j], cell, is_filled(cell), column=True)
            for row in rows[1:]
            for j, cell in enumerate(row[: len(header)])
        ]
        if _ROW_LABELS.fullmatch(header[0]):
            found += [
                Field(norm_label(r[0]), " ".join(r[1:]), is_filled(r[1]))
                for r in rows[1:]
                if len(r) >= 2
            ]
        return found, {0}
    found = [
        Field(norm_label(r[0]), " ".join(r[1:]), is_filled(" ".join(r[1:]))) for r in rows if len(r) >= 2
    ]
    empty = {i for i, r in enumerate(rows) if len(r) >= 2 and not is_filled(" ".join(r[1:]))}
    return found, empty
