"""Every store test runs on a SQLite file and on a real PostgreSQL server (tests/conftest.py: which server), and the
request path's stores on a SQLite file twice: through SQLAlchemy and through stdlib sqlite3 (bot.store.serving)."""

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import URL
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.database import availability_of, create_engine, database_url
from bot.store.handled_events import HandledEvents
from bot.store.interface import EventClaims, SettingsStore
from bot.store.migrate import upgrade_database
from bot.store.sqlite_serving import SQLiteFile, SQLiteHandledEvents, SQLiteTeamSettings
from bot.store.team_settings import TeamSettings

Stores = tuple[SettingsStore, EventClaims]
# A new process's stores on the database, given up on after that many seconds (None: as long as an engine waits).
OpenStores = Callable[[float | None], Stores]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> URL:
    """An empty database, as the async URL the app would use."""
    if request.param == "sqlite":
        return database_url(f"sqlite:///{tmp_path / 'llmcost.db'}")
    return database_url(request.getfixturevalue("postgres_database"))


@pytest.fixture
async def migrated_url(empty_database: URL) -> URL:
    await upgrade_database(empty_database)
    return empty_database


@pytest.fixture
async def engine(migrated_url: URL) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(migrated_url)
    yield engine
    await engine.dispose()


@pytest.fixture(params=["sqlalchemy", "sqlite3"])
def implementation(request: pytest.FixtureRequest, empty_database: URL) -> str:
    if request.param == "sqlite3" and empty_database.get_backend_name() != "sqlite":
        pytest.skip("stdlib sqlite3 serves SQLite files only")
    return str(request.param)


@pytest.fixture
async def open_stores(migrated_url: URL, implementation: str) -> AsyncIterator[OpenStores]:
    """Opens a process's stores on the migrated database, sharing one Availability, as often as a test asks; all
    closed at its end."""
    closers: list[Callable[[], Awaitable[None]]] = []

    def opened(wait_s: float | None = None) -> Stores:
        if implementation == "sqlite3":
            assert migrated_url.database is not None
            file = SQLiteFile(migrated_url.database, wait_s)
            closers.append(file.close)
            return SQLiteTeamSettings(file), SQLiteHandledEvents(file)
        engine = create_engine(migrated_url, give_up_after=wait_s)  # its own pool: another process's
        closers.append(engine.dispose)
        availability = availability_of(migrated_url, wait_s)
        return TeamSettings(engine, availability), HandledEvents(engine, availability)

    yield opened
    for close in closers:
        await close()


@pytest.fixture
def store(open_stores: OpenStores) -> SettingsStore:
    return open_stores(None)[0]
