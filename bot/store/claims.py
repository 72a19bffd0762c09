"""Events answered, across every process on the database: Slack redelivers an event it thinks was missed
(X-Slack-Retry-Num), and the retry may land on another web process than the first delivery did.

The database's claims keep to bot.store.interface.EventClaims (bot.store.handled_events through SQLAlchemy,
bot.store.sqlite_serving on a SQLite file); `ClaimedHere` stands in front of either with this process's memory, so that
an event is never answered twice by one process and never dropped while the database is away.
"""

from collections import OrderedDict
from datetime import UTC, datetime, timedelta

from bot.store.interface import EventClaims, StoreUnavailable

# Slack retries three times within about five minutes: an hour of ids is plenty, and keeps the table small.
KEEP = timedelta(hours=1)
# Old ids are removed at most this often per process, inside a claim's transaction: no timer, no extra round trip.
PRUNE_EVERY = timedelta(minutes=10)
# The ids one process remembers: far more than an hour of mentions in any workspace; the oldest go first.
REMEMBERED = 20_000


class PruneSchedule:
    """When a claim also removes the old ids: the first claim, then at most once every PRUNE_EVERY in this process."""

    def __init__(self) -> None:
        self._next = datetime.min.replace(tzinfo=UTC)

    def due(self, now: datetime) -> bool:
        """Whether a claim made `now` prunes; if it does, the next one due is PRUNE_EVERY later."""
        if now < self._next:
            return False
        self._next = now + PRUNE_EVERY
        return True


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
