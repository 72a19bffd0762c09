"""Text a user typed never becomes a live mention or link, however often it is escaped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answer import reply_to
from bot.render.blocks import render_blocks
from bot.render.escape import escape, mention, unescape, without_marks
from tests.support import TODAY
from tests.support.blocks import shown

HOSTILE = ["<!channel>", "<!here>", "<!everyone>", "<@U123>", "<#C123>", "<https://evil.example|x>", "<!subteam^S1>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_mentions_and_links_become_inert(text: str) -> None:
    escaped = escape(text)
    assert "<" not in escaped and ">" not in escaped
    assert escaped == "&lt;" + text[1:-1] + "&gt;"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a & b", "a &amp; b"),
        ("&lt;!channel&gt;", "&lt;!channel&gt;"),  # Slack's own escaping stays single
        ("&amp;lt;", "&amp;lt;"),  # someone typed "&lt;": it still reads "&lt;"
        ("&amp;", "&amp;"),
        ("x &gt y", "x &amp;gt y"),  # not an entity: escaped
        ("5折 ≈ $1.06M *bold* `code`", "5折 ≈ $1.06M *bold* `code`"),  # only & < > are touched
    ],
)
def test_escaping(text: str, expected: str) -> None:
    assert escape(text) == expected


_MARK_OPEN, _MARK_CLOSE = mention("U1")[0], mention("U1")[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 & 2", "1 &amp; 2"),
        ("1 < 2", "1 &lt; 2"),
        ("2 > 1", "2 &gt; 1"),
        (f"a{_MARK_OPEN}b", "ab"),
        (f"a{_MARK_CLOSE}b", "ab"),
    ],
)
def test_each_character_escape_acts_on_is_found_alone(text: str, expected: str) -> None:
    # escape first looks for any character it would change and returns the text as it is when there is none.
    assert escape(text) == expected


# What a user types: bot.answer.read removes the marks of the bot's own mentions from it first.
TYPED = (st.text(alphabet=st.sampled_from(list("&<>;ampltg !@#U1x")), max_size=40) | st.text(max_size=40)).map(
    without_marks
)


@given(TYPED)
def test_escaping_is_idempotent_and_reversible(text: str) -> None:
    once = escape(text)
    assert escape(once) == once
    assert unescape(once) == unescape(text)
    assert "<" not in once and ">" not in once


def test_only_the_bots_own_mentions_stay_live() -> None:
    assert escape(f"set by {mention('U0ALICE')} & <@U0BOB>") == "set by <@U0ALICE> &amp; &lt;@U0BOB&gt;"
    assert escape(mention("not an id")) == "@not an id"  # not a Slack id: plain text
    typed = reply_to(f"train 7B 1T gpu={mention('U0ALICE')}", TODAY)  # typed marks are removed before parsing
    assert "<@U0ALICE>" not in shown(dict(zip(("text", "blocks"), render_blocks(typed), strict=True)))


@pytest.mark.parametrize("word", HOSTILE)
def test_a_hostile_word_echoed_in_an_error_stays_inert(word: str) -> None:
    reply = reply_to(f"train 7B 1T gpu={word}", TODAY)
    text, blocks = render_blocks(reply)
    message = shown({"text": text, "blocks": blocks})
    assert f"`gpu={escape(word)}`" in text
    assert word not in message
    assert "&amp;lt;" not in message  # escaped once, not twice


def test_text_that_slack_already_escaped_is_echoed_single_escaped() -> None:
    text, _ = render_blocks(reply_to("train &lt;!channel&gt; 1T", TODAY))
    assert text.startswith("`&lt;!channel&gt;` is neither a parameter count")
