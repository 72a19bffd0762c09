"""A database that cannot be used, on PostgreSQL (stopped, then started again; frozen) and on SQLite (a file locked past
its busy timeout; an unreadable file; through SQLAlchemy and through stdlib sqlite3): every store operation raises
StoreUnavailable, in time for Slack, writes nothing, and the next operation once the database is back reads it again.
The outage is logged once, without the password, and so is its end."""

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL

from bot.store.claims import ClaimedHere
from bot.store.database import availability_of, create_engine
from bot.store.database import database_url as async_url
from bot.store.handled_events import HandledEvents
from bot.store.interface import STORE_WAIT_S, EventClaims, SettingsStore, StoreUnavailable
from bot.store.migrate import upgrade_database
from bot.store.sqlite_serving import SQLiteFile, SQLiteHandledEvents, SQLiteTeamSettings
from bot.store.team_settings import TeamSettings
from bot.team.records import Setting, Team
from tests.support.throwaway_postgres import StoppablePostgres

ACME = Team(team_id="T0ACME")
PASSWORD = "s3cret-pw"
# Slack waits 3 s for an answer: a store that gives up must do so well inside it. The requirement, asserted
# generously; how long it really takes is measured in bench/.
SLACK_S = 3.0


def values_of(settings: Sequence[Setting]) -> dict[str, tuple[str, str]]:
    return {setting.key: (setting.value, setting.set_by) for setting in settings}


@asynccontextmanager
async def request_path_stores(url: URL) -> AsyncIterator[tuple[TeamSettings, HandledEvents]]:
    """The stores as bot.slack.app builds them: the request path's engine, one Availability for both."""
    engine = create_engine(url, give_up_after=STORE_WAIT_S)
    availability = availability_of(url, wait_s=STORE_WAIT_S)
    try:
        yield TeamSettings(engine, availability), HandledEvents(engine, availability)
    finally:
        await engine.dispose()


async def unavailable_in_time(operation: Awaitable[Any]) -> str:
    """The operation raises StoreUnavailable inside Slack's time; its cause."""
    started = time.perf_counter()
    with pytest.raises(StoreUnavailable) as raised:
        await operation
    assert time.perf_counter() - started < SLACK_S
    return raised.value.cause


async def refused_everything(settings: SettingsStore, events: EventClaims) -> list[str]:
    """Every operation of both stores, each refused in time; their causes."""
    return [
        await unavailable_in_time(settings.get_all(ACME)),
        await unavailable_in_time(settings.set(ACME, "mfu", "0.5", "U0BOB")),
        await unavailable_in_time(settings.reset(ACME)),
        await unavailable_in_time(events.claim("Ev2")),
    ]


def outage_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "bot.store.availability"]


@pytest.fixture
async def postgres_with_password(stoppable_postgres: StoppablePostgres) -> URL:
    """The stoppable server's test database, its URL carrying a password (trust auth ignores it): the log must not."""
    url = async_url(stoppable_postgres.database_url).set(password=PASSWORD)
    await upgrade_database(url)
    return url


async def test_postgresql_stopped_refuses_in_time_and_is_read_again_once_started(
    stoppable_postgres: StoppablePostgres, postgres_with_password: URL, caplog: pytest.LogCaptureFixture
) -> None:
    async with request_path_stores(postgres_with_password) as (settings, events):
        await settings.set(ACME, "mfu", "0.4", "U0ALICE")
        assert await events.claim("Ev1") is True
        stoppable_postgres.stop()
        causes = await refused_everything(settings, events)
        stoppable_postgres.start()
        # Recovery is the next operation: nothing half-written by the refused set and reset, the claim not taken.
        assert values_of(await settings.get_all(ACME)) == {"mfu": ("0.4", "U0ALICE")}
        assert await events.claim("Ev2") is True
    first, recovered = outage_lines(caplog)
    assert first.startswith("database postgresql+asyncpg://postgres:***@127.0.0.1:")
    assert f"unavailable: {causes[0]};" in first
    assert "Error" in causes[0]  # the driver's own exception named: ConnectionRefusedError, or a closed connection's
    assert "available again after" in recovered and "4 operations failed meanwhile" in recovered
    assert PASSWORD not in caplog.text


async def test_a_postgresql_that_answers_nothing_is_given_up_on_in_time(
    stoppable_postgres: StoppablePostgres, postgres_with_password: URL, caplog: pytest.LogCaptureFixture
) -> None:
    async with request_path_stores(postgres_with_password) as (settings, events):
        await settings.set(ACME, "mfu", "0.4", "U0ALICE")
        stoppable_postgres.freeze()  # connections are accepted and nothing is answered, as from an unreachable host
        await refused_everything(settings, events)
        stoppable_postgres.thaw()
        assert values_of(await settings.get_all(ACME)) == {"mfu": ("0.4", "U0ALICE")}
    assert len(outage_lines(caplog)) == 2


