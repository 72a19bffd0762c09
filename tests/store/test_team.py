"""The team commands end to end over a real database: who may change what, and estimates that use it."""

from datetime import UTC, datetime

from bot.answer import reply_to
from bot.render.escape import mention
from bot.render.terminal import render_text
from bot.store.interface import SettingsStore
from bot.team.commands import Asker, handle_team_command, reply_with_defaults
from bot.team.records import Team
from bot.text.grammar import ResetDefault, SetDefault, ShowSettings
from bot.wording.report import Failure, Listing, Report
from tests.support import TODAY

ACME = Team(team_id="T0ACME", enterprise_id="E0GRID")
GLOBEX = Team(team_id="T0GLOBEX")
H100_PRICE = SetDefault(key="price:H100-SXM", value="1.85")


async def test_a_non_admin_is_refused_and_nothing_is_written(store: SettingsStore) -> None:
    for command in (H100_PRICE, ResetDefault(key=None)):
        reply = await handle_team_command(command, ACME, "U0MALLORY", False, store, "en", admins=["U0ALICE"])
        assert isinstance(reply, Failure)
        assert reply.message == (
            f"Only workspace admins and owners, and the people the app's LLMCOST_ADMINS names ({mention('U0ALICE')}), "
            "can change team defaults. Anyone can see them with `settings`."
        )
    assert await store.get_all(ACME) == ()
    await store.set(ACME, "mfu", "0.4", "U0ALICE")
    refused = await handle_team_command(ResetDefault(key="mfu"), ACME, "U0MALLORY", False, store, "zh")
    assert isinstance(refused, Failure)
    assert refused.message.startswith("只有工作区管理员和所有者")
    assert [(s.key, s.value) for s in await store.get_all(ACME)] == [("mfu", "0.4")]


async def test_an_admin_sets_and_everyone_sees_who_and_when(store: SettingsStore) -> None:
    before = datetime.now(UTC)
    saved = await handle_team_command(H100_PRICE, ACME, "U0ALICE", True, store, "en")
    assert isinstance(saved, Listing)
    assert saved.title.startswith("Saved for this workspace: price on H100-SXM = $1.85 per GPU-hour.")
    await handle_team_command(SetDefault(key="mfu", value="0.4"), ACME, "U0BOB", True, store, "en")

    shown = await handle_team_command(ShowSettings(), ACME, "U0MALLORY", False, store, "en")
    assert isinstance(shown, Listing)
    [setting] = [s for s in await store.get_all(ACME) if s.key == "mfu"]
    assert before <= setting.set_at
    stamp = f"{setting.set_at:%Y-%m-%d %H:%M} UTC"
    lines = shown.sections[0][1]
    assert lines[0] == f"MFU: 40% · set by {mention('U0BOB')} on {stamp}"
    assert lines[1].startswith(f"price on H100-SXM: $1.85 per GPU-hour · set by {mention('U0ALICE')} on ")


async def test_reset_one_then_all(store: SettingsStore) -> None:
    for key, value in (("gpu", "H100-SXM"), ("mfu", "0.4"), ("price:H100-SXM", "1.85")):
        await store.set(ACME, key, value, "U0ALICE")
    one = await handle_team_command(ResetDefault(key="mfu"), ACME, "U0ALICE", True, store, "en")
    assert isinstance(one, Listing)
    assert one.title == "Removed the team's MFU: estimates use the default again."
    again = await handle_team_command(ResetDefault(key="mfu"), ACME, "U0ALICE", True, store, "en")
    assert isinstance(again, Listing)
    assert again.title == "This workspace has no MFU set: nothing to remove."
    everything = await handle_team_command(ResetDefault(key=None), ACME, "U0ALICE", True, store, "en")
    assert isinstance(everything, Listing)
    assert everything.title == "Removed all 2 team defaults: estimates use the catalog's again."
    assert await store.get_all(ACME) == ()


def admin(answer: bool, asked: list[str]) -> Asker:
    async def is_admin() -> bool:
        asked.append("users.info")
        return answer

    return Asker(user="U0ALICE", is_admin=is_admin)


async def test_estimates_in_a_workspace_use_its_defaults_and_say_whose(store: SettingsStore) -> None:
    asked: list[str] = []
    for text in ("set gpu H100", "set price H100 1.85", "set mfu 40%"):
        reply = await reply_with_defaults(text, TODAY, "en", ACME, store, admin(True, asked))
        assert isinstance(reply, Listing), render_text(reply)
    assert asked == ["users.info"] * 3

    reply = await reply_with_defaults("train 175B 500B", TODAY, "en", ACME, store)
    assert isinstance(reply, Report)
    assumptions = dict(reply.assumptions)
    stamp = {setting.key: setting.set_at.date().isoformat() for setting in await store.get_all(ACME)}
    assert assumptions["Price"] == (
        f"$1.85 per GPU-hour, team price, set by {mention('U0ALICE')} on {stamp['price:H100-SXM']}"
    )
    assert assumptions["GPU"].startswith("NVIDIA H100 SXM 80GB, bf16, 989.4 TFLOPS")
    assert assumptions["MFU"] == f"40%, team default, set by {mention('U0ALICE')} on {stamp['mfu']}"
    assert " at 40% MFU (team default; " in reply.headline
    assert reply.command.startswith("train 175B 500B gpu=H100-SXM precision=bf16 mfu=40% price=1.85 ")

    typed = await reply_with_defaults("train 175B 500B gpu=A100 price=3", TODAY, "en", ACME, store)
    assert isinstance(typed, Report)
    assert dict(typed.assumptions)["Price"] == "$3 per GPU-hour, your price"


async def test_two_teams_never_see_each_others_values(store: SettingsStore) -> None:
    await reply_with_defaults("set price A100 1.5", TODAY, "en", ACME, store, admin(True, []))
    theirs = await reply_with_defaults("train 175B 500B", TODAY, "en", GLOBEX, store)
    assert isinstance(theirs, Report)
    assert dict(theirs.assumptions)["Price"].startswith(
        "$2.2659 per GPU-hour, 3-year commitment: the seed"
    )  # the catalog's
    listing = await reply_with_defaults("settings", TODAY, "en", GLOBEX, store, admin(False, []))
    assert isinstance(listing, Listing)
    assert listing.sections[0][1] == ["None yet: estimates use the catalog's GPU, prices and typical MFU."]


async def test_without_defaults_a_workspace_answers_as_reply_to_does(store: SettingsStore) -> None:
    asked: list[str] = []
    for text in ("gpus", "help keys", "train 175Q", "set mfu 400%", "infer 70B batch=8 lang=zh", "train gpt3"):
        reply = await reply_with_defaults(text, TODAY, "en", ACME, store, admin(False, asked))
        assert render_text(reply) == render_text(reply_to(text, TODAY)), text
    assert asked == []  # nothing asked about rights: a bad value is refused by the grammar first
    refused = await reply_with_defaults("set mfu 40%", TODAY, "en", ACME, store, admin(False, asked))
    assert isinstance(refused, Failure)
    assert asked == ["users.info"]
    assert await store.get_all(ACME) == ()
