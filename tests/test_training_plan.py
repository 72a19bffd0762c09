"""Training estimates to plan with: runs like yours, presets on their own GPUs, goodput, days <-> GPUs, budgets.

Figures worked by hand from the fitted defaults (tests/test_training_fit.py): Ampere 33.5%, Hopper 27.1%.
"""

import math

import pytest

from bot.answer import reply_to
from bot.render.blocks import render_blocks
from bot.render.terminal import render_text
from bot.text.grammar import GrammarError, parse
from bot.wording.report import Report
from calc import EstimateError, TrainRequest, estimate
from calc.goodput import goodput
from calc.results import TrainResult
from tests.support import TODAY


def train(**fields: object) -> TrainResult:
    result = estimate(TrainRequest(**fields), TODAY)
    assert isinstance(result, TrainResult)
    return result


# Runs like yours


def test_runs_like_yours_are_the_same_generation_first_then_the_nearest_size() -> None:
    # 7B on H100: Hopper runs only, by |log(size ratio)|: Llama 3 8B and 3.1 8B (0.13), Phi-3-mini 3.8B (0.61)
    on_h100 = train(params=7e9, tokens=1e12, gpu="H100-SXM").similar_runs
    assert [run.model for run in on_h100] == ["Llama 3 8B", "Llama 3.1 8B", "Phi-3-mini (3.8B, April 2024)"]
    assert {run.gpu for run in on_h100} == {"H100-SXM"}
    # The same size on A100 draws Ampere's 7B runs instead (6.7B LLaMA and MPT, then 6.9B Pythia... by distance)
    on_a100 = train(params=7e9, tokens=1e12).similar_runs
    assert [run.model for run in on_a100] == ["Llama 2 7B", "Falcon-7B", "Pythia 6.9B"]
    assert on_a100[0].gpu_hours == 184_320
    assert on_a100[0].implied_mfu == pytest.approx(0.4196, abs=1e-4)


def test_a_generation_with_one_run_shows_it_first_then_the_generation_it_borrows_from() -> None:
    runs = train(params=7e9, tokens=1e12, gpu="B200-HGX").similar_runs
    assert [run.model for run in runs] == ["Olmo Hybrid 7B", "Llama 3 8B", "Llama 3.1 8B"]


def test_size_counts_active_parameters() -> None:
    # DeepSeek-V3's 37B active: the Hopper runs nearest 37B, itself first
    runs = train(model="deepseek-v3").similar_runs
    assert [run.model for run in runs] == ["DeepSeek-V3", "OLMo 2 32B", "DeepSeek-V2 (per 1T tokens)"]


def test_runs_like_yours_are_one_line_in_the_reply() -> None:
    reply = reply_to("train 7B 1T gpu=H100", TODAY)
    assert isinstance(reply, Report)
    assert reply.similar is not None
    assert reply.similar.startswith("Runs like yours: Llama 3 8B (H100-SXM, 16.1% MFU, 1.3M GPU-h; Meta Llama 3")
    assert reply.similar in render_text(reply).split("\n")
    _, blocks = render_blocks(reply)
    contexts = [block["elements"][0]["text"] for block in blocks if block["type"] == "context"]
    assert reply.similar in contexts  # one context block of its own in Slack
    chinese = reply_to("train 7B 1T gpu=H100 lang=zh", TODAY)
    assert isinstance(chinese, Report) and chinese.similar is not None
    assert chinese.similar.startswith("类似的公开训练：Llama 3 8B（H100-SXM，MFU 16.1%，130万 GPU 小时")


# Presets train where they trained


def test_deepseek_v3_trains_on_the_h800_at_the_papers_two_dollars() -> None:
    # 3.2856e24 FLOPs / (989.4e12 x 0.271) / 3600 = 3,403,855 productive H800-hours, on 2,728 GPUs (sized to a
    # typical run this big) at goodput 95.80%: 3,552,991 GPU-hours x $2 = $7.11M, 1.334x the published 2.664M.
    result = train(model="deepseek-v3")
    assert (result.assumptions.gpu, result.assumptions.price_per_gpu_hour) == ("H800-SXM", 2.0)
    assert result.productive_gpu_hours == pytest.approx(3_403_855, rel=1e-6)
    assert result.cost_usd == pytest.approx(7_105_982, rel=1e-6)
    assert result.reported is not None
    assert result.reported.estimate_ratio == pytest.approx(result.gpu_hours / 2_664_000)
    assert result.reported.estimate_ratio == pytest.approx(1.334, abs=1e-3)
    assert "trained_on" in {note.code for note in result.notes}


def test_a_preset_goes_where_gpu_says_and_the_seeds_gpt3_stays_on_the_a100() -> None:
    assert train(model="llama3.1-405b").assumptions.gpu == "H100-SXM"
    assert train(model="llama3.1-405b", gpu="B200-HGX").assumptions.gpu == "B200-HGX"
    assert train(model="gpt3").assumptions.gpu == "A100-80GB-SXM"
    assert train(model="palm-540b").assumptions.gpu == "TPU-v4"


def test_fp8_restates_the_default_against_the_fp8_peak() -> None:
    # Hopper's 27.1% of the BF16 peak is the same speed as 27.1% x 989.4 / 1978.9 = 13.5% of the FP8 peak.
    result = train(params=7e9, tokens=1e12, gpu="H100-SXM", precision="fp8")
    assert result.assumptions.mfu == 0.135
    assert result.mfu_range == (0.079, 0.196)
    assert "mfu_fp8_basis" in {note.code for note in result.notes}


