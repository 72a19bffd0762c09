"""Bring a database's schema up to the newest Alembic revision, keeping its data: at start-up (bot.store.startup,
which on a SQLite file at head never comes here) or by command.

The check is one query, and Alembic (a fifth of a second to import, and 9 MiB) is imported only when there is
something to migrate.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Connection, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from bot.store.database import availability_of, create_engine, shown
from bot.store.startup import HEAD
from bot.wording.i18n import DEFAULT_LANG, t

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: the PostgreSQL advisory lock that lets one of several starting processes migrate at a time.
_MIGRATION_LOCK = 4_117_004


def alembic_config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _at_head(connection: Connection) -> bool:
    """Whether Alembic stamped HEAD here; an empty database has no alembic_version table (nor any other)."""
    if not inspect(connection).has_table("alembic_version"):
        return False
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]


def _lock(connection: Connection) -> None:
    """Let one of several processes starting at once migrate; each next one waits, then finds the schema at head.

    Both locks last to the end of the migration's transaction (DDL is transactional on both databases).
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    else:  # SQLite: take the file's write lock now rather than at the first write
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _upgrade(connection: Connection) -> None:
    from alembic import command

    _lock(connection)
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def upgrade_or_explain(url: URL) -> str | None:
    """Upgrade, or the one line that says why the database could not be: for the entry points, which stop on it."""
    try:
        await upgrade_database(url)
    except (OSError, SQLAlchemyError) as error:
        # The cause in one line as the request path logs it (refused, unknown host, bad password), neither the URL
        # nor the cause with its password.
        cause = availability_of(url).cause_of(error)
        return t(DEFAULT_LANG, "database_unavailable", url=shown(url), cause=cause)
    return None


async def upgrade_database(url: URL) -> None:
    """Create the tables in an empty database, or apply the revisions it lacks; a database at head is left as is."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            if await connection.run_sync(_at_head):
                return
        async with engine.begin() as connection:
            await connection.run_sync(_upgrade)
    finally:
        await engine.dispose()
