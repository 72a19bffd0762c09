"""The database as the request path uses it through SQLAlchemy (PostgreSQL, and every database in OAuth mode, whose
slack_sdk stores need an engine): one engine that gives up quickly, one Availability shared by the stores on it (so an
outage is logged once per process), and the readiness probe."""

from sqlalchemy import URL, select

from bot.store.availability import answers
from bot.store.claims import ClaimedHere
from bot.store.database import availability_of, create_engine
from bot.store.handled_events import HandledEvents
from bot.store.interface import STORE_WAIT_S
from bot.store.models import TeamSetting
from bot.store.team_settings import TeamSettings


class SQLAlchemyDatabase:
    """bot.store.serving.ServingDatabase through SQLAlchemy."""

    def __init__(self, url: URL) -> None:
        self.engine = create_engine(url, give_up_after=STORE_WAIT_S)
        self.availability = availability_of(url, wait_s=STORE_WAIT_S)
        self.team_settings = TeamSettings(self.engine, self.availability)
        self.event_claims = ClaimedHere(HandledEvents(self.engine, self.availability))

    async def ready(self) -> bool:
        """Whether a table can be read now (on SQLite too, where `SELECT 1` would not touch the file), within
        STORE_WAIT_S; an outage or a recovery it meets is logged like any other operation's."""
        return await answers(self.availability.run(self._read_a_row))

    async def close(self) -> None:
        await self.engine.dispose()

    async def _read_a_row(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(select(TeamSetting.key).limit(1))
