"""Cut the Jira schemas our contract tests need out of Atlassian's OpenAPI spec.

Why: the full spec is 2.4 MB and lives outside the checkout; the tests need about 40 schemas of
it, committed, so they run anywhere and fast. Regenerate after a new spec snapshot with::

    python tests/contract/schemas/extract.py [--spec PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SPEC = HERE.parents[3] / "shared" / "reference" / "jira-cloud-platform-openapi-v3.json"
DEFAULT_OUT = HERE / "jira-v3-subset.json"
SCHEMA_REF = "#/components/schemas/"

ROOTS = (
    "SearchAndReconcileRequestBean",  # request of POST /rest/api/3/search/jql
    "SearchAndReconcileResults",  # its response
    "IssueBean",  # GET /rest/api/3/issue/{key}
    "IssueUpdateDetails",  # request of PUT /rest/api/3/issue/{key}
    "Comment",  # request and response of POST /rest/api/3/issue/{key}/comment
    "PageOfComments",  # GET /rest/api/3/issue/{key}/comment
    "PageBeanChangelog",  # GET /rest/api/3/issue/{key}/changelog
    "User",  # GET /rest/api/3/myself
    "ErrorCollection",  # Jira's error body
)


def references(node: Any) -> set[str]:
    """Names of the component schemas a schema refers to directly, at any depth."""
    if isinstance(node, dict):
        found = set()
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                if not value.startswith(SCHEMA_REF):
                    raise ValueError(f"unsupported reference {value}")
                found.add(value.removeprefix(SCHEMA_REF))
            else:
                found |= references(value)
        return found
    if isinstance(node, list):
        return set().union(*(references(item) for item in node))
    return set()


def closure(schemas: dict[str, Any], roots: tuple[str, ...] = ROOTS) -> dict[str, Any]:
    """The roots and every schema they reach, sorted by name for stable diffs."""
    wanted: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name not in wanted:
            wanted.add(name)
            pending.extend(references(schemas[name]))
    return {name: schemas[name] for name in sorted(wanted)}


def subset(spec: dict[str, Any]) -> dict[str, Any]:
    """A minimal, valid OpenAPI document holding only the closure of ROOTS."""
    info = spec["info"]
    return {
        "openapi": spec["openapi"],
        "info": {
            "title": info["title"],
            "version": info["version"],
            "license": info["license"],
            "description": "Trimmed by tests/contract/schemas/extract.py; see NOTICE.md.",
        },
        "paths": {},
        "components": {"schemas": closure(spec["components"]["schemas"])},
    }


def main() -> None:
    """Read the spec, write the subset."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    document = subset(json.loads(args.spec.read_text(encoding="utf-8")))
    text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(document['components']['schemas'])} schemas")


if __name__ == "__main__":
    main()