@pytest.fixture
async def sqlite_file(tmp_path: Path) -> Path:
    path = tmp_path / "llmcost.db"
    await upgrade_database(async_url(f"sqlite:///{path}"))
    return path


@pytest.fixture(params=["sqlalchemy", "sqlite3"])
async def sqlite_stores(
    request: pytest.FixtureRequest, sqlite_file: Path
) -> AsyncIterator[tuple[SettingsStore, EventClaims]]:
    """The request path's stores on the file, through either implementation (bot.store.serving chooses sqlite3)."""
    if request.param == "sqlalchemy":
        async with request_path_stores(async_url(f"sqlite:///{sqlite_file}")) as stores:
            yield stores
        return
    file = SQLiteFile(str(sqlite_file), STORE_WAIT_S)
    yield SQLiteTeamSettings(file), SQLiteHandledEvents(file)
    await file.close()


async def test_a_sqlite_file_locked_past_its_timeout_refuses_in_time(
    sqlite_file: Path, sqlite_stores: tuple[SettingsStore, EventClaims], caplog: pytest.LogCaptureFixture
) -> None:
    settings, events = sqlite_stores
    await settings.set(ACME, "mfu", "0.4", "U0ALICE")
    locker = sqlite3.connect(sqlite_file, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # another process writing, and not letting go
    try:
        causes = await refused_everything(settings, events)
    finally:
        locker.rollback()
        locker.close()
    assert values_of(await settings.get_all(ACME)) == {"mfu": ("0.4", "U0ALICE")}
    assert await events.claim("Ev2") is True
    assert causes[0] == "OperationalError: database is locked"
    assert len(outage_lines(caplog)) == 2


async def test_an_unreadable_sqlite_file_refuses_and_is_read_again_once_repaired(
    sqlite_file: Path, sqlite_stores: tuple[SettingsStore, EventClaims]
) -> None:
    settings, events = sqlite_stores
    await settings.set(ACME, "mfu", "0.4", "U0ALICE")
    intact = sqlite_file.read_bytes()
    sqlite_file.write_bytes(b"not a database, whatever it was" * 100)
    try:
        causes = await refused_everything(settings, events)
    finally:
        sqlite_file.write_bytes(intact)
    assert values_of(await settings.get_all(ACME)) == {"mfu": ("0.4", "U0ALICE")}
    assert "file is not a database" in causes[0]


class SharedClaims:
    """Stands in for the database's claims: down, or up with the ids claimed there."""

    def __init__(self) -> None:
        self.down = False
        self.claimed: set[str] = set()

    async def claim(self, event_id: str) -> bool:
        if self.down:
            raise StoreUnavailable("down")
        first = event_id not in self.claimed
        self.claimed.add(event_id)
        return first


async def test_while_the_database_is_away_each_event_is_answered_once_per_process() -> None:
    shared = SharedClaims()
    one, other = ClaimedHere(shared), ClaimedHere(shared)
    assert await one.claim("Ev1") is True
    shared.down = True
    assert [await one.claim(event) for event in ("Ev1", "Ev2", "Ev2", "Ev3")] == [False, True, False, True]
    # Another process cannot know what this one answered meanwhile: it answers the event once itself.
    assert [await other.claim("Ev2"), await other.claim("Ev2")] == [True, False]
    shared.down = False
    # Back: what this process answered during the outage stays answered; the database decides the rest.
    assert [await one.claim("Ev2"), await one.claim("Ev3")] == [False, False]
    assert [await other.claim("Ev1"), await other.claim("Ev4"), await one.claim("Ev4")] == [False, True, False]


async def test_a_retry_arriving_while_its_first_delivery_is_being_claimed_is_dropped() -> None:
    class SlowShared(SharedClaims):
        async def claim(self, event_id: str) -> bool:
            await asyncio.sleep(0.05)
            raise StoreUnavailable("no answer within 1 s")

    here = ClaimedHere(SlowShared())
    assert await asyncio.gather(here.claim("Ev1"), here.claim("Ev1")) == [True, False]


async def test_the_oldest_ids_are_forgotten_first() -> None:
    shared = SharedClaims()
    here = ClaimedHere(shared, remembered=2)
    for event in ("Ev1", "Ev2", "Ev3"):
        await here.claim(event)
    shared.down = True
    # Ev1 was forgotten here, and the database cannot say: answered again rather than dropped.
    assert [await here.claim("Ev3"), await here.claim("Ev1")] == [False, True]
