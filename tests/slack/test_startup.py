"""`python -m bot`: a missing setting stops it at once with one line; with settings it serves Slack on $PORT."""

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest

from tests.support.fake_slack import FakeSlack
from tests.support.processes import free_port, http_variables, run_bot, spawn_bot, stop, wait_until_serving
from tests.support.signing import BOT_TOKEN, SIGNING_SECRET, command_body, command_fields, signed_headers


@pytest.mark.parametrize(
    ("variables", "line"),
    [
        ({}, "llmcost: missing required setting SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": ""}, "llmcost: missing required setting SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN}, "llmcost: missing required setting SLACK_SIGNING_SECRET"),
        (
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": ""},
            "llmcost: missing required setting SLACK_SIGNING_SECRET",
        ),
        (
            {"SLACK_APP_TOKEN": "xapp-1-test", "SLACK_SIGNING_SECRET": SIGNING_SECRET},
            "llmcost: missing required setting SLACK_BOT_TOKEN",
        ),
        (
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "PORT": "eighty"},
            "llmcost: invalid setting PORT",
        ),
        (
            {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": "not a url"},
            "llmcost: invalid setting SLACK_API_URL",
        ),
    ],
)
def test_a_missing_or_invalid_setting_stops_start_up_with_one_line(
    tmp_path: Path, variables: dict[str, str], line: str
) -> None:
    result = run_bot(tmp_path, **variables)
    assert result.returncode == 1
    assert result.stderr == line + "\n"  # one line, no traceback
    assert result.stdout == ""
    for secret in (BOT_TOKEN, SIGNING_SECRET, "xapp-1-test"):
        assert secret not in result.stderr


def test_dot_env_in_the_working_directory_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"SLACK_BOT_TOKEN={BOT_TOKEN}\n")
    result = run_bot(tmp_path)
    assert result.stderr == "llmcost: missing required setting SLACK_SIGNING_SECRET\n"


async def test_python_m_bot_serves_slack_on_port_and_stops_on_sigterm(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = free_port()
    process = await spawn_bot(tmp_path, **http_variables(fake_slack.api_url, port))
    url = f"http://127.0.0.1:{port}"
    try:
        await wait_until_serving(url, process)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            async with session.get(f"{url}/healthz") as response:
                assert (response.status, await response.text()) == (200, "ok")

            body = command_body("train 175B 500B")
            headers = {"Content-Type": "application/x-www-form-urlencoded", **signed_headers(body)}
            async with session.post(f"{url}/slack/events", data=body, headers=headers) as response:
                assert response.status == 200
                answer = json.loads(await response.text())
            assert answer["response_type"] == "ephemeral"
            assert "$1.06M at 100% of peak" in answer["text"]
            # users.info: who asks, in which language (their Slack locale), and whether they administer the workspace;
            # nothing else (a command is answered without Bolt, so without its auth.test)
            assert [call.method for call in fake_slack.calls] == ["users.info"]
    finally:
        stderr = await stop(process)
    assert process.returncode == 0
    assert b"Traceback" not in stderr
    assert BOT_TOKEN.encode() not in stderr and SIGNING_SECRET.encode() not in stderr


async def test_with_an_app_token_python_m_bot_answers_over_socket_mode(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.envelopes.append(
        {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": command_fields("train 175B 500B"),
        }
    )
    variables = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xapp-1-test", "SLACK_API_URL": fake_slack.api_url}
    process = await spawn_bot(tmp_path, **variables)
    try:
        for _ in range(300):  # up to 15 s
            if fake_slack.socket_replies:
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError(f"no acknowledgement over the socket; calls: {fake_slack.calls}")
    finally:
        stderr = await stop(process)
    (reply,) = fake_slack.socket_replies
    assert reply["envelope_id"] == "env-1"
    assert reply["payload"]["response_type"] == "ephemeral"
    assert "$1.06M at 100% of peak" in reply["payload"]["text"]
    opened = fake_slack.made("apps.connections.open")
    assert opened and opened[0].authorization == "Bearer xapp-1-test"
    assert b"xapp-1-test" not in stderr and BOT_TOKEN.encode() not in stderr
