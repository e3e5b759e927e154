"""Azure Table Storage ledger: claims with leases, per-ticket state, and the audit trail.

One entity per ticket (PartitionKey = the project, read from the issue key; RowKey = the key).
Callers name a ticket by its key only: the ledger owns how its rows are keyed. Claims are conditional writes:
an insert that fails if the row exists, or an update guarded by the row's ETag, so two
overlapping runs can never both hold a ticket. Every write is counted (the quality bar is <= 3
ledger operations per ticket).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import (
    AzureError,
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient, TableServiceClient

from shared import metering
from shared.lifecycle.record import Decision, LedgerRecord

META_PARTITION = "_meta"
REJECTED_PARTITION = "_rejected"
TICKS_PARTITION = "_ticks-"
# Fail within a tick, not after a minute of SDK backoff: the next tick retries anyway.
_RETRY: dict[str, Any] = {"retry_total": 3, "retry_backoff_factor": 0.2, "retry_backoff_max": 2}
_FORBIDDEN = str.maketrans({c: "_" for c in "/\\#?\t\n\r"})


class LedgerConflict(Exception):
    """The row changed under us (another run claimed it, or our lease was taken over)."""


class LedgerUnavailable(Exception):
    """Table Storage failed; the tick should stop cleanly and leave work for the next one."""


class Ledger:
    """Claims and records in one table. Construct with an async `TableClient`."""

    def __init__(self, table: TableClient, service: TableServiceClient | None = None) -> None:
        self._table = table
        self._service = service

    @classmethod
    def create(cls, storage: str, table_name: str) -> Ledger:
        """From a connection string, or an account URL reached with managed identity."""
        if storage.startswith(("http://", "https://")):
            from azure.identity.aio import DefaultAzureCredential

            service = TableServiceClient(endpoint=storage, credential=DefaultAzureCredential(), **_RETRY)
        else:
            service = TableServiceClient.from_connection_string(storage, **_RETRY)
        return cls(service.get_table_client(table_name), service)

    async def ensure_table(self) -> None:
        try:
            await self._table.create_table()
        except ResourceExistsError:
            pass
        except AzureError as exc:
            raise _unavailable("ledger table", exc) from None

    async def aclose(self) -> None:
        await self._table.close()
        if self._service is not None:
            await self._service.close()

    @staticmethod
    def _count(op: str) -> None:
        if (usage := metering.current()) is not None:
            usage.ledger_ops[op] += 1

    async def read(self, key: str) -> tuple[LedgerRecord, str] | None:
        """The ticket's row and its ETag, or None."""
        self._count("read")
        try:
            entity = await self._table.get_entity(partition_of(key), key)
        except ResourceNotFoundError:
            return None
        except AzureError as exc:
            raise _unavailable("ledger read", exc) from None
        return _from_entity(entity), str(entity.metadata["etag"])

    async def insert(self, record: LedgerRecord) -> str:
        """Create the row; `LedgerConflict` if it exists. Returns the new ETag."""
        self._count("insert")
        try:
            meta = await self._table.create_entity(_to_entity(record))
        except ResourceExistsError:
            raise LedgerConflict(record.key) from None
        except AzureError as exc:
            raise _unavailable("ledger insert", exc) from None
        return str(meta["etag"])

    async def replace(self, record: LedgerRecord, etag: str) -> str:
        """Replace the row only if it still has `etag`; `LedgerConflict` otherwise."""
        self._count("replace")
        try:
            meta = await self._table.update_entity(
                _to_entity(record),
                mode=UpdateMode.REPLACE,
                etag=etag,
                match_condition=MatchConditions.IfNotModified,
            )
        except (ResourceModifiedError, ResourceNotFoundError):
            raise LedgerConflict(record.key) from None
        except HttpResponseError as exc:
            if exc.status_code == 412:
                raise LedgerConflict(record.key) from None
            raise _unavailable("ledger replace", exc) from None
        except AzureError as exc:
            raise _unavailable("ledger replace", exc) from None
        return str(meta["etag"])

    async def record_rejected(self, ref: str, reason: str, at: datetime) -> None:
        """Keep an issue we could not read, so it is visible rather than silently dropped."""
        self._count("rejected")
        entity = {
            "PartitionKey": REJECTED_PARTITION,
            "RowKey": ref.translate(_FORBIDDEN)[:200],
            "reason": reason,
            "seen_at": at,
        }
        try:
            await self._table.upsert_entity(entity, mode=UpdateMode.REPLACE)
        except AzureError as exc:
            raise _unavailable("ledger rejected", exc) from None

    async def get_meta(self, name: str) -> dict[str, Any]:
        self._count("meta")
        try:
            return dict(await self._table.get_entity(META_PARTITION, name))
        except ResourceNotFoundError:
            return {}
        except AzureError as exc:
            raise _unavailable("ledger meta", exc) from None

    async def put_meta(self, name: str, values: dict[str, Any]) -> None:
        self._count("meta")
        try:
            await self._table.upsert_entity(
                {"PartitionKey": META_PARTITION, "RowKey": name, **values}, mode=UpdateMode.MERGE
            )
        except AzureError as exc:
            raise _unavailable("ledger meta", exc) from None

    async def record_tick(self, run_id: str, month: str, values: dict[str, Any]) -> None:
        """One row per scan tick (LLM calls, tokens, cost, writes): the monthly report sums them."""
        self._count("tick")
        entity = {
            "PartitionKey": f"{TICKS_PARTITION}{month}",
            "RowKey": run_id.translate(_FORBIDDEN),
            **values,
        }
        try:
            await self._table.upsert_entity(entity, mode=UpdateMode.REPLACE)
        except AzureError as exc:
            raise _unavailable("ledger tick", exc) from None

    async def ticks(self, month: str) -> list[dict[str, Any]]:
        self._count("query")
        query = self._table.query_entities(
            "PartitionKey eq @pk", parameters={"pk": f"{TICKS_PARTITION}{month}"}
        )
        try:
            return [dict(e) async for e in query]
        except AzureError as exc:
            raise _unavailable("ledger ticks", exc) from None

    async def records(self, project: str) -> list[LedgerRecord]:
        """All records of a project (for reports and the operator API, not for the scan)."""
        self._count("query")
        entities = self._table.query_entities("PartitionKey eq @pk", parameters={"pk": _pk(project)})
        try:
            return [_from_entity(e) async for e in entities]
        except AzureError as exc:
            raise _unavailable("ledger records", exc) from None


