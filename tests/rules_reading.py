"""What the rules alone read in a ticket's text under a category the test names: the one helper the
rules' wording tests share (tests/unit/test_rules_*)."""

from __future__ import annotations

from shared.analysis.models import Category
from shared.analysis.rules import assess_text


def present(category: Category, summary: str, body: str = "") -> set[str]:
    """The checklist items the rules find answered (threshold 85, the production default)."""
    return set(assess_text(summary, body, threshold=85, category=category).present)
