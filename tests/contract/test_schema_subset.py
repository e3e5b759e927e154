"""The trimmed Jira schemas and validate(): correct bodies pass, wrong ones are caught.

Why: contract tests elsewhere rely on validate() to say "Jira would reject this"; these tests
prove it can say no, and that the committed subset is complete and matches Atlassian's spec.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.contract.jira_schema import SUBSET, ValidationError, validate
from tests.contract.schemas import extract

ADF_BODY = {
    "type": "doc",
    "version": 1,
    "content": [{"type": "paragraph", "content": [{"type": "text", "text": "재현 단계를 알려주세요."}]}],
}
SEARCH_REQUEST = {
    "jql": "project = OPS AND (labels IS EMPTY OR labels NOT IN (AI_ANALYZED))",
    "fields": ["summary", "description", "labels", "updated"],
    "maxResults": 50,
    "nextPageToken": "CAEaAggD",
}
NEW_COMMENT = {
    "body": ADF_BODY,
    "properties": [{"key": "ai-triage", "value": {"fingerprint": "f1", "verdict": "NEEDS_INFO"}}],
    "visibility": {"type": "role", "value": "Administrators", "identifier": None},  # nullable
}
POSTED_COMMENT = {
    **NEW_COMMENT,
    "id": "10000",
    "self": "https://example.atlassian.net/rest/api/3/issue/10010/comment/10000",
    "author": {"accountId": "5b10a2844c20165700ede21g", "active": True, "displayName": "Bot"},
    "created": "2025-12-01T10:15:00.000+0000",
    "updated": "2025-12-01T10:15:00.000+0000",
    "jsdPublic": True,
}


@pytest.mark.parametrize(
    "request_body",
    [SEARCH_REQUEST, {"jql": "project = OPS"}, {**SEARCH_REQUEST, "reconcileIssues": [10001]}],
)
def test_search_request_accepts_what_post_search_jql_takes(request_body: dict[str, Any]) -> None:
    validate(request_body, "SearchAndReconcileRequestBean")


@pytest.mark.parametrize(
    ("request_body", "complaint"),
    [
        ({**SEARCH_REQUEST, "startAt": 0}, "'startAt' was unexpected"),
        ({**SEARCH_REQUEST, "fields": "summary,labels"}, "is not of type 'array'"),
        ({**SEARCH_REQUEST, "maxResults": "50"}, "is not of type 'integer'"),
    ],
)
def test_search_request_rejects_what_jira_rejects(request_body: dict[str, Any], complaint: str) -> None:
    with pytest.raises(ValidationError, match=complaint):
        validate(request_body, "SearchAndReconcileRequestBean")


@pytest.mark.parametrize("comment", [NEW_COMMENT, POSTED_COMMENT])
def test_comment_accepts_request_and_response(comment: dict[str, Any]) -> None:
    validate(comment, "Comment")


@pytest.mark.parametrize(
    ("comment", "complaint"),
    [
        ({**NEW_COMMENT, "properties": [{"key": "k", "value": 1, "internal": True}]}, "internal"),
        ({**NEW_COMMENT, "properties": {"key": "k", "value": 1}}, "is not of type 'array'"),
        ({**NEW_COMMENT, "visibility": {"type": "team", "value": "x"}}, "is not one of"),
        ({**POSTED_COMMENT, "author": {"accountId": 42}}, "is not of type 'string'"),
    ],
)
def test_comment_rejects_wrong_shapes(comment: dict[str, Any], complaint: str) -> None:
    with pytest.raises(ValidationError, match=complaint):
        validate(comment, "Comment")


def test_unknown_schema_name_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="ROOTS"):
        validate({}, "NoSuchBean")


def test_subset_holds_every_root_and_every_reference() -> None:
    schemas = json.loads(SUBSET.read_text(encoding="utf-8"))["components"]["schemas"]

    assert set(extract.ROOTS) <= set(schemas)
    assert extract.references(schemas) <= set(schemas)
    assert extract.closure(schemas) == schemas


def test_subset_matches_the_reference_spec() -> None:
    if not extract.DEFAULT_SPEC.exists():
        pytest.skip(f"{extract.DEFAULT_SPEC} is not beside this checkout")
    spec = json.loads(extract.DEFAULT_SPEC.read_text(encoding="utf-8"))

    assert json.loads(SUBSET.read_text(encoding="utf-8")) == extract.subset(spec)
