"""Which database, and the engine that talks to it.

`DATABASE_URL` (read by bot.config, `.env` included) unset means an embedded SQLite file, `llmcost.db` in the
working directory. PaaS providers hand
out `postgres://` or `postgresql://` URLs; both run through asyncpg, the async PostgreSQL driver.
"""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.store.availability import Availability
from bot.store.location import DEFAULT_SQLITE_PATH, SQLITE_BUSY_SHARE, SQLITE_MIGRATION_BUSY_S

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

_ASYNC_DRIVERS = {
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}


def database_url(text: str | None) -> URL:
    """The async URL for `text`, a URL as providers hand it out; None or empty means the SQLite file."""
    if not text:
        return make_url(f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}")
    url = make_url(text)
    url = url.set(drivername=_ASYNC_DRIVERS.get(url.drivername, url.drivername))
    if url.drivername == "postgresql+asyncpg" and "sslmode" in url.query:
        # libpq spells it sslmode (and providers put it in their URLs); asyncpg takes the same values as ssl.
        url = url.difference_update_query(["sslmode"]).update_query_dict({"ssl": url.query["sslmode"]})
    return url


def create_engine(url: URL, give_up_after: float | None = None) -> AsyncEngine:
    """An engine with a pool; pre-ping because PaaS PostgreSQL closes idle connections, and a restarted server
    leaves every pooled connection dead: each is found so at its next checkout and replaced, at once.

    `give_up_after` (seconds) is for the request path: a connect, a query, a wait for the pool or for a SQLite lock
    gives up after it, rather than after asyncpg's 60 s or SQLite's 30 s. None (migrations, the command line) waits
    as long as a migration may need: another process may hold the migration lock for a while.
    """
    if give_up_after is None:
        if url.get_backend_name() == "sqlite":
            return create_async_engine(url, connect_args={"timeout": SQLITE_MIGRATION_BUSY_S})
        return create_async_engine(url, pool_pre_ping=True)
    if url.get_backend_name() == "sqlite":  # no server whose restart could leave a pooled connection dead
        sqlite_args = {"timeout": give_up_after * SQLITE_BUSY_SHARE}
        return create_async_engine(url, pool_timeout=give_up_after, connect_args=sqlite_args)
    # asyncpg: `timeout` bounds the connect, `command_timeout` every statement.
    asyncpg_args = {"timeout": give_up_after, "command_timeout": give_up_after}
    return create_async_engine(url, pool_pre_ping=True, pool_timeout=give_up_after, connect_args=asyncpg_args)


def shown(url: URL) -> str:
    """The URL as it may appear in a log or on a terminal: never with its password."""
    return url.render_as_string(hide_password=True)


def availability_of(url: URL, wait_s: float | None = None) -> Availability:
    """The Availability of the database at `url` through SQLAlchemy, whose errors wrap the drivers' own."""
    password = url.password if isinstance(url.password, str) else None
    return Availability(shown(url), errors=(SQLAlchemyError,), password=password, wait_s=wait_s)


def insert_for(engine: AsyncEngine) -> Callable[..., "postgresql.Insert | sqlite.Insert"]:
    """The engine's dialect's `insert`, the one with `on_conflict_do_update` and `on_conflict_do_nothing`.

    Both dialects spell "insert unless present" and an upsert `INSERT ... ON CONFLICT`; only the module differs.
    The engine loaded its own dialect's module already: the other one is never imported (30 ms of start-up).
    """
    return importlib.import_module(f"sqlalchemy.dialects.{engine.dialect.name}").insert
