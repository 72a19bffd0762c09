"""Alembic's entry point. `upgrade_database` hands in a connection; the `alembic` command line opens its own."""

import asyncio
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from bot.config import load_config
from bot.store.database import create_engine
from bot.store.schema import SCHEMA

config = context.config
if config.config_file_name is not None:  # the alembic command line: its ini file configures logging
    fileConfig(config.config_file_name)


def _run(connection: Connection) -> None:
    # SQLite cannot ALTER most things in place: batch mode copies the table instead.
    context.configure(connection=connection, target_metadata=SCHEMA, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_on_own_engine() -> None:
    # The URL comes from the process's config (DATABASE_URL, `.env` included), never from alembic.ini, so no
    # password is written into a file.
    engine = create_engine(load_config().database())
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_run)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(url=load_config().database(), target_metadata=SCHEMA, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (shared := config.attributes.get("connection")) is not None:
    _run(shared)
else:
    asyncio.run(_run_on_own_engine())
