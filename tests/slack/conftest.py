"""Fixtures: a clean environment, the fake Slack Web API, and the bot's real HTTP server on 127.0.0.1."""

import json
import os
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.config import Config
from bot.slack.app import LlmcostApp, create_app
from bot.store.migrate import upgrade_database
from bot.store.serving import serving_database
from bot.web.server import build_web_app
from tests.support.fake_slack import FakeSlack
from tests.support.signing import BOT_TOKEN, SIGNING_SECRET, command_body, signed_headers

LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No SLACK_* variable from the developer's shell: SLACK_CLIENT_ID/SECRET alone would switch Bolt to OAuth."""
    for name in list(os.environ):
        if name.startswith("SLACK_") or name in ("PORT", "LOG_LEVEL", "DATABASE_URL", "LLMCOST_ADMINS"):
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def local_network_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any connection beyond 127.0.0.1 fails the test (the app must talk to the fake, never to slack.com)."""
    connect = socket.socket.connect

    def guarded(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL_HOSTS:
            raise AssertionError(f"network access beyond 127.0.0.1: {address}")
        connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def settings(fake_slack: FakeSlack, tmp_path: Path) -> Config:
    return Config(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        database_url=f"sqlite:///{tmp_path / 'llmcost.db'}",
    )


class BotServer:
    """The bot's HTTP server, and ways to post to it as Slack would."""

    def __init__(self, url: str, session: aiohttp.ClientSession) -> None:
        self.url = url
        self.session = session

    async def post(
        self, body: bytes, *, content_type: str, headers: dict[str, str] | None = None
    ) -> tuple[int, str, dict[str, str]]:
        """POST /slack/events, signed with the real secret unless `headers` says otherwise."""
        sent = {"Content-Type": content_type, **(signed_headers(body) if headers is None else headers)}
        async with self.session.post(f"{self.url}/slack/events", data=body, headers=sent) as response:
            return response.status, await response.text(), dict(response.headers)

    async def post_form(self, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, str]:
        status, text, _ = await self.post(body, content_type="application/x-www-form-urlencoded", headers=headers)
        return status, text

    async def post_json(self, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, str]:
        extra = signed_headers(body) | (headers or {})
        status, text, _ = await self.post(body, content_type="application/json", headers=extra)
        return status, text

    async def command(self, text: str, **fields: str) -> dict[str, Any]:
        """The acknowledgement of `/llmcost <text>`: the answer itself."""
        status, body = await self.post_form(command_body(text, **fields))
        assert status == 200, body
        return json.loads(body)


@asynccontextmanager
async def serving(settings: Config, watch: Callable[[LlmcostApp], None] | None = None) -> AsyncIterator[BotServer]:
    """The app `settings` describe, migrated as `python -m bot` migrates it, served on a free port; `watch` sees
    the app before it serves."""
    await upgrade_database(settings.database())
    database = serving_database(settings.database_text(), oauth=settings.oauth)
    app = create_app(settings, database)
    if watch is not None:
        watch(app)
    runner = web.AppRunner(build_web_app(app, database.ready), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        yield BotServer(f"http://127.0.0.1:{port}", session)
    await runner.cleanup()
    await database.close()


@pytest.fixture
async def bot(settings: Config) -> AsyncIterator[BotServer]:
    async with serving(settings) as server:
        yield server
