"""Events answered, kept through SQLAlchemy (bot.store.claims says why): `HandledEvents` keeps to
bot.store.interface.EventClaims on the database, or raises StoreUnavailable."""

from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.availability import Availability
from bot.store.claims import KEEP, PruneSchedule
from bot.store.database import availability_of, insert_for
from bot.store.models import HandledEvent


class HandledEvents:
    def __init__(self, engine: AsyncEngine, availability: Availability | None = None) -> None:
        self._engine = engine
        self._insert = insert_for(engine)
        self._availability = availability or availability_of(engine.url)
        self._prune = PruneSchedule()

    async def claim(self, event_id: str) -> bool:
        """True for the first claim of `event_id` by any process: that one answers. Deduplicating on the id,
        rather than ignoring every retry, still answers an event whose first delivery really was lost."""
        return await self._availability.run(lambda: self._claim(event_id))

    async def _claim(self, event_id: str) -> bool:
        now = datetime.now(UTC)
        claim = self._insert(HandledEvent).values(event_id=event_id, handled_at=now).on_conflict_do_nothing()
        # One transaction on a plain connection (no ORM session): its CursorResult carries the rowcount.
        async with self._engine.begin() as connection:
            inserted = (await connection.execute(claim)).rowcount == 1
            if self._prune.due(now):
                await connection.execute(delete(HandledEvent).where(HandledEvent.handled_at < now - KEEP))
        return inserted
