"""The settings the report's activities depend on, without the rest of the app's configuration
(as `ScanOptions` is for the scan): the activities take these values, never the runtime."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shared.analysis.models import Category
from shared.config import Settings
from shared.jira.fields import FieldPolicy
from shared.scan_models import field_policy


@dataclass(frozen=True)
class ReportOptions:
    scope_jql: str
    category_map: Mapping[str, str] = field(default_factory=dict)  # REPORT_CATEGORY_MAP
    site_map: Mapping[str, Category] = field(default_factory=dict)  # TRIAGE_CATEGORY_MAP
    field_policy: FieldPolicy = field(default_factory=FieldPolicy)
    browse_url: str | None = None
    deflection_links: Mapping[str, str] = field(default_factory=dict)  # DEFLECTION_LINKS

    @classmethod
    def from_settings(cls, s: Settings) -> ReportOptions:
        return cls(
            scope_jql=s.JIRA_SCAN_JQL,
            category_map=s.REPORT_CATEGORY_MAP,
            site_map=s.TRIAGE_CATEGORY_MAP,
            field_policy=field_policy(s),
            browse_url=browse_url(s),
            deflection_links=s.DEFLECTION_LINKS,
        )


def browse_url(settings: Settings) -> str | None:
    """Where an issue opens in a browser: JIRA_BROWSE_URL, else the site's own /browse (not the
    api.atlassian.com gateway, which serves the API only)."""
    if settings.JIRA_BROWSE_URL is not None:
        return str(settings.JIRA_BROWSE_URL).rstrip("/")
    base = str(settings.JIRA_BASE_URL).rstrip("/")
    return None if "api.atlassian.com" in base else f"{base}/browse"
