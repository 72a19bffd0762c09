"""Every store test runs twice: on a SQLite file and on a real PostgreSQL server.

PostgreSQL comes from LLMCOST_TEST_POSTGRES_URL (a server where that user may create databases), or else from
a throwaway server started here when the PostgreSQL programs are installed. Each test gets a database of its own.
"""

import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import URL
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.database import create_engine
from bot.store.database import database_url as async_url
from bot.store.migrate import upgrade_database
from bot.store.team_settings import TeamSettings
from tests.store import throwaway_postgres

POSTGRES_URL_VARIABLE = "LLMCOST_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str | None]:
    """A PostgreSQL URL for the whole session, or None when there is neither one given nor a server to start."""
    given = os.environ.get(POSTGRES_URL_VARIABLE)
    if given:
        yield given
        return
    binaries = throwaway_postgres.find_binaries()
    if binaries is None:
        yield None
        return
    directory = Path(tempfile.mkdtemp(prefix="llmcost-pg-"))
    try:
        yield throwaway_postgres.start(directory, binaries)
    finally:
        throwaway_postgres.stop(directory, binaries)
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[URL]:
    """An empty database, as the async URL the app would use."""
    if request.param == "sqlite":
        yield async_url(f"sqlite:///{tmp_path / 'llmcost.db'}")
        return
    server = request.getfixturevalue("postgres_server")
    if server is None:
        pytest.skip(f"no PostgreSQL: install it or set {POSTGRES_URL_VARIABLE}")
    name = f"llmcost_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield async_url(server).set(database=name)
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
async def migrated_url(database_url: URL) -> URL:
    await upgrade_database(database_url)
    return database_url


@pytest.fixture
async def engine(migrated_url: URL) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(migrated_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def store(engine: AsyncEngine) -> TeamSettings:
    return TeamSettings(engine)
