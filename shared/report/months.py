"""A month as the report is asked for one (YYYY-MM), written once for every door that takes it.

The CLI (`python -m shared report 2026-10`) and the HTTP route (`POST reports/2026-10`) check a
month the same way; this pattern is that check.
"""

from __future__ import annotations

import re

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
