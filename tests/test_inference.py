"""Serving estimates from first principles: two phases, the KV cache, memory, precision, load, published points."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc import EstimateError, InferRequest, estimate
from calc.results import InferResult
from calc.shapes import preset_shape
from tests.support import TODAY


def infer(**fields: object) -> InferResult:
    result = estimate(InferRequest(**fields), TODAY)
    assert isinstance(result, InferResult)
    return result


# A 7B model on one A100 at batch 1, 800 in / 200 out, utilization given: every figure worked out by hand.
SMALL = {"params": 7e9, "input": 800, "output": 200, "batch": 1, "cards": 1, "mfu": 0.5, "mbu": 0.8}


def test_kv_bytes_per_token_from_the_configs() -> None:
    # Llama 3.1 70B: 80 layers x 2 x 8 KV heads x 128 x 2 bytes = 327,680; FP8 halves it.
    assert infer(model="llama3.1-70b", gpu="H100", precision="fp8", kv="bf16").kv_bytes_per_token == 327_680
    assert infer(model="llama3.1-70b", gpu="H100", precision="fp8").kv_bytes_per_token == 163_840
    # DeepSeek-V3's MLA caches a 512 + 64 latent per layer: 61 x 576 x 1 byte (FP8) = 35,136.
    assert infer(model="deepseek-v3", gpu="H200", precision="fp8").kv_bytes_per_token == 35_136


def test_sliding_window_layers_cap_their_cache() -> None:
    # Gemma 2 27B: 23 global layers hold 8192 tokens, 23 local ones 4096; 4096 values x 2 bytes each token-layer.
    gemma = preset_shape("gemma2-27b")
    assert gemma is not None
    assert gemma.kv_bytes(8192, 2) == (23 * 8192 + 23 * 4096) * 4096 * 2
    assert gemma.kv_bytes(2048, 2) == 46 * 2048 * 4096 * 2


def test_alternating_and_chunked_layers_of_todays_models() -> None:
    # gpt-oss-120b: 18 of 36 layers keep a 128-token window; 2 x 8 KV heads x 64 = 1024 values per token-layer.
    oss = preset_shape("gpt-oss-120b")
    assert oss is not None
    assert oss.kv_bytes(1000, 2) == (18 * 1000 + 18 * 128) * 1024 * 2
    # Llama 4 Scout: 36 of 48 layers attend within 8192-token chunks (at most 8192 cached), every 4th layer globally.
    scout = preset_shape("llama4-scout")
    assert scout is not None
    assert scout.kv_bytes(20_000, 1) == (12 * 20_000 + 36 * 8192) * 2048
    assert scout.kv_bytes(4000, 1) == 48 * 4000 * 2048
    # Llama 4 Maverick: 24 of its 48 layers are dense, so the expert dispatch crosses the other 24.
    maverick = preset_shape("llama4-maverick")
    assert maverick is not None and maverick.moe_layers == 24


def test_kv_bytes_per_token_of_qwen3_moe() -> None:
    # Qwen3-235B-A22B: 94 layers x 2 x 4 KV heads x 128 x 1 byte (FP8) = 96,256.
    assert infer(model="qwen3-235b-a22b", gpu="H200", cards=4, precision="fp8").kv_bytes_per_token == 96_256


def test_small_model_two_phases_by_hand() -> None:
    # Decode step: (14e9 weight bytes + KV at mean context 900: 900 x 32 x 2048 x 2 = 117,964,800) / (2.039e12 x 0.8)
    #   = 0.00865496 s (compute, 2 x 7e9 / 156e12 = 0.0000897 s, is far below), + the fixed 120 µs for each of the 32
    #   layers, 0.00384 s: 0.01249496 s.
    # Prefill: (2 x 7e9 x 800 + attention 2 x 4096 x 32 layers x 800²) / 156e12 = 0.0728703 s.
    # One request alone: 0.0728703 + 200 x 0.01249496 = 2.5718623 s; 200 / (2.5718623 - 0.0728703) tokens/s each.
    result = infer(**SMALL)
    assert result.assumptions.shape.basis == "typical"
    assert result.step_time_s == pytest.approx(0.01249496, rel=1e-5)
    assert result.ttft_s == pytest.approx(0.0728703, rel=1e-5)
    assert result.tpot_s == pytest.approx(0.01249496, rel=1e-5)
    assert result.latency_s == pytest.approx(2.5718623, rel=1e-5)
    assert result.tokens_per_second == pytest.approx(200 / 2.5718623, rel=1e-5)
    # Money at $2.2659/h: input $0.0573323 per 1M (prefill's time), output 0.01249496 s x $2.2659 / 3600 per token =
    # $7.864533 per 1M, the request 2.5718623 s x $2.2659 / 3600 = $0.00161877.
    assert result.cost_per_1m_input_usd == pytest.approx(0.0573323, rel=1e-5)
    assert result.cost_per_1m_output_usd == pytest.approx(7.864533, rel=1e-5)
    assert result.cost_per_request_usd == pytest.approx(0.00161877, rel=1e-5)
    assert result.bound == "memory"


def test_max_batch_from_memory_by_hand() -> None:
    # Llama 3.1 70B (the preset's 70e9) FP8 on 2 H100: 35 GB of weights per card; the KV cache gets 90% of the other
    # 45 GB, 40.5 GB; a 2,000-token sequence holds 2000 x 80 x 2048 x 1 byte / 2 cards = 163.84 MB per card: 247 fit.
    result = infer(model="llama3.1-70b", gpu="H100", precision="fp8", cards=2, input=1000, output=1000)
    assert result.max_batch == 247
    assert result.assumptions.batch == 247
    assert result.assumptions.batch_rule == "max"
    longer = infer(model="llama3.1-70b", gpu="H100", precision="fp8", cards=2, input=4000, output=1000)
    assert longer.max_batch == 98  # 40.5 GB / (5000 x 81,920 bytes) = 98.9


@given(context=st.integers(min_value=100, max_value=60_000))
@settings(max_examples=30, deadline=None)
def test_more_context_never_fits_more_sequences(context: int) -> None:
    shorter = infer(model="llama3.1-8b", gpu="H100", input=context, output=200)
    longer = infer(model="llama3.1-8b", gpu="H100", input=context * 2, output=200, cards=shorter.assumptions.cards)
    assert longer.max_batch <= shorter.max_batch
    assert longer.kv_bytes_per_token == shorter.kv_bytes_per_token


@given(batch=st.integers(min_value=1, max_value=512))
@settings(max_examples=30, deadline=None)
def test_never_faster_than_reading_the_weights(batch: int) -> None:
    # Even at 100% of bandwidth, each decode step reads the weights held on each card at least once.
    result = infer(model="llama3.1-70b", gpu="H100", precision="fp8", cards=2, batch=batch, mfu=1.0, mbu=1.0)
    floor = 70e9 / 2 / 3.35e12
    assert result.step_time_s >= floor
    assert result.tpot_s >= floor


def test_prefill_share_falls_as_output_grows() -> None:
    shares = [
        infer(model="llama3.1-8b", gpu="H100", input=1000, output=out, batch=64).prefill_share
        for out in (50, 200, 1000)
    ]
    assert shares[0] > shares[1] > shares[2] > 0


@given(batch=st.integers(min_value=1, max_value=200), output=st.integers(min_value=1, max_value=4000))
@settings(max_examples=40, deadline=None)
def test_cost_is_gpu_time_over_the_tokens_shown(batch: int, output: int) -> None:
    result = infer(model="llama3.1-70b", gpu="H100", precision="fp8", cards=2, batch=batch, input=500, output=output)
    a = result.assumptions
    replica_usd_per_hour = a.cards * a.price_per_gpu_hour
    # tokens per second x dollars per token = dollars per second the replica costs
    assert result.total_tokens_per_second * result.cost_per_1m_tokens_usd / 1e6 * 3600 == pytest.approx(
        replica_usd_per_hour, rel=1e-9
    )
    by_phase = (a.input * result.cost_per_1m_input_usd + a.output * result.cost_per_1m_output_usd) / 1e6
    assert by_phase == pytest.approx(result.cost_per_request_usd, rel=1e-9)
    assert result.output_tokens_per_second_per_gpu * a.cards == pytest.approx(result.tokens_per_second, rel=1e-12)


def test_a_batch_that_does_not_fit_is_said_and_reduced() -> None:
    result = infer(model="llama3.1-70b", gpu="H100", precision="fp8", cards=2, input=1000, output=1000, batch=1000)
    assert result.assumptions.batch == 247
    assert result.assumptions.batch_rule == "reduced"
    note = next(note for note in result.notes if note.code == "batch_does_not_fit")
    assert note.values == {"batch": 1000, "max_batch": 247}


def test_min_cards_counts_the_kv_cache_of_the_batch() -> None:
    # 70B in BF16 is 141 GB: one 141 GB H200 cannot hold it and 32 sequences' cache.
    result = infer(params=70e9, gpu="H200", batch=32)
    assert result.min_cards == 2
    assert result.assumptions.cards >= 2
    assert result.memory.weights + result.memory.kv_cache + result.memory.reserve <= result.memory.capacity
    many = infer(params=70e9, gpu="H200", batch=200, input=4000, output=1000)
    assert many.min_cards == 4  # 200 x 5000 x 327,680 bytes = 327.7 GB of cache beside 140 GB of weights


def test_weights_that_do_not_fit_are_flagged() -> None:
    result = infer(params=70e9, gpu="H100", cards=1)
    assert not result.fits
    assert result.max_batch == 0
    assert "weights_do_not_fit" in {note.code for note in result.notes}


def test_precisions_for_weights_and_cache() -> None:
    int4 = infer(params=70e9, gpu="H100", precision="int4", cards=1, batch=1)
    assert int4.assumptions.bytes_per_param == 0.5
    assert int4.assumptions.compute_precision == "bf16"  # weight-only: multiplies at the activations' 16 bits
    assert int4.assumptions.peak_flops == 989.4e12
    fp8_cache = infer(params=70e9, gpu="H100", kv="fp8", cards=2, batch=1)
    assert fp8_cache.kv_bytes_per_token == 80 * 2048 * 1
    with pytest.raises(EstimateError) as error:
        infer(params=70e9, gpu="H100", precision="fp4")
    assert error.value.code == "precision_unsupported"
    assert "fp8" in str(error.value.values["available"]) and "int4" in str(error.value.values["available"])
    assert infer(params=70e9, gpu="B200", precision="fp4").assumptions.peak_flops == 9000e12


def test_shape_keys_override_the_typical_shape() -> None:
    result = infer(params=70e9, gpu="H100", precision="fp8", cards=2, layers=40, kv_heads=4, head_dim=64)
    assert result.kv_bytes_per_token == 40 * 2 * 4 * 64 * 1
    assert result.assumptions.shape.overridden
    assert "layers=40" in result.command


def test_moe_reads_only_the_experts_a_small_batch_touches() -> None:
    # Mixtral 8x7B, top-2 of 8: at batch 1 a step reads the shared part and a quarter of the routed experts.
    # The preset's 46.7B total, 12.9B active: routed = (46.7e9 − 12.9e9) x 8/6 = 45.0667e9, shared 1.6333e9;
    # read 1.6333e9 + 45.0667e9/4 = 12.9e9 bytes in FP8. At batch 2, 1 − (6/8)² = 43.75% of the experts.
    # Each step also pays the fixed 120 µs for each of the 32 layers.
    fixed = 32 * 120e-6
    one = infer(model="mixtral-8x7b", gpu="H100", precision="fp8", cards=1, batch=1, input=1, output=1, mbu=1.0)
    kv = 1.5 * 32 * 2048 * 1  # one sequence at mean context 1.5 tokens
    assert one.step_time_s == pytest.approx((12.9e9 + kv) / 3.35e12 + fixed, rel=1e-6)
    two = infer(model="mixtral-8x7b", gpu="H100", precision="fp8", cards=1, batch=2, input=1, output=1, mbu=1.0)
    shared = 46.7e9 - (46.7e9 - 12.9e9) * 8 / 6
    read = shared + (46.7e9 - 12.9e9) * 8 / 6 * 0.4375
    assert two.step_time_s == pytest.approx((read + 2 * kv) / 3.35e12 + fixed, rel=1e-6)


def test_load_sizes_the_deployment() -> None:
    result = infer(model="llama3.3-70b", gpu="H100", precision="fp8", rps=50)
    deployment = result.deployment
    assert deployment is not None and result.replicas == deployment.replicas
    assert deployment.replicas * deployment.requests_per_second_per_replica_max >= 50
    assert (deployment.replicas - 1) * deployment.requests_per_second_per_replica_max < 50
    assert result.gpus_total == deployment.replicas * result.assumptions.cards
    assert result.monthly_cost_usd == pytest.approx(result.gpus_total * result.assumptions.price_per_gpu_hour * 730)
    # The batch the load yields carries its share of the requests, and no smaller batch would.
    per_replica = 50 / deployment.replicas
    assert deployment.batch / result.latency_s >= per_replica * (1 - 1e-9)
    assert result.assumptions.batch <= result.max_batch


def test_a_light_load_runs_a_small_batch_quickly() -> None:
    light = infer(model="llama3.1-8b", gpu="H100", rps=0.5)
    assert light.replicas == 1
    assert light.assumptions.batch <= 4
    assert light.tpot_s < 0.02


def test_chat_default_request_shape_is_stated() -> None:
    result = infer(params=7e9)
    assert (result.assumptions.input, result.assumptions.output) == (1000, 250)
    assert "chat_default" in {note.code for note in result.notes}


def test_token_split_rules() -> None:
    assert infer(params=7e9, tokens=1000, input=300).assumptions.output == 700
    assert infer(params=7e9, tokens=1000, output=300).assumptions.input == 700
    assert infer(params=7e9, tokens=300).assumptions.input == 0  # `tokens` alone: all generated, as before
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


@given(batch=st.integers(min_value=1, max_value=120))
@settings(max_examples=30, deadline=None)
def test_batching_never_raises_cost_and_stops_at_the_floor(batch: int) -> None:
    smaller = infer(params=70e9, gpu="H100", precision="fp8", cards=2, batch=batch)
    larger = infer(params=70e9, gpu="H100", precision="fp8", cards=2, batch=batch * 2)
    assert larger.cost_per_1k_tokens_usd <= smaller.cost_per_1k_tokens_usd * (1 + 1e-12)
    assert larger.cost_per_1k_tokens_usd >= larger.compute_floor_per_1k_tokens_usd * (1 - 1e-12)


def test_crossover_batch_by_hand() -> None:
    # Llama 3.1 70B FP8 on H100s at full utilization (1978.9 TFLOPS FP8, 3.35 TB/s), 100 in / 100 out: a decode step
    # at mean context 150 caches 150 x 80 layers x 2048 values x 1 byte = 24.576 MB per sequence. On 2 cards (TP2)
    # each card computes 70e9 FLOPs per sequence (3.53732e-5 s) and reads 35e9 bytes of weights (1.044776e-2 s) plus
    # 24.576e6 / 2 bytes of cache per sequence (3.66806e-6 s): compute-bound from B x 3.170506e-5 >= 1.044776e-2,
    # B >= 329.53. As 2 stages of TP2 each card holds 17.5e9 bytes and a quarter of the cache, and a micro-batch is
    # half the batch: B/2 >= 5.223881e-3 / (1.768659e-5 - 1.834030e-6) = 329.53, B >= 659.06. At 1000 in / 1000 out
    # a sequence's cache read (245.76e6 / 2 bytes, 3.66806e-5 s) outlasts its compute (3.53732e-5 s): never.
    full = {"model": "llama3.1-70b", "gpu": "H100", "precision": "fp8", "mfu": 1.0, "mbu": 1.0}
    assert infer(**full, cards=2, input=100, output=100).crossover_batch == 330
    assert infer(**full, cards=4, pp=2, input=100, output=100).crossover_batch == 660
    assert infer(**full, cards=2, input=1000, output=1000).crossover_batch is None


@given(
    params=st.sampled_from([1e9, 3e9, 8e9]),
    gpu=st.sampled_from(["H100", "H200", "L40S", "B200"]),
    precision=st.sampled_from(["fp8", "bf16"]),
    pp=st.sampled_from([1, 2, 3]),
    input_tokens=st.integers(min_value=0, max_value=400),
    output_tokens=st.integers(min_value=1, max_value=400),
)
@settings(max_examples=60, deadline=None)
def test_crossover_is_the_least_compute_bound_batch(
    params: float, gpu: str, precision: str, pp: int, input_tokens: int, output_tokens: int
) -> None:
    fields = {"params": params, "gpu": gpu, "precision": precision, "cards": pp, "pp": pp}
    fields |= {"input": input_tokens, "output": output_tokens}
    result = infer(**fields)
    if result.crossover_batch is None:  # never compute-bound: not at the largest batch that fits either
        assert infer(**fields, batch=result.max_batch).bound == "memory"
        return
    batch = int(result.crossover_batch)
    if batch <= result.max_batch:  # a batch that fits is served as asked, so its step's bound is the crossover's
        assert infer(**fields, batch=batch).bound == "compute"
        assert batch == 1 or infer(**fields, batch=batch - 1).bound == "memory"


# Published points (bench/data/serving_results.json), as the bench asks them: within 1.5x either way.
PUBLISHED = [
    # TensorRT-LLM v0.17 perf-overview, Llama 3.1 8B FP8 on one H100, 128/128: 28,836.77 output tokens/s
    ({"model": "llama3.1-8b", "gpu": "H100", "precision": "fp8", "cards": 1, "input": 128, "output": 128}, 28_836.77),
    # TensorRT-LLM v1.0, Llama 3.3 70B FP8 on one H200, 1000/1000: 2,909
    ({"model": "llama3.3-70b", "gpu": "H200", "precision": "fp8", "cards": 1, "input": 1000, "output": 1000}, 2_909),
    # TensorRT-LLM v0.17, Llama 3.1 70B FP8 on 8 H100 (TP8), 1000/1000: 11,451
    ({"model": "llama3.1-70b", "gpu": "H100", "precision": "fp8", "cards": 8, "input": 1000, "output": 1000}, 11_451),
    # TensorRT-LLM v0.17, Mixtral 8x7B FP8 on 2 H200 (TP2), 1000/1000: 19,151
    ({"model": "mixtral-8x7b", "gpu": "H200", "precision": "fp8", "cards": 2, "input": 1000, "output": 1000}, 19_151),
]


@pytest.mark.parametrize(("fields", "published"), PUBLISHED)
def test_published_points_within_one_and_a_half(fields: dict[str, object], published: float) -> None:
    predicted = infer(**fields).tokens_per_second
    assert 1 / 1.5 <= predicted / published <= 1.5
    ceiling = infer(**fields, mfu=1.0, mbu=1.0).tokens_per_second
    assert ceiling >= published


def test_tensor_parallel_keeps_less_per_gpu_by_default_only() -> None:
    # Llama 3.1 8B (hidden 4096) in TP8 leaves 512-column slices: 512 / (512 + 768) over 4096 / (4096 + 768)
    # = 0.4 / 0.842105 = 0.475 of one GPU's utilization; MBU 90% x 0.475 = 42.75%.
    eight = infer(model="llama3.1-8b", gpu="H100", cards=8, batch=1)
    assert eight.assumptions.tp_efficiency == pytest.approx(0.475, rel=1e-12)
    assert eight.assumptions.mbu == 0.4275
    given = infer(model="llama3.1-8b", gpu="H100", cards=8, batch=1, mbu=0.6)
    assert given.assumptions.mbu == 0.6
    assert math.isclose(given.assumptions.tp_efficiency, 0.475)
    # Llama 3.1 405B (hidden 16384) keeps more at the same degree: 2048 / 2816 over 16384 / 17152 = 0.761364.
    wide = infer(model="llama3.1-405b", gpu="H200", precision="fp8", cards=8, batch=1)
    assert wide.assumptions.tp_efficiency == pytest.approx(0.761364, rel=1e-6)


def test_faster_formats_reach_less_of_their_peak_by_default() -> None:
    # 60% of the 16-bit peak; a format k times faster keeps 60% x k^(0.7 − 1): H100 FP8 (k = 1978.9 / 989.4 =
    # 2.0001) 48.7344%, B200 FP4 (k = 9000 / 2250 = 4) 39.5852% of its own peak. Weight-only INT4 multiplies at 16
    # bits, so it keeps 60%.
    assert infer(params=7e9, gpu="H100", cards=1, batch=1).assumptions.mfu == 0.6
    assert infer(params=7e9, gpu="H100", precision="fp8", cards=1, batch=1).assumptions.mfu == 0.487344
    assert infer(params=7e9, gpu="B200", precision="fp4", cards=1, batch=1).assumptions.mfu == 0.395852
    assert infer(params=7e9, gpu="H100", precision="int4", cards=1, batch=1).assumptions.mfu == 0.6
    # Given, an MFU is what is achieved against the format's own peak.
    assert infer(params=7e9, gpu="H100", precision="fp8", cards=1, batch=1, mfu=0.5).assumptions.mfu == 0.5


def test_a_bare_size_takes_the_typical_shape_for_its_size() -> None:
    # 70B sits in the 60-80B row (Llama 3 70B); 822B is beyond every row, so the nearest, 405B (Llama 3.1 405B).
    assert infer(params=70e9, gpu="H100").assumptions.shape.reference == "Llama 3 70B"
    big = infer(params=8.222e11, gpu="H100", precision="fp8", batch=1)
    assert big.assumptions.shape.reference == "Llama 3.1 405B"
    assert big.kv_bytes_per_token == 126 * 2048 * 1
    preset = infer(model="qwen2.5-7b", gpu="H100")
    assert preset.assumptions.shape.basis == "preset"
    assert preset.kv_bytes_per_token == 28 * 2 * 4 * 128 * 2  # Qwen2.5 7B: 4 KV heads
    assert "typical_shape" not in {note.code for note in preset.notes}


def test_presets_answer_to_their_aliases() -> None:
    assert infer(model="llama-3.3-70b", gpu="H100").assumptions.preset == "llama3.3-70b"
