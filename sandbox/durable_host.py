"""A stand-in for the Functions host's Durable HTTP API, so the real DurableOrchestrationClient
can be exercised over loopback (start_new, get_status) without the host. Never deployed."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlparse


class DurableHost:
    """Instances by id with a runtime status; records every start."""

    def __init__(self) -> None:
        self.instances: dict[str, str] = {}
        self.starts: list[tuple[str, str, Any]] = []
        self._server: ThreadingHTTPServer | None = None
        self.base = ""

    def start(self) -> str:
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def _send(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                instance = urlparse(self.path).path.rstrip("/").rsplit("/", 1)[-1]
                status = host.instances.get(instance)
                if status is None:
                    return self._send(404, None)
                self._send(200 if status == "Completed" else 202, {"name": "o", "instanceId": instance,
                                                                   "runtimeStatus": status})  # fmt: skip

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length) or b"null")
                _, _, name, instance = urlparse(self.path).path.rstrip("/").rsplit("/", 3)
                host.starts.append((name, instance, payload))
                host.instances[instance] = "Pending"
                self._send(202, {"id": instance})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self.base

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def client_binding(self) -> str:
        """The JSON the host passes to a `durable_client_input` parameter."""
        hook = f"{self.base}/runtime/webhooks/durabletask"
        management = {
            "id": "INSTANCEID",
            "statusQueryGetUri": f"{hook}/instances/INSTANCEID?code=k",
            "sendEventPostUri": f"{hook}/instances/INSTANCEID/raiseEvent/{{eventName}}?code=k",
            "terminatePostUri": f"{hook}/instances/INSTANCEID/terminate?reason={{text}}&code=k",
            "rewindPostUri": f"{hook}/instances/INSTANCEID/rewind?reason={{text}}&code=k",
            "purgeHistoryDeleteUri": f"{hook}/instances/INSTANCEID?code=k",
            "restartPostUri": f"{hook}/instances/INSTANCEID/restart?code=k",
            "suspendPostUri": f"{hook}/instances/INSTANCEID/suspend?reason={{text}}&code=k",
            "resumePostUri": f"{hook}/instances/INSTANCEID/resume?reason={{text}}&code=k",
        }
        return json.dumps(
            {
                "taskHubName": "hub",
                "creationUrls": {"createNewInstancePostUri": f"{hook}/orchestrators/{{functionName}}"},
                "managementUrls": management,
                "baseUrl": hook,
                "requiredQueryStringParameters": "code=k",
                "rpcBaseUrl": f"{self.base}/durabletask/",
            }
        )
