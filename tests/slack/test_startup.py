"""`python -m bot`: a missing setting stops it at once with one line; with settings it serves Slack on $PORT."""

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.slack.fake_slack import FakeSlack
from tests.slack.signing import BOT_TOKEN, SIGNING_SECRET, command_body, command_fields, signed_headers

ROOT = Path(__file__).resolve().parents[2]


def environment(**variables: str) -> dict[str, str]:
    """The test's environment (SLACK_* already cleared by the autouse fixture) plus these variables."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **variables}


def run_bot(cwd: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot"], cwd=cwd, env=environment(**variables), capture_output=True, text=True, timeout=60
    )


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_python_m_bot_serves_slack_on_port_and_stops_on_sigterm(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = free_port()
    variables = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "PORT": str(port),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=environment(**variables), stderr=asyncio.subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            for _ in range(300):  # up to 15 s for the interpreter to start and bind
                try:
                    async with session.get(f"{url}/healthz") as response:
                        assert (response.status, await response.text()) == (200, "ok")
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
            else:
                raise AssertionError("python -m bot never served /healthz")

            body = command_body("train 175B 500B")
            headers = {"Content-Type": "application/x-www-form-urlencoded", **signed_headers(body)}
            async with session.post(f"{url}/slack/events", data=body, headers=headers) as response:
                assert response.status == 200
                answer = json.loads(await response.text())
            assert answer["response_type"] == "ephemeral"
            assert "$1.06M at peak" in answer["text"]
            # users.info: who asks, in which language (their Slack locale), and whether they administer the workspace
            assert [call.method for call in fake_slack.calls] == ["auth.test", "users.info"]
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
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
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=environment(**variables), stderr=asyncio.subprocess.PIPE
    )
    try:
        for _ in range(300):  # up to 15 s
            if fake_slack.socket_replies:
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError(f"no acknowledgement over the socket; calls: {fake_slack.calls}")
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    (reply,) = fake_slack.socket_replies
    assert reply["envelope_id"] == "env-1"
    assert reply["payload"]["response_type"] == "ephemeral"
    assert "$1.06M at peak" in reply["payload"]["text"]
    opened = fake_slack.made("apps.connections.open")
    assert opened and opened[0].authorization == "Bearer xapp-1-test"
    assert b"xapp-1-test" not in stderr and BOT_TOKEN.encode() not in stderr
