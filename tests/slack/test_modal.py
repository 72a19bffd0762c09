"""Bare `/llmcost` opens the estimate form; submitting it answers privately in the channel it was opened from, and
bad input comes back as errors beside the field at fault."""

import json
from typing import Any

import pytest
from slack_sdk.models.views import View

from bot.render.views import modal_view
from tests.slack.conftest import BotServer
from tests.slack.test_blocks import passes_block_kit, select_limits_hold, slack_limits_hold
from tests.support.blocks import shown
from tests.support.fake_slack import FakeSlack, payload_json
from tests.support.interactions import menus_of, submission_body
from tests.support.signing import command_body


def passes_view_checks(view: dict[str, Any]) -> None:
    """slack_sdk's View model, its exact round trip (unknown keys are dropped silently), and Slack's view limits."""
    parsed = View(**view)
    parsed.validate_json()
    assert parsed.to_dict() == view
    assert len(view["blocks"]) <= 100
    for block in view["blocks"]:
        element = block.get("element", {})
        if element.get("type") == "static_select":
            select_limits_hold(element)


async def open_form(bot: BotServer, fake_slack: FakeSlack, text: str = "") -> dict[str, Any]:
    """The view `/llmcost <text>` opened with views.open, after checking the command's trigger_id was used."""
    body = command_body(text)
    status, acked = await bot.post_form(body)
    assert (status, acked) == (200, "")  # an empty ack: no message besides the form
    (call,) = await fake_slack.wait_for("views.open")
    sent_trigger = dict(pair.split("=") for pair in body.decode().split("&"))["trigger_id"]
    assert call.payload["trigger_id"] == sent_trigger
    view = call.payload["view"]
    passes_view_checks(view)
    return view


async def submit(bot: BotServer, view: dict[str, Any], given: dict[str, str]) -> dict[str, Any] | None:
    """The acknowledgement of submitting the form: None when empty (the form closes), else the response_action."""
    status, acked = await bot.post_form(submission_body(view, given))
    assert status == 200, acked
    return json.loads(acked) if acked else None


@pytest.mark.parametrize("text", ["", "   "])
async def test_bare_command_opens_the_form(bot: BotServer, fake_slack: FakeSlack, text: str) -> None:
    view = await open_form(bot, fake_slack, text)
    assert (view["type"], view["callback_id"], view["private_metadata"]) == ("modal", "llmcost_estimate", "C123")
    assert view["title"]["text"] == "llmcost estimate"
    inputs = [block for block in view["blocks"] if block["type"] == "input"]
    assert [block["block_id"] for block in inputs] == [
        "kind",
        "params",
        "tokens",
        "gpu",
        "price",
        "mfu",
        "gpus",
        "days",
    ]
    # A rental names no model: only the job is required; the grammar asks training and serving for their model.
    assert [block.get("optional", False) for block in inputs] == [False, True, True, True, True, True, True, True]
    assert [option["value"] for option in inputs[0]["element"]["options"]] == ["train", "infer", "rent"]
    assert inputs[3]["element"]["options"][2]["value"] == "H100-SXM"


async def test_help_still_answers_with_help(bot: BotServer, fake_slack: FakeSlack) -> None:
    assert (await bot.command("help"))["text"] == "llmcost: what it costs to train or serve a language model"
    assert fake_slack.made("views.open") == []


async def test_the_form_speaks_the_readers_language(bot: BotServer, fake_slack: FakeSlack) -> None:
    fake_slack.users["U123"] = {"locale": "zh-CN"}
    view = await open_form(bot, fake_slack)
    assert view["title"]["text"] == "llmcost 估算"
    assert view["blocks"][1]["element"]["options"][0]["text"]["text"] == "训练"


