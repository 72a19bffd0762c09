"""The request path on a SQLite file, through stdlib sqlite3 alone: SQLAlchemy (19 MiB of the web process's memory,
and a third of its time to the first answer: BENCHMARKS.md) is never imported. The statements are SQLAlchemy's own
for the same stores (bot.store.team_settings, bot.store.handled_events), and moments are kept in the text
SQLAlchemy's SQLite dialect writes, so that either may read what the other wrote; Alembic still owns the schema
(bot.store.migrate).

One connection, used by one worker thread: SQLite lets one writer at a time into the file anyway, and a thread of
our own keeps the event loop free while SQLite waits for another process's lock.
"""

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from bot.store.availability import Availability, answers
from bot.store.change_counter import KeptWhileUnchanged, read_change_counter
from bot.store.claims import KEEP, ClaimedHere, PruneSchedule
from bot.store.interface import STORE_WAIT_S
from bot.store.location import SQLITE_BUSY_SHARE, SQLITE_MIGRATION_BUSY_S
from bot.team.records import Setting, Team

Answer = TypeVar("Answer")
# SQLAlchemy's SQLite DATETIME storage format: naive, in UTC here (bot.store.models.UTCDateTime).
_MOMENT = "%Y-%m-%d %H:%M:%S.%f"


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_MOMENT)


def _read(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class SQLiteFile:
    """The file, one statement or transaction at a time on the worker thread; every operation answers within
    `wait_s` (the request path's STORE_WAIT_S) or raises StoreUnavailable, through `availability`. None waits for
    another process's lock as long as a migration would, as SQLAlchemy's engine does (bot.store.database)."""

    def __init__(self, path: str, wait_s: float | None) -> None:
        self.path = path
        self.availability = Availability(f"sqlite:///{path}", errors=(sqlite3.Error,), wait_s=wait_s)
        self._busy_s = SQLITE_MIGRATION_BUSY_S if wait_s is None else wait_s * SQLITE_BUSY_SHARE
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        self._connection: sqlite3.Connection | None = None  # opened, and used, on the worker thread only

    async def run(self, work: Callable[[sqlite3.Connection], Answer]) -> Answer:
        """`work(connection)`'s answer, run on the worker thread; StoreUnavailable when the file cannot be used."""
        loop = asyncio.get_running_loop()
        return await self.availability.run(lambda: loop.run_in_executor(self._worker, self._on_worker, work))

    def _on_worker(self, work: Callable[[sqlite3.Connection], Answer]) -> Answer:
        if self._connection is None:
            # Autocommit: a single statement is its own transaction; several go in an explicit BEGIN … COMMIT.
            self._connection = sqlite3.connect(self.path, timeout=self._busy_s, isolation_level=None)
        try:
            return work(self._connection)
        except sqlite3.Error:
            # Opened afresh by the next operation: nothing of a failed one (a transaction left open) outlives it.
            self._connection.close()
            self._connection = None
            raise

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._worker, self._close)
        self._worker.shutdown()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class SQLiteTeamSettings:
    """bot.store.interface.SettingsStore on the file: one statement per read or write, kept while the file is
    unchanged (KeptWhileUnchanged)."""

    def __init__(self, file: SQLiteFile) -> None:
        self._file = file
        path = Path(file.path)
        self._kept = KeptWhileUnchanged(lambda: read_change_counter(path))

    async def get_all(self, team: Team) -> Sequence[Setting]:
        return await self._kept.get(team, self._read)

    async def _read(self, team: Team) -> tuple[Setting, ...]:
        query = (
            "SELECT key, value, set_by, set_at FROM team_setting WHERE enterprise_id = ? AND team_id = ? ORDER BY key"
        )
        rows = await self._file.run(lambda db: db.execute(query, (team.enterprise_id, team.team_id)).fetchall())
        return tuple(Setting(key=key, value=value, set_by=by, set_at=_read(at)) for key, value, by, at in rows)

    async def set(self, team: Team, key: str, value: str, user: str) -> Setting:
        """Insert or overwrite in one statement: concurrent sets all land, and the last one wins its key."""
        setting = Setting(key=key, value=value, set_by=user, set_at=datetime.now(UTC))
        upsert = (
            "INSERT INTO team_setting (enterprise_id, team_id, key, value, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (enterprise_id, team_id, key) "
            "DO UPDATE SET value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at"
        )
        row = (team.enterprise_id, team.team_id, key, value, user, _stored(setting.set_at))
        await self._file.run(lambda db: db.execute(upsert, row))
        return setting

    async def reset(self, team: Team, key: str | None = None) -> int:
        """Remove one key, or every key when `key` is None; the number of settings removed."""
        statement = "DELETE FROM team_setting WHERE enterprise_id = ? AND team_id = ?"
        values: tuple[str, ...] = (team.enterprise_id, team.team_id)
        if key is not None:
            statement, values = f"{statement} AND key = ?", (*values, key)
        return await self._file.run(lambda db: db.execute(statement, values).rowcount)


class SQLiteHandledEvents:
    """bot.store.interface.EventClaims on the file: insert unless present, old ids pruned in the same transaction."""

    def __init__(self, file: SQLiteFile) -> None:
        self._file = file
        self._prune = PruneSchedule()

    async def claim(self, event_id: str) -> bool:
        """True for the first claim of `event_id` by any process (bot.store.handled_events.HandledEvents.claim)."""
        now = datetime.now(UTC)
        prune = self._prune.due(now)
        return await self._file.run(lambda db: self._claim(db, event_id, now, prune))

    @staticmethod
    def _claim(db: sqlite3.Connection, event_id: str, now: datetime, prune: bool) -> bool:
        # A failure leaves the transaction open: SQLiteFile closes the connection on it, which rolls it back.
        db.execute("BEGIN")
        claim = "INSERT INTO handled_event (event_id, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING"
        inserted = db.execute(claim, (event_id, _stored(now))).rowcount == 1
        if prune:
            db.execute("DELETE FROM handled_event WHERE handled_at < ?", (_stored(now - KEEP),))
        db.execute("COMMIT")
        return inserted


class SQLiteDatabase:
    """bot.store.serving.ServingDatabase on a SQLite file."""

    def __init__(self, path: str) -> None:
        self.file = SQLiteFile(path, STORE_WAIT_S)
        self.team_settings = SQLiteTeamSettings(self.file)
        self.event_claims = ClaimedHere(SQLiteHandledEvents(self.file))

    async def ready(self) -> bool:
        """Whether the settings table can be read now, within STORE_WAIT_S (bot.store.serving)."""
        return await answers(self.file.run(lambda db: db.execute("SELECT key FROM team_setting LIMIT 1").fetchall()))

    async def close(self) -> None:
        await self.file.close()
