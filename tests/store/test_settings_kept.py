"""Settings kept between reads on a SQLite file, and given up the moment any process writes to the file.

SELECTs are counted with SQLAlchemy's own `before_cursor_execute` hook on the real engine.
"""

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import URL, event
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.change_counter import change_counter_of, read_change_counter
from bot.store.database import create_engine
from bot.store.database import database_url as async_url
from bot.store.migrate import upgrade_database
from bot.store.team_settings import TeamSettings
from bot.team.records import Team

ACME = Team(team_id="T0ACME")
GLOBEX = Team(team_id="T0GLOBEX")


class SelectCounter:
    def __init__(self, engine: AsyncEngine) -> None:
        self.selects = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, *args: object) -> None:
        statement = args[2]
        assert isinstance(statement, str)
        self.selects += statement.lstrip().upper().startswith("SELECT")


@pytest.fixture
async def sqlite_url(tmp_path: Path) -> URL:
    url = async_url(f"sqlite:///{tmp_path / 'llmcost.db'}")
    await upgrade_database(url)
    return url


@pytest.fixture
async def two_processes(sqlite_url: URL) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    """Two engines on one file, as two web processes would have."""
    one, other = create_engine(sqlite_url), create_engine(sqlite_url)
    yield one, other
    await one.dispose()
    await other.dispose()


def test_the_counter_moves_on_every_committed_write_and_not_on_reads(tmp_path: Path) -> None:
    path = tmp_path / "counted.db"
    assert read_change_counter(path) is None  # no file yet
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (n INTEGER)")
    seen = [read_change_counter(path)]
    for n in range(3):
        with sqlite3.connect(path) as connection:
            connection.execute("INSERT INTO t VALUES (?)", (n,))
        seen.append(read_change_counter(path))
        with sqlite3.connect(path) as connection:
            connection.execute("SELECT count(*) FROM t").fetchall()
        assert read_change_counter(path) == seen[-1]
    assert None not in seen
    assert len(set(seen)) == 4


def test_the_counter_vouches_for_nothing_in_wal_mode_or_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
        connection.execute("CREATE TABLE t (n INTEGER)")
    assert read_change_counter(path) is None
    (tmp_path / "short.db").write_bytes(b"SQLite format 3\0")
    assert read_change_counter(tmp_path / "short.db") is None
    assert change_counter_of(async_url("postgresql://u@localhost/db"))() is None
    assert change_counter_of(async_url("sqlite://"))() is None


async def test_reads_without_writes_query_once_per_team(two_processes: tuple[AsyncEngine, AsyncEngine]) -> None:
    engine, _ = two_processes
    await TeamSettings(engine).set(ACME, "mfu", "0.4", "U0ALICE")
    counter = SelectCounter(engine)
    store = TeamSettings(engine)
    for _ in range(5):
        assert [(s.key, s.value) for s in await store.get_all(ACME)] == [("mfu", "0.4")]
        assert await store.get_all(GLOBEX) == ()
    assert counter.selects == 2


async def test_a_write_by_another_process_is_seen_by_the_next_read(
    two_processes: tuple[AsyncEngine, AsyncEngine],
) -> None:
    engine, other_engine = two_processes
    one, other = TeamSettings(engine), TeamSettings(other_engine)
    counter = SelectCounter(engine)
    assert await one.get_all(ACME) == ()
    assert await one.get_all(ACME) == ()
    assert counter.selects == 1
    await other.set(ACME, "gpu", "H200-SXM", "U0BOB")
    assert [(s.key, s.value) for s in await one.get_all(ACME)] == [("gpu", "H200-SXM")]
    await other.set(GLOBEX, "mfu", "0.5", "U0HANK")  # another team's write: ACME's kept copy is given up too
    assert [(s.key, s.value) for s in await one.get_all(ACME)] == [("gpu", "H200-SXM")]
    await other.reset(ACME)
    assert await one.get_all(ACME) == ()
    assert counter.selects == 4


async def test_in_wal_mode_every_read_queries(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    url = async_url(f"sqlite:///{path}")
    await upgrade_database(url)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    engine = create_engine(url)
    try:
        store = TeamSettings(engine)
        counter = SelectCounter(engine)
        for _ in range(3):
            assert await store.get_all(ACME) == ()
    finally:
        await engine.dispose()
    assert counter.selects == 3
