"""Every store test runs twice: on a SQLite file and on a real PostgreSQL server (tests/conftest.py: which server)."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import URL
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.database import create_engine, database_url
from bot.store.migrate import upgrade_database
from bot.store.team_settings import TeamSettings


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


@pytest.fixture
def store(engine: AsyncEngine) -> TeamSettings:
    return TeamSettings(engine)
