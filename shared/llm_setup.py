"""The model adapter and the judge, built from settings: the one place either is constructed, for
the app's runtime and the eval bench alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from shared.analysis.llm import LLMJudge
from shared.llm.structured import StructuredLLM

if TYPE_CHECKING:
    from openai import AsyncOpenAI

    from shared.config import Settings


def build_judge(settings: Settings) -> LLMJudge | None:
    """The LLM judge the settings describe, or None when they choose the rules alone."""
    if not settings.use_llm:
        return None
    return LLMJudge(
        build_llm(settings),
        threshold=settings.QUALITY_THRESHOLD,
        token_budget=settings.LLM_INPUT_TOKEN_BUDGET,
        redact_emails=settings.REDACT_EMAILS,
        prompt=settings.LLM_PROMPT_VERSION,
    )


def build_llm(settings: Settings) -> StructuredLLM:
    """The adapter on the configured deployment (AZURE_OPENAI_DEPLOYMENT, else OPENAI_MODEL)."""
    return StructuredLLM(create_client(settings), model_name(settings))


def model_name(settings: Settings) -> str:
    return settings.AZURE_OPENAI_DEPLOYMENT or settings.OPENAI_MODEL


def create_client(settings: Settings) -> AsyncOpenAI:
    """OpenAI, or Azure OpenAI's v1 API with a key or keyless Entra ID."""
    from openai import AsyncOpenAI

    timeout = settings.LLM_TIMEOUT_SECONDS
    retries = settings.LLM_MAX_RETRIES
    if settings.AZURE_OPENAI_ENDPOINT is not None:
        base = f"{str(settings.AZURE_OPENAI_ENDPOINT).rstrip('/')}/openai/v1/"
        key: Any
        if settings.AZURE_OPENAI_API_KEY is not None:
            key = settings.AZURE_OPENAI_API_KEY.get_secret_value()
        else:
            from azure.identity.aio import DefaultAzureCredential, get_bearer_token_provider

            key = get_bearer_token_provider(
                DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default"
            )
        return AsyncOpenAI(base_url=base, api_key=key, timeout=timeout, max_retries=retries)
    api_key = settings.OPENAI_API_KEY.get_secret_value() if settings.OPENAI_API_KEY else "unset"
    base_url = str(settings.OPENAI_BASE_URL) if settings.OPENAI_BASE_URL else None
    return AsyncOpenAI(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=retries)
