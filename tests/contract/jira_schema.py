"""Validate JSON against Atlassian's Jira schemas, so what we send and fake matches real Jira.

Why Draft 4: OpenAPI 3.0 schema objects are an extended subset of JSON Schema draft 4/5 (boolean
``exclusiveMaximum``, ``$ref`` siblings ignored), so Draft4Validator reads them as Jira means them.
The one OpenAPI-only keyword that changes validation, ``nullable``, is rewritten into a ``null``
type on load. Formats are not asserted: Jira's own timestamps (``+0000`` offsets) are not
RFC 3339.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

# jsonschema ships no type hints; adding types-jsonschema to requirements-dev makes these moot.
from jsonschema import Draft4Validator, ValidationError  # type: ignore[import-untyped,unused-ignore]
from jsonschema.exceptions import best_match  # type: ignore[import-untyped,unused-ignore]

__all__ = ["SUBSET", "ValidationError", "validate"]

SUBSET = Path(__file__).resolve().parent / "schemas" / "jira-v3-subset.json"


def _nullable_as_type(node: Any) -> Any:
    """Turn OpenAPI 3.0's ``nullable: true`` into JSON Schema's ``"null"`` type (and enum value)."""
    if isinstance(node, list):
        return [_nullable_as_type(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _nullable_as_type(value) for key, value in node.items()}
    if result.pop("nullable", False) is True:
        if "type" in result:
            types = result["type"] if isinstance(result["type"], list) else [result["type"]]
            result["type"] = [*types, "null"]
        if "enum" in result:
            result["enum"] = [*result["enum"], None]
    return result


@cache
def _components() -> dict[str, Any]:
    """The committed subset, read and translated once per process."""
    document = json.loads(SUBSET.read_text(encoding="utf-8"))
    components: dict[str, Any] = _nullable_as_type(document["components"])
    return components


@cache
def _validator(schema_name: str) -> Draft4Validator:
    """One validator per schema name, so repeated checks only pay for validation."""
    components = _components()
    if schema_name not in components["schemas"]:
        raise KeyError(f"{schema_name} is not in {SUBSET.name}; add it to ROOTS in extract.py")
    return Draft4Validator({"$ref": f"#/components/schemas/{schema_name}", "components": components})


def validate(instance: Any, schema_name: str) -> None:
    """Raise ``jsonschema.ValidationError`` (the most relevant one) if ``instance`` breaks it."""
    error = best_match(_validator(schema_name).iter_errors(instance))
    if error is not None:
        raise error