async def test_a_filled_form_posts_the_estimate_privately_where_it_was_opened(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    view = await open_form(bot, fake_slack)
    acked = await submit(bot, view, {"params": "175B", "tokens": "500B", "gpu": "H100-SXM", "gpus": "1024"})
    assert acked is None
    (call,) = await fake_slack.wait_for("chat.postEphemeral")
    posted = payload_json(call)
    assert (posted["channel"], posted["user"]) == ("C123", "U123")
    assert "≈ $2.25M at 27.1% MFU" in posted["text"]
    assert "gpus=1024" in shown(posted)
    slack_limits_hold(posted["text"], posted["blocks"])
    passes_block_kit(posted["blocks"])
    # The estimate carries the Share button and the menus, on the words the form made.
    block, menus = menus_of(posted)
    assert block["block_id"] == "train 175B 500B gpu=H100-SXM gpus=1024"
    assert set(menus) == {"choose_gpu", "choose_mfu"}


async def test_serving_reads_tokens_per_request_and_gpus_as_cards(bot: BotServer, fake_slack: FakeSlack) -> None:
    view = await open_form(bot, fake_slack)
    given = {"kind": "infer", "params": "70B", "tokens": "2000", "gpu": "H100-SXM", "mfu": "40%", "gpus": "2"}
    assert await submit(bot, view, given) is None
    (call,) = await fake_slack.wait_for("chat.postEphemeral")
    posted = payload_json(call)
    assert menus_of(posted)[0]["block_id"] == "infer 70B tokens=2000 gpu=H100-SXM mfu=40% cards=2"
    assert "Serving a 70B-parameter model" in posted["text"]


async def test_renting_from_the_form_answers_privately_with_the_share_button_and_the_gpu_menu(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    view = await open_form(bot, fake_slack)
    given = {"kind": "rent", "gpu": "H100-SXM", "gpus": "64", "days": "21"}
    assert await submit(bot, view, given) is None
    (call,) = await fake_slack.wait_for("chat.postEphemeral")
    posted = payload_json(call)
    assert (posted["channel"], posted["user"]) == ("C123", "U123")
    # 64 GPUs × 504 h × $3.99 (the H100's on-demand median) = $128,701.44.
    assert posted["text"].startswith("Renting 64 × H100-SXM for 21 days: ≈ $129K")
    assert "= $128,701" in shown(posted)
    slack_limits_hold(posted["text"], posted["blocks"])
    passes_block_kit(posted["blocks"])
    block, menus = menus_of(posted)
    assert block["block_id"] == "rent gpu=H100-SXM gpus=64 days=21"
    assert [element["action_id"] for element in block["elements"]] == ["share_in_channel", "choose_gpu"]
    assert block["elements"][0]["value"] == "rent gpu=H100-SXM gpus=64 days=21"
    assert menus["choose_gpu"]["initial_option"]["value"] == "H100-SXM"


async def test_the_days_field_sets_a_training_runs_deadline(bot: BotServer, fake_slack: FakeSlack) -> None:
    view = await open_form(bot, fake_slack)
    assert await submit(bot, view, {"params": "175B", "tokens": "500B", "gpu": "H100-SXM", "days": "30"}) is None
    (call,) = await fake_slack.wait_for("chat.postEphemeral")
    assert menus_of(payload_json(call))[0]["block_id"] == "train 175B 500B gpu=H100-SXM days=30"


@pytest.mark.parametrize(
    ("given", "field", "says"),
    [
        ({"kind": "rent", "params": "175B"}, "params", "175B: no such GPU in the catalog"),
        ({"kind": "rent", "tokens": "500B"}, "tokens", "tokens=500B: there is no option tokens here"),
        ({"kind": "rent", "mfu": "40%"}, "mfu", "mfu=40%: there is no option mfu here"),
        ({"kind": "rent", "gpus": "64", "days": "0"}, "days", "days=0 is out of range"),
        ({"kind": "rent", "gpu": "H20"}, "gpu", "There is no public price for H20"),
        ({"kind": "train"}, "params", "train needs the model size"),
        ({"kind": "infer", "params": "70B", "days": "3"}, "days", "days=3: there is no option days here"),
    ],
)
async def test_a_rental_or_a_missing_model_is_refused_beside_its_field(
    bot: BotServer, fake_slack: FakeSlack, given: dict[str, str], field: str, says: str
) -> None:
    view = await open_form(bot, fake_slack)
    acked = await submit(bot, view, given)
    assert acked is not None and acked["response_action"] == "errors"
    assert list(acked["errors"]) == [field]
    assert acked["errors"][field].startswith(says)
    assert fake_slack.made("chat.postEphemeral") == []


@pytest.mark.parametrize(
    ("given", "field", "says"),
    [
        ({"params": "lots"}, "params", "lots is neither a parameter count"),
        ({"params": "175B", "tokens": "many"}, "tokens", "many is not a token count"),
        ({"params": "175B", "price": "cheap"}, "price", "price=cheap is not a valid price"),
        ({"params": "175B", "mfu": "300%"}, "mfu", "mfu=300% is out of range"),
        ({"params": "175B", "gpus": "1.5"}, "gpus", "gpus=1.5 is not a valid gpus"),
        ({"params": "1"}, "params", "1 is out of range"),
        ({"params": "175B", "gpu": "H20"}, "gpu", "There is no public price for H20"),
        ({"params": "175 B", "tokens": " 500 B "}, None, ""),  # spaces inside a field are forgiven
    ],
)
async def test_bad_input_is_shown_beside_its_field(
    bot: BotServer, fake_slack: FakeSlack, given: dict[str, str], field: str | None, says: str
) -> None:
    view = await open_form(bot, fake_slack)
    acked = await submit(bot, view, given)
    if field is None:
        assert acked is None
        await fake_slack.wait_for("chat.postEphemeral")
        return
    assert acked is not None
    assert acked["response_action"] == "errors"
    assert list(acked["errors"]) == [field]
    assert acked["errors"][field].startswith(says)
    assert fake_slack.made("chat.postEphemeral") == []


async def test_errors_speak_the_readers_language(bot: BotServer, fake_slack: FakeSlack) -> None:
    fake_slack.users["U123"] = {"locale": "zh-CN"}
    view = await open_form(bot, fake_slack)
    acked = await submit(bot, view, {"params": "175B", "price": "cheap"})
    assert acked is not None
    assert acked["errors"]["price"].startswith("price=cheap 不是")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_form_is_a_valid_view_in_both_languages(lang: str) -> None:
    view = modal_view(lang, "C0123456789")
    passes_view_checks(view)
    assert len(view["title"]["text"]) <= 24
    assert all(len(view[key]["text"]) <= 24 for key in ("submit", "close"))
