"""A slash command is answered as soon as its answer is made (no 10 ms ack poll); everything else keeps its work
after the ack off the request path."""

import asyncio
import time
from collections.abc import Iterator

import pytest

from tests.slack.conftest import BotServer
from tests.support.blocks import of_type
from tests.support.fake_slack import FakeSlack
from tests.support.signing import action_body, mention_body

# How often Bolt checks whether a listener running in its own task has acknowledged (asyncio_runner.py).
ACK_POLL_S = 0.01


@pytest.fixture
def ack_polls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Every `asyncio.sleep(0.01)` from here on: the sleeps of Bolt's ack poll."""
    polls: list[float] = []
    sleep = asyncio.sleep

    async def recording(delay: float, result: object = None) -> object:
        if delay == ACK_POLL_S:
            polls.append(delay)
        return await sleep(delay, result)

    monkeypatch.setattr(asyncio, "sleep", recording)
    yield polls


async def test_a_command_is_answered_without_waiting_for_the_ack_poll(bot: BotServer, ack_polls: list[float]) -> None:
    for text in ("train 175B 500B", "gpus", "train 7B gpu=NOPE"):
        assert (await bot.command(text))["text"]
    assert ack_polls == []


async def test_a_button_press_still_runs_after_bolt_s_ack(
    bot: BotServer, fake_slack: FakeSlack, ack_polls: list[float]
) -> None:
    (actions,) = of_type((await bot.command("train 175B 500B"))["blocks"], "actions")
    status, _ = await bot.post_form(
        action_body(actions["elements"][0]["value"], response_url=fake_slack.response_url())
    )
    assert status == 200
    await fake_slack.wait_for("response_url", 2)
    assert ack_polls  # the Share listener ran in Bolt's task, its ack awaited by the poll


async def test_a_slow_slack_does_not_hold_the_answer_to_a_mention(bot: BotServer, fake_slack: FakeSlack) -> None:
    fake_slack.delays["chat.postMessage"] = 2.0
    began = time.perf_counter()
    status, _ = await bot.post_json(mention_body("<@UBOT> train 7B"))
    assert status == 200
    assert time.perf_counter() - began < 1.0  # acknowledged before the reply is posted
    (reply,) = await fake_slack.wait_for("chat.postMessage", timeout=5)
    assert "7B" in reply.payload["text"]


async def test_web_api_calls_share_one_connection(bot: BotServer, fake_slack: FakeSlack) -> None:
    # A command (its route calls users.info for the asker's language, with the app's client), then a mention
    # (Bolt's authorization calls auth.test, its listener chat.postMessage, with Bolt's client for the request).
    assert (await bot.command("train 175B 500B"))["text"]
    assert (await bot.post_json(mention_body("<@UBOT> train 7B")))[0] == 200
    await fake_slack.wait_for("chat.postMessage")
    assert [call.method for call in fake_slack.calls] == ["users.info", "auth.test", "chat.postMessage"]
    assert len(set(fake_slack.peers)) == 1
