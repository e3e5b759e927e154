"""The small Jira objects an issue embeds (type, status, project, priority, component).

Shaped as GET /rest/api/3/issue returns them (IssueTypeDetails, StatusDetails, ProjectDetails,
Priority, ProjectComponent), with stable ids so the same name always gets the same id.
"""

from __future__ import annotations

from typing import Any

from sandbox.seed_people import SITE

ISSUE_TYPES = {
    "access": ("Service Request",),
    "cloud_resource": ("Service Request", "Task"),
    "troubleshooting": ("Incident", "Bug", "Incident"),
    "deployment": ("Task",),
    "other": ("Task", "Service Request"),
}
TYPE_IDS = {"Service Request": "10010", "Task": "10011", "Bug": "10012", "Incident": "10013"}
COMPONENTS = {
    "access": ("Access Management", "GitLab"),
    "cloud_resource": ("Azure", "Cloud Resources", "Networking"),
    "troubleshooting": ("CI/CD", "Kubernetes", "Git"),
    "deployment": ("Deployment", "ArgoCD"),
    "other": ("General",),
}
COMPONENT_IDS = {
    name: str(10100 + n) for n, name in enumerate(sorted({c for names in COMPONENTS.values() for c in names}))
}
# status name -> (id, category id, category key, category name, colour)
STATUSES = {
    "To Do": ("10000", 2, "new", "To Do", "blue-gray"),
    "In Progress": ("3", 4, "indeterminate", "In Progress", "yellow"),
    "Done": ("10001", 3, "done", "Done", "green"),
}
PRIORITIES = ("Highest", "High", "Medium", "Low", "Lowest")


def issuetype(name: str) -> dict[str, Any]:
    """An IssueTypeDetails object."""
    tid = TYPE_IDS[name]
    return {
        "self": f"{SITE}/rest/api/3/issuetype/{tid}",
        "id": tid,
        "name": name,
        "subtask": False,
        "hierarchyLevel": 0,
    }


def status(name: str) -> dict[str, Any]:
    """A StatusDetails object with its status category."""
    sid, cat_id, cat_key, cat_name, colour = STATUSES[name]
    category = {
        "self": f"{SITE}/rest/api/3/statuscategory/{cat_id}",
        "id": cat_id,
        "key": cat_key,
        "colorName": colour,
        "name": cat_name,
    }
    return {
        "self": f"{SITE}/rest/api/3/status/{sid}",
        "id": sid,
        "name": name,
        "statusCategory": category,
    }


def project(key: str) -> dict[str, Any]:
    """A ProjectDetails object for the DevOps service desk."""
    return {
        "self": f"{SITE}/rest/api/3/project/10000",
        "id": "10000",
        "key": key,
        "name": "DevOps Support",
        "projectTypeKey": "service_desk",
        "simplified": False,
    }


def priority(name: str) -> dict[str, Any]:
    """A Priority object (ids 1-5, Highest first, as on a default Jira site)."""
    pid = str(PRIORITIES.index(name) + 1)
    return {
        "self": f"{SITE}/rest/api/3/priority/{pid}",
        "id": pid,
        "name": name,
        "iconUrl": f"{SITE}/images/icons/priorities/{name.lower()}.svg",
    }


def component(name: str) -> dict[str, Any]:
    """A ProjectComponent reference as embedded in an issue."""
    cid = COMPONENT_IDS[name]
    return {"self": f"{SITE}/rest/api/3/component/{cid}", "id": cid, "name": name}
