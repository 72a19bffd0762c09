"""`sweep infer ...`: cost per 1M tokens and speed per user across batch sizes, the sweet spot named."""

from itertools import pairwise

import pytest

from bot.answer import reply_to
from bot.render.blocks import render_blocks
from bot.render.terminal import render_text
from bot.text.grammar import Sweep, parse
from bot.wording.comparison import Comparison
from calc import InferRequest, InferResult, estimate
from calc.sweep import SWEET_SPOT_MARGIN, sweep
from tests.support import TODAY
from tests.support.blocks import of_type, shown


def test_grammar_reads_sweep_with_or_without_infer() -> None:
    for text in ("sweep infer 70B gpu=H100", "sweep 70B gpu=H100"):
        command = parse(text)
        assert isinstance(command, Sweep)
        assert command.request.params == 70e9
        assert command.request.gpu == "H100-SXM"


def test_batches_run_from_one_to_the_largest_that_fits() -> None:
    result = sweep(InferRequest(model="llama3.1-70b", gpu="H100", precision="fp8", cards=2), TODAY)
    batches = [point.batch for point in result.points]
    assert batches[:4] == [1, 2, 4, 8]
    assert batches[-1] == result.largest.max_batch
    costs = [point.cost_per_1m_tokens_usd for point in result.points]
    speeds = [point.tokens_per_second_per_user for point in result.points]
    # Bigger batches share each weight read: cheaper, or (once decode is compute-bound) the same per token, up to
    # the last bits of a float.
    assert all(smaller >= larger * (1 - 1e-12) for smaller, larger in pairwise(costs))
    assert speeds == sorted(speeds, reverse=True)  # and each user waits longer per token
    # No batch is cheaper than the largest.
    assert costs[-1] == pytest.approx(min(costs), rel=1e-12)
    assert result.points[[point.batch for point in result.points].index(result.cheapest)].cost_per_1m_tokens_usd == (
        pytest.approx(costs[-1], rel=1e-12)
    )


def test_sweet_spot_is_the_smallest_batch_within_the_margin_of_the_cheapest() -> None:
    result = sweep(InferRequest(params=70e9, gpu="H100"), TODAY)
    by_batch = {point.batch: point for point in result.points}
    limit = by_batch[result.cheapest].cost_per_1m_tokens_usd * (1 + SWEET_SPOT_MARGIN)
    assert by_batch[result.sweet_spot].cost_per_1m_tokens_usd <= limit
    smaller = [point for point in result.points if point.batch < result.sweet_spot]
    assert smaller and all(point.cost_per_1m_tokens_usd > limit for point in smaller)


def test_each_point_is_the_estimate_at_that_batch() -> None:
    result = sweep(InferRequest(model="llama3.1-8b", gpu="H100"), TODAY)
    point = result.points[3]
    single = estimate(InferRequest(model="llama3.1-8b", gpu="H100", batch=point.batch, cards=1), TODAY)
    assert isinstance(single, InferResult)
    assert point.cost_per_1m_tokens_usd == single.cost_per_1m_blended_usd
    assert point.tokens_per_second_per_user == single.output_tokens_per_second_per_request


def test_terminal_and_slack_show_the_charts_and_the_sweet_spot() -> None:
    reply = reply_to("sweep infer 70B gpu=H100", TODAY)
    assert isinstance(reply, Comparison)
    text = render_text(reply)
    assert text.startswith("Serving a 70B-parameter model on 4×H100-SXM across batch sizes (1000 in, 250 out)\n")
    assert "Sweet spot: batch 128" in text
    assert "batch 128 ★" in text
    assert "Output tokens/s per user" in text
    assert text.rstrip().endswith("Reproduce: llmcost " + reply.command)
    fallback, blocks = render_blocks(reply, share="sweep infer 70B gpu=H100")
    message = {"text": fallback, "blocks": blocks}
    assert "Sweet spot: batch 128" in shown(message)
    assert any("```" in block["text"]["text"] and "★" in block["text"]["text"] for block in of_type(blocks, "section"))
    zh = render_text(reply_to("sweep infer 70B gpu=H100 lang=zh", TODAY))
    assert "最佳点：batch 128" in zh


def test_a_model_that_does_not_fit_says_so() -> None:
    reply = render_text(reply_to("sweep infer 70B gpu=H100 cards=1", TODAY))
    assert reply.startswith("Not even one sequence fits beside the weights on 1 card(s): at least 2 are needed.")
