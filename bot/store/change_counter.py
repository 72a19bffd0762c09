"""Has an SQLite database file changed since we last read it? Asked without a query, so without aiosqlite's
thread hop: SQLite keeps a change counter in the file's header for exactly this, for processes sharing a file.

From the file format (https://www.sqlite.org/fileformat.html#file_change_counter): the 4 bytes at offset 24
are "incremented whenever the database file is unlocked after having been modified", in the rollback-journal
modes (the default). In WAL mode (bytes 18 and 19 are 2) the counter is not kept, so nothing is known.
"""

import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.team.records import Setting, Team

if TYPE_CHECKING:
    from sqlalchemy import URL

_HEADER = 28  # bytes 0..27: through the change counter
_WAL_FORMAT = 2
_WRITE_VERSION, _COUNTER = 18, slice(24, 28)

ChangeCounter = Callable[[], bytes | None]


def read_change_counter(path: Path) -> bytes | None:
    """The file's change counter, or None when it cannot vouch for the file (missing, too short, WAL mode)."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        header = os.pread(descriptor, _HEADER, 0)
    finally:
        os.close(descriptor)
    if len(header) < _HEADER or header[_WRITE_VERSION] == _WAL_FORMAT:
        return None
    return header[_COUNTER]


def change_counter_of(url: "URL") -> ChangeCounter:
    """For a SQLite file, a reader of its change counter; for anything else (PostgreSQL, an in-memory SQLite),
    a reader that never vouches, so every read goes to the database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return lambda: None
    path = Path(url.database)
    return lambda: read_change_counter(path)


class KeptWhileUnchanged:
    """Every estimate reads its team's settings. On a SQLite file they are kept between reads for as long as the
    file's change counter stands still: a write by any process moves it, so a change is seen at once everywhere."""

    def __init__(self, change_counter: ChangeCounter) -> None:
        self._change_counter = change_counter
        self._kept_at: bytes | None = None
        self._kept: dict[Team, tuple[Setting, ...]] = {}

    async def get(self, team: Team, read: Callable[[Team], Awaitable[tuple[Setting, ...]]]) -> tuple[Setting, ...]:
        """`team`'s settings as kept, or as `read` reads them now."""
        # Read before the query: a write landing between the two leaves a stale counter, so the next read rereads.
        counter = self._change_counter()
        if counter is None or counter != self._kept_at:
            self._kept_at, self._kept = counter, {}
        elif team in self._kept:
            return self._kept[team]
        settings = await read(team)
        if counter is not None and counter == self._kept_at:  # unless a newer counter was seen meanwhile
            self._kept[team] = settings
        return settings
