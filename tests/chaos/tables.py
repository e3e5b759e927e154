"""Table Storage faults for chaos runs: a transport between the Tables SDK and Azurite.

Azurite cannot fail on demand, so the ledger of a chaos run talks to it through this transport,
which misbehaves on scheduled requests the way a real storage account does:

- `status`: answer 500 or 503 with a Table Storage error body (from a tiny loopback server, so the
  SDK parses a real HTTP response); the SDK retries it like any server error;
- `connect`: the connection is refused before anything is sent;
- `lost_response`: the request is carried out by Azurite, then the connection drops before the
  answer arrives (the SDK may retry: an insert then meets its own row, a replace its own ETag);
- `etag_conflict`: just before a conditional replace, another writer changes the row, so Azurite
  answers 412 for real.

The SDK's retry count is production's (`shared.ledger._RETRY`); only its backoff wait is zero.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import unquote, urlsplit, urlunsplit

from azure.core.exceptions import ServiceRequestError, ServiceResponseError
from azure.core.pipeline.transport import AioHttpTransport, AsyncHttpTransport
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from shared.ledger import _RETRY, Ledger

TABLE_OPS = ("read", "insert", "replace", "upsert", "merge", "other")
TABLE_FAULT_KINDS = ("status", "connect", "lost_response", "etag_conflict")


@dataclass
class TableFault:
    """Misbehave on the `nth` (0-based) request of kind `op` (on row `row`, when given) and the
    `times - 1` after it."""

    op: str
    nth: int
    kind: str
    status: int = 503
    times: int = 1
    row: str | None = None


@dataclass
class TablePlan:
    """The faults due for one ledger client, and what actually fired."""

    faults: list[TableFault] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)
    fired: Counter[str] = field(default_factory=Counter)

    def take(self, op: str, entity: str | None = None) -> TableFault | None:
        row = entity.rsplit("|", 1)[-1] if entity else None
        n, n_row = self.seen[op], self.seen[f"{op}:{row}"]
        self.seen[op] += 1
        self.seen[f"{op}:{row}"] += 1
        for fault in self.faults:
            nth = n if fault.row is None else n_row
            if fault.op == op and fault.row in (None, row) and fault.nth <= nth < fault.nth + fault.times:
                self.fired[fault.kind] += 1
                return fault
        return None


def classify(method: str, url: str, headers: Any) -> tuple[str, str | None]:
    """(operation, 'PartitionKey|RowKey' or None) of one Table Storage request."""
    path = urlsplit(url).path
    entity = None
    if "(PartitionKey=" in path:
        inside = path[path.index("(PartitionKey=") : path.rindex(")") + 1]
        parts = inside.strip("()").split(",")
        values = [unquote(p.split("=", 1)[1]).strip("'") for p in parts]
        entity = "|".join(values)
    if_match = headers.get("If-Match")
    if method == "GET" and entity:
        return "read", entity
    if method == "POST" and path.rstrip("/").split("/")[-1] not in ("Tables", "$batch"):
        return "insert", None
    if method == "PUT" and entity:
        return ("replace" if if_match and if_match != "*" else "upsert"), entity
    if method in ("MERGE", "PATCH") and entity:
        return ("replace" if if_match and if_match != "*" else "merge"), entity
    return "other", entity


class CannedTableErrors:
    """A loopback server that answers every request with the status in its path: `/503/...`."""

    def __init__(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _CannedHandler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True

    @property
    def netloc(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{host!s}:{port}"

    def start(self) -> CannedTableErrors:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


class _CannedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status = int(self.path.strip("/").split("/")[0] or 503)
        code = "ServerBusy" if status == 503 else "InternalError"
        body = json.dumps(
            {"odata.error": {"code": code, "message": {"lang": "en-US", "value": "injected by chaos"}}}
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;odata=minimalmetadata")
        self.send_header("x-ms-error-code", code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_MERGE = do_PATCH = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


class WrappedTransport(AsyncHttpTransport[Any, Any]):
    """Azurite's real aiohttp transport; subclasses step in before `send` reaches it."""

    def __init__(self) -> None:
        self._inner = AioHttpTransport()

    async def __aenter__(self) -> WrappedTransport:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self._inner.__aexit__(*args)

    async def open(self) -> None:
        await self._inner.open()

    async def close(self) -> None:
        await self._inner.close()


class FaultyTableTransport(WrappedTransport):
    """Azurite's real transport, with the plan's faults applied per request."""

    def __init__(self, plan: TablePlan, canned: CannedTableErrors, meddler: TableClient) -> None:
        super().__init__()
        self._plan = plan
        self._canned = canned
        self._meddler = meddler

    async def send(self, request: Any, **kwargs: Any) -> Any:
        op, entity = classify(request.method, request.url, request.headers)
        fault = self._plan.take(op, entity)
        if fault is None:
            return await self._inner.send(request, **kwargs)
        if fault.kind == "connect":
            raise ServiceRequestError("chaos: connection refused")
        if fault.kind == "status":
            original = request.url
            parts = urlsplit(original)
            request.url = urlunsplit(("http", self._canned.netloc, f"/{fault.status}{parts.path}", "", ""))
            try:
                return await self._inner.send(request, **kwargs)
            finally:
                request.url = original
        if fault.kind == "etag_conflict" and op == "replace" and entity:
            partition, row = entity.split("|", 1)
            await self._meddler.upsert_entity(
                {"PartitionKey": partition, "RowKey": row}, mode=UpdateMode.MERGE
            )
            return await self._inner.send(request, **kwargs)
        response = await self._inner.send(request, **kwargs)
        if fault.kind == "lost_response":
            await cast(Any, response).read()
            raise ServiceResponseError("chaos: connection reset before the answer arrived")
        return response


def faulty_ledger(
    connection_string: str, table: str, plan: TablePlan, canned: CannedTableErrors
) -> tuple[Ledger, TableClient]:
    """A `Ledger` whose requests pass through the plan, and the plain client it meddles with."""
    meddler = TableClient.from_connection_string(connection_string, table)
    retry = {**_RETRY, "retry_backoff_factor": 0.0, "retry_backoff_max": 0}
    client = TableClient.from_connection_string(
        connection_string, table, transport=FaultyTableTransport(plan, canned, meddler), **retry
    )
    return Ledger(client), meddler
