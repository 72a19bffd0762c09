"""Events answered, across every process on the database: Slack redelivers an event it thinks was missed
(X-Slack-Retry-Num), and the retry may land on another web process than the first delivery did."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from bot.store.database import insert_for
from bot.store.models import HandledEvent

# Slack retries three times within about five minutes: an hour of ids is plenty, and keeps the table small.
KEEP = timedelta(hours=1)
# Old ids are removed at most this often per process, inside a claim's transaction: no timer, no extra round trip.
PRUNE_EVERY = timedelta(minutes=10)


class HandledEvents:
    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = async_sessionmaker(engine)
        self._insert = insert_for(engine)
        self._next_prune = datetime.min.replace(tzinfo=UTC)

    async def claim(self, event_id: str) -> bool:
        """True for the first claim of `event_id` by any process: that one answers. Deduplicating on the id,
        rather than ignoring every retry, still answers an event whose first delivery really was lost."""
        now = datetime.now(UTC)
        claim = self._insert(HandledEvent).values(event_id=event_id, handled_at=now).on_conflict_do_nothing()
        async with self._sessions.begin() as session:
            connection = await session.connection()  # its CursorResult carries the rowcount
            inserted = (await connection.execute(claim)).rowcount == 1
            if now >= self._next_prune:
                self._next_prune = now + PRUNE_EVERY
                await session.execute(delete(HandledEvent).where(HandledEvent.handled_at < now - KEEP))
        return inserted
