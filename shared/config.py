"""Every app setting, validated once at start-up, typed. A bad setting fails with its name."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, HttpUrl, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from shared.analysis.models import Category, PromptVersion

RolloutMode = Literal["shadow", "pilot", "full"]
AnalyzerMode = Literal["auto", "rules", "llm"]


class SettingsError(ValueError):
    """Raised at start-up with the names of the settings that are missing or invalid."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore", frozen=True)

    JIRA_BASE_URL: HttpUrl
    JIRA_BROWSE_URL: HttpUrl | None = None  # where keys open for people; default: JIRA_BASE_URL/browse
    JIRA_EMAIL: str = Field(min_length=3)
    JIRA_API_TOKEN: SecretStr | None = None
    JIRA_SCAN_JQL: str = Field(min_length=3, description="scope, e.g. `project = OPS`")
    JIRA_TIMEOUT_SECONDS: float = Field(20.0, gt=0, le=120)
    JIRA_MAX_ATTEMPTS: int = Field(4, ge=1, le=10)
    JIRA_WRITE_CONCURRENCY: int = Field(4, ge=1, le=32)

    ROLLOUT_MODE: RolloutMode = "shadow"
    # A mode per category, over ROLLOUT_MODE (the default for categories not named).
    ROLLOUT_CATEGORIES: dict[Category, RolloutMode] = Field(default_factory=dict)
    PILOT_JQL: str | None = None
    HOLDOUT_PERCENT: int = Field(10, ge=0, le=50)
    QUALITY_THRESHOLD: int = Field(85, ge=1, le=100)
    COMMENT_VISIBILITY: Literal["public", "internal"] = "public"
    MENTION_REPORTER: bool = True

    LABEL_ANALYZED: str = Field("AI_ANALYZED", pattern=r"^\S+$")
    LABEL_HIGH_QUALITY: str = Field("HIGH_QUALITY", pattern=r"^\S+$")
    LABEL_NEEDS_INFO: str = Field("NEEDS_INFO", pattern=r"^\S+$")

    SCAN_SCHEDULE: str = "0 */15 * * * *"
    SCAN_CONCURRENCY: int = Field(8, ge=1, le=64)
    SCAN_TIME_BUDGET_SECONDS: float = Field(480.0, gt=0, le=3600)
    SCAN_MAX_TICKETS: int = Field(500, ge=1, le=5000)
    SCAN_LOOKBACK_DAYS: int = Field(7, ge=1, le=365)
    SCAN_OVERLAP_MINUTES: int = Field(30, ge=1, le=1440)
    MAX_ATTEMPTS: int = Field(5, ge=1, le=50)
    CLAIM_LEASE_SECONDS: int = Field(120, ge=30, le=86400)

    ANALYZER: AnalyzerMode = "auto"
    # The rules' learned layer (shared/analysis/learned.py) decides from the rules' readings;
    # false: the hand-written rules alone decide, every verdict traceable to one pattern.
    RULES_LEARNED: bool = True
    OPENAI_API_KEY: SecretStr | None = None
    OPENAI_BASE_URL: HttpUrl | None = None
    OPENAI_MODEL: str = "gpt-4.1-mini"
    AZURE_OPENAI_ENDPOINT: HttpUrl | None = None
    AZURE_OPENAI_DEPLOYMENT: str | None = None
    AZURE_OPENAI_API_KEY: SecretStr | None = None
    LLM_TIMEOUT_SECONDS: float = Field(30.0, gt=0, le=300)
    LLM_MAX_RETRIES: int = Field(2, ge=0, le=6)
    LLM_INPUT_TOKEN_BUDGET: int = Field(2000, ge=300, le=100_000)
    LLM_PROMPT_VERSION: PromptVersion = "triage-v3"
    LLM_PRICE_INPUT_PER_MTOK: float = Field(0.40, ge=0)  # gpt-4.1-mini's list price, USD per million
    LLM_PRICE_OUTPUT_PER_MTOK: float = Field(1.60, ge=0)
    # Past this estimated spend in a UTC day the scan judges with the rules until the next day.
    LLM_DAILY_BUDGET_USD: float = Field(5.0, ge=0)
    REDACT_EMAILS: bool = True

    REPORT_SCHEDULE: str = "0 0 2 1 * *"
    REPORT_BATCH_SIZE: int = Field(50, ge=1, le=500)
    REPORT_PARALLELISM: int = Field(4, ge=1, le=32)
    REPORT_CATEGORY_MAP: dict[str, str] = Field(default_factory=dict)
    REPORT_CONTAINER: str = Field("reports", pattern=r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")

    # Fields beyond the description (see shared/jira/fields.py): names or ids to leave out, the
    # checklist item a field answers when its name says nothing, and request or issue types that
    # decide the category outright.
    FIELDS_IGNORE: list[str] = Field(default_factory=list)
    FIELD_ITEM_MAP: dict[str, str] = Field(default_factory=dict)
    TRIAGE_CATEGORY_MAP: dict[str, Category] = Field(default_factory=dict)
    # A faster path where one exists: a request signature, a prefix of one or a category, mapped
    # to a how-to or self-service page our question points to (shared/analysis/deflection.py).
    DEFLECTION_LINKS: dict[str, str] = Field(default_factory=dict)

    REANALYZE_ALLOW_FORCE: bool = False
    REANALYZE_TIME_BUDGET_SECONDS: float = Field(120.0, gt=0, le=220)

    KEY_VAULT_URL: HttpUrl | None = None
    STORAGE: SecretStr | None = Field(
        None, validation_alias=AliasChoices("LEDGER_STORAGE", "AzureWebJobsStorage")
    )
    LEDGER_TABLE: str = Field("triageledger", pattern=r"^[A-Za-z][A-Za-z0-9]{2,62}$")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only what `load_settings` passes: the environment is read in one place."""
        return (init_settings,)

    @field_validator(
        "REPORT_CATEGORY_MAP", "FIELD_ITEM_MAP", "TRIAGE_CATEGORY_MAP", "ROLLOUT_CATEGORIES", mode="before"
    )
    @classmethod
    def _mapping_json(cls, value: object) -> object:
        """App settings are strings: the mapping arrives as a JSON object."""
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                raise ValueError('must be a JSON object like {"component:Git": "troubleshooting"}') from None
        return value

    @field_validator("DEFLECTION_LINKS", mode="before")
    @classmethod
    def _links_json(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                raise ValueError('must be a JSON object like {"access/gitlab": "https://wiki/x"}') from None
        return value

    @field_validator("DEFLECTION_LINKS")
    @classmethod
    def _links_checked(cls, value: dict[str, str]) -> dict[str, str]:
        from shared.analysis.deflection import check_links

        return check_links(value)

    @field_validator("FIELDS_IGNORE", mode="before")
    @classmethod
    def _name_list(cls, value: object) -> object:
        """A JSON list, or names separated by commas ("Rank, customfield_10019")."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    return json.loads(text)
                except json.JSONDecodeError:
                    raise ValueError('must be a JSON list like ["Rank"] or "Rank, Sprint"') from None
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("FIELD_ITEM_MAP")
    @classmethod
    def _item_targets(cls, value: dict[str, str]) -> dict[str, str]:
        from shared.analysis.checklists import ITEM_IDS

        bad = sorted({v for v in value.values() if v not in ITEM_IDS})
        if bad:
            raise ValueError(f"unknown checklist items {bad}; use one of {sorted(ITEM_IDS)}")
        return value

    @field_validator("TRIAGE_CATEGORY_MAP")
    @classmethod
    def _type_keys(cls, value: dict[str, Category]) -> dict[str, Category]:
        wrong = sorted(k for k in value if k.split(":", 1)[0].lower() not in ("requesttype", "issuetype"))
        if wrong:
            raise ValueError(f"keys must start with requestType: or issuetype: ({wrong[:3]})")
        return value

    @field_validator("REPORT_CATEGORY_MAP")
    @classmethod
    def _mapping_targets(cls, value: dict[str, str]) -> dict[str, str]:
        from shared.analysis.models import CATEGORIES

        bad = sorted({v for v in value.values() if v not in CATEGORIES})
        if bad:
            raise ValueError(f"unknown categories {bad}; use {list(CATEGORIES)}")
        wrong = sorted(k for k in value if k.split(":", 1)[0] not in ("component", "label", "issuetype"))
        if wrong:
            raise ValueError(f"keys must start with component:, label: or issuetype: ({wrong[:3]})")
        return value

    @field_validator("JIRA_SCAN_JQL", "PILOT_JQL")
    @classmethod
    def _no_order_by(cls, value: str | None) -> str | None:
        if value is not None and "order by" in value.lower():
            raise ValueError("must not contain ORDER BY (the scan adds its own conditions)")
        return value

    @property
    def uses_pilot(self) -> bool:
        """Some category runs in pilot mode (so the pilot scope must be known)."""
        return "pilot" in (self.ROLLOUT_MODE, *self.ROLLOUT_CATEGORIES.values())

    @property
    def llm_configured(self) -> bool:
        return bool(self.OPENAI_BASE_URL or self.OPENAI_API_KEY or self.AZURE_OPENAI_ENDPOINT)

    @property
    def use_llm(self) -> bool:
        return self.ANALYZER == "llm" or (self.ANALYZER == "auto" and self.llm_configured)


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Settings from the environment; raises `SettingsError` naming each bad setting."""
    env = dict(os.environ if environ is None else environ)
    # Empty app settings mean "not set" (Bicep and the portal write empty strings).
    values = {k: v for k, v in env.items() if v != ""}
    try:
        settings = Settings.model_validate(values)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_input=False, include_url=False):
            name = ".".join(str(p) for p in error["loc"]) or "settings"
            problems.append(f"{name}: {error['msg']}")
        raise SettingsError("invalid app settings: " + "; ".join(problems)) from None
    if settings.uses_pilot and not settings.PILOT_JQL:
        raise SettingsError(
            "invalid app settings: PILOT_JQL: required when ROLLOUT_MODE or ROLLOUT_CATEGORIES names pilot"
        )
    if settings.ANALYZER == "llm" and not settings.llm_configured:
        raise SettingsError(
            "invalid app settings: ANALYZER=llm needs OPENAI_BASE_URL/OPENAI_API_KEY or AZURE_OPENAI_ENDPOINT"
        )
    if settings.AZURE_OPENAI_ENDPOINT and not settings.AZURE_OPENAI_DEPLOYMENT:
        raise SettingsError(
            "invalid app settings: AZURE_OPENAI_DEPLOYMENT: required with AZURE_OPENAI_ENDPOINT"
        )
    if not settings.STORAGE:
        raise SettingsError("invalid app settings: AzureWebJobsStorage or LEDGER_STORAGE: required")
    return settings


def local_settings_values(path: Path) -> dict[str, str]:
    """`Values` of a Functions `local.settings.json`, so the CLI reads what `func start` would."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SettingsError(f"{path}: not readable JSON ({exc.__class__.__name__})") from None
    values = data.get("Values") if isinstance(data, dict) else None
    if not isinstance(values, dict):
        return {}
    return {str(k): str(v) for k, v in values.items() if v is not None}