def _unavailable(operation: str, exc: AzureError) -> LedgerUnavailable:
    """Status code or error class only: Azure errors can carry request URLs with SAS tokens."""
    status = getattr(exc, "status_code", None)
    return LedgerUnavailable(f"{operation}: {status or exc.__class__.__name__}")


def _pk(project: str) -> str:
    return project.translate(_FORBIDDEN) or "_none"


def partition_of(key: str) -> str:
    """A ticket's partition: its project, which is the key's prefix ("OPS-12" -> "OPS")."""
    return _pk(key.rsplit("-", 1)[0] if "-" in key else "")


def _to_entity(record: LedgerRecord) -> dict[str, Any]:
    data = record.model_dump(mode="json", exclude={"key", "history", "lease_until", "disagreed_at"})
    entity: dict[str, Any] = {"PartitionKey": partition_of(record.key), "RowKey": record.key}
    entity.update({k: v for k, v in data.items() if v is not None})
    for moment in ("lease_until", "disagreed_at"):  # stored as Edm.DateTime, not strings
        if getattr(record, moment) is not None:
            entity[moment] = getattr(record, moment)
    entity["history"] = json.dumps(
        [d.model_dump(mode="json", exclude_none=True) for d in record.history],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return entity


def _from_entity(entity: Any) -> LedgerRecord:
    data = {k: v for k, v in dict(entity).items() if k not in ("PartitionKey", "RowKey")}
    history_raw = data.pop("history", "[]")
    try:
        history = [Decision.model_validate(h) for h in json.loads(history_raw or "[]")]
    except (ValueError, TypeError):
        history = []
    return LedgerRecord.model_validate({**data, "key": entity["RowKey"], "history": history})
