"""Service desk requests filed through a form: the request type, custom fields, attachments.

A Jira Service Management queue puts most of a request in fields, not in the description. A share
of the seeded month is filed that way: each checklist item the ticket gives sits in its form field
(an Approver user picker, an Environment select, a Region cascading select, a Cost center text
field...), each item it leaves out sits in an empty field (null), the description holds a line or
two, and a troubleshooting ticket's error is an attached screenshot. Internal fields real sites
carry (rank, an SLA timer) come along. `FIELDS` is the site's field catalogue: the sandbox names
fields from it (`expand=names`, `GET /field`).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

from sandbox.seed_people import SITE, user

REQUEST_TYPE_FIELD = "customfield_10010"
RANK_FIELD = "customfield_10019"
SLA_FIELD = "customfield_10030"
FORM_SHARE = 0.16  # of checklist tickets with an ADF description, filed through a form

# id -> (name, schema): what GET /rest/api/3/field says of the site's custom fields.
FIELDS: dict[str, tuple[str, dict[str, Any]]] = {
    REQUEST_TYPE_FIELD: ("Request Type", {"type": "sd-customerrequesttype",
                                          "custom": "com.atlassian.servicedesk:vp-origin"}),
    RANK_FIELD: ("Rank", {"type": "any", "custom": "com.pyxis.greenhopper.jira:gh-lexo-rank"}),
    SLA_FIELD: ("Time to first response", {"type": "sd-servicelevelagreement",
                                           "custom": "com.atlassian.servicedesk:sd-sla-field"}),
    "customfield_10040": ("Tool", {"type": "option", "custom": "select"}),
    "customfield_10041": ("Access scope", {"type": "string", "custom": "textfield"}),
    "customfield_10042": ("Requested role", {"type": "option", "custom": "select"}),
    "customfield_10043": ("Business justification", {"type": "string", "custom": "textarea"}),
    "customfield_10044": ("Approver", {"type": "user", "custom": "userpicker"}),
    "customfield_10050": ("Subscription / resource group", {"type": "string", "custom": "textfield"}),
    "customfield_10051": ("Target environment", {"type": "option", "custom": "select"}),
    "customfield_10052": ("Cloud / region", {"type": "option-with-child", "custom": "cascadingselect"}),
    "customfield_10053": ("Resource type and size", {"type": "string", "custom": "textarea"}),
    "customfield_10054": ("Network / DNS", {"type": "string", "custom": "textfield"}),
    "customfield_10055": ("Cost center", {"type": "string", "custom": "textfield"}),
    "customfield_10060": ("Affected service", {"type": "string", "custom": "textfield"}),
    "customfield_10061": ("When did it start?", {"type": "string", "custom": "textfield"}),
    "customfield_10062": ("Impact", {"type": "option", "custom": "select"}),
    "customfield_10063": ("Steps to reproduce", {"type": "string", "custom": "textarea"}),
    "customfield_10070": ("Service", {"type": "string", "custom": "textfield"}),
    "customfield_10071": ("Version / tag", {"type": "string", "custom": "textfield"}),
    "customfield_10072": ("Target environment", {"type": "option", "custom": "select"}),
    "customfield_10073": ("ArgoCD application", {"type": "string", "custom": "textfield"}),
}
# category -> (request type, {checklist item: field id}); an item without a field is told in the
# description (the symptom) or attached (the error).
FORMS: dict[str, tuple[str, dict[str, str]]] = {
    "access": ("Request access", {
        "tool": "customfield_10040", "scope": "customfield_10041", "role": "customfield_10042",
        "justification": "customfield_10043", "approver": "customfield_10044",
    }),
    "cloud_resource": ("Request a cloud resource", {
        "subscription": "customfield_10050", "environment": "customfield_10051",
        "region": "customfield_10052", "resource_spec": "customfield_10053",
        "network": "customfield_10054", "cost_owner": "customfield_10055",
    }),
    "troubleshooting": ("Report a problem", {
        "where": "customfield_10060", "when": "customfield_10061", "impact": "customfield_10062",
        "steps": "customfield_10063",
    }),
    "deployment": ("Request a deployment", {
        "service": "customfield_10070", "version": "customfield_10071",
        "environment": "customfield_10072", "argocd_app": "customfield_10073",
    }),
}  # fmt: skip
_NOTE = {
    "ko": "요청 내용은 폼에 작성했습니다. 확인 부탁드립니다.",
    "en": "Details are in the request form, thanks.",
}
_SELECTS = {
    "customfield_10040", "customfield_10042", "customfield_10051", "customfield_10062", "customfield_10072",
}  # fmt: skip


def form_request(
    rng: random.Random, category: str, lang: str, ctx: Mapping[str, str], missing: Collection[str],
    created: datetime,
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """(custom fields, description, attachments) of a request filed through the category's form."""
    request_type, by_item = FORMS[category]
    fields: dict[str, Any] = {
        REQUEST_TYPE_FIELD: {
            "_links": {"web": f"{SITE}/servicedesk/customer/portal/1"},
            "requestType": {"id": str(20 + list(FORMS).index(category)), "name": request_type},
            "currentStatus": {"status": "Waiting for support"},
        },
        RANK_FIELD: f"0|i{rng.randrange(36**5):05x}:",
        SLA_FIELD: {"id": "1", "name": "Time to first response", "completedCycles": [],
                    "ongoingCycle": {"breached": False, "paused": False}},
    }  # fmt: skip
    for item, field_id in by_item.items():
        fields[field_id] = None if item in missing else _value(field_id, item, ctx)
    lines = [_NOTE[lang]]
    if category == "troubleshooting" and "symptom" not in missing:
        lines.insert(0, ctx["symptom"])
    description = {"type": "doc", "version": 1, "content": [
        {"type": "paragraph", "content": [{"type": "text", "text": line}]} for line in lines
    ]}  # fmt: skip
    attachments = []
    if category == "troubleshooting" and "error" not in missing:
        stamp = created - timedelta(minutes=rng.randrange(2, 30))
        attachments.append(_attachment(rng, f"error-{stamp:%Y%m%d-%H%M}.png", "image/png", created))
    return fields, description, attachments


