"""The fake LLM endpoint, driven by the real ``openai`` client over loopback.

Why: every LLM test and benchmark trusts this server to behave like OpenAI; these tests pin
what the SDK really does with each answer and each fault.
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pydantic
import pytest

from sandbox.llm_server import REFUSAL_TEXT, FakeLLM

ROOT = Path(__file__).resolve().parents[2]
MESSAGES: list[Any] = [
    {"role": "system", "content": "Assess the ticket."},
    {"role": "user", "content": "Pipeline fails on deploy: 배포 실패"},
]
ANSWER = {"score": 82, "verdict": "HIGH_QUALITY", "missing": []}


class Assessment(pydantic.BaseModel):
    score: int
    verdict: str
    missing: list[str]


def answer(request: dict[str, Any]) -> dict[str, Any]:
    return ANSWER


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    with FakeLLM(answer) as server:
        yield server


@pytest.fixture
def client(llm: FakeLLM) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=llm.base_url, api_key="sk-test", max_retries=0) as sdk:
        yield sdk


def parse(client: openai.OpenAI) -> openai.types.chat.ParsedChatCompletion[Assessment]:
    return client.chat.completions.parse(model="gpt-test", messages=MESSAGES, response_format=Assessment)


def test_parse_returns_the_responders_object_as_a_full_completion(
    llm: FakeLLM, client: openai.OpenAI
) -> None:
    completion = parse(client)

    choice = completion.choices[0]
    assert choice.message.parsed == Assessment.model_validate(ANSWER)
    assert choice.message.refusal is None
    assert choice.finish_reason == "stop"
    assert completion.object == "chat.completion"
    assert completion.model == "gpt-test"
    usage = completion.usage
    assert usage is not None
    prompt_chars = sum(len(m["content"]) for m in MESSAGES)
    assert usage.prompt_tokens == prompt_chars // 4
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert usage.prompt_tokens_details is not None
    assert usage.prompt_tokens_details.cached_tokens == 0


def test_requests_are_recorded_with_messages_and_json_schema(llm: FakeLLM, client: openai.OpenAI) -> None:
    parse(client)
    parse(client)

    assert llm.calls == 2
    sent = llm.requests[0]
    assert sent["messages"] == MESSAGES
    response_format = sent["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["name"] == "Assessment"
    assert response_format["json_schema"]["strict"] is True
    assert set(response_format["json_schema"]["schema"]["required"]) == set(ANSWER)

    llm.reset()
    assert llm.calls == 0
    assert llm.requests == []


def test_a_string_from_the_responder_is_the_content_verbatim() -> None:
    with (
        FakeLLM(lambda request: "plain words, not JSON", api_key="k") as server,
        openai.OpenAI(base_url=server.base_url, api_key="k", max_retries=0) as sdk,
    ):
        completion = sdk.chat.completions.create(model="m", messages=MESSAGES)

    assert completion.choices[0].message.content == "plain words, not JSON"


def test_azure_path_and_api_key_header_are_accepted(llm: FakeLLM) -> None:
    azure_base = llm.base_url.removesuffix("/v1") + "/openai/v1/"
    with openai.OpenAI(
        base_url=azure_base,
        api_key="not-the-key",
        default_headers={"api-key": "sk-test"},
        max_retries=0,
    ) as sdk:
        assert parse(sdk).choices[0].message.parsed == Assessment.model_validate(ANSWER)


def test_a_wrong_key_is_rejected_with_openais_error(llm: FakeLLM) -> None:
    with (
        openai.OpenAI(base_url=llm.base_url, api_key="sk-wrong", max_retries=0) as sdk,
        pytest.raises(openai.AuthenticationError) as caught,
    ):
        parse(sdk)

    assert caught.value.code == "invalid_api_key"


def test_unknown_paths_get_404(llm: FakeLLM, client: openai.OpenAI) -> None:
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="m", input="x")


async def test_async_client_gets_every_concurrent_answer(llm: FakeLLM) -> None:
    async with openai.AsyncOpenAI(base_url=llm.base_url, api_key="sk-test", max_retries=0) as sdk:
        completions = await asyncio.gather(
            *(
                sdk.chat.completions.parse(model="m", messages=MESSAGES, response_format=Assessment)
                for _ in range(8)
            )
        )

    assert [c.choices[0].message.parsed for c in completions] == [Assessment.model_validate(ANSWER)] * 8
    assert llm.calls == 8


def test_429_raises_rate_limit_error_with_retry_after(llm: FakeLLM, client: openai.OpenAI) -> None:
    llm.add_fault("status", status=429, retry_after=7)

    with pytest.raises(openai.RateLimitError) as caught:
        parse(client)

    assert caught.value.response.headers["retry-after"] == "7"
    assert caught.value.code == "rate_limit_exceeded"
    assert parse(client).choices[0].message.parsed == Assessment.model_validate(ANSWER)


@pytest.mark.parametrize("status", [500, 503])
def test_5xx_raises_internal_server_error(llm: FakeLLM, client: openai.OpenAI, status: int) -> None:
    llm.add_fault("status", status=status)

    with pytest.raises(openai.InternalServerError) as caught:
        parse(client)

    assert caught.value.status_code == status
    assert "retry-after" not in caught.value.response.headers


def test_sdk_retries_through_the_faults_it_is_given(llm: FakeLLM) -> None:
    llm.add_fault("status", status=503, times=2, retry_after=0.001)

    with openai.OpenAI(base_url=llm.base_url, api_key="sk-test", max_retries=2) as sdk:
        completion = parse(sdk)

    assert completion.choices[0].message.parsed == Assessment.model_validate(ANSWER)
    assert llm.calls == 3


def test_timeout_fault_trips_the_client_timeout(llm: FakeLLM, client: openai.OpenAI) -> None:
    llm.add_fault("timeout", delay=30)

    with pytest.raises(openai.APITimeoutError):
        client.with_options(timeout=0.2).chat.completions.parse(
            model="m", messages=MESSAGES, response_format=Assessment
        )

    assert parse(client).choices[0].message.parsed == Assessment.model_validate(ANSWER)


def test_invalid_json_fails_pydantic_validation(llm: FakeLLM, client: openai.OpenAI) -> None:
    llm.add_fault("invalid_json")

    with pytest.raises(pydantic.ValidationError) as caught:
        parse(client)

    assert caught.value.errors()[0]["type"] == "json_invalid"


def test_schema_violation_fails_pydantic_validation(llm: FakeLLM, client: openai.OpenAI) -> None:
    llm.add_fault("schema_violation")

    with pytest.raises(pydantic.ValidationError) as caught:
        parse(client)

    assert {e["loc"][0] for e in caught.value.errors()} == {"score", "verdict", "missing"}


def test_refusal_sets_message_refusal_and_parsed_none(llm: FakeLLM, client: openai.OpenAI) -> None:
    llm.add_fault("refusal")

    message = parse(client).choices[0].message

    assert message.refusal == REFUSAL_TEXT
    assert message.content is None
    assert message.parsed is None


def test_truncated_raises_length_finish_reason_error(llm: FakeLLM, client: openai.OpenAI) -> None:
    llm.add_fault("truncated")

    with pytest.raises(openai.LengthFinishReasonError) as caught:
        parse(client)

    content = caught.value.completion.choices[0].message.content
    full = json.dumps(ANSWER, ensure_ascii=False)
    assert content == full[: len(full) // 2]


def test_faults_are_served_in_order_then_cleared(llm: FakeLLM, client: openai.OpenAI) -> None:
    llm.add_fault("refusal")
    llm.add_fault("status", status=500, times=2)

    assert parse(client).choices[0].message.refusal == REFUSAL_TEXT
    with pytest.raises(openai.InternalServerError):
        parse(client)
    llm.clear_faults()
    assert parse(client).choices[0].message.parsed == Assessment.model_validate(ANSWER)


def test_a_failing_responder_answers_500_with_its_error() -> None:
    def broken(request: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("ticket")

    with (
        FakeLLM(broken) as server,
        openai.OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0) as sdk,
        pytest.raises(openai.InternalServerError, match="KeyError"),
    ):
        parse(sdk)


@pytest.mark.parametrize(
    ("kind", "options"),
    [("nope", {}), ("status", {"times": 0}), ("status", {"status": 200})],
)
def test_add_fault_rejects_nonsense(llm: FakeLLM, kind: Any, options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        llm.add_fault(kind, **options)


def test_module_runs_standalone_until_sigterm() -> None:
    # builtins:dict echoes the request back as the answer: a responder with no imports.
    process = subprocess.Popen(
        [sys.executable, "-m", "sandbox.llm_server", "--responder", "builtins:dict"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/v1")
        with openai.OpenAI(base_url=base_url, api_key="sk-test", max_retries=0) as sdk:
            completion = sdk.chat.completions.create(model="m", messages=MESSAGES)
        content = completion.choices[0].message.content
        assert content is not None
        assert json.loads(content)["messages"] == MESSAGES
    finally:
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()
    assert returncode == 0
