"""Report blobs: batches, facts, the aggregate and the rendered report under `reports/YYYY-MM/`.

Large intermediate results live here so Durable activity payloads stay small (references only).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from azure.core.exceptions import ResourceExistsError, ResourceNotFoundError
from azure.storage.blob import ContentSettings
from azure.storage.blob.aio import BlobServiceClient, ContainerClient

CONTAINER = "reports"


class ReportStore:
    """One container of report blobs. Construct with an async `ContainerClient`."""

    def __init__(self, container: ContainerClient, service: BlobServiceClient | None = None) -> None:
        self._container = container
        self._service = service

    @classmethod
    def create(cls, storage: str, container: str = CONTAINER) -> ReportStore:
        """From a connection string, or an account URL (blob endpoint) with managed identity."""
        if storage.startswith(("http://", "https://")):
            from azure.identity.aio import DefaultAzureCredential

            url = storage.replace(".table.", ".blob.")
            service = BlobServiceClient(account_url=url, credential=DefaultAzureCredential())
        else:
            service = BlobServiceClient.from_connection_string(storage)
        return cls(service.get_container_client(container), service)

    async def ensure(self) -> None:
        with contextlib.suppress(ResourceExistsError):
            await self._container.create_container()

    async def aclose(self) -> None:
        await self._container.close()
        if self._service is not None:
            await self._service.close()

    async def put_text(self, name: str, text: str, content_type: str = "text/plain; charset=utf-8") -> str:
        await self._container.upload_blob(
            name,
            text.encode("utf-8"),
            overwrite=True,
            content_settings=ContentSettings(content_type=content_type),
        )
        return name

    async def get_text(self, name: str) -> str | None:
        try:
            downloader = await self._container.download_blob(name)
        except ResourceNotFoundError:
            return None
        data = await downloader.readall()
        return data.decode("utf-8")

    async def put_json(self, name: str, value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
        return await self.put_text(name, text, "application/json")

    async def get_json(self, name: str) -> Any:
        text = await self.get_text(name)
        return None if text is None else json.loads(text)
