"""Only requests signed with the signing secret, within five minutes, reach the app; the rest get 401."""

import json
import time

from tests.slack.conftest import BotServer
from tests.support.fake_slack import FakeSlack
from tests.support.signing import command_body, signed_headers

INVALID = {"error": "invalid request"}


async def test_a_request_signed_as_slack_signs_it_is_answered(bot: BotServer) -> None:
    status, body = await bot.post_form(command_body("train 175B 500B"))
    assert status == 200
    assert "$1.06M at 100% of peak" in json.loads(body)["text"]


async def test_a_request_signed_with_another_secret_is_refused(bot: BotServer, fake_slack: FakeSlack) -> None:
    body = command_body("train 175B 500B")
    status, text = await bot.post_form(body, headers=signed_headers(body, secret="not-the-secret"))
    assert (status, json.loads(text)) == (401, INVALID)
    assert fake_slack.calls == []  # refused before anything else: not even auth.test


async def test_a_body_changed_after_signing_is_refused(bot: BotServer) -> None:
    headers = signed_headers(command_body("train 7B 1T"))
    status, text = await bot.post_form(command_body("train 700B 1T"), headers=headers)
    assert (status, json.loads(text)) == (401, INVALID)


async def test_a_request_signed_more_than_five_minutes_ago_is_refused(bot: BotServer) -> None:
    body = command_body("train 175B 500B")
    status, text = await bot.post_form(body, headers=signed_headers(body, timestamp=int(time.time()) - 6 * 60))
    assert (status, json.loads(text)) == (401, INVALID)


async def test_a_request_signed_just_within_five_minutes_is_answered(bot: BotServer) -> None:
    body = command_body("train 175B 500B")
    status, _ = await bot.post_form(body, headers=signed_headers(body, timestamp=int(time.time()) - 4 * 60))
    assert status == 200


async def test_an_unsigned_request_is_refused(bot: BotServer) -> None:
    status, text = await bot.post_form(command_body("train 175B 500B"), headers={})
    assert (status, json.loads(text)) == (401, INVALID)


async def test_health_check_needs_no_signature(bot: BotServer) -> None:
    async with bot.session.get(f"{bot.url}/healthz") as response:
        assert (response.status, await response.text()) == (200, "ok")
