"""The schema check every process makes at start-up, before it serves: nearly always the schema is at head already.

On a SQLite file that check is stdlib sqlite3 reading Alembic's stamp, so a web process on one never imports
SQLAlchemy; anything else, or a schema behind, goes to bot.store.migrate (SQLAlchemy, and Alembic to upgrade).
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from bot.store.location import SQLITE_MIGRATION_BUSY_S, sqlite_file

# The newest revision in migrations/versions (a test holds it to Alembic's own reading of the scripts).
HEAD = "0003"


def sqlite_at_head(path: str) -> bool:
    """Whether Alembic stamped HEAD in the SQLite file at `path`; a file missing, empty or unreadable is not."""
    # Read-only: a missing file is not created here, but by the migration that follows.
    read_only = f"{Path(path).resolve().as_uri()}?mode=ro"
    try:
        # Waiting as a migration would: another process may be migrating the file.
        with closing(sqlite3.connect(read_only, uri=True, timeout=SQLITE_MIGRATION_BUSY_S)) as db:
            stamped = [version for (version,) in db.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error:
        return False
    return stamped == [HEAD]


async def migrate_unless_at_head(database_url: str | None) -> str | None:
    """Upgrade the database `database_url` names (DATABASE_URL as given) unless it is at head, or the one line that
    says why it could not be: for `python -m bot`, which stops on it."""
    path = sqlite_file(database_url)
    if path is not None and sqlite_at_head(path):
        return None
    from bot.store.database import database_url as async_url
    from bot.store.migrate import upgrade_or_explain

    return await upgrade_or_explain(async_url(database_url))
