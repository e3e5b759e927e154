"""An OpenAI-compatible chat-completions endpoint on loopback, for tests and benchmarks.

Why: the ``openai`` SDK (3.x, on ``httpx2``) cannot be intercepted by respx, and patching its
internals proves nothing. This server lets the real client talk real HTTP, answers with what a
test-supplied responder returns, counts every call, and injects the failures a real endpoint
shows (429/5xx, slow answers, invalid or truncated output, refusals).

Run standalone (for the benchmarks and the demo)::

    python -m sandbox.llm_server --port 8089 --latency 0.2

It prints its base URL on the first line of stdout and serves until SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import signal
import socket
import socketserver
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType, TracebackType
from typing import Any, Literal, Self, cast, get_args

Responder = Callable[[dict[str, Any]], dict[str, Any] | str]
"""Maps a request body to the assistant's answer: an object (sent as JSON) or a raw string."""

FaultKind = Literal["status", "timeout", "invalid_json", "schema_violation", "refusal", "truncated"]

DEFAULT_RESPONDER = "sandbox.llm_responder:respond"
REFUSAL_TEXT = "I can't help with that."
_SCHEMA_VIOLATION = {"score": "high"}

_STATUS_ERRORS: dict[int, tuple[str, str, str | None]] = {
    400: ("We could not parse the JSON body of your request.", "invalid_request_error", None),
    401: ("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
    404: ("Unknown request URL.", "invalid_request_error", "unknown_url"),
    429: ("Rate limit reached for requests.", "requests", "rate_limit_exceeded"),
    500: ("The server had an error while processing your request.", "server_error", None),
    503: ("The engine is currently overloaded, please try again later.", "server_error", None),
}


@dataclass(frozen=True)
class _Fault:
    kind: FaultKind
    status: int
    retry_after: float | None
    delay: float


@dataclass
class _Reply:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def error_body(status: int, message: str | None = None) -> dict[str, Any]:
    """Build the ``{"error": {...}}`` body OpenAI sends, so the SDK maps it to its exceptions."""
    default_message, kind, code = _STATUS_ERRORS.get(status, ("Request failed.", "api_error", None))
    return {"error": {"message": message or default_message, "type": kind, "param": None, "code": code}}


def _estimate_tokens(text: str) -> int:
    """Approximate tokens as characters / 4, like OpenAI's rule of thumb, never below 1."""
    return max(1, len(text) // 4)


def _prompt_text(request: dict[str, Any]) -> str:
    """Concatenate every message's text (plain strings and text parts) for the usage estimate."""
    chunks: list[str] = []
    for message in request.get("messages") or []:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            chunks.append(content)
        elif isinstance(content, list):
            chunks.extend(
                part["text"]
                for part in content
                if isinstance(part, dict) and isinstance(part.get("text"), str)
            )
    return "".join(chunks)


class FakeLLM:
    """A chat-completions endpoint whose answers, latency and failures a test controls."""

    def __init__(self, responder: Responder, *, latency: float = 0.0, api_key: str = "sk-test") -> None:
        self.responder = responder
        self.latency = latency
        self.api_key = api_key
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._faults: deque[_Fault] = deque()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._base_url: str | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on a background daemon thread; return the base URL ending in ``/v1``."""
        if self._server is not None:
            raise RuntimeError("FakeLLM is already running")
        self._stopping.clear()
        server = _Server((host, port), self)
        self._thread = threading.Thread(
            target=server.serve_forever, name="fake-llm", kwargs={"poll_interval": 0.05}
        )
        self._thread.daemon = True
        self._thread.start()
        self._server = server
        bound_host, bound_port = server.server_address[:2]
        self._base_url = f"http://{_url_host(str(bound_host))}:{bound_port}/v1"
        return self._base_url

    def stop(self) -> None:
        """Stop serving, wake requests still sleeping and drop kept-alive connections."""
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @property
    def base_url(self) -> str:
        """The URL to give ``openai.OpenAI(base_url=...)``; only while running."""
        if self._base_url is None or self._server is None:
            raise RuntimeError("FakeLLM is not running")
        return self._base_url

    def __enter__(self) -> Self:
        if self._server is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what tests look at and steer ------------------------------------------------------------

    @property
    def calls(self) -> int:
        """How many chat-completion requests arrived (faulted and unauthorised ones included)."""
        with self._lock:
            return len(self.requests)

    def reset(self) -> None:
        """Forget recorded requests and pending faults, so one server can serve many tests."""
        with self._lock:
            self.requests.clear()
            self._faults.clear()

    def add_fault(
        self,
        kind: FaultKind,
        *,
        times: int = 1,
        status: int = 500,
        retry_after: float | None = None,
        delay: float = 0.0,
    ) -> None:
        """Make the next ``times`` authorised requests fail in the way ``kind`` names.

        ``status`` (with ``status``, plus a ``retry-after`` header when ``retry_after`` is set),
        ``timeout`` (wait ``delay`` seconds, then answer normally), ``invalid_json`` (prose
        around the answer), ``schema_violation`` (JSON of the wrong shape), ``refusal`` and
        ``truncated`` (``finish_reason`` "length" with half of the JSON).
        """
        if kind not in get_args(FaultKind):
            raise ValueError(f"unknown fault kind {kind!r}")
        if times < 1:
            raise ValueError("times must be at least 1")
        if not 400 <= status <= 599:
            raise ValueError("status must be an HTTP error status (400-599)")
        with self._lock:
            self._faults.extend([_Fault(kind, status, retry_after, delay)] * times)

    def clear_faults(self) -> None:
        """Drop faults not yet served."""
        with self._lock:
            self._faults.clear()

    # -- request handling (called on the server's threads) ------------------------------------

    def _handle(self, path: str, headers: dict[str, str], body: bytes) -> _Reply:
        """Turn one HTTP request into a reply; the handler only does the wire work."""
        if not path.partition("?")[0].rstrip("/").endswith("/chat/completions"):
            return _Reply(404, error_body(404, f"Unknown request URL: POST {path}."))
        try:
            request = json.loads(body)
        except ValueError:
            return _Reply(400, error_body(400))
        if not isinstance(request, dict):
            return _Reply(400, error_body(400))
        with self._lock:
            self.requests.append(request)
        if not self._authorised(headers):
            return _Reply(401, error_body(401))
        with self._lock:
            fault = self._faults.popleft() if self._faults else None
        started = time.monotonic()
        try:
            reply = self._answer(request, fault)
        except Exception as exc:  # a responder bug must reach the test, not kill the thread
            reply = _Reply(500, error_body(500, f"responder failed: {exc!r}"))
        # `latency` is the whole answer time, however long the responder itself took.
        self._stopping.wait(max(0.0, self.latency - (time.monotonic() - started)))
        return reply

    def _authorised(self, headers: dict[str, str]) -> bool:
        """Accept OpenAI's bearer token or Azure's ``api-key`` header."""
        return (
            headers.get("authorization") == f"Bearer {self.api_key}" or headers.get("api-key") == self.api_key
        )

    def _answer(self, request: dict[str, Any], fault: _Fault | None) -> _Reply:
        """Build the completion, bent by the fault if there is one."""
        kind = fault.kind if fault is not None else None
        if fault is not None and fault.kind == "status":
            headers = {} if fault.retry_after is None else {"retry-after": f"{fault.retry_after:g}"}
            return _Reply(fault.status, error_body(fault.status), headers)
        if kind == "schema_violation":
            return _Reply(200, self._completion(request, json.dumps(_SCHEMA_VIOLATION)))
        if kind == "refusal":
            return _Reply(200, self._completion(request, None, refusal=REFUSAL_TEXT))
        if fault is not None and fault.kind == "timeout":
            self._stopping.wait(fault.delay)
        answer = self.responder(request)
        content = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        if kind == "invalid_json":
            content = f"Sure! Here is the assessment you asked for:\n```json\n{content}\n```"
        if kind == "truncated":
            return _Reply(200, self._completion(request, content[: len(content) // 2], "length"))
        return _Reply(200, self._completion(request, content))

    @staticmethod
    def _completion(
        request: dict[str, Any],
        content: str | None,
        finish_reason: str = "stop",
        *,
        refusal: str | None = None,
    ) -> dict[str, Any]:
        """A ``chat.completion`` object shaped like OpenAI's, usage included for cost figures."""
        prompt_tokens = _estimate_tokens(_prompt_text(request))
        completion_tokens = _estimate_tokens(content or refusal or "")
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.get("model", "fake-llm"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "logprobs": None,
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
                "prompt_tokens_details": {"cached_tokens": 0},
            },
        }


def _url_host(host: str) -> str:
    """Bracket IPv6 literals so the base URL stays valid."""
    return f"[{host}]" if ":" in host else host


class _Server(ThreadingHTTPServer):
    """A threading server that knows its FakeLLM and can drop idle keep-alive connections."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], llm: FakeLLM) -> None:
        self.llm = llm
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse DNS lookup (``getfqdn``), which can stall."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        """Track the connection while its thread serves it, so stop() can close it."""
        with self._connections_lock:
            self._connections.add(request)
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._connections_lock:
                self._connections.discard(request)

    def close_connections(self) -> None:
        """Shut down every open connection, waking handlers blocked on a keep-alive read."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet when a client went away (timeouts do that on purpose); report the rest."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Wire work only: read the body, ask the FakeLLM, write JSON with keep-alive."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no Nagle stall
    server_version = "FakeLLM/1"
    sys_version = ""

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length)
        headers = {name.lower(): value for name, value in self.headers.items()}
        reply = cast(_Server, self.server).llm._handle(self.path, headers, body)
        payload = json.dumps(reply.body, ensure_ascii=False).encode()
        self.send_response(reply.status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.send_header("x-request-id", f"req_{uuid.uuid4().hex}")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test and benchmark output clean."""


def load_responder(spec: str) -> Responder:
    """Import ``module:function`` lazily, so the server module never needs the responder."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"responder must look like 'module:function', got {spec!r}")
    responder = getattr(importlib.import_module(module_name), attribute)
    if not callable(responder):
        raise TypeError(f"{spec} is not callable")
    return cast(Responder, responder)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the endpoint until SIGTERM/SIGINT, printing the base URL first for the caller."""
    parser = argparse.ArgumentParser(prog="python -m sandbox.llm_server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per request")
    parser.add_argument("--api-key", default="sk-test")
    parser.add_argument("--responder", default=DEFAULT_RESPONDER, help="module:function")
    args = parser.parse_args(argv)

    stopped = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopped.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        responder = load_responder(args.responder)
    except (ImportError, AttributeError, ValueError, TypeError) as exc:
        parser.error(f"--responder {args.responder}: {exc}")
    llm = FakeLLM(responder, latency=args.latency, api_key=args.api_key)
    print(llm.start(args.host, args.port), flush=True)
    try:
        stopped.wait()
    finally:
        llm.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
