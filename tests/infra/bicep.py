"""Read Bicep offline with tree-sitter-bicep: syntax errors, parameters, and the app settings object.

Only what the infra tests need: parameter defaults that are literals, the keys of an object
variable, and a value evaluator for literals, parameter references and `string(param)`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import tree_sitter
import tree_sitter_bicep

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
MAIN = INFRA / "main.bicep"

Node = tree_sitter.Node


@functools.cache
def _parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_bicep.language()))


@functools.cache
def parse(path: Path) -> tree_sitter.Tree:
    return _parser().parse(path.read_bytes())


def text(node: Node) -> str:
    return (node.text or b"").decode("utf-8")


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from walk(child)


def syntax_errors(path: Path) -> list[str]:
    """`line:column: snippet` of every ERROR or MISSING node."""
    return [
        f"{n.start_point[0] + 1}:{n.start_point[1] + 1}: {text(n)[:60]!r}"
        for n in walk(parse(path).root_node)
        if n.type == "ERROR" or n.is_missing
    ]


def files() -> list[Path]:
    return sorted(INFRA.rglob("*.bicep"))


def string_literal(node: Node) -> str | None:
    """The value of a string without interpolation, else None."""
    if node.type != "string" or any(c.type == "interpolation" for c in node.children):
        return None
    return "".join(text(c) for c in node.children if c.type == "string_content")


def declarations(path: Path, kind: str) -> dict[str, Node]:
    """name -> declaration node, for `parameter_declaration`, `variable_declaration`, ..."""
    found: dict[str, Node] = {}
    for node in parse(path).root_node.children:
        if node.type == kind:
            name = next(c for c in node.children if c.type == "identifier")
            found[text(name)] = node
    return found


def _value_node(declaration: Node) -> Node | None:
    children = declaration.children
    for i, child in enumerate(children):
        if child.type == "=" and i + 1 < len(children):
            return children[i + 1]
    return None


@dataclass(frozen=True)
class Param:
    name: str
    has_default: bool
    default: str | int | bool | None  # None: no default, or not a literal


def params(path: Path) -> dict[str, Param]:
    result = {}
    for name, node in declarations(path, "parameter_declaration").items():
        value = _value_node(node)
        result[name] = Param(name, value is not None, _literal(value) if value is not None else None)
    return result


def _literal(node: Node) -> str | int | bool | None:
    if node.type == "string":
        return string_literal(node)
    if node.type == "number":
        return int(text(node))
    if node.type == "boolean":
        return text(node) == "true"
    return None


def object_variable(path: Path, name: str) -> dict[str, Node]:
    """Keys of `var <name> = { ... }` with their value nodes."""
    value = _value_node(declarations(path, "variable_declaration")[name])
    assert value is not None and value.type == "object", f"var {name} is not an object literal"
    return object_entries(value)


def array_variable(path: Path, name: str) -> list[dict[str, Node]]:
    """The objects of `var <name> = [ {...} ... ]`."""
    value = _value_node(declarations(path, "variable_declaration")[name])
    assert value is not None and value.type == "array", f"var {name} is not an array literal"
    return [object_entries(item) for item in value.children if item.type == "object"]


def object_entries(value: Node) -> dict[str, Node]:
    entries: dict[str, Node] = {}
    for prop in value.children:
        if prop.type != "object_property":
            continue
        key_node, value_node = prop.children[0], prop.children[-1]
        key = string_literal(key_node) if key_node.type == "string" else text(key_node)
        assert key is not None and key not in entries, f"bad or duplicate key: {text(key_node)}"
        entries[key] = value_node
    return entries


def evaluate(node: Node, path: Path) -> str | None:
    """The deployed string for a literal, a parameter with a literal default, a `var` holding a
    literal, or `string(<one of those>)`; None for anything computed at deployment."""
    if node.type == "string":
        return string_literal(node)
    if node.type == "identifier":
        name = text(node)
        param = params(path).get(name)
        if param is not None:
            default = param.default
            if isinstance(default, bool):
                return "true" if default else "false"
            return None if default is None else str(default)
        variable = declarations(path, "variable_declaration").get(name)
        value = _value_node(variable) if variable is not None else None
        return evaluate(value, path) if value is not None else None
    if node.type == "call_expression" and text(node.children[0]) == "string":
        arguments = [c for c in walk(node) if c.type == "arguments"]
        inner = [c for c in arguments[0].children if c.type not in ("(", ")", ",")] if arguments else []
        return evaluate(inner[0], path) if len(inner) == 1 else None
    return None
