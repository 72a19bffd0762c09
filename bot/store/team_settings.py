"""A workspace's defaults, read and written atomically: any number of processes may share the database.

`TeamSettings` keeps to bot.store.interface.SettingsStore: every read and write answers or raises StoreUnavailable.
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Executable, Row, delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.availability import Availability
from bot.store.change_counter import KeptWhileUnchanged, change_counter_of
from bot.store.database import availability_of, insert_for
from bot.store.models import TeamSetting
from bot.team.records import Setting, Team


class TeamSettings:
    """The repository: every read and write is one statement, keyed by team, so nothing is lost between them.
    On a SQLite file a team's settings are kept between reads while the file is unchanged (KeptWhileUnchanged)."""

    def __init__(self, engine: AsyncEngine, availability: Availability | None = None) -> None:
        self._engine = engine
        # Shared with the other stores on the engine (bot.store.serving), so an outage is logged once per process.
        self._availability = availability or availability_of(engine.url)
        self._insert = insert_for(engine)
        self._kept = KeptWhileUnchanged(change_counter_of(engine.url))

    async def get_all(self, team: Team) -> Sequence[Setting]:
        return await self._kept.get(team, self._read)

    async def _read(self, team: Team) -> tuple[Setting, ...]:
        # Plain rows on a pooled connection, without an ORM session (a third the cost).
        query = (
            select(TeamSetting.key, TeamSetting.value, TeamSetting.set_by, TeamSetting.set_at)
            .where(TeamSetting.enterprise_id == team.enterprise_id, TeamSetting.team_id == team.team_id)
            .order_by(TeamSetting.key)
        )
        rows = await self._availability.run(lambda: self._rows(query))
        return tuple(Setting(key=row.key, value=row.value, set_by=row.set_by, set_at=row.set_at) for row in rows)

    async def set(self, team: Team, key: str, value: str, user: str) -> Setting:
        """Insert or overwrite in one statement: concurrent sets all land, and the last one wins its key."""
        setting = Setting(key=key, value=value, set_by=user, set_at=datetime.now(UTC))
        insert = self._insert(TeamSetting).values(
            enterprise_id=team.enterprise_id,
            team_id=team.team_id,
            key=key,
            value=value,
            set_by=user,
            set_at=setting.set_at,
        )
        upsert = insert.on_conflict_do_update(
            index_elements=[TeamSetting.enterprise_id, TeamSetting.team_id, TeamSetting.key],
            set_={"value": insert.excluded.value, "set_by": insert.excluded.set_by, "set_at": insert.excluded.set_at},
        )
        await self._availability.run(lambda: self._write(upsert))
        return setting

    async def reset(self, team: Team, key: str | None = None) -> int:
        """Remove one key, or every key when `key` is None; the number of settings removed."""
        statement = delete(TeamSetting).where(
            TeamSetting.enterprise_id == team.enterprise_id, TeamSetting.team_id == team.team_id
        )
        if key is not None:
            statement = statement.where(TeamSetting.key == key)
        return await self._availability.run(lambda: self._write(statement))

    async def _rows(self, query: Executable) -> Sequence[Row[Any]]:
        async with self._engine.connect() as connection:
            return (await connection.execute(query)).all()

    async def _write(self, statement: Executable) -> int:
        """One statement in its own transaction, committed or rolled back whole; the rows it touched."""
        async with self._engine.begin() as connection:  # no ORM session, as _rows
            result = await connection.execute(statement)  # a CursorResult: it has a rowcount
        return result.rowcount
