"""The HTTP faces' shared answer: a failure of any kind leaves as a problem, and the wrapped
functions keep the parameters the host binds by name."""

from __future__ import annotations

import inspect
import json

import azure.functions as func
import pytest

from shared.functions.http_common import answers_problems, flags, query
from shared.functions.problems import Problem
from tests.functions.conftest import functions

PROBLEM = "https://ai-ticket-triage.dev/problems/"


def request(params: dict[str, str] | None = None) -> func.HttpRequest:
    return func.HttpRequest(
        method="GET", url="http://localhost/api/x?code=k", params=params or {}, headers={}, body=b""
    )


@answers_problems
async def failing(req: func.HttpRequest, error: Exception) -> func.HttpResponse:
    raise error


async def test_an_unexpected_error_is_a_500_problem_without_its_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    response = await failing(request(), RuntimeError("token=s3cret in a stack"))
    body = json.loads(response.get_body())
    assert response.status_code == 500 and response.mimetype == "application/problem+json"
    assert body["type"] == PROBLEM + "internal-error" and "s3cret" not in response.get_body().decode()
    assert "unhandled error in http://localhost/api/x" in caplog.text  # logged, without the query


async def test_a_problem_is_answered_as_itself_and_the_request_may_come_by_name() -> None:
    response = await failing(error=Problem("not-found", 404, "nothing here"), req=request())
    assert response.status_code == 404 and json.loads(response.get_body())["detail"] == "nothing here"


def test_wrapped_functions_keep_the_parameters_the_host_binds() -> None:
    for name, function in functions().items():
        bindings = json.loads(function.get_function_json())["bindings"]
        bound = {b["name"] for b in bindings if b["direction"] == "IN"}
        parameters = set(inspect.signature(function.get_user_function()).parameters)
        assert bound <= parameters, name


def test_query_refuses_unknown_names_and_flags_refuse_non_booleans() -> None:
    assert query(request({"format": "md"}), ("format",)) == {"format": "md"}
    with pytest.raises(Problem, match="unknown query parameter 'x' \\(allowed: format\\)"):
        query(request({"x": "1"}), ("format",))
    with pytest.raises(Problem, match="allowed: none"):
        flags(request({"x": "true"}), ())
    assert flags(request({"force": " TRUE "}), ("force",)) == {"force": True}
    with pytest.raises(Problem, match="must be true or false"):
        flags(request({"force": "yes"}), ("force",))
