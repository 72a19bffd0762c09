"""`@llmcost <words>` in a channel: answered in the thread with chat.postMessage, once per event."""

import asyncio

import pytest

import bot.answer as answering
from tests.slack.conftest import BotServer
from tests.support.blocks import of_type, shown
from tests.support.fake_slack import FakeSlack, payload_json
from tests.support.signing import BOT_TOKEN, mention_body

RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}


async def test_a_mention_is_answered_in_its_thread(bot: BotServer, fake_slack: FakeSlack) -> None:
    status, _ = await bot.post_json(mention_body("<@UBOT> train 70B 1.4T gpu=H100", ts="1700000000.000100"))
    assert status == 200
    (call,) = await fake_slack.wait_for("chat.postMessage")
    message = payload_json(call)
    assert call.authorization == f"Bearer {BOT_TOKEN}"
    assert (message["channel"], message["thread_ts"]) == ("C123", "1700000000.000100")
    assert message["text"].startswith("Training a 70B-parameter model on 1.4T tokens\n≈ ")
    assert "H100" in shown(message)
    assert of_type(message["blocks"], "actions") == []  # public already: nothing to share


async def test_a_mention_inside_a_thread_answers_in_that_thread(bot: BotServer, fake_slack: FakeSlack) -> None:
    body = mention_body("train 175B 500B <@UBOT|llmcost>", ts="1700000009.000900", thread_ts="1700000000.000100")
    await bot.post_json(body)
    (call,) = await fake_slack.wait_for("chat.postMessage")
    assert call.payload["thread_ts"] == "1700000000.000100"
    assert "$1.06M at 100% of peak" in call.payload["text"]


async def test_a_retry_of_the_same_event_is_answered_once(bot: BotServer, fake_slack: FakeSlack) -> None:
    body = mention_body("<@UBOT> train 175B 500B", event_id="Ev42")
    assert (await bot.post_json(body))[0] == 200
    await fake_slack.wait_for("chat.postMessage")
    assert (await bot.post_json(body, headers=RETRY))[0] == 200
    assert (await bot.post_json(body, headers={**RETRY, "X-Slack-Retry-Num": "2"}))[0] == 200
    # A later, different event is answered: it proves the retries were dropped, not still on their way.
    await bot.post_json(mention_body("<@UBOT> gpus", event_id="Ev43"))
    first, second = await fake_slack.wait_for("chat.postMessage", 2)
    await asyncio.sleep(0.2)
    assert len(fake_slack.made("chat.postMessage")) == 2
    assert "$1.06M at 100% of peak" in first.payload["text"]
    assert second.payload["text"] == "GPU catalog: dense peaks and default prices"


async def test_a_retry_whose_first_delivery_was_lost_is_answered(bot: BotServer, fake_slack: FakeSlack) -> None:
    await bot.post_json(mention_body("<@UBOT> models", event_id="Ev77"), headers=RETRY)
    (call,) = await fake_slack.wait_for("chat.postMessage")
    assert call.payload["text"] == "Model presets"


async def test_bad_input_in_a_mention_names_the_word_and_cannot_ping_the_channel(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    await bot.post_json(mention_body("<@UBOT> train <!channel> 1T"))
    (call,) = await fake_slack.wait_for("chat.postMessage")
    message = payload_json(call)
    assert message["text"].startswith("`&lt;!channel&gt;` is neither a parameter count")
    assert "Try: `/llmcost train 70B 1T`" in message["text"]  # their command, a size for the word refused
    assert "<!channel>" not in shown(message)


async def test_auth_test_is_asked_once_and_with_the_bot_token(bot: BotServer, fake_slack: FakeSlack) -> None:
    await bot.post_json(mention_body("<@UBOT> help", event_id="Ev1"))
    await bot.post_json(mention_body("<@UBOT> help", event_id="Ev2"))
    await fake_slack.wait_for("chat.postMessage", 2)
    assert [call.authorization for call in fake_slack.made("auth.test")] == [f"Bearer {BOT_TOKEN}"]


async def test_an_unexpected_error_gets_an_apology_in_the_thread(
    bot: BotServer, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(command: object, today: object) -> None:
        raise RuntimeError("engine exploded")

    with monkeypatch.context() as patch:
        patch.setattr(answering, "evaluate", broken)
        await bot.post_json(mention_body("<@UBOT> train 175B 500B", event_id="Ev9", ts="1700000000.000300"))
        (call,) = await fake_slack.wait_for("chat.postMessage")
    assert call.payload["text"] == "Sorry, something went wrong on our side. The error was logged; please try again."
    assert call.payload["thread_ts"] == "1700000000.000300"
    (record,) = [r for r in caplog.records if r.name == "bot.slack.listeners.errors"]
    assert "event app_mention team=T123 user=U123 channel=C123" in record.getMessage()
    assert BOT_TOKEN not in caplog.text
