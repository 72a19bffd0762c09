"""Questions in people's own words, through the real server: a slash command, a mention and a direct message."""

import asyncio

from bot.slack.listeners.mentions import words_of_mention
from tests.slack.conftest import BotServer
from tests.support.blocks import of_type, shown
from tests.support.fake_slack import FakeSlack, payload_json
from tests.support.signing import mention_body, message_body

QUESTION = "how much to train llama 3 70b on 2T tokens with H100s?"
READ_AS = "train llama3-70b 2T gpu=H100"


async def test_a_question_as_a_slash_command_is_read_back_first_and_shared_as_its_command(bot: BotServer) -> None:
    answer = await bot.command(QUESTION)
    assert answer["text"].startswith(f"Read as `{READ_AS}`\nTraining Llama 3 70B on 2T tokens\n≈ $")
    first = answer["blocks"][0]
    assert first["type"] == "context"
    assert first["elements"][0]["text"].startswith(f"Read as `{READ_AS}`")
    (actions,) = of_type(answer["blocks"], "actions")
    share = next(element for element in actions["elements"] if element["type"] == "button")
    assert share["value"] == READ_AS  # Share and the menus re-run the command read, not the question
    assert actions["block_id"] == READ_AS


async def test_a_question_that_lacks_the_model_says_what_is_missing_with_its_own_numbers(bot: BotServer) -> None:
    answer = await bot.command("how much to train on 2T tokens with H100s")
    assert answer["text"] == (
        "Read as `train &lt;model&gt; 2T gpu=H100`\n"
        "Missing: a model size or name (like `70B` or `llama3.1-70b`).\n"
        "Try: `/llmcost train 70B 2T gpu=H100`"
    )


async def test_a_question_in_a_mention_is_answered_in_its_thread(bot: BotServer, fake_slack: FakeSlack) -> None:
    await bot.post_json(mention_body(f"<@UBOT> {QUESTION}", ts="1700000000.000700"))
    (call,) = await fake_slack.wait_for("chat.postMessage")
    message = payload_json(call)
    assert message["thread_ts"] == "1700000000.000700"
    assert message["text"].startswith(f"Read as `{READ_AS}`\nTraining Llama 3 70B")


async def test_a_chinese_question_by_direct_message_is_answered_in_chinese(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    status, _ = await bot.post_json(message_body("训练一个700亿参数模型 2万亿token 要多少钱", ts="1700000000.000800"))
    assert status == 200
    (call,) = await fake_slack.wait_for("chat.postMessage")
    message = payload_json(call)
    assert (message["channel"], message["thread_ts"]) == ("D123", "1700000000.000800")
    assert message["text"].startswith("理解为 `train 700亿 2万亿`\n训练 70B 参数模型，2T tokens\n≈ $")
    assert of_type(message["blocks"], "actions") == []


async def test_a_chinese_question_missing_its_model_is_refused_in_chinese(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    await bot.post_json(message_body("用H100训练 2万亿token 要多少钱"))
    (call,) = await fake_slack.wait_for("chat.postMessage")
    assert shown(payload_json(call)).startswith("理解为 `train &lt;model&gt; 2万亿 gpu=H100`\n缺少：模型规模或名称")
    assert "试试：`/llmcost train 700亿 2万亿 gpu=H100`" in call.payload["text"]


async def test_the_bots_own_messages_edits_and_channel_messages_are_not_questions(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    await bot.post_json(message_body("train 7B 1T", event_id="EvBot", bot_id="BBOT"))
    await bot.post_json(message_body("train 7B 1T", event_id="EvEdit", subtype="message_changed"))
    await bot.post_json(message_body("train 7B 1T", event_id="EvChannel", channel_type="channel"))
    # A later direct message is answered: it proves the others were dropped, not still on their way.
    await bot.post_json(message_body("gpus", event_id="EvLast"))
    (call,) = await fake_slack.wait_for("chat.postMessage")
    await asyncio.sleep(0.2)
    assert len(fake_slack.made("chat.postMessage")) == 1
    assert call.payload["text"] == "GPU catalog: dense peaks and default prices"


def test_a_leading_mention_is_stripped_even_before_the_bots_own_id_is_known() -> None:
    assert words_of_mention("<@U0BOTNEW> how much to train 7B?", None) == "how much to train 7B?"
    assert words_of_mention("<@U0BOTNEW|llmcost>  训练 7B", None) == "训练 7B"
    # Anyone else's mention further on is the person's words (the reader ignores it, and says so).
    assert words_of_mention("train 7B with <@U0ADA>", None) == "train 7B with <@U0ADA>"
