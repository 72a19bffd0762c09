"""Every message the app sends passes slack_sdk's Block Kit models and stays within Slack's limits."""

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from bot.answer import reply_to
from bot.render.blocks import chunks, render_blocks
from bot.render.escape import escape
from bot.wording.report import Failure, Listing, Report
from tests.support import TODAY
from tests.support.blocks import of_type, shown

COMMANDS = [
    "train 175B 500B",
    "train 175B 500B gpus=1024",
    "train gpt3 discount=5折 currency=CNY",
    "train 1.8T 13T discount=50%",
    "train 8x222B 13T discount=50%",
    "train llama3.1-405b gpu=H100 gpus=16384",
    "train deepseek-v3 gpu=H800 recompute=full",
    "train 175B 500B formula=seed",
    "infer 70B batch=32 gpu=H100",
    "infer gpt4-turbo opt=30% currency=CNY",
    "infer 8.222e11 flops=100T price=3.93 formula=seed",
    "infer 405B cards=1",
    "compare train 175B 500B",
    "compare infer 70B batch=32 gpu=H100,A100,L40S lang=zh",
    "compare train 70B gpu=NOPE,H100",
    "train 1750亿 5000亿 lang=zh",
    "",
    "help",
    "help train",
    "help infer",
    "help keys",
    "gpus",
    "models lang=zh",
    "train 7B 1T gpu=NOPE",
    "trian 7B",
    "train <!channel> <@U123> <https://evil.example|x>",
]


def slack_limits_hold(text: str, blocks: list[dict[str, Any]]) -> None:
    """Slack's limits, including those slack_sdk does not check (block count, field length, the fallback)."""
    assert text.strip()
    assert len(text) <= 3000
    assert 1 <= len(blocks) <= 50
    for block in blocks:
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "section":
            assert len(block.get("text", {}).get("text", "")) <= 3000
            assert len(block.get("fields", [])) <= 10
            assert all(len(field["text"]) <= 2000 for field in block.get("fields", []))
        if block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(len(element["text"]) <= 3000 for element in block["elements"])
        if block["type"] == "actions":
            assert len(block.get("block_id", "")) <= 255
            assert len(block["elements"]) <= 25
            for element in block["elements"]:
                if element["type"] == "button":
                    assert len(element["value"]) <= 2000
                    assert len(element["text"]["text"]) <= 75
                else:
                    select_limits_hold(element)


def select_limits_hold(select: dict[str, Any]) -> None:
    """A static_select: at most 100 options, each text within 75 and value within 150, one preselected at most."""
    assert select["type"] == "static_select"
    assert 1 <= len(select["options"]) <= 100
    for option in select["options"]:
        assert len(option["text"]["text"]) <= 75
        assert len(option["value"]) <= 150
    assert select.get("initial_option", select["options"][0]) in select["options"]


