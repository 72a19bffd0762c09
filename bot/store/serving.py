"""The database as the request path uses it, whichever it is: the two stores of bot.store.interface and a readiness
probe. A SQLite file is served by stdlib sqlite3 (bot.store.sqlite_serving), so that a web process on one never
imports SQLAlchemy; PostgreSQL, and any database in OAuth mode (slack_sdk's installation stores need a SQLAlchemy
engine), by SQLAlchemy (bot.store.sqlalchemy_serving)."""

from typing import Protocol

from bot.store.interface import EventClaims, SettingsStore
from bot.store.location import sqlite_file


class ServingDatabase(Protocol):
    @property
    def team_settings(self) -> SettingsStore: ...

    @property
    def event_claims(self) -> EventClaims: ...

    async def ready(self) -> bool:
        """Whether a table can be read now (on SQLite too, where `SELECT 1` would not touch the file), within
        STORE_WAIT_S; an outage or a recovery it meets is logged like any other operation's."""
        ...

    async def close(self) -> None: ...


def serving_database(database_url: str | None, oauth: bool = False) -> ServingDatabase:
    """The database `database_url` (DATABASE_URL as given; None for the SQLite file) names, for the request path."""
    path = sqlite_file(database_url)
    if path is not None and not oauth:
        from bot.store.sqlite_serving import SQLiteDatabase

        return SQLiteDatabase(path)
    from bot.store.database import database_url as async_url
    from bot.store.sqlalchemy_serving import SQLAlchemyDatabase

    return SQLAlchemyDatabase(async_url(database_url))
