"""The database away under a running bot, on SQLite (its file locked past the busy timeout) and on PostgreSQL (stopped,
then started again): every entry point still answers inside Slack's 3 s. Estimates come at the catalog's defaults with
one line saying so; `settings` cannot be shown; `set` and `reset` are refused and write nothing; a retried mention is
answered once. Once the database is back, the next estimate uses the team's values again."""

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Protocol

import pytest
from pydantic import SecretStr

from bot.config import Config
from bot.slack.people import WAIT_S
from bot.store.interface import STORE_WAIT_S
from calc.gpus import DEFAULT_GPU_ID
from tests.slack.conftest import BotServer, serving
from tests.slack.test_controls import choose
from tests.slack.test_home import home_text, open_home
from tests.slack.test_modal import open_form, submit
from tests.slack.test_oauth import CLIENT_ID, CLIENT_SECRET, install
from tests.support.blocks import shown
from tests.support.fake_slack import FakeSlack, payload_json
from tests.support.signing import SIGNING_SECRET, action_body, mention_body
from tests.support.throwaway_postgres import StoppablePostgres

ADMIN, READER_IN_CHINESE = "U0ADMIN", "U0MEI"
NOTE = "The team's defaults could not be read this time (the database did not answer)"
NOTE_IN_CHINESE = "这次未能读取团队默认值（数据库没有响应）"
TEAM_PRICE = "$1.5 per GPU-hour, team price"
CATALOG_PRICE = "$2.2659 per GPU-hour"
RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
# Slack waits 3 s for an answer: the requirement, asserted as such. How long answers really take with the
# database away is measured by bench/database_away.py, not here.
SLACK_S = 3.0


class Outage(Protocol):
    def begin(self) -> None: ...

    def end(self) -> None: ...


class LockedFile:
    """Another process holding the SQLite file's exclusive lock, past any busy timeout."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.locker: sqlite3.Connection | None = None

    def begin(self) -> None:
        self.locker = sqlite3.connect(self.path, isolation_level=None)
        self.locker.execute("BEGIN EXCLUSIVE")

    def end(self) -> None:
        assert self.locker is not None
        self.locker.rollback()
        self.locker.close()


class StoppedServer:
    def __init__(self, server: StoppablePostgres) -> None:
        self.server = server

    def begin(self) -> None:
        self.server.stop()

    def end(self) -> None:
        self.server.start()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, settings: Config, tmp_path: Path) -> tuple[Config, Outage]:
    """The bot's settings on that database, and how to take the database away and bring it back."""
    if request.param == "sqlite":
        return settings, LockedFile(tmp_path / "llmcost.db")  # the file the `settings` fixture names
    server: StoppablePostgres = request.getfixturevalue("stoppable_postgres")
    return settings.model_copy(update={"database_url": SecretStr(server.database_url)}), StoppedServer(server)


@asynccontextmanager
async def inside_slack_time() -> AsyncIterator[None]:
    started = time.perf_counter()
    yield
    assert time.perf_counter() - started < SLACK_S


async def status_of(bot: BotServer, path: str) -> int:
    async with inside_slack_time(), bot.session.get(f"{bot.url}{path}") as response:
        return response.status


async def answered_in_time(bot: BotServer, words: str, **fields: str) -> dict[str, Any]:
    async with inside_slack_time():
        return await bot.command(words, **fields)


