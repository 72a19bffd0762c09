"""Which database, and the engine that talks to it.

`DATABASE_URL` (read by bot.config, `.env` included) unset means an embedded SQLite file, `llmcost.db` in the
working directory. PaaS providers hand
out `postgres://` or `postgresql://` URLs; both run through asyncpg, the async PostgreSQL driver.
"""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

DEFAULT_SQLITE_PATH = "llmcost.db"
_ASYNC_DRIVERS = {
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}
# A writer waits this long for another process's write lock on a SQLite file before it gives up.
_SQLITE_BUSY_SECONDS = 30


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


def create_engine(url: URL) -> AsyncEngine:
    """An engine with a pool; pre-ping because PaaS PostgreSQL closes idle connections."""
    if url.get_backend_name() == "sqlite":
        return create_async_engine(url, connect_args={"timeout": _SQLITE_BUSY_SECONDS})
    return create_async_engine(url, pool_pre_ping=True)


def shown(url: URL) -> str:
    """The URL as it may appear in a log or on a terminal: never with its password."""
    return url.render_as_string(hide_password=True)


def insert_for(engine: AsyncEngine) -> Callable[..., "postgresql.Insert | sqlite.Insert"]:
    """The engine's dialect's `insert`, the one with `on_conflict_do_update` and `on_conflict_do_nothing`.

    Both dialects spell "insert unless present" and an upsert `INSERT ... ON CONFLICT`; only the module differs.
    The engine loaded its own dialect's module already: the other one is never imported (30 ms of start-up).
    """
    return importlib.import_module(f"sqlalchemy.dialects.{engine.dialect.name}").insert
