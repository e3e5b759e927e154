"""ADF read into Markdown: every node and mark of Atlassian's schema, and nothing a reporter wrote lost.

The schema (npm `@atlaskit/adf-schema`) is the authority: a type it defines without a rendering
here fails the first test, and documents generated from it drive the properties: the reader never
raises, every text, link address, expand title and card keeps its place, and the output is stable.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from shared.jira.adf_markdown import MARK_TYPES, NODE_TYPES, to_markdown
from tests.adf_schema import documents, mark_types, node_types


def doc(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"type": "doc", "version": 1, "content": list(blocks)}


def para(*inlines: dict[str, Any]) -> dict[str, Any]:
    return {"type": "paragraph", "content": list(inlines)}


def text(value: str, *marks: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "text", "text": value}
    if marks:
        node["marks"] = list(marks)
    return node


def cell(kind: str, *blocks: dict[str, Any]) -> dict[str, Any]:
    return {"type": kind, "content": list(blocks)}


def item(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"type": "listItem", "content": list(blocks)}


MEDIA = {"type": "media", "attrs": {"type": "file", "id": "f1", "collection": "c", "alt": "error.png"}}
TASK = {"type": "taskItem", "attrs": {"localId": "t", "state": "DONE"}, "content": [text("rotate the key")]}
# One document per node type, and what its rendering must hold (in this order).
RENDERINGS: dict[str, tuple[dict[str, Any], list[str]]] = {
    "doc": (doc(para(text("a")), para(text("b"))), ["a\n\nb"]),
    "paragraph": (doc(para(text("Approver:")), para(text("Lee"))), ["Approver:\n\nLee"]),
    "text": (doc(para(text("plain words"))), ["plain words"]),
    "heading": (doc({"type": "heading", "attrs": {"level": 3}, "content": [text("Impact")]}), ["### Impact"]),
    "blockquote": (doc({"type": "blockquote", "content": [para(text("quoted"))]}), ["> quoted"]),
    "panel": (doc({"type": "panel", "attrs": {"panelType": "warning"}, "content": [para(text("careful"))]}),
              ["> [!WARNING]", "> careful"]),
    "codeBlock": (doc({"type": "codeBlock", "attrs": {"language": "go"}, "content": [text("import (\n\"fmt\"\n)")]}),
                  ["```go\nimport (\n\"fmt\"\n)\n```"]),
    "rule": (doc(para(text("above")), {"type": "rule"}, para(text("below"))), ["above\n\n---\n\nbelow"]),
    "bulletList": (doc({"type": "bulletList", "content": [item(para(text("one"))), item(para(text("two")))]}),
                   ["- one\n- two"]),
    "orderedList": (doc({"type": "orderedList", "attrs": {"order": 3}, "content": [item(para(text("c")))]}),
                    ["3. c"]),
    "listItem": (doc({"type": "bulletList", "content": [item(para(text("outer")), {"type": "bulletList",
                  "content": [item(para(text("inner")))]})]}), ["- outer\n  - inner"]),
    "taskList": (doc({"type": "taskList", "attrs": {"localId": "l"}, "content": [TASK]}), ["- [x] rotate the key"]),
    "taskItem": (doc({"type": "taskList", "attrs": {"localId": "l"}, "content": [
        {"type": "taskItem", "attrs": {"localId": "t", "state": "TODO"}, "content": [text("open")]}]}), ["- [ ] open"]),
    "blockTaskItem": (doc({"type": "taskList", "attrs": {"localId": "l"}, "content": [
        {"type": "blockTaskItem", "attrs": {"localId": "b", "state": "TODO"}, "content": [para(text("block task"))]}]}),
        ["- [ ] block task"]),
    "decisionList": (doc({"type": "decisionList", "attrs": {"localId": "d"}, "content": [
        {"type": "decisionItem", "attrs": {"localId": "i", "state": "DECIDED"}, "content": [text("use koreacentral")]}]}),
        ["- [decided] use koreacentral"]),
    "decisionItem": (doc({"type": "decisionList", "attrs": {"localId": "d"}, "content": [
        {"type": "decisionItem", "attrs": {"localId": "i", "state": "UNDECIDED"}, "content": [text("region?")]}]}),
        ["- [decision] region?"]),
    "table": (doc({"type": "table", "content": [
        {"type": "tableRow", "content": [cell("tableHeader", para(text("Field"))), cell("tableHeader", para(text("Value")))]},
        {"type": "tableRow", "content": [cell("tableCell", para(text("Role"))), cell("tableCell",
            {"type": "bulletList", "content": [item(para(text("Developer"))), item(para(text("on platform")))]})]},
    ]}), ["| Field | Value |\n| --- | --- |\n| Role | - Developer <br> - on platform |"]),
    "tableRow": (doc({"type": "table", "content": [{"type": "tableRow", "content": [
        cell("tableCell", para(text("a|b")))]}]}), ["| a\\|b |"]),
    "tableHeader": (doc({"type": "table", "content": [{"type": "tableRow", "content": [
        cell("tableHeader", para(text("H")))]}]}), ["| H |\n| --- |"]),
    "tableCell": (doc({"type": "table", "content": [{"type": "tableRow", "content": [
        cell("tableCell", para(text("first")), para(text("second")))]}]}), ["| first <br> second |"]),
    "expand": (doc({"type": "expand", "attrs": {"title": "Environment"}, "content": [para(text("prod"))]}),
               ["### Environment\n\nprod"]),
    "nestedExpand": (doc({"type": "table", "content": [{"type": "tableRow", "content": [cell("tableCell",
        {"type": "nestedExpand", "attrs": {"title": "Error"}, "content": [para(text("x509"))]})]}]}),
        ["#### Error <br> x509"]),
    "mediaSingle": (doc({"type": "mediaSingle", "attrs": {"layout": "center"}, "content": [MEDIA]}),
                    ["[attachment: error.png]"]),
    "mediaGroup": (doc({"type": "mediaGroup", "content": [MEDIA, {"type": "media", "attrs": {
        "type": "file", "id": "f2", "collection": "c"}}]}), ["[attachment: error.png]\n[attachment]"]),
    "media": (doc({"type": "mediaSingle", "attrs": {"layout": "center"}, "content": [{"type": "media", "attrs": {
        "type": "external", "url": "https://img.example.com/s.png"}}]}), ["[attachment: https://img.example.com/s.png]"]),
    "caption": (doc({"type": "mediaSingle", "attrs": {"layout": "center"}, "content": [MEDIA,
        {"type": "caption", "content": [text("the 502 page")]}]}), ["[attachment: error.png]\nthe 502 page"]),
    "mediaInline": (doc(para(text("see"), {"type": "mediaInline", "attrs": {"id": "m", "collection": "c",
        "alt": "trace.log"}}, text("here"))), ["see [attachment: trace.log] here"]),
    "blockCard": (doc({"type": "blockCard", "attrs": {"url": "https://gitlab.example.com/a/b"}}),
                  ["https://gitlab.example.com/a/b"]),
    "embedCard": (doc({"type": "embedCard", "attrs": {"url": "https://grafana.example.com/d/x", "layout": "wide"}}),
                  ["https://grafana.example.com/d/x"]),
    "inlineCard": (doc(para(text("repo"), {"type": "inlineCard", "attrs": {"url": "https://git.example.com/r"}})),
                   ["repo https://git.example.com/r"]),
    "mention": (doc(para({"type": "mention", "attrs": {"id": "u1", "text": "@Kim Minji"}}, text(" approved"))),
                ["@Kim Minji approved"]),
    "emoji": (doc(para(text("thanks "), {"type": "emoji", "attrs": {"shortName": ":pray:", "text": "🙏"}})),
              ["thanks 🙏"]),
    "date": (doc(para(text("since "), {"type": "date", "attrs": {"timestamp": "1794787200000"}})),
             ["since 2026-11-16"]),
    "status": (doc(para(text("state "), {"type": "status", "attrs": {"text": "blocked", "color": "red"}})),
               ["state [BLOCKED]"]),
    "hardBreak": (doc(para(text("Role: Developer"), {"type": "hardBreak"}, text("Approver: Lee"))),
                  ["Role: Developer\nApprover: Lee"]),
    "placeholder": (doc(para({"type": "placeholder", "attrs": {"text": "Type the reason here"}}, text("real"))),
                    ["real"]),
    "layoutSection": (doc({"type": "layoutSection", "content": [
        {"type": "layoutColumn", "attrs": {"width": 50}, "content": [para(text("left"))]},
        {"type": "layoutColumn", "attrs": {"width": 50}, "content": [para(text("right"))]}]}), ["left\n\nright"]),
    "layoutColumn": (doc({"type": "layoutSection", "content": [
        {"type": "layoutColumn", "attrs": {"width": 100}, "content": [para(text("only"))]}]}), ["only"]),
    "extension": (doc({"type": "extension", "attrs": {"extensionKey": "k", "extensionType": "t", "text": "macro text"}}),
                  ["macro text"]),
    "inlineExtension": (doc(para(text("a "), {"type": "inlineExtension", "attrs": {"extensionKey": "k",
        "extensionType": "t", "text": "inline macro"}})), ["a inline macro"]),
    "bodiedExtension": (doc({"type": "bodiedExtension", "attrs": {"extensionKey": "k", "extensionType": "t"},
        "content": [para(text("inside"))]}), ["inside"]),
    "syncBlock": (doc(para(text("kept")), {"type": "syncBlock", "attrs": {"resourceId": "r", "localId": "l"}}),
                  ["kept"]),
    "bodiedSyncBlock": (doc({"type": "bodiedSyncBlock", "attrs": {"resourceId": "r", "localId": "l"},
        "content": [para(text("synced"))]}), ["synced"]),
}  # fmt: skip
MARKS: dict[str, tuple[dict[str, Any], str]] = {
    "code": ({"type": "code"}, "`kubectl get pods`"),
    "strong": ({"type": "strong"}, "**kubectl get pods**"),
    "em": ({"type": "em"}, "*kubectl get pods*"),
    "strike": ({"type": "strike"}, "~~kubectl get pods~~"),
    "link": ({"type": "link", "attrs": {"href": "https://k8s.example.com"}}, "[kubectl get pods](https://k8s.example.com)"),
}  # fmt: skip
KEPT_AS_TEXT = sorted(MARK_TYPES - set(MARKS))


def test_every_node_and_mark_type_of_the_schema_has_a_rendering_and_a_test() -> None:
    assert node_types() <= NODE_TYPES, f"no rendering for {sorted(node_types() - NODE_TYPES)}"
    assert mark_types() <= MARK_TYPES, f"no rendering for {sorted(mark_types() - MARK_TYPES)}"
    assert node_types() <= set(RENDERINGS), f"no test for {sorted(node_types() - set(RENDERINGS))}"
    assert mark_types() <= set(MARKS) | set(KEPT_AS_TEXT)


@pytest.mark.parametrize("kind", sorted(RENDERINGS))
def test_each_node_type_renders_as_markdown(kind: str) -> None:
    document, expected = RENDERINGS[kind]
    out = to_markdown(document)
    assert kind in json.dumps(document)
    for part in expected:
        assert part in out, f"{kind}: {part!r} not in {out!r}"


@pytest.mark.parametrize("kind", sorted(MARKS))
def test_marks_that_mean_something_in_markdown(kind: str) -> None:
    mark, expected = MARKS[kind]
    assert to_markdown(doc(para(text("run "), text("kubectl get pods", mark)))) == f"run {expected}"


@pytest.mark.parametrize("kind", KEPT_AS_TEXT)
def test_presentation_marks_keep_the_text_as_it_is(kind: str) -> None:
    assert to_markdown(doc(para(text("Approver: Lee", {"type": kind, "attrs": {}})))) == "Approver: Lee"


def test_a_link_whose_text_is_its_address_is_written_once() -> None:
    url = "https://gitlab.example.com/platform/api"
    assert to_markdown(doc(para(text(url, {"type": "link", "attrs": {"href": url}})))) == url


def test_code_holding_backticks_and_fences_stays_code() -> None:
    fenced = to_markdown(doc({"type": "codeBlock", "content": [text("```\nnested\n```")]}))
    assert fenced.startswith("````\n") and fenced.endswith("\n````")
    assert to_markdown(doc(para(text("a`b", {"type": "code"})))) == "``a`b``"


def _kept(node: Any, out: list[str]) -> list[str]:
    """Every text, link address, card address and expand title in a document."""
    if isinstance(node, list):
        for child in node:
            _kept(child, out)
    elif isinstance(node, dict):
        kind, attrs = node.get("type"), node.get("attrs") if isinstance(node.get("attrs"), dict) else {}
        if kind == "text" and isinstance(node.get("text"), str):
            out.append(node["text"])
            for mark in node.get("marks") or []:
                if isinstance(mark, dict) and mark.get("type") == "link":
                    out.append(str((mark.get("attrs") or {}).get("href", "")))
        if kind in ("expand", "nestedExpand", "inlineCard", "blockCard", "embedCard") and attrs:
            out.append(str(attrs.get("title") or attrs.get("url") or ""))
        _kept(node.get("content"), out)
    return out


def _flat(value: str) -> str:
    value = value.replace(" <br> ", " ").replace("\\|", "|")
    return re.sub(r"\s+", " ", value).strip()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_documents_of_the_schema_render_whole_and_stably(document: dict[str, Any]) -> None:
    out = to_markdown(document)
    flat = _flat(out)
    for part in _kept(document, []):
        for line in part.splitlines():  # a quote or a list item prefixes each line of its text
            assert _flat(line) in flat, f"{part!r} lost from {out!r}"
    assert to_markdown(json.loads(json.dumps(document))) == out
    reordered = json.loads(json.dumps(document, sort_keys=True))
    assert to_markdown(reordered) == out
