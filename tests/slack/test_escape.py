"""Text a user typed never becomes a live mention or link, however often it is escaped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answer import reply_to
from bot.escape import escape, unescape
from bot.render_blocks import render_blocks
from tests.slack.blocks import shown
from tests.support import TODAY

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


@given(st.text(alphabet=st.sampled_from(list("&<>;ampltg !@#U1x")), max_size=40) | st.text(max_size=40))
def test_escaping_is_idempotent_and_reversible(text: str) -> None:
    once = escape(text)
    assert escape(once) == once
    assert unescape(once) == unescape(text)
    assert "<" not in once and ">" not in once


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
