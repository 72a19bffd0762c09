"""The Share button: the same estimate posted for everyone, naming who shared it; the private copy removed."""

import json

import pytest

import bot.answer as answering
from tests.slack.conftest import BotServer
from tests.support.blocks import of_type, shown
from tests.support.fake_slack import FakeSlack, payload_json
from tests.support.signing import action_body


async def press_share(bot: BotServer, fake_slack: FakeSlack, words: str) -> tuple[dict, list[dict]]:
    """The private answer to `/llmcost <words>`, and what pressing its Share button sent to the response_url."""
    private = await bot.command(words)
    (actions,) = of_type(private["blocks"], "actions")
    value = actions["elements"][0]["value"]
    status, body = await bot.post_form(action_body(value, response_url=fake_slack.response_url()))
    assert (status, body) == (200, "")
    sent = await fake_slack.wait_for("response_url", 2)
    return private, [payload_json(call) for call in sent]


async def test_share_posts_the_same_estimate_in_channel_then_deletes_the_private_copy(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    private, (public, delete) = await press_share(bot, fake_slack, "train 175B 500B")
    assert public["response_type"] == "in_channel"
    assert public["replace_original"] is False
    assert public["text"] == private["text"]
    assert "$1.06M at 100% of peak" in public["text"]
    assert public["blocks"][:6] == private["blocks"][:6]  # header, answer, fields, assumptions, notes, command
    assert delete == {"text": "", "delete_original": True}


async def test_the_shared_copy_names_who_shared_it_and_has_no_button(bot: BotServer, fake_slack: FakeSlack) -> None:
    _, (public, _) = await press_share(bot, fake_slack, "infer 70B batch=32 gpu=H100")
    assert of_type(public["blocks"], "actions") == []
    last = public["blocks"][-1]
    assert last["type"] == "context"
    assert last["elements"][0]["text"] == "Shared by <@U123>"
    assert "Serving a 70B-parameter model" in public["text"]


async def test_a_rental_is_shared_as_an_estimate_is(bot: BotServer, fake_slack: FakeSlack) -> None:
    private, (public, delete) = await press_share(bot, fake_slack, "rent H100 gpus=64 days=21")
    assert public["response_type"] == "in_channel"
    assert public["text"] == private["text"]
    assert public["text"].startswith("Renting 64 × H100-SXM for 21 days: ≈ $129K")
    assert of_type(public["blocks"], "actions") == []  # no menu to change a message everyone sees
    assert public["blocks"][-1]["elements"][0]["text"] == "Shared by <@U123>"
    assert delete == {"text": "", "delete_original": True}


async def test_sharing_keeps_a_presets_name_and_the_language(bot: BotServer, fake_slack: FakeSlack) -> None:
    private, (public, _) = await press_share(bot, fake_slack, "train gpt3 lang=zh")
    assert public["text"] == private["text"]
    assert public["text"].startswith("训练 GPT-3 175B，500B tokens")
    assert "由 <@U123> 分享" in shown(public)


async def test_no_token_is_sent_to_the_response_url(bot: BotServer, fake_slack: FakeSlack) -> None:
    await press_share(bot, fake_slack, "train 175B 500B")
    # response_url needs no token: none is sent, so none can leak to whatever URL a payload names.
    assert [call.authorization for call in fake_slack.made("response_url")] == [None, None]
    assert json.dumps([call.payload for call in fake_slack.calls]).count("xoxb-") == 0


async def test_an_unexpected_error_on_share_gets_a_private_apology(
    bot: BotServer, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(command: object, today: object) -> None:
        raise RuntimeError("engine exploded")

    with monkeypatch.context() as patch:
        patch.setattr(answering, "evaluate", broken)
        status, _ = await bot.post_form(action_body("train 175B 500B", response_url=fake_slack.response_url()))
        (call,) = await fake_slack.wait_for("response_url")
    assert status == 500  # Slack marks the button as failed; the apology says more
    assert call.payload == {
        "text": "Sorry, something went wrong on our side. The error was logged; please try again.",
        "response_type": "ephemeral",
        "replace_original": False,
    }
    (record,) = [r for r in caplog.records if r.name == "bot.slack.listeners.errors"]
    assert "block_actions team=T123 user=U123 channel=C123 words='train 175B 500B'" in record.getMessage()
