"""The Home tab: published when a person opens it, with the GPU catalog and its sources, examples, and the team's
defaults."""

from typing import Any

import pytest

from bot.render.views import home_view
from bot.wording.listings import catalog_lines
from bot.wording.report import Listing
from tests.slack.conftest import BotServer
from tests.slack.test_blocks import passes_block_kit
from tests.slack.test_modal import passes_view_checks
from tests.support import TODAY
from tests.support.fake_slack import FakeSlack
from tests.support.interactions import home_opened_body


def home_text(view: dict[str, Any]) -> str:
    found = []
    for block in view["blocks"]:
        found += [block["text"]["text"]] if "text" in block else []
        found += [element["text"] for element in block.get("elements", [])]
    return "\n".join(found)


async def open_home(bot: BotServer, fake_slack: FakeSlack, event_id: str = "EvHome1") -> dict[str, Any]:
    status, _ = await bot.post_json(home_opened_body(event_id=event_id))
    assert status == 200
    (call,) = (await fake_slack.wait_for("views.publish"))[-1:]
    assert call.payload["user_id"] == "U123"
    view = call.payload["view"]
    passes_view_checks(view)
    passes_block_kit(view["blocks"])
    return view


async def test_opening_home_publishes_the_catalog_with_prices_and_sources(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    view = await open_home(bot, fake_slack)
    assert view["type"] == "home"
    text = home_text(view)
    assert "*H100-SXM* · 989.4 TFLOPS bf16 · 80 GB · $3.99/h on-demand, RunPod (Secure Cloud), 2026-11-09" in text
    assert "data-receipts/main/109-gpu-pricing/vendors.json (retrieved 2026-11-09)" in text
    assert "*H20* · 148 TFLOPS bf16 · 96 GB · no public price" in text
    assert "`train 175B 500B`" in text  # examples
    assert "Team defaults for this workspace" in text


async def test_the_home_tab_shows_what_the_team_set(bot: BotServer, fake_slack: FakeSlack) -> None:
    fake_slack.users["U123"] = {"is_admin": True}
    assert (await bot.command("set price H100 1.85"))["text"].startswith("Saved for this workspace")
    text = home_text(await open_home(bot, fake_slack))
    assert "$1.85" in text.split("GPU catalog")[0]


async def test_the_home_tab_speaks_the_readers_language(bot: BotServer, fake_slack: FakeSlack) -> None:
    fake_slack.users["U123"] = {"locale": "zh-CN"}
    text = home_text(await open_home(bot, fake_slack))
    assert text.startswith("llmcost：训练或部署一个语言模型要花多少钱")
    assert "$3.99/小时 按需，RunPod (Secure Cloud)，2026-11-09" in text


async def test_the_messages_tab_publishes_nothing(bot: BotServer, fake_slack: FakeSlack) -> None:
    status, _ = await bot.post_json(home_opened_body(tab="messages"))
    assert status == 200
    assert fake_slack.made("views.publish") == []


DEFAULTS = Listing(title="Team defaults for this workspace", sections=[("", ["GPU: H100-SXM (set by <@U9>)"])])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("defaults", [None, DEFAULTS])
def test_the_home_view_is_valid_with_and_without_team_defaults(lang: str, defaults: Listing | None) -> None:
    view = home_view(catalog_lines(lang, TODAY), defaults, lang)
    passes_view_checks(view)
    assert ("GPU: H100-SXM" in home_text(view)) is (defaults is not None)
    assert "⚠" in home_text(view)  # the seed's undated A100 price is flagged
