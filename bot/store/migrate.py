"""Bring a database's schema up to the newest Alembic revision, keeping its data: at start-up or by command."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import URL, Connection, text

from bot.store.database import create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: the PostgreSQL advisory lock that lets one of several starting processes migrate at a time.
_MIGRATION_LOCK = 4_117_004


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _lock(connection: Connection) -> None:
    """Let one of several processes starting at once migrate; each next one waits, then finds the schema at head.

    Both locks last to the end of the migration's transaction (DDL is transactional on both databases).
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    else:  # SQLite: take the file's write lock now rather than at the first write
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _upgrade(connection: Connection) -> None:
    _lock(connection)
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def upgrade_database(url: URL) -> None:
    """Create the tables in an empty database, or apply the revisions it lacks; a database at head is left as is."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_upgrade)
    finally:
        await engine.dispose()
