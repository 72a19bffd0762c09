"""Text bar charts: every bar starts in one column, every value ends in one, with long and short names."""

import pytest

from bot.answer import reply_to
from bot.render.chart import BAR_CELLS, bar, chart, display_width
from bot.render.terminal import render_text
from bot.wording.comparison import Comparison
from calc.gpus import CATALOG
from tests.support import TODAY

BLOCKS = set("█▏▎▍▌▋▊▉ ")
MIXED = [
    ("A100-80GB-SXM", 3_026_041.67, "$3.03M"),
    ("L4", 1_000.0, "$1K"),
    ("B200-HGX", 1_294_444.44, "$1.29M"),
    ("TPU-v5p", 3_812_637.0, "$3.81M"),
]


def assert_aligned(lines: list[str], name_width: int, cells: int = BAR_CELLS) -> None:
    """Names fill `name_width` columns, then a space, the bar's cells, a space, and values flush right."""
    assert len({display_width(line) for line in lines}) == 1, lines  # every value ends in the same column
    for line in lines:
        assert line[name_width] == " ", line
        drawn = line[name_width + 1 : name_width + 1 + cells]
        assert set(drawn) <= BLOCKS, line  # every bar starts in the same column and has the same cells
        assert line[name_width + 1 + cells] == " ", line
        assert not line.endswith(" "), line


def test_exact_lines() -> None:
    assert chart([("L4", 1.0, "$1"), ("B200-HGX", 2.0, "$20")], cells=8) == [
        "L4       ████      $1",
        "B200-HGX ████████ $20",
    ]


def test_long_and_short_names_line_up() -> None:
    lines = chart(MIXED)
    assert_aligned(lines, name_width=13)
    assert lines[3] == "TPU-v5p       ████████████████████████ $3.81M"
    assert lines[1] == "L4" + " " * 11 + " ▏" + " " * 23 + " " + "   $1K"  # tiny, yet visible


@pytest.mark.parametrize(
    ("value", "top", "cells", "drawn"),
    [
        (1, 1, 3, "███"),
        (1, 2, 3, "█▌ "),  # 12 eighths: one cell and a half
        (5, 8, 1, "▋"),  # five eighths
        (1, 8, 1, "▏"),
        (7, 8, 1, "▉"),
        (1, 1000, 4, "▏   "),  # rounds to nothing, drawn as a sliver
        (0, 5, 4, "    "),
        (0, 0, 4, "    "),
    ],
)
def test_bars_to_the_eighth(value: float, top: float, cells: int, drawn: str) -> None:
    assert bar(value, top, cells) == drawn


def test_zero_values_draw_empty_bars_still_aligned() -> None:
    lines = chart([("H100-SXM", 0.0, "$0"), ("L4", 0.0, "$0")])
    assert_aligned(lines, name_width=8)
    assert lines == ["H100-SXM " + " " * BAR_CELLS + " $0", "L4       " + " " * BAR_CELLS + " $0"]


def test_equal_values_draw_equal_full_bars() -> None:
    lines = chart([("H100-SXM", 5.0, "$5"), ("H200-SXM", 5.0, "$5"), ("L4", 5.0, "$5")])
    assert_aligned(lines, name_width=8)
    assert {line[9 : 9 + BAR_CELLS] for line in lines} == {"█" * BAR_CELLS}


def test_a_single_gpu() -> None:
    assert chart([("L4", 0.02, "$0.0200")]) == ["L4 " + "█" * BAR_CELLS + " $0.0200"]


def test_no_rows_no_lines() -> None:
    assert chart([]) == []


def test_wide_characters_keep_values_flush_right() -> None:
    lines = chart([("B200-HGX", 32.7, "32.7 天"), ("L4", 608.0, "608 天"), ("A100-40GB-SXM", 236.0, "236 天")])
    assert_aligned(lines, name_width=13)
    assert lines[0].endswith(" 32.7 天") and lines[1].endswith("  608 天")


@pytest.mark.parametrize(
    ("text", "columns"),
    [("A100-80GB-SXM", 13), ("$3.03M\t", 7), ("¥376万", 6), ("训练 7B", 7), ("5×H100", 6), ("", 0)],
)
def test_display_width_counts_wide_characters_twice(text: str, columns: int) -> None:
    assert display_width(text) == columns


def test_every_catalog_name_fits_slack() -> None:
    """The longest id and a long value still make a line Slack shows without wrapping (under 60 columns)."""
    lines = chart([(gpu.id, float(i + 1), "1.34M GPU-h") for i, gpu in enumerate(CATALOG)])
    longest = max(display_width(gpu.id) for gpu in CATALOG)
    assert_aligned(lines, name_width=longest)
    assert max(display_width(line) for line in lines) < 60


@pytest.mark.parametrize(
    "text",
    [
        "compare train 175B 500B gpu=A100,L4,B200,TPU-v5p",
        "compare train 175B 500B gpu=L4,H100",
        "compare infer 70B batch=16 gpu=A100-80GB-SXM,L4,L40S",
        "compare train 405B 15T gpus=16384 gpu=B200,L4,A100-40GB lang=zh",
        "compare train 7B 1T gpu=L4,A10",
    ],
)
def test_charts_in_a_real_comparison_line_up(text: str) -> None:
    reply = reply_to(text, TODAY)
    assert isinstance(reply, Comparison)
    longest = max(len(entry.gpu) for entry in reply.result.entries)
    for _, lines in reply.charts:
        assert len(lines) == len(reply.result.entries)
        assert_aligned(lines, name_width=longest)
        assert max(display_width(line) for line in lines) < 60
    rendered = render_text(reply).split("\n")
    for _, lines in reply.charts:  # the terminal indents the chart, and changes nothing else
        start = rendered.index(f"  {lines[0]}")
        assert rendered[start : start + len(lines)] == [f"  {line}" for line in lines]
