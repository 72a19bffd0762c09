"""Several `python -m bot` processes on one database behave as one: a change through one is seen through the other
at once, a restart keeps everything, and an event delivered to both (a retry landing on the other) is answered once.
"""

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp

from tests.support.fake_slack import FakeSlack
from tests.support.processes import free_port, http_variables, spawn_bot, stop, wait_until_serving
from tests.support.signing import BOT_TOKEN, command_body, mention_body, signed_headers

ADMIN = "U0ADMIN"
RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}


class Process:
    """One `python -m bot`, and ways to send it what Slack sends."""

    def __init__(self, url: str, session: aiohttp.ClientSession) -> None:
        self.url = url
        self.session = session

    async def post(self, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> tuple[int, str]:
        headers = {"Content-Type": content_type, **signed_headers(body), **(extra or {})}
        async with self.session.post(f"{self.url}/slack/events", data=body, headers=headers) as response:
            return response.status, await response.text()

    async def command(self, text: str, **fields: str) -> str:
        """What `/llmcost <text>` shows, as the mrkdwn of all its blocks."""
        status, body = await self.post(command_body(text, **fields), "application/x-www-form-urlencoded")
        assert status == 200, body
        return json.dumps(json.loads(body), ensure_ascii=False)


@asynccontextmanager
async def running(cwd: Path, fake_slack: FakeSlack, database_url: str | None) -> AsyncIterator[Process]:
    port = free_port()
    variables = http_variables(fake_slack.api_url, port)
    process = await spawn_bot(cwd, **variables, **({"DATABASE_URL": database_url} if database_url else {}))
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_until_serving(url, process)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            yield Process(url, session)
    finally:
        stderr = await stop(process)
        assert process.returncode == 0, stderr.decode()
        assert b"Traceback" not in stderr, stderr.decode()
        assert BOT_TOKEN.encode() not in stderr


async def answered_once(fake_slack: FakeSlack, one: Process, other: Process, event_id: str) -> None:
    before = len(fake_slack.made("chat.postMessage"))
    body = mention_body("<@UBOT> train 175B 500B", event_id=event_id)
    assert (await one.post(body, "application/json"))[0] == 200
    assert (await other.post(body, "application/json", RETRY))[0] == 200
    # A later, different event is answered: the retry was dropped, not still on its way.
    await other.post(mention_body("<@UBOT> gpus", event_id=f"{event_id}-next"), "application/json")
    await fake_slack.wait_for("chat.postMessage", before + 2)
    await asyncio.sleep(0.3)
    texts = [call.payload["text"] for call in fake_slack.made("chat.postMessage")[before:]]
    assert sorted(text.split("\n")[0] for text in texts) == [
        "GPU catalog: dense peaks and default prices",
        "Training a 175B-parameter model on 500B tokens",
    ]


async def test_two_processes_on_one_postgresql_behave_as_one(
    tmp_path: Path, fake_slack: FakeSlack, postgres_database: str
) -> None:
    fake_slack.users[ADMIN] = {"is_admin": True}
    async with running(tmp_path, fake_slack, postgres_database) as one:
        async with running(tmp_path, fake_slack, postgres_database) as other:
            assert "Saved for this workspace" in await one.command("set price A100 1.5", user=ADMIN)
            assert "team price, set by <@U0ADMIN>" in await other.command("train 175B 500B")
            assert "Only workspace admins" in await other.command("set price A100 9", user="U0MEMBER")
            assert "team price" not in await other.command("train 175B 500B", team="T0OTHER")

            # 50 changes at once, half through each process, each its own workspace: none is lost.
            sets = [
                (one, other)[n % 2].command(f"set price A100 {n + 1}.5", user=ADMIN, team=f"T{n:02d}")
                for n in range(50)
            ]
            assert all("Saved for this workspace" in saved for saved in await asyncio.gather(*sets))
            for n in range(50):
                shown = await (other, one)[n % 2].command("settings", team=f"T{n:02d}")
                assert f"${n + 1}.5 per GPU-hour" in shown

            await answered_once(fake_slack, one, other, "EvPG1")
        # `other` restarted: the settings and the events already answered are still there.
        async with running(tmp_path, fake_slack, postgres_database) as other:
            assert "team price, set by <@U0ADMIN>" in await other.command("train 175B 500B")
            await answered_once(fake_slack, other, one, "EvPG2")


async def test_one_process_on_sqlite_keeps_everything_across_a_restart(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.users[ADMIN] = {"is_admin": True}
    event = mention_body("<@UBOT> train 175B 500B", event_id="EvSQLITE")
    async with running(tmp_path, fake_slack, None) as bot:  # DATABASE_URL unset: llmcost.db in the working directory
        await bot.command("set price A100 1.5", user=ADMIN)
        await bot.post(event, "application/json")
        await fake_slack.wait_for("chat.postMessage")
    assert (tmp_path / "llmcost.db").exists()
    async with running(tmp_path, fake_slack, None) as bot:
        assert "team price, set by <@U0ADMIN>" in await bot.command("train 175B 500B")
        await bot.post(event, "application/json", RETRY)
        await bot.post(mention_body("<@UBOT> gpus", event_id="EvSQLITE-next"), "application/json")
        await fake_slack.wait_for("chat.postMessage", 2)
        await asyncio.sleep(0.3)
    assert len(fake_slack.made("chat.postMessage")) == 2
