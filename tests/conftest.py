"""A PostgreSQL server for the tests that need one (the store's, and the Slack app's processes sharing a database).

It comes from LLMCOST_TEST_POSTGRES_URL (a server where that user may create databases), or else from a throwaway
server started here when the PostgreSQL programs are installed. Each test gets a database of its own.
"""

import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from hypothesis import settings

from tests.support import throwaway_postgres
from tests.support.throwaway_postgres import StoppablePostgres

POSTGRES_URL_VARIABLE = "LLMCOST_TEST_POSTGRES_URL"

# Speed is measured by bench/, not asserted by tests: no example fails for being slow on a busy CI machine.
settings.register_profile("llmcost", deadline=None)
settings.load_profile("llmcost")


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


@pytest.fixture
async def postgres_database(postgres_server: str | None) -> AsyncIterator[str]:
    """The plain URL (`postgresql://…`, as a PaaS hands it out) of a new, empty database; the test is skipped
    when there is no PostgreSQL."""
    if postgres_server is None:
        pytest.skip(f"no PostgreSQL: install it or set {POSTGRES_URL_VARIABLE}")
    name = f"llmcost_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(postgres_server)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{postgres_server.rsplit('/', 1)[0]}/{name}"
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
def stoppable_server() -> Iterator[StoppablePostgres | None]:
    binaries = throwaway_postgres.find_binaries()
    if binaries is None:
        yield None
        return
    directory = Path(tempfile.mkdtemp(prefix="llmcost-pg-stoppable-"))
    server = StoppablePostgres(directory, binaries, throwaway_postgres.start(directory, binaries))
    try:
        yield server
    finally:
        if server.frozen:
            server.thaw()
        if server.running:
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
async def stoppable_postgres(stoppable_server: StoppablePostgres | None) -> AsyncIterator[StoppablePostgres]:
    """The stoppable server with a new, empty database at `database_url`; running and thawed again after the test,
    whatever the test left. Skipped without the PostgreSQL programs."""
    if stoppable_server is None:
        pytest.skip("no PostgreSQL programs to start a server the test may stop")
    name = f"llmcost_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(stoppable_server.url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    stoppable_server.database_url = f"{stoppable_server.url.rsplit('/', 1)[0]}/{name}"
    yield stoppable_server
    if stoppable_server.frozen:
        stoppable_server.thaw()
    if not stoppable_server.running:
        stoppable_server.start()
    admin = await asyncpg.connect(stoppable_server.url)
    try:
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        await admin.close()
