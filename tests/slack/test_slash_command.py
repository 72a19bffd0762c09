"""`/llmcost <words>`: the answer is the acknowledgement itself, private, in Block Kit, with a text fallback."""

import logging

import pytest

import bot.answer as answering
from tests.slack.conftest import BotServer
from tests.support.blocks import of_type, shown, texts
from tests.support.fake_slack import FakeSlack
from tests.support.signing import BOT_TOKEN, SIGNING_SECRET

REPRODUCE = "train 175B 500B gpu=A100-80GB-SXM precision=bf16 mfu=33.5% price=2.2659 discount=0% currency=USD pue=1.1"


async def test_an_estimate_is_answered_privately_inside_the_ack(bot: BotServer, fake_slack: FakeSlack) -> None:
    answer = await bot.command("train 175B 500B")
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("Training a 175B-parameter model on 500B tokens\n≈ $3.28M at 33.5% MFU")
    assert "$1.06M at 100% of peak" in answer["text"]
    blocks = answer["blocks"]
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Training a 175B-parameter model on 500B tokens"},
    }
    assert "$3.28M at 33.5% MFU" in blocks[1]["text"]["text"]
    assert "$1.06M at 100% of peak" in blocks[1]["text"]["text"]
    assert fake_slack.made("chat.postMessage") == []  # no second round trip


async def test_the_fields_give_flops_gpu_hours_wall_clock_and_cost(bot: BotServer) -> None:
    answer = await bot.command("train 175B 500B gpus=1024")
    fields = next(block["fields"] for block in answer["blocks"] if "fields" in block)
    by_label = {field["text"].split("\n")[0]: field["text"].split("\n", 1)[1] for field in fields}
    assert by_label["*FLOPs*"] == "5.25e23 (6 × 175B × 500B)"
    # At Ampere's 33.5% and goodput 96.53% on 1,024 GPUs (the failures have their own field)
    assert by_label["*GPU-hours*"] == "1,445,431 at 33.5% MFU · 467,415 at peak"
    assert by_label["*Wall-clock*"] == "58.8 days on 1,024 GPUs (19.0 days at peak)"
    assert by_label["*Failures and restarts*"].startswith("goodput 96.5% on 1,024 GPUs: +50,164 GPU-hours")
    assert by_label["*Cost*"] == "$3,275,202 at 33.5% MFU · $1,059,115 at peak"


async def test_every_assumption_is_shown_with_its_source(bot: BotServer) -> None:
    answer = await bot.command("train 175B 500B discount=5折 currency=CNY")
    context = "\n".join(texts(of_type(answer["blocks"], "context")[0]))
    assert "*GPU*: NVIDIA A100 80GB SXM, bf16, 312 TFLOPS dense peak — NVIDIA A100 datasheet" in context
    assert "*MFU*: 33.5%, median of 29 published Ampere runs (productive time; 23%–50.8% is their" in context
    assert "*Price*: $2.2659 per GPU-hour, 3-year commitment: the seed document's figure, undated" in context
    assert "*Discount*: 50% off (pay 50%)" in context
    assert "*Currency*: CNY at 7.1 per USD" in context
    assert "¥3.76M at 100% of peak" in answer["text"]


async def test_the_reproducing_command_is_there_to_copy_and_gives_the_same_answer(bot: BotServer) -> None:
    answer = await bot.command("train 175B 500B")
    assert f"```/llmcost {REPRODUCE}```" in shown(answer)
    again = await bot.command(REPRODUCE)
    assert again["blocks"][2] == answer["blocks"][2]  # the same figures (the MFU is now "yours", not Ampere's)


async def test_an_estimate_carries_a_share_button_with_its_words(bot: BotServer) -> None:
    answer = await bot.command("  train   gpt3  lang=zh ")
    (actions,) = of_type(answer["blocks"], "actions")
    button, *menus = actions["elements"]  # then the GPU and MFU menus: tests/slack/test_controls.py
    assert (button["action_id"], button["value"]) == ("share_in_channel", "train gpt3 lang=zh")
    assert [menu["action_id"] for menu in menus] == ["choose_gpu", "choose_mfu"]
    assert button["text"]["text"] == "分享到频道"


