"""bot.team.commands when the store is unavailable: estimates at the catalog's defaults with one line saying so, in
the reader's language; words that need no team defaults are answered as always; changes are refused."""

from collections.abc import Sequence

import pytest

from bot.answer import reply_to
from bot.render.terminal import render_text
from bot.store.interface import StoreUnavailable
from bot.team.commands import Asker, reply_with_defaults
from bot.team.records import Setting, Team
from bot.wording.report import Failure, Listing, Report
from tests.support import TODAY

ACME = Team(team_id="T0ACME")
NOTE = {
    "en": "The team's defaults could not be read this time (the database did not answer), so this estimate uses the "
    "catalog's defaults instead (GPU, price, MFU, currency) and what the command typed.",
    "zh": "这次未能读取团队默认值（数据库没有响应），本估算改用目录默认值（GPU、价格、MFU、货币）及命令中给出的值。",
}


class AwayStore:
    """A store whose database is away: every operation raises, and none may be mistaken for an answer."""

    def __init__(self) -> None:
        self.asked = 0

    async def get_all(self, team: Team) -> Sequence[Setting]:
        self.asked += 1
        raise StoreUnavailable("ConnectionRefusedError: [Errno 111] Connect call failed")

    async def set(self, team: Team, key: str, value: str, user: str) -> Setting:
        self.asked += 1
        raise StoreUnavailable("ConnectionRefusedError: [Errno 111] Connect call failed")

    async def reset(self, team: Team, key: str | None = None) -> int:
        self.asked += 1
        raise StoreUnavailable("ConnectionRefusedError: [Errno 111] Connect call failed")


async def admin() -> bool:
    return True


ALICE = Asker(user="U0ALICE", is_admin=admin)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_an_estimate_is_the_catalogs_with_one_line_first_among_its_notes(lang: str) -> None:
    reply = await reply_with_defaults("train 175B 500B", TODAY, lang, ACME, AwayStore(), ALICE)
    assert isinstance(reply, Report)
    at_catalog = reply_to("train 175B 500B", TODAY, lang)
    assert isinstance(at_catalog, Report)
    # The very answer the catalog gives, with the line said once, before the estimate's own notes.
    assert reply.notes == [NOTE[lang], *at_catalog.notes]
    assert (reply.headline, reply.assumptions) == (at_catalog.headline, at_catalog.assumptions)
    assert render_text(reply).count(NOTE[lang]) == 1


async def test_a_failing_estimate_ends_with_the_line() -> None:
    reply = await reply_with_defaults("train 175B 500B gpu=H20", TODAY, "en", ACME, AwayStore(), ALICE)
    assert isinstance(reply, Failure)
    assert reply.message.endswith(f". {NOTE['en']}")


async def test_words_that_need_no_team_defaults_are_answered_as_always() -> None:
    store = AwayStore()
    for words in ("help", "gpus", "compare train 7B gpu=A100,H100", "train 175B nonsense"):
        reply = await reply_with_defaults(words, TODAY, "en", ACME, store, ALICE)
        assert reply == reply_to(words, TODAY, "en"), words
    assert store.asked == 0


@pytest.mark.parametrize(
    ("words", "lang", "message"),
    [
        ("set price H100 1.85", "en", "Nothing was saved: the database did not answer"),
        ("reset mfu", "en", "Nothing was removed: the database did not answer"),
        ("set mfu 40%", "zh", "未保存任何内容：数据库没有响应"),
        ("reset", "zh", "未删除任何内容：数据库没有响应"),
    ],
)
async def test_a_change_is_refused_with_the_words_to_send_again(words: str, lang: str, message: str) -> None:
    reply = await reply_with_defaults(words, TODAY, lang, ACME, AwayStore(), ALICE)
    assert isinstance(reply, Failure)
    assert reply.message.startswith(message)
    assert reply.example == words


@pytest.mark.parametrize(
    ("lang", "line"), [("en", "The team's defaults cannot be shown right now"), ("zh", "团队默认值暂时无法显示")]
)
async def test_settings_cannot_be_shown_right_now(lang: str, line: str) -> None:
    reply = await reply_with_defaults("settings", TODAY, lang, ACME, AwayStore(), ALICE)
    assert isinstance(reply, Listing)
    assert reply.sections[0][1][0].startswith(line)


async def test_a_rental_is_the_catalogs_with_the_line_first() -> None:
    store = AwayStore()
    reply = await reply_with_defaults("rent gpus=8 days=30", TODAY, "en", ACME, store, ALICE)
    at_catalog = reply_to("rent gpus=8 days=30", TODAY)
    assert isinstance(reply, Listing) and isinstance(at_catalog, Listing)
    assert store.asked == 1  # a rental takes the team's GPU, price and currency, so they were asked for
    assert reply.sections == [("", [NOTE["en"]]), *at_catalog.sections]
