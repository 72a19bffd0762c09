"""Events answered, across every process on the database: Slack redelivers an event it thinks was missed
(X-Slack-Retry-Num), and the retry may land on another web process than the first delivery did.

`HandledEvents` keeps to bot.store.interface.EventClaims on the database (or raises StoreUnavailable);
`ClaimedHere` stands in front of any EventClaims with this process's memory, so that an event is never answered
twice by one process and never dropped while the database is away.
"""

from collections import OrderedDict
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from bot.store.availability import Availability
from bot.store.database import insert_for
from bot.store.interface import EventClaims, StoreUnavailable
from bot.store.models import HandledEvent

# Slack retries three times within about five minutes: an hour of ids is plenty, and keeps the table small.
KEEP = timedelta(hours=1)
# Old ids are removed at most this often per process, inside a claim's transaction: no timer, no extra round trip.
PRUNE_EVERY = timedelta(minutes=10)
# The ids one process remembers: far more than an hour of mentions in any workspace; the oldest go first.
REMEMBERED = 20_000


class HandledEvents:
    def __init__(self, engine: AsyncEngine, availability: Availability | None = None) -> None:
        self._sessions = async_sessionmaker(engine)
        self._insert = insert_for(engine)
        self._availability = availability or Availability(engine.url)
        self._next_prune = datetime.min.replace(tzinfo=UTC)

    async def claim(self, event_id: str) -> bool:
        """True for the first claim of `event_id` by any process: that one answers. Deduplicating on the id,
        rather than ignoring every retry, still answers an event whose first delivery really was lost."""
        return await self._availability.run(lambda: self._claim(event_id))

    async def _claim(self, event_id: str) -> bool:
        now = datetime.now(UTC)
        claim = self._insert(HandledEvent).values(event_id=event_id, handled_at=now).on_conflict_do_nothing()
        async with self._sessions.begin() as session:
            connection = await session.connection()  # its CursorResult carries the rowcount
            inserted = (await connection.execute(claim)).rowcount == 1
            if now >= self._next_prune:
                self._next_prune = now + PRUNE_EVERY
                await session.execute(delete(HandledEvent).where(HandledEvent.handled_at < now - KEEP))
        return bool(inserted)


class ClaimedHere:
    """This process's claims, in front of the shared ones: an event id this process claimed is never answered by it
    again, whatever the database says or whether it answers at all.

    While the shared claims are unavailable, this process answers what it has not answered itself: at most once
    here, never dropped. Another process may answer the same event meanwhile (a retry that lands there): that is
    the price of answering at all without the database.
    """

    def __init__(self, shared: EventClaims, remembered: int = REMEMBERED) -> None:
        self._shared = shared
        self._remembered = remembered
        self._claimed: OrderedDict[str, None] = OrderedDict()

    async def claim(self, event_id: str) -> bool:
        if event_id in self._claimed:
            return False
        # Remembered before the database is asked: a retry arriving meanwhile finds it and is dropped.
        self._claimed[event_id] = None
        if len(self._claimed) > self._remembered:
            self._claimed.popitem(last=False)
        try:
            return await self._shared.claim(event_id)
        except StoreUnavailable:  # logged once by the store's Availability, however many events meet it
            return True