async def test_a_comparison_shows_its_charts_in_code_blocks_and_can_be_shared(bot: BotServer) -> None:
    answer = await bot.command("compare train 175B 500B gpu=A100,H100")
    assert answer["text"].startswith(
        "Training a 175B-parameter model on 500B tokens, across 2 GPUs\nH100-SXM is both the cheapest ($2.25M)"
    )
    charts = [text for block in of_type(answer["blocks"], "section") for text in texts(block) if "```" in text]
    assert charts[0].startswith("*Cost at each generation's median MFU*\n```")
    # On-demand, as every GPU in a comparison: the same 1,449,182 A100-hours as at the seed's price, × $2.7.
    assert "A100-80GB-SXM ████" in charts[0] and "$3.91M" in charts[0]
    assert "*A100-80GB-SXM*: $3,912,790 · 1.45M GPU-h" in shown(answer)
    assert charts[-1].startswith("*Reproduce*\n```/llmcost compare train 175B 500B")
    (actions,) = of_type(answer["blocks"], "actions")
    assert actions["elements"][0]["value"] == "compare train 175B 500B gpu=A100,H100"


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("help", "llmcost: what it costs to train or serve a language model", "`help train`"),
        ("help", "llmcost: what it costs to train or serve a language model", "`sweep infer 70B gpu=H100`"),
        (
            "help infer",
            "llmcost: what it costs to train or serve a language model",
            "`batch=max` (the default) is the most that fit",
        ),
        ("gpus", "GPU catalog: dense peaks and default prices", "$2.2659/h 3-year commitment, the seed document"),
        ("models", "Model presets", "gpt3: GPT-3"),
        ("prices H100", "H100-SXM: 25 offers, $ per GPU-hour", "2026-11-09 ← the default — "),
        ("prices", "GPU prices: offers per basis, dated and sourced", "H100-SXM: default $3.99/h on-demand"),
        ("api llama3.1-70b", "llama3.1-70b: 7 API prices, $ per 1M tokens", "DeepInfra: $0.1 in · $0.28 out"),
    ],
)
async def test_help_and_listings(bot: BotServer, text: str, title: str, expected: str) -> None:
    answer = await bot.command(text)
    assert answer["response_type"] == "ephemeral"
    assert answer["text"] == title
    assert answer["blocks"][0]["text"]["text"] == title
    assert expected in shown(answer)
    assert of_type(answer["blocks"], "actions") == []  # nothing to share


async def test_serving_a_priced_model_charts_hosting_against_the_api_band(bot: BotServer) -> None:
    answer = await bot.command("infer llama3.1-70b batch=128 gpu=H100 input=800 output=200")
    charts = [text for block in of_type(answer["blocks"], "section") for text in texts(block) if "```" in text]
    heading = "*$ per 1M tokens (800 in, 200 out): hosted at a share of capacity vs the APIs*\n```"
    assert charts[0].startswith(heading)
    assert "hosted, 100%" in charts[0] and "API, median" in charts[0]
    assert "*Self-host or buy*" in shown(answer)


async def test_bad_input_names_the_bad_word_and_shows_a_working_example(bot: BotServer) -> None:
    answer = await bot.command("train 7B 1T gpu=NOPE")
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("`gpu=NOPE`: no such GPU in the catalog")
    assert "Try: `/llmcost train 7B 1T`" in answer["text"]  # their command without the GPU the catalog lacks
    assert "`gpu=NOPE`" in answer["blocks"][0]["text"]["text"]
    example = answer["text"].split("`/llmcost ")[1].rstrip("`")
    assert (await bot.command(example))["text"].startswith("Training a 7B-parameter model")


async def test_a_suggestion_for_a_near_miss(bot: BotServer) -> None:
    answer = await bot.command("helo")  # not a word the reader knows: the grammar's suggestion
    assert "I don't know the command `helo`. Did you mean `help`?" in answer["text"]
    typo = await bot.command("trian 7B")  # a near miss with a size: read, and the reading says so
    assert typo["text"].startswith("Read as `train 7B`\nTraining a 7B-parameter model")
    assert "`trian` read as `train`." in shown(typo)


async def test_an_unexpected_error_is_logged_with_context_and_the_user_gets_an_apology(
    bot: BotServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(command: object, today: object) -> None:
        raise RuntimeError("engine exploded")

    with monkeypatch.context() as patch, caplog.at_level(logging.INFO):
        patch.setattr(answering, "evaluate", broken)
        answer = await bot.command("train 175B 500B", user="U777")
    assert answer == {
        "response_type": "ephemeral",
        "text": "Sorry, something went wrong on our side. The error was logged; please try again.",
    }
    (record,) = [r for r in caplog.records if r.name == "bot.slack.listeners.errors"]
    logged = caplog.text
    assert "command /llmcost" in record.getMessage()
    assert "team=T123 user=U777 channel=C123 words='train 175B 500B'" in record.getMessage()
    assert record.exc_info is not None and "engine exploded" in str(record.exc_info[1])
    for secret in (BOT_TOKEN, SIGNING_SECRET, "legacy-verification-token"):
        assert secret not in logged

    assert "$1.06M at 100% of peak" in (await bot.command("train 175B 500B"))["text"]  # the server stayed up


async def test_a_command_with_the_word_payload_is_answered(bot: BotServer) -> None:
    """Bolt reads any form body holding "payload" as an interactive payload; this one is a slash command."""
    answer = await bot.command("what is the payload of train 7B")
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("Read as `train 7B`")