async def test_every_entry_point_answers_while_the_database_is_away(
    database: tuple[Config, Outage], fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    settings, outage = database
    fake_slack.users[ADMIN] = {"is_admin": True}
    fake_slack.users[READER_IN_CHINESE] = {"locale": "zh-CN"}
    async with serving(settings) as bot:
        assert (await bot.command("set price A100 1.5", user=ADMIN))["text"].startswith("Saved for this workspace")
        assert TEAM_PRICE in shown(await bot.command("train 175B 500B"))
        await bot.command("set gpu A100", user=ADMIN)  # a write: SQLite's kept copy is given up, the next read asks
        assert await status_of(bot, "/readyz") == 200
        outage.begin()
        try:
            # Alive, not ready: a platform's health check must not restart a process that answers.
            assert (await status_of(bot, "/healthz"), await status_of(bot, "/readyz")) == (200, 503)
            await answers_at_catalog_defaults(bot, fake_slack)
            await changes_are_refused(bot)
            await a_retried_mention_is_answered_once(bot, fake_slack)
        finally:
            outage.end()

        back = shown(await answered_in_time(bot, "train 175B 500B"))
        assert TEAM_PRICE in back and NOTE not in back
        assert await status_of(bot, "/readyz") == 200
        assert f"price on {DEFAULT_GPU_ID}: $1.5 per GPU-hour · set by <@{ADMIN}>" in shown(
            await bot.command("settings")
        )
    # The outage once, with its cause; its end once, with the count of what failed meanwhile.
    outage_lines = [record.getMessage() for record in caplog.records if record.name == "bot.store.availability"]
    assert len(outage_lines) == 2, outage_lines
    assert " unavailable: " in outage_lines[0] and " available again after " in outage_lines[1]


async def answers_at_catalog_defaults(bot: BotServer, fake_slack: FakeSlack) -> None:
    """The slash command, in both languages, the Share button, a menu, the form and a mention."""
    estimate = await answered_in_time(bot, "train 175B 500B")
    assert NOTE in shown(estimate) and CATALOG_PRICE in shown(estimate) and "team price" not in shown(estimate)
    assert NOTE_IN_CHINESE in shown(await answered_in_time(bot, "train 175B 500B", user=READER_IN_CHINESE))
    # A failing estimate says it too: the team's price for this GPU might have been the one it lacked.
    assert NOTE in (await answered_in_time(bot, "train 175B 500B gpu=H20"))["text"]

    async with inside_slack_time():
        await bot.post_form(action_body("train 175B 500B", response_url=fake_slack.response_url("share")))
        public, _ = await fake_slack.wait_for("response_url", 2)
    assert NOTE in shown(payload_json(public))

    async with inside_slack_time():
        chosen = await choose(bot, fake_slack, estimate, "choose_gpu", DEFAULT_GPU_ID)
    assert NOTE in shown(chosen) and CATALOG_PRICE in shown(chosen)

    view = await open_form(bot, fake_slack)
    async with inside_slack_time():
        assert await submit(bot, view, {"params": "175B", "tokens": "500B"}) is None
        (posted,) = await fake_slack.wait_for("chat.postEphemeral")
    assert NOTE in shown(payload_json(posted))

    async with inside_slack_time():
        home = home_text(await open_home(bot, fake_slack))
    assert "The team's defaults cannot be shown right now: the database did not answer." in home
    assert "GPU catalog" in home


async def changes_are_refused(bot: BotServer) -> None:
    listing = shown(await answered_in_time(bot, "settings"))
    assert "The team's defaults cannot be shown right now" in listing
    refused = await answered_in_time(bot, "set price A100 9", user=ADMIN)
    assert refused["text"].startswith("Nothing was saved: the database did not answer")
    assert "Try: `/llmcost set price A100 9`" in refused["text"]
    removed = await answered_in_time(bot, "reset", user=ADMIN)
    assert removed["text"].startswith("Nothing was removed: the database did not answer")


async def a_retried_mention_is_answered_once(bot: BotServer, fake_slack: FakeSlack) -> None:
    body = mention_body("<@UBOT> train 175B 500B", event_id="EvAway1")
    async with inside_slack_time():
        await bot.post_json(body)
        (answer,) = await fake_slack.wait_for("chat.postMessage")
    assert NOTE in shown(payload_json(answer))
    await bot.post_json(body, headers=RETRY)
    # A later, different event is answered: the retry was dropped, not still on its way.
    await bot.post_json(mention_body("<@UBOT> gpus", event_id="EvAway2"))
    await fake_slack.wait_for("chat.postMessage", 2)
    await asyncio.sleep(0.3)
    assert len(fake_slack.made("chat.postMessage")) == 2


async def test_an_installed_workspace_is_answered_while_its_token_cannot_be_read(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """OAuth: tokens live in the database too. A workspace this process has answered before keeps its token in
    memory; one it has not seen cannot be answered, and is apologised to rather than told to install the app."""
    oauth = Config(
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        database_url=f"sqlite:///{tmp_path / 'llmcost.db'}",
    )
    async with serving(oauth) as bot:
        assert (await install(bot))[0] == 200
        assert NOTE not in shown(await bot.command("train 175B 500B"))
        outage = LockedFile(tmp_path / "llmcost.db")
        outage.begin()
        try:
            estimate = shown(await answered_in_time(bot, "train 175B 500B"))
            stranger = await answered_in_time(bot, "train 175B 500B", team="T0STRANGER")
        finally:
            outage.end()
    # Answered: with no write since the last read, SQLite's kept copy of the team's (empty) settings still vouches.
    assert "$1.06M at 100% of peak" in estimate
    assert stranger["text"] == "Sorry, something went wrong on our side. The error was logged; please try again."


async def test_a_locked_database_and_a_hanging_users_info_are_waited_for_together(
    settings: Config, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """Someone not seen yet, while users.info hangs and the SQLite file is locked: the reply waits for the longer
    of the two (users.info's WAIT_S), not for one after the other (WAIT_S + STORE_WAIT_S, 2.5 s of Slack's 3)."""
    fake_slack.delays["users.info"] = WAIT_S + 0.5
    async with serving(settings) as bot:
        outage = LockedFile(tmp_path / "llmcost.db")
        outage.begin()
        try:
            began = time.perf_counter()
            answer = await bot.command("train 175B 500B", user="U0NEWCOMER")
            took = time.perf_counter() - began
        finally:
            outage.end()
    assert NOTE in shown(answer)  # the database did not answer
    assert WAIT_S - 0.1 < took < WAIT_S + STORE_WAIT_S - 0.4  # nor did Slack, but the two waits overlapped
