"""A loopback Jira Cloud REST v3 server for local runs, integration, chaos tests and benchmarks.

It answers the routes the product uses in Atlassian's shapes, counts every call, and misbehaves
on demand (statuses with Retry-After, delays, truncated JSON, lost responses, disconnects) so
the client's retry and idempotency logic can be exercised without a real site.
Run standalone: `python -m sandbox.jira_server --port 8123 [--issues FILE.json] [--latency 0]`.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hmac
import importlib
import json
import re
import signal
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

from sandbox.jira_store import INVALID_PAYLOAD, ApiError, JiraStore, Json

__all__ = ["FAULT_KINDS", "ROUTES", "JiraSandbox", "main"]

_ISSUE = r"/rest/api/3/issue/([^/]+)"
ROUTES: dict[str, tuple[str, re.Pattern[str]]] = {
    "POST /search/jql": ("POST", re.compile(r"/rest/api/3/search/(jql)")),
    "GET /issue": ("GET", re.compile(_ISSUE)),
    "PUT /issue": ("PUT", re.compile(_ISSUE)),
    "POST /comment": ("POST", re.compile(_ISSUE + "/comment")),
    "GET /comment": ("GET", re.compile(_ISSUE + "/comment")),
    "PUT /comment": ("PUT", re.compile(_ISSUE + "/comment/([^/]+)")),
    "GET /comment/{id}": ("GET", re.compile(_ISSUE + "/comment/([^/]+)")),
    "GET /changelog": ("GET", re.compile(_ISSUE + "/changelog")),
    "GET /myself": ("GET", re.compile(r"/rest/api/3/(myself)")),
}
FAULT_KINDS = frozenset({"status", "delay", "malformed", "lost_response", "disconnect"})
_GONE = (
    "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
    "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"
)
_STATUS_TEXT = {429: "Rate limit exceeded.", 503: "Service unavailable. Please try again later."}


@dataclass
class Fault:
    """One scheduled misbehaviour for the next `times` matching requests."""

    route: str
    kind: str
    times: int = 1
    status: int | None = None
    retry_after: float | None = None
    delay: float = 0.0
    key: str | None = None


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8")) if raw else None
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, INVALID_PAYLOAD) from None


def _int(query: dict[str, list[str]], name: str, default: int, ceiling: int = 100) -> int:
    text = query.get(name, [str(default)])[-1]
    if not text.isdigit():
        raise ApiError(400, f"The '{name}' parameter must be a non-negative integer.")
    return min(int(text), ceiling)


class JiraSandbox(JiraStore):
    """The store plus counters, faults, latency and the HTTP server around it."""

    def __init__(
        self,
        issues: Iterable[Json],
        *,
        email: str = "bot@example.com",
        api_token: str = "sandbox-token",  # noqa: S107 - a local stand-in's well-known token
        bot_account_id: str = "bot-ai-triage",
        bot_display_name: str = "AI Triage",
        now: Callable[[], datetime] | None = None,
        latency: float = 0.0,
    ) -> None:
        super().__init__(
            issues,
            email=email,
            api_token=api_token,
            bot_account_id=bot_account_id,
            bot_display_name=bot_display_name,
            now=now,
        )
        self.latency = latency
        self.counters: Counter[str] = Counter()
        self._faults: list[Fault] = []
        self._meta = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # ----- counters and faults -----
    def count(self, name: str) -> None:
        """Count one call of a route template (or a state-changing write)."""
        with self._meta:
            self.counters[name] += 1

    def reset_counters(self) -> None:
        """Zero every counter (between benchmark phases, say)."""
        with self._meta:
            self.counters.clear()

    def add_fault(
        self,
        route: str,
        kind: str,
        *,
        times: int = 1,
        status: int | None = None,
        retry_after: float | None = None,
        delay: float = 0.0,
        key: str | None = None,
    ) -> None:
        """Make the next `times` requests to `route` (optionally for one issue key) misbehave.

        status: answer `status` with a Jira error body (+ Retry-After when `retry_after`);
        delay: sleep `delay` s, then carry the request out; malformed: carry it out, answer 200
        with half the JSON; lost_response: carry it out, close unanswered; disconnect: close only.
        """
        if route not in ROUTES or kind not in FAULT_KINDS or times < 1:
            raise ValueError(f"unknown fault {route!r}/{kind!r} or times < 1")
        if kind == "status" and status is None:
            status = 429 if retry_after is not None else 500
        with self._meta:
            self._faults.append(Fault(route, kind, times, status, retry_after, delay, key))

    def clear_faults(self) -> None:
        """Drop every pending fault."""
        with self._meta:
            self._faults.clear()

    def take_fault(self, route: str, key: str | None) -> Fault | None:
        """The fault due for this request, if any (each use counts down its `times`)."""
        with self._meta:
            for fault in self._faults:
                if fault.route == route and fault.key in (None, key):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def authorized(self, header: str | None) -> bool:
        """Basic auth with the configured email and API token."""
        expected = base64.b64encode(f"{self.email}:{self.api_token}".encode()).decode()
        return hmac.compare_digest((header or "").encode(), f"Basic {expected}".encode())

    # ----- request handling -----
    def rest(self, route: str, param: str, query: dict[str, list[str]], raw: bytes) -> Reply:
        """Carry out one authenticated REST call; ApiError becomes the error reply."""
        expand = query.get("expand", [None])[-1]
        try:
            start, size = _int(query, "startAt", 0, sys.maxsize), _int(query, "maxResults", 100)
            match route:
                case "POST /search/jql":
                    return Reply(200, self.search(_json(raw)))
                case "GET /issue":
                    wanted = ",".join(query.get("fields", [])) or None
                    return Reply(200, self.get_issue(param, wanted, expand))
                case "PUT /issue":
                    if self.edit_issue(param, _json(raw)):
                        self.count("writes")
                    return Reply(204)
                case "POST /comment":
                    created = self.add_comment(param, _json(raw), expand)
                    self.count("writes")
                    return Reply(201, created)
                case "PUT /comment":
                    notify = query.get("notifyUsers", ["true"])[-1] != "false"
                    edited = self.edit_comment(param, query["_item"][-1], _json(raw), expand, notify=notify)
                    self.count("writes")
                    return Reply(200, edited)
                case "GET /comment/{id}":
                    return Reply(200, self.get_comment(param, query["_item"][-1], expand))
                case "GET /comment":
                    order = query.get("orderBy", ["created"])[-1]
                    return Reply(200, self.list_comments(param, start, size, order, expand))
                case "GET /changelog":
                    return Reply(200, self.changelog(param, start, size))
            return Reply(200, self.myself())
        except ApiError as exc:
            return Reply(exc.status, exc.body)

    def admin(self, method: str, path: str, raw: bytes) -> Reply:
        """`/_sandbox/...` routes (no auth) to drive a sandbox in another process."""
        try:
            body = _json(raw) or {}
            match (method, *path.strip("/").split("/")[1:]):
                case ("GET", "counters"):
                    with self._meta:
                        return Reply(200, dict(self.counters))
                case ("POST", "reset"):
                    self.reset_counters()
                case ("POST", "faults"):
                    self.add_fault(**body)
                case ("DELETE", "faults"):
                    self.clear_faults()
                case ("POST", "latency"):
                    self.latency = float(body["latency"])
                case ("POST", "issues"):
                    return Reply(201, {"key": self.add_issue(body)})
                case ("GET", "issues", key):
                    return Reply(200, self.get_raw(key))
                case ("POST", "issues", key, "labels"):
                    self.person_edit_labels(key, body.get("add", []), body.get("remove", []))
                case ("POST", "issues", key, "description"):
                    self.person_edit_description(key, body.get("description"))
                case ("POST", "issues", key, "comments"):
                    author = body.get("author", "")
                    return Reply(201, self.person_comment(key, body.get("text", ""), author))
                case _:
                    return Reply(404, {"errorMessages": ["No such sandbox route."], "errors": {}})
            return Reply(204)
        except KeyError as exc:
            return Reply(404, {"errorMessages": [f"Not found: {exc}"], "errors": {}})
        except ApiError as exc:
            return Reply(exc.status, exc.body)
        except (TypeError, ValueError) as exc:
            return Reply(400, {"errorMessages": [str(exc)], "errors": {}})

    # ----- lifecycle -----
    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on a background thread; returns the base URL (port 0 picks a free one)."""
        if self._server is not None:
            raise RuntimeError("sandbox already started")
        self._server = _Server((host, port), self)
        self.base_url = f"http://{host}:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        """Stop serving and drop open keep-alive connections, as a site going away would."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.drop_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> JiraSandbox:
        if self._server is None:
            self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], sandbox: JiraSandbox) -> None:
        self.sandbox = sandbox
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def drop_connections(self) -> None:
        with self.connections_lock:
            for conn in self.connections:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no Nagle stall
    timeout = 120

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests and benchmarks read their own output."""

    def setup(self) -> None:
        super().setup()
        server = cast(_Server, self.server)
        with server.connections_lock:
            server.connections.add(self.connection)

    def finish(self) -> None:
        server = cast(_Server, self.server)
        with server.connections_lock:
            server.connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def _handle(self) -> None:
        try:
            self._route()
        except Exception as exc:  # a sandbox bug must answer 500, not hang the client
            body = {"errorMessages": [f"Sandbox error: {exc!r}"], "errors": {}}
            self._send(Reply(500, body))

    def _route(self) -> None:
        sandbox = cast(_Server, self.server).sandbox
        url = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if url.path.startswith("/_sandbox/"):
            return self._send(sandbox.admin(self.command, url.path, raw))
        found = [
            (name, m)
            for name, (method, pattern) in ROUTES.items()
            if method == self.command and (m := pattern.fullmatch(url.path))
        ]
        if not found and url.path != "/rest/api/3/search":
            return self._send(Reply(404, {"errorMessages": ["Not found."], "errors": {}}))
        route, param = (found[0][0], unquote(found[0][1].group(1))) if found else ("", "")
        item = unquote(found[0][1].group(2)) if found and found[0][1].lastindex == 2 else ""
        if route:
            sandbox.count(route)
        if sandbox.latency > 0:
            time.sleep(sandbox.latency)
        if not sandbox.authorized(self.headers.get("Authorization")):
            msg = "Client must be authenticated to access this resource."
            headers = {"X-Seraph-LoginReason": "AUTHENTICATED_FAILED"}
            return self._send(Reply(401, {"errorMessages": [msg], "errors": {}}, headers))
        if not route:
            return self._send(Reply(410, {"errorMessages": [_GONE], "errors": {}}))
        fault = sandbox.take_fault(route, sandbox.resolve(param) if param else None)
        kind = fault.kind if fault else ""
        if kind == "disconnect":
            self.close_connection = True
            return None
        if fault and kind == "status":
            status = fault.status or 500
            text = _STATUS_TEXT.get(status, "Internal server error.")
            headers = {}
            if fault.retry_after is not None:
                after = fault.retry_after
                headers["Retry-After"] = str(int(after)) if after == int(after) else str(after)
                headers["RateLimit-Reason"] = "jira-burst-based"
            return self._send(Reply(status, {"errorMessages": [text], "errors": {}}, headers))
        if fault and kind == "delay":
            time.sleep(fault.delay)
        query = parse_qs(url.query, keep_blank_values=True)
        if item:
            query["_item"] = [item]  # the comment's id in /issue/{key}/comment/{id}
        reply = sandbox.rest(route, param, query, raw)
        if kind == "lost_response":
            self.close_connection = True
            return None
        if kind == "malformed":
            text = json.dumps(reply.body) if reply.body is not None else '{"errorMessages": []}'
            return self._send(Reply(200, text[: max(1, len(text) // 2)]))
        return self._send(reply)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

    def _send(self, reply: Reply) -> None:
        body = reply.body
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        data = None if body is None else text
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if data is not None:
                encoded = data.encode("utf-8")
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(encoded)))
            elif reply.status != 204:
                self.send_header("Content-Length", "0")
            self.end_headers()
            if data is not None:
                self.wfile.write(encoded)
        except OSError:
            self.close_connection = True


def main(argv: Sequence[str] | None = None) -> int:
    """Run a sandbox until SIGTERM/SIGINT; the first stdout line is its base URL."""
    parser = argparse.ArgumentParser(prog="python -m sandbox.jira_server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--issues", type=Path, help="JSON list of raw issues (default: seed)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    parser.add_argument("--email", default="bot@example.com")
    parser.add_argument("--api-token", default="sandbox-token")
    args = parser.parse_args(argv)
    if args.issues is not None:
        data = json.loads(args.issues.read_text(encoding="utf-8"))
        issues = data["issues"] if isinstance(data, dict) else data
    else:
        issues = importlib.import_module("sandbox.seed").generate_month()
    sandbox = JiraSandbox(issues, email=args.email, api_token=args.api_token)
    sandbox.latency = args.latency
    stopping = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.set())
    print(sandbox.start(args.host, args.port), flush=True)
    while not stopping.wait(0.5):
        pass
    sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
