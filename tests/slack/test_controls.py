"""The GPU and MFU menus under a private estimate, used as Slack would: a signed block_actions payload built from
the message the bot sent, answered by replacing that message through the response_url."""

from typing import Any

import pytest

from bot.answer import reply_to
from bot.render.blocks import render_blocks
from bot.wording.report import Failure
from calc.gpus import CATALOG
from tests.slack.conftest import BotServer
from tests.slack.test_blocks import passes_block_kit, slack_limits_hold
from tests.support import TODAY
from tests.support.blocks import of_type, shown
from tests.support.fake_slack import FakeSlack, payload_json
from tests.support.interactions import choice_body, menus_of

GPU, MFU = "choose_gpu", "choose_mfu"


async def choose(
    bot: BotServer, fake_slack: FakeSlack, message: dict[str, Any], action_id: str, value: str
) -> dict[str, Any]:
    """Pick `value` in a menu of `message`; what replaced the message, checked against Slack's rules."""
    before = len(fake_slack.made("response_url"))
    body = choice_body(message, action_id, value, response_url=fake_slack.response_url())
    status, text = await bot.post_form(body)
    assert (status, text) == (200, "")
    replaced = payload_json((await fake_slack.wait_for("response_url", before + 1))[-1])
    assert replaced["replace_original"] is True
    assert replaced["response_type"] == "ephemeral"
    slack_limits_hold(replaced["text"], replaced["blocks"])
    passes_block_kit(replaced["blocks"])
    return replaced


def chosen(message: dict[str, Any], action_id: str) -> str | None:
    menu = menus_of(message)[1][action_id]
    return menu["initial_option"]["value"] if "initial_option" in menu else None


async def test_an_estimate_offers_every_catalog_gpu_and_the_mfus_preselecting_those_in_use(bot: BotServer) -> None:
    message = await bot.command("train 175B 500B")
    block, menus = menus_of(message)
    assert block["block_id"] == "train 175B 500B"
    assert [element["action_id"] for element in block["elements"]] == ["share_in_channel", GPU, MFU]
    assert [option["value"] for option in menus[GPU]["options"]] == [gpu.id for gpu in CATALOG]
    assert menus[GPU]["options"][2]["text"]["text"] == "H100-SXM · $3.99/h"
    # The default, Ampere's published median, takes its place among the four fixed choices
    assert [option["value"] for option in menus[MFU]["options"]] == ["25%", "33.5%", "35%", "50%", "100%"]
    assert (chosen(message, GPU), chosen(message, MFU)) == ("A100-80GB-SXM", "33.5%")


async def test_picking_a_gpu_recomputes_in_place_on_it(bot: BotServer, fake_slack: FakeSlack) -> None:
    message = await bot.command("train 175B 500B")
    assert "$3.28M at 33.5% MFU" in message["text"]
    replaced = await choose(bot, fake_slack, message, GPU, "H100-SXM")
    assert "≈ $2.25M at 27.1% MFU (Hopper median" in replaced["text"]  # the H100's own generation default
    assert "NVIDIA H100 SXM 80GB" in shown(replaced)
    assert (chosen(replaced, GPU), chosen(replaced, MFU)) == ("H100-SXM", "27.1%")
    block, _ = menus_of(replaced)
    assert block["block_id"] == "train 175B 500B gpu=H100-SXM"
    share = block["elements"][0]
    assert (share["action_id"], share["value"]) == ("share_in_channel", "train 175B 500B gpu=H100-SXM")


async def test_every_other_parameter_is_kept(bot: BotServer, fake_slack: FakeSlack) -> None:
    message = await bot.command("train 175B 500B gpu=A100 gpus=1024 discount=50%")
    replaced = await choose(bot, fake_slack, message, GPU, "H100-SXM")
    assert "≈ $1.12M at 27.1% MFU" in replaced["text"]
    reproduce = "/llmcost train 175B 500B gpu=H100-SXM precision=bf16 mfu=27.1% price=3.99 discount=50% currency=USD"
    assert f"{reproduce} gpus=1024" in shown(replaced)


async def test_picking_an_mfu_after_a_gpu_keeps_the_gpu(bot: BotServer, fake_slack: FakeSlack) -> None:
    message = await bot.command("train 175B 500B")
    on_h100 = await choose(bot, fake_slack, message, GPU, "H100-SXM")
    at_half = await choose(bot, fake_slack, on_h100, MFU, "50%")
    assert "≈ $1.22M at 50% MFU" in at_half["text"]
    assert (chosen(at_half, GPU), chosen(at_half, MFU)) == ("H100-SXM", "50%")
    at_peak = await choose(bot, fake_slack, at_half, MFU, "100%")
    assert "at 100% MFU" in at_peak["text"]
    assert menus_of(at_peak)[0]["block_id"] == "train 175B 500B gpu=H100-SXM mfu=100%"


async def test_a_preset_and_the_language_survive_a_choice(bot: BotServer, fake_slack: FakeSlack) -> None:
    message = await bot.command("训练 gpt3 lang=zh")
    replaced = await choose(bot, fake_slack, message, GPU, "H100-SXM")
    assert replaced["text"].startswith("训练 GPT-3 175B，500B tokens\n≈ $2.25M（MFU 27.1%")
    assert menus_of(replaced)[1][GPU]["placeholder"]["text"] == "换一款 GPU"