# Goodput


def test_goodput_lowers_throughput_and_raises_cost() -> None:
    ideal = train(params=70e9, tokens=2e12, gpus=2048, goodput=1.0)
    real = train(params=70e9, tokens=2e12, gpus=2048)
    # 2048 GPUs: 1 - 0.03 - 2.1946e-5 x 2048 x 0.19361 = 96.1298%, x T/(T + 0.5 h) with T = 1,090.1 h
    assert real.assumptions.goodput == pytest.approx(0.961298 * 1090.05 / 1090.55, rel=1e-5)
    assert real.productive_gpu_hours == ideal.gpu_hours
    assert real.gpu_hours == pytest.approx(ideal.gpu_hours / real.assumptions.goodput)
    assert real.cost_usd > ideal.cost_usd
    assert real.wall_clock_days is not None and ideal.wall_clock_days is not None
    assert real.wall_clock_days > ideal.wall_clock_days
    assert real.gpu_hours_lost == pytest.approx(real.gpu_hours - ideal.gpu_hours)
    assert real.cost_usd_at_peak == ideal.cost_usd_at_peak  # the seed's figure has no failures


def test_more_gpus_lose_more_to_failures() -> None:
    small = train(params=70e9, tokens=2e12, gpus=512).assumptions.goodput
    large = train(params=70e9, tokens=2e12, gpus=16_384).assumptions.goodput
    assert small > large
    assert large == pytest.approx(goodput(16_384, 8.4e23 / (312e12 * 0.335) / 3600 / 16_384))


def test_explicit_goodput_is_used_and_100_percent_turns_it_off() -> None:
    assert train(params=7e9, tokens=1e12, goodput=0.8).assumptions.goodput == 0.8
    off = train(params=7e9, tokens=1e12, goodput=1.0)
    assert off.gpu_hours == off.productive_gpu_hours
    assert "goodput=80%" in train(params=7e9, tokens=1e12, goodput=0.8).command


# Time and budget


def test_days_give_the_fewest_whole_nodes_and_gpus_give_back_the_days() -> None:
    # 8.4e23 / (312e12 x 0.335) / 3600 = 2,232,427 productive GPU-hours; in 720 h: 3,100.6 GPUs before failures,
    # 3,246.7 at goodput 95.5%: 406 nodes of 8 = 3,248 GPUs.
    planned = train(params=70e9, tokens=2e12, days=30)
    assert planned.gpus_needed == 3248
    assert planned.assumptions.gpus == 3248
    assert planned.wall_clock_days is not None and planned.wall_clock_days <= 30
    on_those = train(params=70e9, tokens=2e12, gpus=3248)
    assert on_those.wall_clock_days == planned.wall_clock_days
    one_node_fewer = train(params=70e9, tokens=2e12, gpus=3240)
    assert one_node_fewer.wall_clock_days is not None and one_node_fewer.wall_clock_days > 30


def test_days_too_short_for_any_cluster_is_a_clear_error() -> None:
    with pytest.raises(EstimateError) as error:
        train(params=1e12, tokens=100e12, days=1)
    assert error.value.code == "days_unreachable"


def test_a_budget_buys_the_chinchilla_optimal_model() -> None:
    # $1M / $2.2659 = 441,325.7 GPU-hours; goodput 96.6% on 752 GPUs leaves 426,300 productive:
    # F = 426,300 x 3600 x 312e12 x 0.335 = 1.6040e23 FLOPs = 6 N (20 N): N = sqrt(F / 120) = 36.56B -> 36.6B
    result = train(budget=1e6)
    assert result.assumptions.params == 36.6e9
    assert result.assumptions.tokens == 732e9
    assert result.assumptions.tokens_rule == "budget"
    assert result.assumptions.budget == 1e6
    assert result.cost_usd == pytest.approx(1e6, rel=0.01)  # within the rounding of N to 3 figures
    assert result.assumptions.tokens / result.assumptions.params == 20
    assert math.sqrt(result.flops / 120) == pytest.approx(36.6e9)


def test_a_budget_is_in_the_currency_in_effect() -> None:
    # ¥1M at 7.1 per USD is $140,845: a sqrt(7.1) = 2.66x smaller model than $1M buys
    yuan = train(budget=1e6, currency="CNY")
    assert yuan.cost == pytest.approx(1e6, rel=0.01)
    assert yuan.assumptions.params == 13.7e9


@pytest.mark.parametrize(
    ("words", "code", "word"),
    [
        ("train 7B budget=1M", "budget_and_params", "7B"),
        ("train 7B 1T days=30 gpus=64", "days_and_gpus", "days=30"),
        ("train 7B 1T days=0", "out_of_range_gt", "days=0"),
        ("train 7B 1T goodput=0", "out_of_range_ge", "goodput=0"),
    ],
)
def test_planning_keys_name_the_bad_word(words: str, code: str, word: str) -> None:
    with pytest.raises(GrammarError) as error:
        parse(words)
    assert (error.value.code, error.value.values["word"]) == (code, word)
    parse(error.value.example)  # the example offered works


def test_budget_days_and_goodput_parse() -> None:
    command = parse("train budget=$2.5M days=45 goodput=90%")
    request = command.request  # type: ignore[union-attr]
    assert isinstance(request, TrainRequest)
    assert (request.budget, request.days, request.goodput, request.params) == (2.5e6, 45.0, 0.9, None)
