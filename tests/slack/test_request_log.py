"""One JSON log line per request, saying what the bot did; and no secret in any log, even at DEBUG."""

import json
import logging

import pytest

import bot.answer as answering
from tests.slack.conftest import BotServer
from tests.support.fake_slack import FakeSlack
from tests.support.signing import BOT_TOKEN, SIGNING_SECRET, action_body, command_body, mention_body, signed_headers


def request_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [json.loads(record.getMessage()) for record in caplog.records if record.name == "bot.access"]


async def test_a_full_session_logs_one_line_per_request_and_no_secret(
    bot: BotServer, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    response_url = fake_slack.response_url("secret-hook-7f2")
    with caplog.at_level(logging.DEBUG):
        await bot.command("train 175B 500B private-plan-words", response_url=response_url)
        await bot.post_form(action_body("train 175B 500B", response_url=response_url))
        await bot.post_json(mention_body("<@UBOT> infer 70B"))
        await fake_slack.wait_for("chat.postMessage")
        forged = command_body("gpus")
        await bot.post_form(forged, headers=signed_headers(forged, secret="not-the-secret"))
        await bot.post_form(command_body("gpus"), headers=signed_headers(command_body("gpus"), timestamp=0))
        await bot.post(b"text=" + b"9" * 2_000_000, content_type="application/x-www-form-urlencoded")
        with monkeypatch.context() as patch:
            patch.setattr(answering, "evaluate", lambda *_: 1 / 0)
            await bot.command("train 7B 1T", response_url=response_url)
        async with bot.session.get(f"{bot.url}/healthz"):
            pass
        await fake_slack.wait_for("response_url", 2)

    logged = caplog.text
    for secret in (BOT_TOKEN, SIGNING_SECRET):
        assert secret not in logged

    lines = request_lines(caplog)
    assert [(line["path"], line["status"], line.get("kind")) for line in lines] == [
        ("/slack/events", 200, "command"),
        ("/slack/events", 200, "block_actions"),
        ("/slack/events", 200, "event_callback"),
        ("/slack/events", 401, None),
        ("/slack/events", 401, None),
        ("/slack/events", 413, None),
        ("/slack/events", 200, "command"),
        ("/healthz", 200, None),
    ]
    command = lines[0]
    assert (command["command"], command["word"]) == ("/llmcost", "train")
    assert lines[1]["action"] == "share_in_channel" and lines[2]["event"] == "app_mention"
    assert all(isinstance(line["ms"], float) and line["method"] in ("GET", "POST") for line in lines)
    request_log = "\n".join(record.getMessage() for record in caplog.records if record.name == "bot.access")
    for private in ("private-plan-words", "175B", "secret-hook-7f2", "legacy-verification-token"):
        assert private not in request_log
