"""A claim being worked on: its ledger row, written one change at a time, and kept alive.

A claim is a short lease. While a run works on the ticket the lease is renewed (a third of the
lease each time), so a run that dies leaves its tickets to the very next tick.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from shared.ledger import Ledger, LedgerConflict, LedgerUnavailable
from shared.lifecycle.claims import Claim, lease_until
from shared.lifecycle.record import LedgerRecord

Move = Callable[[LedgerRecord], LedgerRecord]


@dataclass
class HeldClaim:
    """Every change of the held record, written or only noted, goes through the lock, so the
    keep-alive and the work never write with the same ETag and a renewal never writes back a
    record older than the work's (one that does not yet know our question)."""

    claim: Claim
    ledger: Ledger
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    keeper: asyncio.Task[None] | None = None
    lost: bool = False  # the keep-alive found the row taken over: the work must not go on

    @property
    def record(self) -> LedgerRecord:
        return self.claim.record

    async def write(self, move: Move) -> None:
        async with self.lock:
            if self.lost:
                raise LedgerConflict(self.claim.record.key)
            record = move(self.claim.record)
            self.claim.etag = await self.ledger.replace(record, self.claim.etag)
            self.claim.record = record

    async def note(self, move: Move) -> None:
        """Change the record in memory only (the next write carries it)."""
        async with self.lock:
            self.claim.record = move(self.claim.record)

    def keep_alive(self, clock: Callable[[], datetime], lease_seconds: int, every: float | None) -> None:
        """Renew the lease in the background until `let_go`."""
        self.keeper = asyncio.create_task(self._renew(clock, lease_seconds, every or lease_seconds / 3))

    async def _renew(self, clock: Callable[[], datetime], lease_seconds: int, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            until = lease_until(clock(), lease_seconds)
            try:
                await self.write(functools.partial(LedgerRecord.renewed, until=until))
            except LedgerConflict:
                self.lost = True  # taken over: the work's next write refuses and reports it
                return
            except LedgerUnavailable:
                continue  # the lease still runs; try again next time

    async def let_go(self) -> None:
        """Stop the keep-alive between two writes (never in the middle of one)."""
        keeper, self.keeper = self.keeper, None
        if keeper is None:
            return
        current = asyncio.current_task()
        before = current.cancelling() if current is not None else 0
        async with self.lock:
            keeper.cancel()
        try:
            await keeper
        except asyncio.CancelledError:
            if current is not None and current.cancelling() > before:
                raise  # a cancellation aimed at us arrived meanwhile (a budget, a shutdown)

    def abandon(self) -> None:
        """The run is over, however it ended: no renewal outlives it."""
        if self.keeper is not None:
            self.keeper.cancel()
