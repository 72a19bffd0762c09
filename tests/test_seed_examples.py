"""The seed document's worked examples, to the digit (expected values worked out by hand, written out)."""

import pytest

from calc import InferResult, TrainResult, estimate
from tests.support import TODAY
from tests.support.commands import request_of


def train(words: str) -> TrainResult:
    result = estimate(request_of(words), TODAY)
    assert isinstance(result, TrainResult)
    return result


def infer(words: str) -> InferResult:
    result = estimate(request_of(words), TODAY)
    assert isinstance(result, InferResult)
    return result


def test_gpt3_at_peak_is_the_seeds_1_05_million_dollars() -> None:
    # 6 x 175e9 x 500e9 = 5.25e23 FLOPs; / 312e12 FLOP/s / 3600 = 467,414.53 GPU-hours; x $2.2659 = $1,059,114.58
    result = train("train 175B 500B")
    assert result.flops == 5.25e23
    assert result.gpu_hours_at_peak == pytest.approx(467_414.52991453, rel=1e-12)
    assert round(result.cost_usd_at_peak) == 1_059_115
    assert result.assumptions.price_per_gpu_hour == 2.2659
    assert result.assumptions.peak_flops == 312e12


def test_gpt3_after_5zhe_in_cny_is_3_76_million_yuan() -> None:
    # $1,059,114.58 x 50% x 7.1 = ¥3,759,856.77
    result = train("train gpt3 discount=5折 currency=CNY rate=7.1")
    assert round(result.cost_at_peak) == 3_759_857
    assert result.currency == "CNY"
    assert round(result.cost_usd_at_peak) == 529_557


def test_gpt3_typed_as_the_seeds_readers_would() -> None:
    result = train("train 1750亿 5000亿 discount=5折 currency=人民币")
    assert round(result.cost_at_peak) == 3_759_857
    assert result.assumptions.fx_rate == 7.1


def test_gpt4_is_267_times_gpt3_not_the_seeds_280() -> None:
    # 6 x 1800e9 x 13e12 = 1.404e26 FLOPs = 125,000,000 A100-hours at peak; x $2.2659 x 50% = $141,618,750
    gpt4 = train("train 1800B 13T discount=50%")
    gpt3 = train("train 175B 500B discount=50%")
    assert gpt4.flops == 1.404e26
    assert gpt4.gpu_hours_at_peak == pytest.approx(125_000_000, rel=1e-12)
    assert gpt4.cost_usd_at_peak == pytest.approx(141_618_750, rel=1e-12)
    assert gpt4.cost_usd_at_peak / gpt3.cost_usd_at_peak == pytest.approx(267.428571, rel=1e-6)


def test_gpt4_in_cny_is_a_billion_yuan() -> None:
    # $141,618,750 x 7.1 = ¥1,005,493,125
    assert train("train gpt4 discount=5折 currency=CNY").cost_at_peak == pytest.approx(1_005_493_125, rel=1e-12)


def test_gpt4_turbo_8x222b_is_1776b_and_139_7_million() -> None:
    # 1776/1800 x 125,000,000 GPU-hours = 123,333,333.3; x $2.2659 x 50% = $139,730,500
    result = train("train 8x222B 13T discount=50%")
    assert result.assumptions.params == 1.776e12
    assert result.cost_usd_at_peak == pytest.approx(139_730_500, rel=1e-12)
    assert train("train gpt4-turbo discount=50%").cost_usd_at_peak == pytest.approx(139_730_500, rel=1e-12)


def test_seed_formula_is_seed_arithmetic_at_peak() -> None:
    result = train("train 175B 500B formula=seed mfu=35%")
    assert result.assumptions.mfu == 1.0
    assert round(result.cost_usd) == 1_059_115
    assert "seed_train" in {note.code for note in result.notes}


def test_inference_seed_formula_reproduces_2_09_dollars() -> None:
    # 8.222e11 x 1000 / (1e14 x 3.93) = 2.0921...
    result = infer("infer 8.222e11 flops=100T price=3.93 formula=seed")
    assert round(result.cost_per_1k_tokens_usd, 2) == 2.09
    assert result.cost_per_1k_tokens_usd == pytest.approx(2.092111959, rel=1e-9)
    seed_note = next(note for note in result.notes if note.code == "seed_infer")
    assert seed_note.values["standard"] == pytest.approx(result.standard_formula_per_1k_tokens_usd)


def test_inference_standard_formula_at_the_compute_floor() -> None:
    # 2 x 8.222e11 FLOPs x 1000 tokens / 1e14 FLOP/s = 16.444 s x $3.93/3600 = $0.0179514 per 1K tokens
    result = infer("infer 8.222e11 flops=100T price=3.93 mfu=100% batch=64")
    assert result.bound == "compute"
    assert result.cost_per_1k_tokens_usd == pytest.approx(0.01795137, rel=1e-6)
    assert result.compute_floor_per_1k_tokens_usd == pytest.approx(0.01795137, rel=1e-6)
