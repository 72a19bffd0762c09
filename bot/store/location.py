"""Which database `DATABASE_URL` names, as far as the web process must know without SQLAlchemy: whether it is a SQLite
file, and where. Everything else (PostgreSQL, an in-memory SQLite, a URL with options) is SQLAlchemy's to read
(bot.store.database)."""

import re

DEFAULT_SQLITE_PATH = "llmcost.db"
# A migration waits this long for another process's write lock on a SQLite file before it gives up.
SQLITE_MIGRATION_BUSY_S = 30
# On the request path SQLite's own busy wait ends a little before the deadline (bot.store.availability), so that a
# locked file is reported by SQLite itself ("database is locked") and its connection is left clean.
SQLITE_BUSY_SHARE = 0.8
# sqlite:///relative.db or sqlite:////absolute.db, with any driver; no query string, no percent-escapes: those are
# left to SQLAlchemy, which reads the same path out of the same text.
_SQLITE_FILE = re.compile(r"sqlite(\+\w+)?:///(?P<path>[^?%]+)")


def sqlite_file(text: str | None) -> str | None:
    """The path of the SQLite file `text` names (None or empty: the default file), or None for anything else."""
    if not text:
        return DEFAULT_SQLITE_PATH
    found = _SQLITE_FILE.fullmatch(text)
    return None if found is None or found["path"] == ":memory:" else found["path"]