async def test_a_gpu_without_a_price_gives_the_error_and_keeps_the_menus(bot: BotServer, fake_slack: FakeSlack) -> None:
    message = await bot.command("train 175B 500B")
    failed = await choose(bot, fake_slack, message, GPU, "H20")
    assert failed["text"].startswith("There is no public price for H20 in the catalog: add `price=`")
    block, _ = menus_of(failed)
    assert [element["type"] for element in block["elements"]] == ["static_select", "static_select"]  # nothing to share
    assert block["block_id"] == "train 175B 500B gpu=H20"
    recovered = await choose(bot, fake_slack, failed, GPU, "H100-SXM")
    assert "≈ $2.25M at 27.1% MFU" in recovered["text"]


async def test_a_comparison_offers_the_mfu_only(bot: BotServer, fake_slack: FakeSlack) -> None:
    message = await bot.command("compare train 175B 500B gpu=A100,H100")
    assert set(menus_of(message)[1]) == {MFU}
    replaced = await choose(bot, fake_slack, message, MFU, "50%")
    assert replaced["text"].startswith(
        "Training a 175B-parameter model on 500B tokens, across 2 GPUs\nH100-SXM is both"
    )
    assert "($1.22M)" in replaced["text"]
    assert chosen(replaced, MFU) == "50%"


async def test_an_inference_estimate_preselects_its_own_mfu(bot: BotServer, fake_slack: FakeSlack) -> None:
    # One card, so the default MFU is the one-GPU 60% (tensor parallelism would lower it), against FP8's peak
    # 60% x (1978.9 / 989.4)^(0.7 − 1) = 48.7344%.
    message = await bot.command("infer 70B batch=32 gpu=H100 precision=fp8 cards=1")
    assert (chosen(message, GPU), chosen(message, MFU)) == ("H100-SXM", "48.7344%")
    replaced = await choose(bot, fake_slack, message, GPU, "L40S")
    assert "Serving a 70B-parameter model" in replaced["text"]
    assert chosen(replaced, GPU) == "L40S"


async def test_a_rental_offers_the_gpu_menu_and_picking_one_rents_that_gpu_instead(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    message = await bot.command("rent H100 gpus=64 days=21")
    assert message["text"].startswith("Renting 64 × H100-SXM for 21 days: ≈ $129K")
    block, menus = menus_of(message)
    assert block["block_id"] == "rent H100 gpus=64 days=21"
    assert [element["action_id"] for element in block["elements"]] == ["share_in_channel", GPU]  # no MFU to rent
    assert [option["value"] for option in menus[GPU]["options"]] == [gpu.id for gpu in CATALOG]
    assert chosen(message, GPU) == "H100-SXM"
    replaced = await choose(bot, fake_slack, message, GPU, "B200-HGX")
    # 64 × 504 h × $6.99 (the B200's on-demand median, Lambda) = $225,463.68: the GPU named first gave way.
    assert replaced["text"].startswith("Renting 64 × B200-HGX for 21 days: ≈ $225K")
    assert menus_of(replaced)[0]["block_id"] == "rent gpus=64 days=21 gpu=B200-HGX"
    assert chosen(replaced, GPU) == "B200-HGX"


async def test_a_rental_moved_to_a_gpu_without_a_price_keeps_the_gpu_menu_alone(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    message = await bot.command("rent H100 gpus=8 days=30")
    failed = await choose(bot, fake_slack, message, GPU, "H20")
    assert failed["text"].startswith("There is no public price for H20 in the catalog: add `price=`")
    block, menus = menus_of(failed)
    assert set(menus) == {GPU}  # a rental has no MFU to pick, before the failure or after it
    assert block["block_id"] == "rent gpus=8 days=30 gpu=H20"
    recovered = await choose(bot, fake_slack, failed, GPU, "H200-SXM")
    # 8 × 720 h × $4.59 (the H200's on-demand median) = $26,438.40
    assert recovered["text"].startswith("Renting 8 × H200-SXM for 30 days: ≈ $26.4K")


async def test_a_rental_across_gpus_offers_share_but_no_menu(bot: BotServer) -> None:
    message = await bot.command("rent gpu=H100,B200 gpus=8 days=30")
    (actions,) = of_type(message["blocks"], "actions")
    assert [element["action_id"] for element in actions["elements"]] == ["share_in_channel"]


@pytest.mark.parametrize("text", ["train 175B 500B <!channel>", "how much to train on H100?", "help", "gpus"])
async def test_no_menus_where_a_choice_means_nothing(bot: BotServer, text: str) -> None:
    message = await bot.command(text)
    assert all(
        element["type"] == "button" for block in of_type(message["blocks"], "actions") for element in block["elements"]
    )


def test_words_longer_than_a_block_id_holds_keep_the_message_valid() -> None:
    """A 1,900-character command: Share still re-runs it; the menus, which carry the words in a block_id of at most
    255 characters, are left out rather than cut (cut words would answer something else)."""
    words = "train 175B 500B " + " ".join(["lang=en"] * 235)
    assert 1890 <= len(words) <= 1900
    reply = reply_to(words, TODAY)
    text, blocks = render_blocks(reply, share=words, controls=words)
    slack_limits_hold(text, blocks)
    passes_block_kit(blocks)
    (actions,) = of_type(blocks, "actions")
    assert [element["action_id"] for element in actions["elements"]] == ["share_in_channel"]
    assert actions["elements"][0]["value"] == words
    failure_text, failure_blocks = render_blocks(Failure(message="no", example="help"), controls=words)
    assert of_type(failure_blocks, "actions") == []
    slack_limits_hold(failure_text, failure_blocks)
