"""The database as the request path uses it: one engine that gives up quickly, one Availability shared by the stores
on it (so an outage is logged once per process), and the readiness probe."""

from sqlalchemy import URL, select

from bot.store.availability import Availability
from bot.store.database import create_engine
from bot.store.handled_events import ClaimedHere, HandledEvents
from bot.store.interface import STORE_WAIT_S, StoreUnavailable
from bot.store.models import TeamSetting
from bot.store.team_settings import TeamSettings


class ServingDatabase:
    def __init__(self, url: URL) -> None:
        self.engine = create_engine(url, give_up_after=STORE_WAIT_S)
        self.availability = Availability(url, wait_s=STORE_WAIT_S)
        self.team_settings = TeamSettings(self.engine, self.availability)
        self.event_claims = ClaimedHere(HandledEvents(self.engine, self.availability))

    async def ready(self) -> bool:
        """Whether a table can be read now (on SQLite too, where `SELECT 1` would not touch the file), within
        STORE_WAIT_S; an outage or a recovery it meets is logged like any other operation's."""
        try:
            await self.availability.run(self._read_a_row)
        except StoreUnavailable:
            return False
        return True

    async def _read_a_row(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(select(TeamSetting.key).limit(1))
