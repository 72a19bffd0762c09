"""Hostile requests: exact replays get 401, oversized bodies 413 before they are read, and the server stays up."""

import asyncio
import json
import time
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

from bot.web.guards import MAX_BODY
from tests.slack.conftest import BotServer
from tests.support.fake_slack import FakeSlack
from tests.support.signing import command_body, signed_headers

INVALID = {"error": "invalid request"}
MEGABYTES = 8 * 1024 * 1024
FORM = "application/x-www-form-urlencoded"


async def still_answers(bot: BotServer) -> None:
    async with bot.session.get(f"{bot.url}/healthz") as response:
        assert response.status == 200
    assert "$1.06M at 100% of peak" in (await bot.command("train 175B 500B"))["text"]


async def test_a_replayed_command_is_refused(bot: BotServer) -> None:
    body = command_body("train 175B 500B")
    headers = signed_headers(body)
    assert (await bot.post_form(body, headers=headers))[0] == 200
    status, text = await bot.post_form(body, headers=headers)
    assert (status, json.loads(text)) == (401, INVALID)
    await still_answers(bot)


async def test_of_two_copies_sent_at_once_one_is_answered(bot: BotServer) -> None:
    body = command_body("train 175B 500B")
    headers = signed_headers(body)
    statuses = sorted(status for status, _ in await asyncio.gather(*(bot.post_form(body, headers) for _ in range(2))))
    assert statuses == [200, 401]


async def test_a_forged_request_does_not_stop_the_real_one_later(bot: BotServer) -> None:
    body = command_body("train 175B 500B")
    headers = signed_headers(body)
    forged = {**headers, "X-Slack-Request-Timestamp": str(int(time.time()) - 1)}  # the signature no longer fits
    assert (await bot.post_form(body, headers=forged))[0] == 401
    assert (await bot.post_form(body, headers=headers))[0] == 200


async def test_a_body_of_megabytes_is_refused_at_once(bot: BotServer, fake_slack: FakeSlack) -> None:
    body = b"text=" + b"9" * MEGABYTES
    began = time.perf_counter()
    status, _, _ = await bot.post(body, content_type=FORM)
    assert status == 413
    assert time.perf_counter() - began < 2
    assert fake_slack.calls == []
    await still_answers(bot)


async def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_sent(bot: BotServer) -> None:
    url = urlsplit(bot.url)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    head = f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: {50 * MEGABYTES}\r\n\r\n"
    writer.write(head.encode())
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), timeout=2)  # not one byte of the body was sent
    writer.close()
    assert status_line.split()[1] == b"413"
    await still_answers(bot)


async def test_a_chunked_body_of_megabytes_is_refused(bot: BotServer) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"text="
        for _ in range(MEGABYTES // 65536):
            yield b"9" * 65536

    body = b"".join([b"text="])  # only to sign something; the signature is never checked
    headers = {"Content-Type": FORM, **signed_headers(body)}
    began = time.perf_counter()
    async with bot.session.post(f"{bot.url}/slack/events", data=chunks(), headers=headers) as response:
        assert response.status == 413
    assert time.perf_counter() - began < 2
    await still_answers(bot)


async def test_a_body_just_within_the_limit_is_read(bot: BotServer) -> None:
    body = command_body("train " + "9" * (MAX_BODY - 400))
    assert len(body) <= MAX_BODY
    status, text = await bot.post_form(body)
    assert status == 200
    assert json.loads(text)["text"]  # a clear error about the number, not a refusal
