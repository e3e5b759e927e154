"""Call the Functions app's user functions as the host would, on the sandbox and Azurite."""

from __future__ import annotations

import functools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import azure.functions as func
import pytest

import shared.runtime
from sandbox.jira_server import JiraSandbox
from sandbox.stack import Azurite
from tests.conftest import settings_env


@functools.cache
def functions() -> dict[str, Any]:
    """Index once, as the host does (a second `get_functions()` re-validates and refuses)."""
    import function_app

    return {f.get_function_name(): f for f in function_app.app.get_functions()}


Configure = Callable[..., None]


@pytest.fixture
async def app(
    azurite: Azurite, jira: JiraSandbox, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Configure]:
    """Set the app settings (sandbox, Azurite, overrides) as the host would before a call."""

    def configure(**overrides: Any) -> None:
        for name, value in settings_env(azurite, jira.base_url, **overrides).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(shared.runtime, "_runtime", None)

    configure()
    yield configure
    if shared.runtime._runtime is not None:
        await shared.runtime._runtime.aclose()
    monkeypatch.setattr(shared.runtime, "_runtime", None)


Call = Callable[..., Awaitable[tuple[int, dict[str, str], Any]]]


async def call(
    name: str,
    *,
    method: str = "GET",
    route_params: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
    body: bytes = b"",
) -> tuple[int, dict[str, str], Any]:
    """Invoke one HTTP function; returns status, headers and the decoded JSON body."""
    route = functions()[name]
    request = func.HttpRequest(
        method=method,
        url=f"http://localhost/api/{name}",
        route_params=route_params or {},
        params=params or {},
        headers={},
        body=body,
    )
    response = await route.get_user_function()(request)
    headers = dict(response.headers)
    headers["content-type"] = response.mimetype
    return response.status_code, headers, json.loads(response.get_body() or b"null")
