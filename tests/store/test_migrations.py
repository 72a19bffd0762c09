"""Alembic builds the schema from nothing, upgrades in place without touching data, and matches the models."""

import asyncio
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from subprocess import PIPE

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Connection, inspect

from bot.config import Config
from bot.store.database import DEFAULT_SQLITE_PATH, create_engine, database_url, shown
from bot.store.location import sqlite_file
from bot.store.migrate import alembic_config, upgrade_database
from bot.store.schema import SCHEMA
from bot.store.startup import HEAD, sqlite_at_head
from bot.store.team_settings import TeamSettings
from bot.team.records import Team
from tests.support.processes import environment
from tests.support.signing import BOT_TOKEN, SIGNING_SECRET

ROOT = Path(__file__).resolve().parents[2]
TABLES = {
    "alembic_version",
    "team_setting",
    "handled_event",
    "slack_installations",
    "slack_bots",
    "slack_oauth_states",
}


async def schema_of(url: URL) -> tuple[set[str], str | None, list]:
    """Tables, the revision stamped, and what differs between the database and the models."""

    def inspect_schema(connection: Connection) -> tuple[set[str], str | None, list]:
        tables = set(inspect(connection).get_table_names())
        revision = MigrationContext.configure(connection).get_current_revision()
        differences = compare_metadata(MigrationContext.configure(connection), SCHEMA)
        return tables, revision, differences

    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(inspect_schema)
    finally:
        await engine.dispose()


def test_head_is_the_newest_revision_script() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD


def test_a_database_at_head_is_checked_without_importing_alembic(empty_database: URL) -> None:
    asyncio.run(upgrade_database(empty_database))
    check = (
        "import asyncio, sys; from bot.config import load_config; from bot.store.migrate import upgrade_database; "
        "asyncio.run(upgrade_database(load_config().database())); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'mako'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, env=environment_for(empty_database), capture_output=True, text=True
    )
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "[]", "")


@pytest.mark.parametrize(
    ("file", "variables", "imported"),
    [
        ("at head", {"SLACK_BOT_TOKEN": BOT_TOKEN}, []),
        ("new", {"SLACK_BOT_TOKEN": BOT_TOKEN}, ["alembic", "sqlalchemy"]),
        ("at head", {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s"}, ["sqlalchemy"]),
    ],
    ids=["a file at head", "a new file, migrated", "OAuth mode"],
)
def test_python_m_bot_on_a_sqlite_file_at_head_starts_without_sqlalchemy(
    tmp_path: Path, file: str, variables: dict[str, str], imported: list[str]
) -> None:
    """`python -m bot` to the point where it serves (`serve` stands in for the server, which would not return):
    SQLAlchemy and Alembic are imported only to migrate, and in OAuth mode for slack_sdk's stores."""
    path = tmp_path / "llmcost.db"
    if file == "at head":
        asyncio.run(upgrade_database(database_url(f"sqlite:///{path}")))
    start = (
        "import sys, bot.__main__ as bot; "
        "bot.serve = lambda *_: print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'sqlalchemy'})); "
        "bot.main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", start],
        cwd=tmp_path,
        env=environment(SLACK_SIGNING_SECRET=SIGNING_SECRET, DATABASE_URL=f"sqlite:///{path}", **variables),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout.strip()) == (0, str(imported)), done.stderr
    assert sqlite_at_head(str(path))


def test_a_sqlite_file_missing_empty_or_unreadable_is_not_at_head(tmp_path: Path) -> None:
    path = tmp_path / "llmcost.db"
    assert not sqlite_at_head(str(path))
    assert not path.exists()  # the check creates nothing
    path.write_bytes(b"")
    assert not sqlite_at_head(str(path))
    path.write_bytes(b"not a database, whatever it was" * 100)
    assert not sqlite_at_head(str(path))


@pytest.mark.parametrize(
    "text",
    ["sqlite:///llmcost.db", "sqlite:////data/x.db", "sqlite+aiosqlite:///a b.db", "sqlite+pysqlite:///rel/x.db"],
)
def test_a_sqlite_file_is_found_where_sqlalchemy_finds_it(text: str) -> None:
    assert sqlite_file(text) == database_url(text).database


@pytest.mark.parametrize(
    "text", ["sqlite://", "sqlite:///:memory:", "sqlite:///x.db?mode=ro", "postgres://app:pw@db/llmcost"]
)
def test_anything_but_a_plain_sqlite_file_is_left_to_sqlalchemy(text: str) -> None:
    assert sqlite_file(text) is None


async def test_an_empty_database_is_upgraded_to_the_models(empty_database: URL) -> None:
    assert (await schema_of(empty_database))[0] == set()
    await upgrade_database(empty_database)
    tables, revision, differences = await schema_of(empty_database)
    assert tables == TABLES
    assert revision == HEAD == "0003"
    assert differences == []


async def test_upgrading_again_changes_nothing_and_keeps_the_data(empty_database: URL) -> None:
    await upgrade_database(empty_database)
    engine = create_engine(empty_database)
    await TeamSettings(engine).set(Team("T0ACME"), "price:H100-SXM", "1.85", "U0ALICE")
    await engine.dispose()

    await upgrade_database(empty_database)
    assert (await schema_of(empty_database))[1] == HEAD
    engine = create_engine(empty_database)
    try:
        settings = await TeamSettings(engine).get_all(Team("T0ACME"))
    finally:
        await engine.dispose()
    assert [(s.key, s.value) for s in settings] == [("price:H100-SXM", "1.85")]


def environment_for(url: URL) -> dict[str, str]:
    """This environment with DATABASE_URL naming `url` as a PaaS hands it out (no async driver)."""
    plain = url.set(drivername=url.get_backend_name())
    return {**os.environ, "DATABASE_URL": plain.render_as_string(hide_password=False)}


def upgrade_command(url: URL) -> subprocess.Popen[str]:
    """`python -m bot.store upgrade` in a process of its own."""
    command = [sys.executable, "-m", "bot.store", "upgrade"]
    return subprocess.Popen(command, cwd=ROOT, env=environment_for(url), stdout=PIPE, stderr=PIPE, text=True)


def test_the_documented_command_upgrades_the_database_in_database_url(empty_database: URL) -> None:
    out, err = upgrade_command(empty_database).communicate(timeout=60)
    assert err == ""
    assert out.strip() == f"{shown(empty_database)}: schema up to date"
    assert asyncio.run(schema_of(empty_database))[1] == HEAD


def test_processes_starting_together_migrate_once(empty_database: URL) -> None:
    processes = [upgrade_command(empty_database) for _ in range(4)]
    errors = [process.communicate(timeout=60)[1] for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], errors
    tables, revision, differences = asyncio.run(schema_of(empty_database))
    assert (tables, revision, differences) == (TABLES, HEAD, [])


def test_urls_as_providers_hand_them_out_run_on_async_drivers() -> None:
    assert str(database_url("")) == f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}"
    assert database_url("sqlite:////data/x.db").drivername == "sqlite+aiosqlite"
    heroku = database_url("postgres://app:s3cret@db.example.com:5432/llmcost")
    assert heroku.drivername == "postgresql+asyncpg"
    assert (heroku.username, heroku.password, heroku.host, heroku.port, heroku.database) == (
        "app",
        "s3cret",
        "db.example.com",
        5432,
        "llmcost",
    )
    assert database_url("postgresql://app:pw@db/llmcost").drivername == "postgresql+asyncpg"
    assert database_url("postgresql+asyncpg://app:pw@db/llmcost").drivername == "postgresql+asyncpg"
    with_ssl = database_url("postgresql://app:pw@db/llmcost?sslmode=require")
    assert dict(with_ssl.query) == {"ssl": "require"}


