"""Serving estimates from first principles: the compute/memory crossover, batching, cards, fit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc import EstimateError, InferRequest, estimate
from calc.results import InferResult
from tests.support import TODAY


def infer(**fields: object) -> InferResult:
    result = estimate(InferRequest(**fields), TODAY)
    assert isinstance(result, InferResult)
    return result


def test_crossover_batch_on_a100() -> None:
    # Compute step 2·N·B/(312e12·0.5) equals memory step 2·N/(2.039e12·0.8) at B = 156e12/1.6312e12 = 95.635
    result = infer(params=70e9, batch=95)
    assert result.crossover_batch == pytest.approx(95.6351, rel=1e-5)
    assert result.bound == "memory"
    assert infer(params=70e9, batch=96).bound == "compute"


def test_memory_bound_decode_at_batch_one() -> None:
    # 70e9 x 2 bytes = 140 GB over 2 A100 80GB cards: step = 140e9 / (2 x 2.039e12 x 0.8) = 0.042913 s
    # cost per 1K = 1000 x 0.042913 s x 2 cards x $2.2659/3600 = $0.054021
    result = infer(params=70e9)
    assert result.min_cards == 2
    assert result.assumptions.cards == 2
    assert result.step_time_s == pytest.approx(0.0429132, rel=1e-5)
    assert result.cost_per_1k_tokens_usd == pytest.approx(0.0540210, rel=1e-5)
    assert result.tokens_per_second == pytest.approx(23.3028, rel=1e-5)
    assert "memory_bound" in {note.code for note in result.notes}


def test_compute_floor_is_two_flops_per_active_parameter() -> None:
    # 2 x 70e9 x 1000 / (312e12 x 0.5) x $2.2659/3600 = $0.000564861 per 1K tokens
    result = infer(params=70e9, batch=4096)
    assert result.bound == "compute"
    assert result.cost_per_1k_tokens_usd == pytest.approx(0.000564861, rel=1e-5)
    assert result.cost_per_1k_tokens_usd == pytest.approx(result.compute_floor_per_1k_tokens_usd, rel=1e-12)


def test_weights_that_do_not_fit_are_flagged() -> None:
    result = infer(params=70e9, cards=1)
    assert not result.fits
    assert {"weights_do_not_fit"} <= {note.code for note in result.notes}


def test_fp8_halves_weight_bytes_and_cards() -> None:
    result = infer(params=70e9, gpu="H100-SXM", precision="fp8")
    assert result.assumptions.bytes_per_param == 1
    assert result.min_cards == 1


def test_input_tokens_are_prefilled_at_compute_speed() -> None:
    # prefill 2 x 7e9 x 800 / (312e12 x 0.5) = 0.0717949 s; decode 200 steps of 14e9 / (2.039e12 x 0.8) = 1.716528 s
    result = infer(params=7e9, input=800, output=200)
    assert result.assumptions.tokens == 1000
    assert result.latency_s == pytest.approx(0.0717949 + 1.716528, rel=1e-5)


def test_token_split_rules() -> None:
    assert infer(params=7e9, tokens=1000, input=300).assumptions.output == 700
    assert infer(params=7e9, tokens=1000, output=300).assumptions.input == 700
    assert infer(params=7e9, output=300).assumptions.tokens == 300
    for fields in (
        {"tokens": 100, "input": 100},
        {"tokens": 10, "input": 5, "output": 6},
        {"tokens": 10, "output": 11},
    ):
        with pytest.raises(EstimateError):
            infer(params=7e9, **fields)


def test_opt_and_discount_scale_the_cost() -> None:
    base = infer(params=7e9, batch=8)
    assert infer(params=7e9, batch=8, opt=0.3).cost_per_1k_tokens_usd == pytest.approx(
        base.cost_per_1k_tokens_usd * 0.7, rel=1e-12
    )
    assert infer(params=7e9, batch=8, discount=0.5).cost_per_1k_tokens_usd == pytest.approx(
        base.cost_per_1k_tokens_usd * 0.5, rel=1e-12
    )


def test_moe_reads_only_the_experts_a_small_batch_touches() -> None:
    # DeepSeek-V3 at batch 1 reads 37B weights, at a big batch all 671B.
    small = infer(model="deepseek-v3", gpu="H200-SXM", precision="fp8", batch=1)
    big = infer(model="deepseek-v3", gpu="H200-SXM", precision="fp8", batch=64)
    assert small.step_time_s == pytest.approx(37e9 / (small.assumptions.cards * 4.8e12 * 0.8), rel=1e-9)
    assert big.step_time_s == pytest.approx(671e9 / (big.assumptions.cards * 4.8e12 * 0.8), rel=1e-9)


batches = st.integers(min_value=1, max_value=4096)


@given(batch=batches)
def test_batching_never_raises_cost_and_stops_at_the_floor(batch: int) -> None:
    smaller = infer(params=70e9, batch=batch)
    larger = infer(params=70e9, batch=batch * 2)
    assert larger.cost_per_1k_tokens_usd <= smaller.cost_per_1k_tokens_usd * (1 + 1e-12)
    assert larger.cost_per_1k_tokens_usd >= larger.compute_floor_per_1k_tokens_usd * (1 - 1e-12)


@given(batch=batches, cards=st.integers(min_value=2, max_value=64))
def test_more_cards_never_lower_cost_but_cut_latency(batch: int, cards: int) -> None:
    fewer = infer(params=70e9, batch=batch, cards=cards)
    more = infer(params=70e9, batch=batch, cards=cards + 1)
    assert more.cost_per_1k_tokens_usd >= fewer.cost_per_1k_tokens_usd * (1 - 1e-12)
    assert more.latency_s < fewer.latency_s
