"""Team defaults through Slack: who may set them, estimates that apply and name them, workspaces kept apart."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import Config
from bot.render.escape import mention
from tests.slack.conftest import BotServer, serving
from tests.support.blocks import shown
from tests.support.fake_slack import FakeSlack, payload_json
from tests.support.signing import action_body, mention_body

ADMIN, OWNER, MEMBER, OPERATOR = "U0ADMIN", "U0OWNER", "U0MEMBER", "U0OPERATOR"
REFUSAL = (
    "Only workspace admins and owners, and the people the app's LLMCOST_ADMINS names (<@U0OPERATOR>), "
    "can change team defaults. Anyone can see them with `settings`."
)


@pytest.fixture
def settings(settings: Config) -> Config:
    return settings.model_copy(update={"llmcost_admins": (OPERATOR,)})


@pytest.fixture(autouse=True)
def people(fake_slack: FakeSlack) -> None:
    fake_slack.users[ADMIN] = {"is_admin": True}
    fake_slack.users[OWNER] = {"is_owner": True, "is_primary_owner": True}


def today() -> str:
    return datetime.now(UTC).date().isoformat()


async def test_an_admin_sets_and_every_estimate_says_whose_price_it_uses(bot: BotServer) -> None:
    saved = await bot.command("set price H100 1.85", user=ADMIN)
    assert saved["text"].startswith("Saved for this workspace: price on H100-SXM = $1.85 per GPU-hour.")
    await bot.command("set gpu H100", user=OWNER)

    estimate = await bot.command("train 175B 500B", user=MEMBER)
    assert f"$1.85 per GPU-hour, team price, set by <@{ADMIN}> on {today()}" in shown(estimate)
    assert "NVIDIA H100 SXM 80GB" in shown(estimate)

    typed = await bot.command("train 175B 500B price=3", user=MEMBER)  # a value typed in the command wins
    assert "$3 per GPU-hour, your price" in shown(typed)
    assert "team price" not in shown(typed)

    listing = shown(await bot.command("settings", user=MEMBER))
    assert f"GPU: H100-SXM · set by <@{OWNER}> on {today()}" in listing
    assert f"price on H100-SXM: $1.85 per GPU-hour · set by <@{ADMIN}> on {today()}" in listing


async def test_a_member_is_refused_with_who_can_and_nothing_is_written(bot: BotServer) -> None:
    for words in ("set price H100 1.85", "reset"):
        refused = await bot.command(words, user=MEMBER)
        assert refused["response_type"] == "ephemeral"
        assert REFUSAL in shown(refused)
    assert "None yet" in shown(await bot.command("settings"))
    # LLMCOST_ADMINS names someone who is no workspace admin: they may.
    assert (await bot.command("set mfu 40%", user=OPERATOR))["text"].startswith("Saved for this workspace: MFU")


@pytest.mark.parametrize(
    ("words", "error"),
    [
        ("set price H100 -3", "price"),
        ("set gpu NOPE", "NOPE"),
        ("set mfu 400%", "400%"),
    ],
)
async def test_a_bad_value_gets_a_clear_error_and_nothing_is_written(bot: BotServer, words: str, error: str) -> None:
    reply = await bot.command(words, user=ADMIN)
    assert error in reply["text"]
    assert not reply["text"].startswith("Saved")
    assert "None yet" in shown(await bot.command("settings"))


async def test_reset_one_then_all(bot: BotServer) -> None:
    for words in ("set mfu 40%", "set currency CNY", "set rate 7.2"):
        await bot.command(words, user=ADMIN)
    assert (await bot.command("reset mfu", user=ADMIN))["text"].startswith("Removed the team's MFU")
    assert (await bot.command("reset", user=ADMIN))["text"].startswith("Removed all 2 team defaults")
    assert "None yet" in shown(await bot.command("settings"))


async def test_two_workspaces_never_see_each_others_values(bot: BotServer) -> None:
    await bot.command("set price A100 1.5", user=ADMIN, team="T0ACME")
    await bot.command("set price A100 1.1", user=ADMIN, team="T0ACME", enterprise="E0GRID")
    theirs = shown(await bot.command("train 175B 500B", team="T0GLOBEX"))
    assert "$2.2659 per GPU-hour" in theirs and "team price" not in theirs
    assert "None yet" in shown(await bot.command("settings", team="T0GLOBEX"))
    assert "$1.5 per GPU-hour, team price" in shown(await bot.command("train 175B 500B", team="T0ACME"))
    in_grid = shown(await bot.command("train 175B 500B", team="T0ACME", enterprise="E0GRID"))
    assert "$1.1 per GPU-hour, team price" in in_grid


async def test_the_share_button_and_a_mention_keep_the_team_defaults(bot: BotServer, fake_slack: FakeSlack) -> None:
    await bot.command("set price A100 1.5", user=ADMIN)
    team_price = f"$1.5 per GPU-hour, team price, set by <@{ADMIN}> on {today()}"
    await bot.post_form(action_body("train 175B 500B", response_url=fake_slack.response_url(), user=MEMBER))
    public, _ = await fake_slack.wait_for("response_url", 2)
    assert team_price in shown(payload_json(public))

    await bot.post_json(mention_body("<@UBOT> train 175B 500B", user=MEMBER))
    (mention,) = await fake_slack.wait_for("chat.postMessage")
    assert team_price in shown(payload_json(mention))


async def test_a_chinese_locale_is_answered_in_chinese_unless_the_words_say_otherwise(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    fake_slack.users["U0MEI"] = {"locale": "zh-CN"}
    assert (await bot.command("train gpt3", user="U0MEI"))["text"].startswith("训练 GPT-3 175B，500B tokens")
    assert (await bot.command("train gpt3 lang=en", user="U0MEI"))["text"].startswith("Training GPT-3 175B")
    assert (await bot.command("train gpt3 lang=zh", user=MEMBER))["text"].startswith("训练 GPT-3")
    assert (await bot.command("train gpt3", user=MEMBER))["text"].startswith("Training GPT-3")


async def test_users_info_is_asked_once_per_person_and_again_after_the_ttl(
    bot: BotServer, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        await bot.command("gpus", user=MEMBER)
        await bot.command("set mfu 40%", user=MEMBER)  # the rights check reuses the same answer
    await bot.command("gpus", user=ADMIN)
    asked = [call.payload["user"] for call in fake_slack.made("users.info")]
    assert sorted(asked) == [ADMIN, MEMBER]
    assert all(call.payload["include_locale"] in ("1", "true", "True") for call in fake_slack.made("users.info"))

    # Promoted: still refused while the cached answer lasts, allowed once it has expired.
    fake_slack.users[MEMBER] = {"is_admin": True}
    assert REFUSAL in shown(await bot.command("set mfu 40%", user=MEMBER))
    monkeypatch.setattr("bot.slack.people.TTL_S", 0.0)
    assert (await bot.command("set mfu 40%", user=MEMBER))["text"].startswith("Saved for this workspace: MFU")
    assert [call.payload["user"] for call in fake_slack.made("users.info")].count(MEMBER) == 2


async def test_when_users_info_fails_the_answer_is_english_and_no_change_is_allowed(
    bot: BotServer, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake_slack.users["U0GONE"] = {"locale": "zh-CN", "is_admin": True}
    fake_slack.missing_users.add("U0GONE")
    assert (await bot.command("train gpt3", user="U0GONE"))["text"].startswith("Training GPT-3")
    assert REFUSAL in shown(await bot.command("set mfu 40%", user="U0GONE"))
    assert "users.info for U0GONE failed: user_not_found" in caplog.text
    assert "xoxb-" not in caplog.text


async def test_settings_survive_a_restart(settings: Config, tmp_path: Path) -> None:
    async with serving(settings) as first:
        await first.command("set price A100 1.5", user=ADMIN)
    async with serving(settings) as second:
        assert "$1.5 per GPU-hour, team price" in shown(await second.command("train 175B 500B"))


async def test_typed_text_never_passes_for_one_of_the_bots_own_mentions(bot: BotServer) -> None:
    reply = await bot.command(f"train 175B 500B gpu={mention(ADMIN)} <@{ADMIN}>")
    assert f"<@{ADMIN}>" not in json.dumps(reply, ensure_ascii=False)