def test_the_config_chooses_the_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert Config().database().database == DEFAULT_SQLITE_PATH
    (tmp_path / ".env").write_text("DATABASE_URL=sqlite:///from-dot-env.db\n")
    assert Config().database().database == "from-dot-env.db"
    monkeypatch.setenv("DATABASE_URL", "postgres://app:pw@db/llmcost")  # a real variable wins over .env
    assert Config().database().drivername == "postgresql+asyncpg"


def sqlite_tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def without_our_variables() -> dict[str, str]:
    """This environment without DATABASE_URL or any Slack variable: what a bare shell with a .env has."""
    return {key: value for key, value in os.environ.items() if key != "DATABASE_URL" and not key.startswith("SLACK_")}


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "bot.store", "upgrade"],
        [sys.executable, "-m", "alembic", "-c", str(ROOT / "alembic.ini"), "upgrade", "head"],
    ],
    ids=["python -m bot.store upgrade", "alembic upgrade head"],
)
def test_upgrade_migrates_the_database_dot_env_names(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / ".env").write_text(f"DATABASE_URL=sqlite:///{tmp_path / 'named.db'}\n")
    done = subprocess.run(
        command, cwd=tmp_path, env=without_our_variables(), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert sqlite_tables(tmp_path / "named.db") == TABLES
    assert not (tmp_path / DEFAULT_SQLITE_PATH).exists()  # the default file, which upgrade used to migrate instead


def test_a_shown_url_never_carries_its_password() -> None:
    url = database_url("postgres://app:s3cret@db.example.com/llmcost")
    assert "s3cret" not in shown(url)
    assert shown(url) == "postgresql+asyncpg://app:***@db.example.com/llmcost"


def test_upgrade_on_an_unreachable_database_says_so_in_one_line(tmp_path: Path) -> None:
    refused = "postgres://app:s3cret@127.0.0.1:1/llmcost"  # port 1: nothing listens
    done = subprocess.run(
        [sys.executable, "-m", "bot.store", "upgrade"],
        cwd=tmp_path,
        env={**without_our_variables(), "DATABASE_URL": refused},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("llmcost: cannot bring the database postgresql+asyncpg://app:***@127.0.0.1:1/llmcost")
    # The cause as the request path's log gives it (Availability.cause_of): the driver's exception, named.
    assert "/llmcost up to date: ConnectionRefusedError: " in done.stderr
    assert done.stderr.count("\n") == 1  # one line, no traceback
    assert "s3cret" not in done.stderr + done.stdout
