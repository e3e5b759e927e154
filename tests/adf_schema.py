"""Atlassian's published ADF schema (`@atlaskit/adf-schema`, json-schema/v1/full.json, Apache-2.0),
installed from npm like Azurite, as the authority on what a Jira document may hold.

`node_types()` and `mark_types()` list what the schema defines; `documents()` is a Hypothesis
strategy of documents valid against it. hypothesis-jsonschema cannot resolve the schema's
recursive references, so this interprets the subset of JSON Schema the file uses ($ref, allOf,
anyOf, enum, object properties and required, arrays with item schemas or tuples, min/max items,
string patterns and lengths, numbers, booleans), bounding depth so every document is finite.
"""

from __future__ import annotations

import functools
import json
import string
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "node_modules" / "@atlaskit" / "adf-schema" / "json-schema" / "v1" / "full.json"
MAX_DEPTH = 7
Schema = dict[str, Any]

# Text as reporters write it: words, both scripts, and the characters Markdown gives meaning to.
_TEXT = st.text(
    alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " .,:;!?-_/|*`#>[]()<@\n") + list("가나다한글 ")),
    min_size=1,
    max_size=24,
).filter(lambda s: s.strip() != "")


def nodes_of(node: object) -> list[dict[str, Any]]:
    """Every node of an ADF document, depth first (for tests that look for a mention or a mark)."""
    out: list[dict[str, Any]] = []
    if isinstance(node, dict):
        out.append(node)
        for child in node.get("content", []) or []:
            out.extend(nodes_of(child))
    return out


@functools.cache
def schema() -> Schema:
    if not SCHEMA.is_file():
        raise FileNotFoundError(f"{SCHEMA} is missing: run `npm ci` (make does it for you)")
    data: Schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


def _types(marks: bool) -> set[str]:
    found: set[str] = set()
    for name, definition in schema()["definitions"].items():
        enum = definition.get("properties", {}).get("type", {}).get("enum")
        if enum and name.endswith("_mark") == marks:
            found.update(enum)
    return found


def node_types() -> set[str]:
    return _types(marks=False)


def mark_types() -> set[str]:
    return _types(marks=True)


def _resolve(node: Schema) -> Schema:
    while "$ref" in node:
        node = schema()["definitions"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _merge(parts: list[Schema]) -> Schema:
    """allOf of object schemas: later parts narrow properties (e.g. `marks` to none)."""
    out: Schema = {"type": "object", "properties": {}, "required": []}
    for part in parts:
        part = _resolve(part)
        if "allOf" in part:
            part = _merge(part["allOf"])
        out["properties"] = {**out["properties"], **part.get("properties", {})}
        out["required"] = sorted({*out["required"], *part.get("required", [])})
    return out


def _depth_of(node: Schema, seen: frozenset[str]) -> int:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return 1000
        return _depth_of(schema()["definitions"][name], seen | {name})
    if "anyOf" in node:
        return min(_depth_of(n, seen) for n in node["anyOf"])
    if "allOf" in node:
        return max(_depth_of(n, seen) for n in node["allOf"])
    if node.get("type") == "array" or "items" in node:
        if node.get("minItems", 0) == 0:
            return 0
        items = node.get("items", {})
        first = items[0] if isinstance(items, list) else items
        return 1 + _depth_of(first, seen)
    if "properties" in node:
        required = node.get("required", [])
        return max((_depth_of(node["properties"][k], seen) for k in required if k in node["properties"]), default=0)
    return 0


def _strategy(node: Schema, depth: int) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        return st.deferred(lambda: _strategy(schema()["definitions"][name], depth))
    if "allOf" in node:
        return _strategy(_merge(node["allOf"]), depth)
    if "anyOf" in node:
        options = node["anyOf"]
        if depth >= MAX_DEPTH:  # only the shallowest alternatives from here on
            cost = [_depth_of(o, frozenset()) for o in options]
            options = [o for o, c in zip(options, cost, strict=True) if c == min(cost)]
        return st.one_of(*(_strategy(o, depth) for o in options))
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        return _object(node, depth)
    if kind == "array" or "items" in node:
        return _array(node, depth)
    if kind == "string":
        if "pattern" in node:
            return st.from_regex(node["pattern"], fullmatch=True)
        return _TEXT if node.get("minLength", 0) else st.one_of(st.just(""), _TEXT)
    if kind == "number":
        low, high = node.get("minimum", 0), node.get("maximum", 100)
        return st.integers(int(low), int(high))
    if kind == "boolean":
        return st.booleans()
    return st.just({})  # "parameters": {} and other open values


def _object(node: Schema, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    props: dict[str, Schema] = node.get("properties", {})
    required = set(node.get("required", []))
    if "type" in props and "text" in props:  # a text node: the text is what the tests follow
        props = {**props, "text": {"type": "string", "minLength": 1}}
    fixed = {k: _strategy(v, depth + 1) for k, v in props.items() if k in required}
    optional = {k: _strategy(v, depth + 1) for k, v in props.items() if k not in required and k != "localId"}
    return st.fixed_dictionaries(fixed, optional=optional)


def _array(node: Schema, depth: int) -> st.SearchStrategy[list[Any]]:
    items = node.get("items", {})
    low = node.get("minItems", 0)
    high = node.get("maxItems", low + (1 if depth >= MAX_DEPTH else 3))
    if isinstance(items, list):  # a tuple: positions in order, the later ones optional
        positions = [_strategy(i, depth + 1) for i in items[: min(len(items), max(high, 1))]]
        size = st.integers(min(max(low, 1), len(positions)), len(positions))
        return size.flatmap(lambda k: st.tuples(*positions[:k]).map(list))
    if high == 0:
        return st.just([])
    return st.lists(_strategy(items, depth + 1), min_size=low, max_size=max(low, high))


def documents() -> st.SearchStrategy[dict[str, Any]]:
    """Whole documents (`doc` nodes) valid against Atlassian's schema."""
    return _strategy({"$ref": "#/definitions/doc_node"}, 0)