def mrkdwn_objects(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for block in blocks:
        candidates = [block.get("text"), *block.get("fields", []), *block.get("elements", [])]
        found += [c for c in candidates if isinstance(c, dict) and c.get("type") == "mrkdwn"]
    return found


def passes_block_kit(blocks: list[dict[str, Any]]) -> None:
    for raw in blocks:
        parsed = Block.parse(raw)
        assert parsed is not None, raw
        parsed.validate_json()
        # slack_sdk drops keys it does not know: only an exact round trip proves every key is valid.
        assert parsed.to_dict() == raw


@pytest.mark.parametrize("words", COMMANDS)
@pytest.mark.parametrize("variant", [{"share": "WORDS"}, {"shared_by": "U123"}, {}])
def test_every_reply_passes_block_kit_and_slacks_limits(words: str, variant: dict[str, str]) -> None:
    options = {key: words if value == "WORDS" else value for key, value in variant.items()}
    text, blocks = render_blocks(reply_to(words, TODAY), **options)
    passes_block_kit(blocks)
    slack_limits_hold(text, blocks)
    mrkdwn = mrkdwn_objects(blocks)
    assert mrkdwn and all(obj.get("verbatim") is True for obj in mrkdwn)


def _estimate(words: str) -> bool:
    """A command answered with an estimate (free text, such as "trian 7B", starts with its reading instead)."""
    reply = reply_to(words, TODAY)
    return isinstance(reply, Report) and reply.read_back is None


@pytest.mark.parametrize("words", [words for words in COMMANDS if _estimate(words)])
def test_an_estimate_has_its_parts_in_order(words: str) -> None:
    reply = reply_to(words, TODAY)
    assert isinstance(reply, Report)
    text, blocks = render_blocks(reply, share=words)
    kinds = [block["type"] for block in blocks]
    assert kinds[:4] == ["header", "section", "section", "context"]
    assert kinds[-2:] == ["section", "actions"]
    assert text == f"{reply.title}\n{reply.headline}"
    assert [field["text"] for field in blocks[2]["fields"]] == [f"*{label}*\n{value}" for label, value in reply.fields]
    assumptions = blocks[3]["elements"][0]["text"]
    assert all(f"*{label}*: " in assumptions for label, _ in reply.assumptions)
    assert blocks[-2]["text"]["text"].endswith(f"```/llmcost {reply.command}```")
    assert blocks[-1]["elements"][0]["value"] == words


def test_a_cny_estimate_shows_the_seeds_figure() -> None:
    text, blocks = render_blocks(reply_to("train gpt3 discount=5折 currency=CNY", TODAY))
    assert "¥3.76M at 100% of peak" in text
    assert "*Currency*: CNY at 7.1 per USD" in shown({"text": text, "blocks": blocks})


def test_long_listings_are_split_into_sections_within_the_limits() -> None:
    lines = [f"line {n}: " + "x" * 480 for n in range(400)]  # about 196,000 characters
    listing = Listing(title="T" * 200, sections=[("Heading", lines), ("", ["<!channel> & more"])])
    text, blocks = render_blocks(listing)
    passes_block_kit(blocks)
    slack_limits_hold(text, blocks)
    assert len(blocks) == 50
    assert blocks[0]["text"]["text"] == "T" * 149 + "…"
    assert blocks[1]["text"]["text"].startswith("*Heading*\nline 0: ")
    sections = [block["text"]["text"] for block in of_type(blocks, "section")]
    assert all(len(section) > 2000 for section in sections)  # filled, not one line per block
    shown_lines = [line for section in sections for line in section.split("\n")][1:]  # after the heading
    assert shown_lines == lines[: len(shown_lines)]  # whole lines, in order, none cut


def test_a_long_line_is_cut_with_an_ellipsis_and_escaping_counts_towards_the_limit() -> None:
    listing = Listing(title="t", sections=[("", ["<" * 5000])])
    _, blocks = render_blocks(listing)
    passes_block_kit(blocks)
    section = blocks[1]["text"]["text"]
    assert len(section) <= 3000
    # Whole entities up to the ellipsis: 749 of them fit before it in 3000 characters, never a broken "&lt".
    assert section == "&lt;" * 749 + "…"


def test_oversized_estimates_are_cut_to_the_limits() -> None:
    reply = reply_to("train 175B 500B", TODAY)
    assert isinstance(reply, Report)
    huge = Report(
        title="x" * 300,
        headline="h" * 5000,
        fields=[(f"f{n}", "v" * 3000) for n in range(14)],
        assumptions=[(f"a{n}", "w" * 1000) for n in range(40)],
        notes=["n" * 3500] * 12,
        command=reply.command,
        result=reply.result,
    )
    text, blocks = render_blocks(huge, share="s" * 2500)
    passes_block_kit(blocks)
    slack_limits_hold(text, blocks)
    assert len(blocks[2]["fields"]) == 10
    assert blocks[0]["text"]["text"] == "x" * 149 + "…"
    assert blocks[1]["text"]["text"] == "*" + "h" * 2998 + "…"  # the headline, bold
    assert text.endswith("…")
    assert blocks[-1]["elements"][0]["value"] == reply.command  # too long for a button: the reproducing words


@pytest.mark.parametrize(
    ("markup", "kept"),
    [("&", "&amp;"), ("<", "&lt;&lt;")],  # a cut at 2999 characters would leave `&amp` or `&`
)
def test_the_fallback_is_cut_before_an_entity_never_inside_it(markup: str, kept: str) -> None:
    text, _ = render_blocks(Failure(message="z" * 2990 + markup * 40, example="train 175B 500B"))
    assert text == "z" * 2990 + kept + "…"


def test_a_long_failure_is_cut() -> None:
    text, blocks = render_blocks(Failure(message="`" + "z" * 4000 + "` is bad.", example="train 175B 500B"))
    passes_block_kit(blocks)
    slack_limits_hold(text, blocks)
    assert blocks[0]["text"]["text"].endswith("z" * 100 + "…")
    assert text.endswith("z…")


def chunks_line_by_line(lines: list[str], limit: int) -> list[str]:
    """Each line measured once escaped, a new text begun when the next would pass `limit`: what chunks must give."""
    groups: list[list[str]] = [[]]
    size = 0
    for line in lines:
        length = len(escape(line)) + 1
        if groups[-1] and size + length > limit:
            groups.append([])
            size = 0
        groups[-1].append(line)
        size += length
    return ["\n".join(group) for group in groups if group]


@given(
    lines=st.lists(st.text(alphabet=st.sampled_from("ab &<>;lgtamp\ufdd0\ufdd1@U1"), max_size=12), max_size=8),
    limit=st.integers(1, 60),
)
@example(lines=["ab", "cd"], limit=5)  # together exactly the limit, but each line counts its newline: two texts
@example(lines=["a&b", "c"], limit=7)  # `&` is `&amp;` once escaped: two texts
def test_lines_are_grouped_as_they_measure_once_escaped(lines: list[str], limit: int) -> None:
    assert chunks(lines, limit) == chunks_line_by_line(lines, limit)
