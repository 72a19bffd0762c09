"""SIGTERM (a PaaS restart): `python -m bot` stops listening, finishes what is in flight, and exits 0 in time."""

import asyncio
import json
import signal
import time
from pathlib import Path

import aiohttp

from tests.support.fake_slack import FakeSlack
from tests.support.processes import free_port, http_variables, spawn_bot, wait_until_serving
from tests.support.signing import command_body, mention_body, signed_headers

PAAS_GRACE_S = 30
SLOW_SLACK_S = 1.5
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


async def post(session: aiohttp.ClientSession, url: str, body: bytes, content_type: str) -> tuple[int, str]:
    headers = {"Content-Type": content_type, **signed_headers(body)}
    async with session.post(f"{url}/slack/events", data=body, headers=headers) as response:
        return response.status, await response.text()


async def refuses_connections(port: int) -> bool:
    for _ in range(100):  # up to 5 s for the signal to be handled
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except ConnectionRefusedError:
            return True
        except ConnectionResetError:
            # The listener closed with this connection still in its backlog, unaccepted: the next try is refused.
            pass
        else:
            writer.close()
        await asyncio.sleep(0.05)
    return False


async def test_sigterm_finishes_requests_in_flight_and_exits_0(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.delays.update({"auth.test": SLOW_SLACK_S, "chat.postMessage": SLOW_SLACK_S})
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = await spawn_bot(tmp_path, **http_variables(fake_slack.api_url, port))
    try:
        await wait_until_serving(url, process)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=PAAS_GRACE_S)) as session:
            # In flight: a command and a mention, both waiting on Bolt's first auth.test; then the mention's
            # answer, sent after its acknowledgement, waits on chat.postMessage.
            command = asyncio.create_task(post(session, url, command_body("train 175B 500B"), FORM))
            mention = asyncio.create_task(post(session, url, mention_body("<@UBOT> train 175B 500B"), JSON))
            await fake_slack.wait_for("auth.test")
            await asyncio.sleep(0.2)  # both requests are in Bolt's hands

            stopped_at = time.monotonic()
            process.send_signal(signal.SIGTERM)
            assert await refuses_connections(port)
            assert (await mention)[0] == 200
            status, reply = await command
            assert status == 200
            assert "$1.06M at 100% of peak" in json.loads(reply)["text"]
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=PAAS_GRACE_S)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0
    assert time.monotonic() - stopped_at < PAAS_GRACE_S
    assert fake_slack.answered.count("chat.postMessage") == 1  # the mention's answer was delivered, not cancelled
    assert b"Traceback" not in stderr and b"unfinished" not in stderr