def field_answer(field_id: str, text: str) -> Any:
    """A value typed into a form field later (a reporter filling in what the bot asked for)."""
    return _value(field_id, "answer", {"answer": text, "approver.name": text})


def _value(field_id: str, item: str, ctx: Mapping[str, str]) -> Any:
    text = " ".join(str(ctx[item]).split())
    if field_id == "customfield_10044":  # the approver: a user picker
        return user(ctx.get("approver.name") or text)
    if field_id == "customfield_10052":  # region: a cascading select (cloud / region)
        return {"value": "Azure", "id": "10100", "child": {"value": text, "id": "10101"}}
    if field_id in ("customfield_10043", "customfield_10053", "customfield_10063"):  # rich text
        paragraphs = [p for p in str(ctx[item]).split("\n") if p.strip()]
        return {"type": "doc", "version": 1, "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs
        ]}  # fmt: skip
    if field_id in _SELECTS:
        return {"self": f"{SITE}/rest/api/3/customFieldOption/1", "value": text, "id": "10000"}
    return text


def _attachment(rng: random.Random, name: str, mime: str, created: datetime) -> dict[str, Any]:
    ident = str(rng.randrange(10000, 99999))
    return {
        "self": f"{SITE}/rest/api/3/attachment/{ident}",
        "id": ident,
        "filename": name,
        "mimeType": mime,
        "size": rng.randrange(20_000, 400_000),
        "created": created.strftime("%Y-%m-%dT%H:%M:%S.000+0000"),
        "content": f"{SITE}/rest/api/3/attachment/content/{ident}",
    }
