"""Multi-workspace install: with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET the app runs Bolt's OAuth flow, keeps
installations in its database, and needs no SLACK_BOT_TOKEN."""

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import aiohttp
import pytest

from bot.config import Config
from tests.slack.conftest import BotServer
from tests.support.fake_slack import INSTALLED_TOKEN, FakeSlack
from tests.support.processes import free_port, run_bot, spawn_bot, stop, wait_until_serving
from tests.support.signing import SIGNING_SECRET, command_body

CLIENT_ID = "1234.5678"
CLIENT_SECRET = "test-client-secret-c1d2"


@pytest.fixture
def settings(fake_slack: FakeSlack, tmp_path: Path) -> Config:
    return Config(
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.api_url,
        database_url=f"sqlite:///{tmp_path / 'llmcost.db'}",
    )


async def install(bot: BotServer) -> tuple[int, str]:
    """Open /slack/install, then come back from Slack's consent page to /slack/oauth_redirect as a browser would."""
    async with bot.session.get(f"{bot.url}/slack/install", allow_redirects=False) as page:
        assert page.status == 200
        link = html.unescape(re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', await page.text())[1])
        cookie = page.headers["Set-Cookie"].split(";")[0]
    query = parse_qs(urlparse(link).query)
    assert query["client_id"] == [CLIENT_ID]
    assert set(query["scope"][0].split(",")) == {
        "commands",
        "chat:write",
        "app_mentions:read",
        "users:read",
        "im:history",
    }
    back = f"{bot.url}/slack/oauth_redirect?code=granted-code&state={query['state'][0]}"
    async with bot.session.get(back, headers={"Cookie": cookie}, allow_redirects=False) as done:
        return done.status, await done.text()


async def test_a_workspace_installs_the_app_and_is_then_answered_with_its_own_token(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    status, _ = await install(bot)
    assert status == 200
    (exchange,) = fake_slack.made("oauth.v2.access")
    assert exchange.payload["code"] == "granted-code"

    answer = await bot.command("train 175B 500B")
    assert "$1.06M at 100% of peak" in answer["text"]
    assert f"Bearer {INSTALLED_TOKEN}" in {call.authorization for call in fake_slack.made("auth.test")}
    (asked,) = fake_slack.made("users.info")
    assert asked.authorization == f"Bearer {INSTALLED_TOKEN}"


async def test_a_workspace_that_never_installed_it_is_not_answered(bot: BotServer, fake_slack: FakeSlack) -> None:
    body = command_body("train 175B 500B", team="T0STRANGER", response_url=fake_slack.response_url())
    status, text = await bot.post_form(body)
    assert "$1.06M" not in text
    (told,) = await fake_slack.wait_for("response_url")  # Bolt's own "not installed" message
    assert "$1.06M" not in str(told.payload)
    assert status == 200 and fake_slack.made("users.info") == []


async def test_python_m_bot_starts_in_oauth_mode_without_a_bot_token(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = free_port()
    variables = {
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "PORT": str(port),
    }
    process = await spawn_bot(tmp_path, **variables)
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_until_serving(url, process)
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session,
            session.get(f"{url}/slack/install", allow_redirects=False) as page,
        ):
            assert page.status == 200
            assert "https://slack.com/oauth/v2/authorize?" in await page.text()
    finally:
        stderr = await stop(process)
    assert process.returncode == 0
    assert b"Traceback" not in stderr
    assert CLIENT_SECRET.encode() not in stderr and SIGNING_SECRET.encode() not in stderr


@pytest.mark.parametrize(
    ("variables", "line"),
    [
        ({"SLACK_CLIENT_ID": CLIENT_ID}, "llmcost: missing required setting SLACK_CLIENT_SECRET"),
        ({"SLACK_CLIENT_SECRET": CLIENT_SECRET}, "llmcost: missing required setting SLACK_CLIENT_ID"),
        (
            {"SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET, "SLACK_APP_TOKEN": "xapp-1-test"},
            "llmcost: SLACK_APP_TOKEN (Socket Mode, one workspace) cannot be combined with SLACK_CLIENT_ID and "
            "SLACK_CLIENT_SECRET (installs in many workspaces, over HTTP): unset one or the other",
        ),
        (
            {"SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET},
            "llmcost: missing required setting SLACK_SIGNING_SECRET",
        ),
    ],
)
def test_an_incomplete_oauth_setup_stops_start_up_with_one_line(
    tmp_path: Path, variables: dict[str, str], line: str
) -> None:
    result = run_bot(tmp_path, **variables)
    assert (result.returncode, result.stderr) == (1, line + "\n")
    assert CLIENT_SECRET not in result.stderr
