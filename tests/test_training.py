"""Training estimates from first principles: units, linearity, MFU, memory, energy, published runs."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calc import EstimateError, TrainRequest, estimate
from calc.gpus import CATALOG, Accelerator
from calc.mfu import fit_for
from calc.results import SimilarRun, TrainResult
from calc.runs import TrainingRun, fitted_runs
from calc.train import similar_runs
from tests.support import TODAY


def train(**fields: object) -> TrainResult:
    result = estimate(TrainRequest(**fields), TODAY)
    assert isinstance(result, TrainResult)
    return result


def test_default_mfu_is_amperes_published_median_and_goodput_applies_on_top() -> None:
    # Was a flat 35% (25-50% band); now the A100's generation median, 33.5% (calc.mfu), band 23.0-50.8%.
    # 467,414.53 GPU-hours at peak / 0.335 = 1,395,267.25 productive. Cluster sized to the typical length of a
    # run this big: 1,568 GPUs, goodput = (1 - 0.03 - 2.1946e-5 x 1568 x 0.19361 h) x 889.84 h / 890.34 h = 96.280%,
    # so 1,449,181.58 GPU-hours, x $2.2659 = $3,283,700.54.
    result = train(params=175e9, tokens=500e9)
    assert result.assumptions.mfu == 0.335
    assert result.mfu_range == (0.23, 0.508)
    assert result.productive_gpu_hours == pytest.approx(1_395_267.25, rel=1e-8)
    assert result.assumptions.goodput_gpus == 1568
    assert result.assumptions.goodput == pytest.approx(0.962797, rel=1e-6)
    assert result.gpu_hours == pytest.approx(1_449_181.58, rel=1e-8)
    assert result.cost_usd == pytest.approx(3_283_700.54, rel=1e-8)
    assert result.cost_usd_at_peak == pytest.approx(1_059_114.58, rel=1e-8)  # the seed's, untouched


def test_wall_clock_on_1024_gpus() -> None:
    # 467,414.53 GPU-hours / 1024 GPUs / 24 = 19.0191 days at peak
    result = train(params=175e9, tokens=500e9, gpus=1024, mfu=1.0, goodput=1.0)
    assert result.wall_clock_days == pytest.approx(19.019144, rel=1e-6)
    assert train(params=175e9, tokens=500e9).wall_clock_days is None


def test_full_recompute_costs_a_third_more() -> None:
    plain = train(params=7e9, tokens=1e12)
    recompute = train(params=7e9, tokens=1e12, recompute="full")
    assert plain.flops == 4.2e22
    assert recompute.flops == 5.6e22


def test_mixture_of_experts_counts_active_parameters() -> None:
    # DeepSeek-V3: 6 x 37e9 x 14.8e12 = 3.2856e24 FLOPs, not 6 x 671e9 x 14.8e12
    result = train(model="deepseek-v3")
    assert result.flops == pytest.approx(3.2856e24, rel=1e-12)
    assert result.assumptions.params == 671e9
    assert result.assumptions.active_params == 37e9
    assert result.assumptions.tokens_rule == "preset"


def test_training_state_memory_and_fewest_gpus() -> None:
    # 16 bytes x 175e9 = 2.8 TB; / 80 GB = 35 A100 80GB; / 40 GB = 70 A100 40GB
    assert train(params=175e9, tokens=1e12).state_memory_bytes == 2.8e12
    assert train(params=175e9, tokens=1e12).min_gpus_for_state == 35
    assert train(params=175e9, tokens=1e12, gpu="A100-40GB-SXM").min_gpus_for_state == 70


def test_energy_is_gpu_hours_times_board_power_times_pue() -> None:
    # 467,414.53 GPU-hours x 400 W x 1.1 = 205.66 MWh at peak
    result = train(params=175e9, tokens=500e9, mfu=1.0, goodput=1.0)
    assert result.energy_mwh == pytest.approx(205.662393, rel=1e-6)
    at_pue = train(params=175e9, tokens=500e9, mfu=1.0, goodput=1.0, pue=1.5)
    assert at_pue.energy_mwh == pytest.approx(280.448718, rel=1e-6)


def test_chinchilla_tokens_when_none_given() -> None:
    result = train(params=70e9)
    assert result.assumptions.tokens == 1.4e12
    assert result.assumptions.tokens_rule == "chinchilla"
    assert "tokens_chinchilla" in {note.code for note in result.notes}


def test_cny_conversion_and_discount() -> None:
    result = train(params=175e9, tokens=500e9, mfu=0.35, goodput=1.0, discount=0.2, currency="CNY", rate=7.25)
    # $3,026,041.67 x 0.8 x 7.25
    assert result.cost == pytest.approx(17_551_041.67, rel=1e-9)
    assert result.assumptions.fx_rate == 7.25
    assert train(params=175e9, tokens=500e9, rate=7.0).currency == "CNY"


def test_peak_per_precision_and_override() -> None:
    assert train(params=7e9, tokens=1e12, gpu="H100-SXM").assumptions.peak_flops == 989.4e12
    assert train(params=7e9, tokens=1e12, gpu="H100-SXM", precision="fp8").assumptions.peak_flops == 1978.9e12
    assert train(params=7e9, tokens=1e12, gpu="V100-SXM2").assumptions.precision == "fp16"
    assert train(params=7e9, tokens=1e12, flops=100e12).assumptions.peak_flops == 100e12
    with pytest.raises(EstimateError) as error:
        train(params=7e9, tokens=1e12, gpu="A100-80GB-SXM", precision="fp8")
    assert error.value.code == "precision_unsupported"


def test_gpu_without_a_public_price_needs_one() -> None:
    with pytest.raises(EstimateError) as error:
        train(params=7e9, tokens=1e12, gpu="H20")
    assert error.value.code == "no_price"
    typed = train(params=7e9, tokens=1e12, gpu="H20", price=1.5).assumptions
    assert (typed.price.label, typed.price_source) == (None, "your price")  # calc words nothing; JSON keeps its value


def test_stale_and_fresh_prices_are_told_apart() -> None:
    assert train(params=7e9, tokens=1e12).assumptions.price.stale  # the seed's price is undated
    assert not train(params=7e9, tokens=1e12, gpu="H100-SXM").assumptions.price.stale  # 2026-11-09
    h800 = train(params=7e9, tokens=1e12, gpu="H800-SXM")  # 2024-12: over a year before 2026-11-29
    assert h800.assumptions.price.stale
    assert "price_stale" in {note.code for note in h800.notes}


@pytest.mark.parametrize(
    ("model", "gpu", "reported_hours", "end_to_end", "goodput"),
    [
        # 6 x 70e9 x 2e12 / (312e12 x 3600 x 1,720,320) = 0.434723, on a cluster sized by the run-length fit
        ("llama2-70b", "A100-80GB-SXM", 1_720_320, 0.434723, 0.962119),
        # 6 x 405e9 x 15.6e12 / (989.4e12 x 3600 x 30.84e6) = 0.345098 on 16,384 GPUs: goodput 90.01%
        ("llama3.1-405b", "H100-SXM", 30_840_000, 0.345098, 0.900120),
        # 6 x 37e9 x 14.8e12 / (989.4e12 x 3600 x 2.664e6) = 0.346263 on 2,048 GPUs
        ("deepseek-v3", "H800-SXM", 2_664_000, 0.346263, 0.960914),
    ],
)
def test_published_runs_imply_plausible_mfu(
    model: str, gpu: str, reported_hours: float, end_to_end: float, goodput: float
) -> None:
    # The run's implied MFU is productive time (end to end over the goodput), the footing `mfu` is on.
    result = train(model=model)
    assert result.reported is not None
    assert (result.reported.gpu, result.assumptions.gpu) == (gpu, gpu)  # the preset trains where it trained
    assert result.reported.gpu_hours == reported_hours
    assert result.reported.implied_mfu == pytest.approx(end_to_end / goodput, rel=1e-5)


def test_reported_llama2_70b_run_priced_at_its_reported_utilization() -> None:
    # At the MFU the run reached, the estimate gives back its 1,720,320 GPU-hours.
    # The end-to-end MFU already counts the run's failures: no goodput on top.
    result = train(params=70e9, tokens=2e12, gpu="A100-80GB-SXM", mfu=0.434723335, goodput=1.0)
    assert result.gpu_hours == pytest.approx(1_720_320, rel=1e-6)
    assert result.reported is None  # not the preset as published: no comparison to print


tokens = st.floats(min_value=1e6, max_value=1e15)
prices = st.floats(min_value=0.01, max_value=100)
mfus = st.floats(min_value=0.01, max_value=1.0)


@given(tokens=tokens, factor=st.floats(min_value=1.01, max_value=100))
def test_cost_is_linear_in_tokens(tokens: float, factor: float) -> None:
    # At a fixed goodput: the model's goodput falls as a bigger job takes a bigger cluster.
    base = train(params=7e9, tokens=tokens, price=2.0, goodput=0.9)
    scaled = train(params=7e9, tokens=tokens * factor, price=2.0, goodput=0.9)
    assert scaled.cost_usd == pytest.approx(base.cost_usd * factor, rel=1e-9)


@given(price=prices, factor=st.floats(min_value=1.01, max_value=10))
def test_cost_is_linear_in_price(price: float, factor: float) -> None:
    base = train(params=7e9, tokens=1e12, price=price)
    scaled = train(params=7e9, tokens=1e12, price=price * factor)
    assert scaled.cost_usd == pytest.approx(base.cost_usd * factor, rel=1e-9)


@given(mfu=mfus)
def test_cost_is_inverse_in_mfu(mfu: float) -> None:
    result = train(params=7e9, tokens=1e12, price=2.0, mfu=mfu, goodput=1.0)
    assert result.cost_usd * mfu == pytest.approx(result.cost_usd_at_peak, rel=1e-9)
    assert result.cost_usd >= result.cost_usd_at_peak


def nearest_by_sorting_every_run(gpu: Accelerator, active_params: float, count: int) -> tuple[SimilarRun, ...]:
    """The rule similar_runs keeps to, written plainly: every fitted run ranked by generation (the request's GPU's,
    the one its default borrows, any other), then by distance in log size, ties in the runs' own order."""
    own, borrowed = gpu.generation, fit_for(gpu).borrowed_from

    def nearness(run: TrainingRun) -> tuple[int, float]:
        generation = run.accelerator.generation
        rank = 0 if generation == own else 1 if generation == borrowed else 2
        return rank, abs(math.log(run.active) - math.log(active_params))

    return tuple(
        SimilarRun(
            model=run.model,
            developer=run.developer,
            gpu=run.accelerator.id,
            params=run.params,
            active_params=run.active_params,
            tokens=run.tokens,
            implied_mfu=run.implied_mfu or 0.0,
            gpu_hours=run.published_gpu_hours,
            source=run.source,
        )
        for run in sorted(fitted_runs(), key=nearness)[:count]
    )


RUN_SIZES = sorted({run.active for run in fitted_runs()})


@given(
    gpu=st.sampled_from(CATALOG),
    active_params=st.one_of(st.floats(1e6, 1e15), st.sampled_from(RUN_SIZES)),  # a run's own size: ties in distance
    count=st.integers(1, 12),
)
def test_similar_runs_are_the_nearest_by_generation_then_size(
    gpu: Accelerator, active_params: float, count: int
) -> None:
    assert similar_runs(gpu, active_params, count) == nearest_by_sorting_every_run(gpu, active_params, count)
