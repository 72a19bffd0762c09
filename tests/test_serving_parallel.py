"""How a replica's cards share a model: pipeline stages, the expert layout, and the GPU-to-GPU links.

Every expected value is worked out by hand in the comments. Times are asserted on the defaults' path (kernels one
after another, the links' time on top) at FULL utilization, so the fitted figures do not enter: H100 SXM 3.35 TB/s, 1978.9 TFLOPS FP8, 989.4 BF16 (attention multiplies at 16 bits),
NVLink 900 GB/s both ways, 450e9 bytes/s each way; H200 4.8 TB/s; L40S PCIe Gen4 x16, 64 GB/s, 32e9 each way.
"""

import pytest

from calc import EstimateError, InferRequest, estimate
from calc.infer import ServingDefaults, busiest_card_load, estimate_inference
from calc.results import InferResult
from tests.support import TODAY

FULL = ServingDefaults(mfu=1.0, mbu=1.0, expert_keep_per_doubling=1.0, format_speedup_exponent=1.0, slice_half_width=0)


def infer(**fields: object) -> InferResult:
    result = estimate(InferRequest(**fields), TODAY)
    assert isinstance(result, InferResult)
    return result


def at_full(**fields: object) -> InferResult:
    """The engine's default path (not the overlapped one explicit utilizations take) at 100% utilization."""
    return estimate_inference(InferRequest(**fields), TODAY, FULL)


LLAMA_70B = {"model": "llama3.1-70b", "gpu": "H100", "precision": "fp8"}  # the preset counts 70e9 parameters


def test_pipeline_cards_multiply_and_each_card_holds_its_share() -> None:
    # 8 cards as 2 stages of 4-way tensor parallelism: each card holds 70e9 / 8 = 8.75e9 bytes of FP8 weights, and a
    # 2,000-token sequence's cache (2000 x 80 layers x 2048 values x 1 byte = 327.68 MB) split 2 stages x 4 KV-head
    # groups = 40.96 MB. 90% of the 71.25 GB left holds 64.125e9 / 40.96e6 = 1565.6 -> 1565 sequences, as 8-way TP.
    result = infer(**LLAMA_70B, cards=8, pp=2, input=1000, output=1000)
    a = result.assumptions
    assert (a.cards, a.tensor_parallel, a.pp, a.parallelism) == (8, 4, 2, "pipeline")
    assert result.memory.weights == 8.75e9
    assert result.max_batch == 1565
    assert result.memory.kv_cache == pytest.approx(1565 * 40.96e6, rel=1e-12)
    assert "cards=8 pp=2" in result.command


def test_pipeline_stages_divide_the_cache_past_the_kv_heads() -> None:
    # Tensor parallelism splits the cache by its 8 KV heads and no further: on 16 cards of TP16 a sequence still holds
    # 327.68 MB / 8 per card; as 2 stages of TP8 it holds / 16. With 70e9 / 16 bytes of weights per card, 90% of
    # 75.625 GB holds 68.0625e9 / 40.96e6 = 1661 sequences in TP16, and / 20.48e6 = 3323 with 2 stages.
    tensor = infer(**LLAMA_70B, cards=16, input=1000, output=1000)
    pipeline = infer(**LLAMA_70B, cards=16, pp=2, input=1000, output=1000)
    assert tensor.max_batch == 1661
    assert pipeline.max_batch == 3323


def test_a_pipeline_step_reads_each_stage_once_per_micro_batch() -> None:
    # Batch 2 on 2 stages of TP4: two micro-batches of 1 sequence in flight, a round takes 2 stage-times. A stage-time
    # (input 1, output 1: mean context 1.5) per card:
    #   weights 70e9/8 = 8.75e9 B / 3.35e12 = 2.611940e-3 s (their FLOPs, 2 x 70e9 / 8 / 1978.9e12, far less)
    #   + KV 1.5 x 163,840 B / 8 = 30,720 B / 3.35e12 = 9.17e-9 s (attention FLOPs 491,520 / 989.4e12, less)
    #   + all-reduces: 2 per layer x 40 layers x 2·(3/4) x 8192 x 2 bytes = 1,966,080 B / 450e9 = 4.369e-6 s
    #   = 2.6163185e-3 s; the step is twice that, 5.232637e-3 s.
    pipeline = at_full(**LLAMA_70B, cards=8, pp=2, batch=2, input=1, output=1)
    assert pipeline.step_time_s == pytest.approx(5.232637e-3, rel=1e-6)
    # The same 8 cards in TP8 read all weights once per step: 2.611940e-3 + KV 61,440 B / 8 / 3.35e12 (1.8e-8) +
    # all-reduces 2 x 80 x 2·(7/8) x 2 tokens x 8192 x 2 B = 9,175,040 B / 450e9 = 2.0389e-5 -> 2.632348e-3 s.
    tensor = at_full(**LLAMA_70B, cards=8, batch=2, input=1, output=1)
    assert tensor.step_time_s == pytest.approx(2.632348e-3, rel=1e-6)


def test_a_request_crosses_every_stage_before_its_first_token() -> None:
    # Prefill of 1000 tokens: (2 x 70e9 x 1000 / 1978.9e12 + attention 2 x 64 x 128 x 80 x 1000² / 989.4e12) / 8
    # cards = 9.008891e-3 s, + all-reduces 2 x 40 layers x 1.5 x 1000 x 8192 x 2 B / 450e9 = 4.369067e-3 s: the
    # replica is busy 1.3377959e-2 s per request (the stages work on different requests), and a request waits for
    # both stages: 2.6755918e-2 s to its first token.
    result = at_full(**LLAMA_70B, cards=8, pp=2, batch=1, input=1000, output=10)
    assert result.ttft_s == pytest.approx(2.6755918e-2, rel=1e-6)


def test_cards_must_be_whole_stages() -> None:
    with pytest.raises(EstimateError) as error:
        infer(**LLAMA_70B, cards=6, pp=4)
    assert error.value.code == "pp_does_not_divide_cards"
    assert error.value.values == {"cards": 6, "pp": 4}
    # Without cards=, the fewest whole stages that hold the model: 405B FP8 (405e9 B) on 141 GB H200s in 2 stages.
    chosen = infer(model="llama3.1-405b", gpu="H200", precision="fp8", pp=2, batch=1)
    assert chosen.assumptions.cards % 2 == 0
    assert chosen.assumptions.cards * 141e9 > 405e9


# DeepSeek-V3 in FP8: 671e9 parameters, 37e9 active, top-8 of 256 routed experts: routed = (671e9 − 37e9) x 256/248
# = 654.4516e9, the rest (attention, shared experts, dense layers, embeddings) 16.5484e9.
DEEPSEEK = {"model": "deepseek-v3", "gpu": "H200", "precision": "fp8"}


def test_mla_mixtures_of_experts_spread_experts_and_sequences_over_the_cards() -> None:
    # Each card holds every dense weight and 1/8 of the experts: 16.5484e9 + 654.4516e9 / 8 = 98.3548e9 bytes; each
    # sequence's latent cache (2000 x 61 x 576 x 1 byte = 70.272 MB) lives on one card: 8.784 MB per card on average.
    # 90% of the 42.645 GB left: 4369 sequences.
    result = infer(**DEEPSEEK, cards=8, input=1000, output=1000)
    a = result.assumptions
    assert (a.parallelism, a.tensor_parallel) == ("expert", 1)
    assert result.memory.weights == pytest.approx(98.3548387e9, rel=1e-9)
    assert result.max_batch == 4369
    assert result.memory.kv_cache == pytest.approx(4369 * 8.784e6, rel=1e-12)
    # Twice the cards: 57.4516e9 bytes of weights each and half the cache per card: 17,120 sequences, not twice 4369.
    assert infer(**DEEPSEEK, cards=16, input=1000, output=1000).max_batch == 17120


def test_an_expert_parallel_step_reads_the_dense_weights_and_the_busiest_cards_experts() -> None:
    # Batch 1 on 8 cards: the token routes to 8 of 256 experts, 654.4516e9 / 32 = 20.4516e9 bytes of them, 1/8 on a
    # card on average; the step waits for the busiest card, whose load is 2.341571 times the mean (8 routings on 8
    # cards, below), so it reads 20.4516e9 x 2.341571 / 8 = 5.98611e9 B of experts beside all 16.5484e9 dense bytes:
    # 22.53451e9 B / 4.8e12 = 4.694690e-3 s. Attention (MLA, absorbed): 2 x 128 heads x (2 x 512 + 64) x 61 layers
    # x 1.5 tokens / 8 = 3.19e6 FLOPs at 989.4e12, above its 6,588-byte cache read. Dispatch and combine: 2 x 58 MoE
    # layers x 8 experts x 7168 x 2 B / 8 x 7/8 = 1,455,104 B / 450e9 = 3.2336e-6 s. The step: 4.697927e-3 s.
    result = at_full(**DEEPSEEK, cards=8, batch=1, input=1, output=1)
    assert result.step_time_s == pytest.approx(4.697927e-3, rel=1e-6)


def test_the_busiest_card_of_the_expert_layout_by_hand() -> None:
    # n routings on d cards: a card's count is binomial (mean n/d, sd sqrt(n/d x (1 − 1/d))); the busiest is about
    # z_d sd above the mean, z_d = Φ⁻¹((d − 0.375)/(d + 0.25)) (Blom): over the mean, 1 + z_d·sqrt((d − 1)/n).
    assert busiest_card_load(64, 1) == 1.0  # one card: nothing to wait for
    # d = 2: z = Φ⁻¹(1.625/2.25 = 0.72222) = 0.589456; 16 routings: 1 + 0.589456 x sqrt(1/16) = 1.147364.
    assert busiest_card_load(16, 2) == pytest.approx(1.147364, rel=1e-6)
    # (Exactly, 2 routings on 2 cards split 2-0 half the time and 1-1 otherwise: max 1.5 x the mean; here 1.416808.)
    assert busiest_card_load(2, 2) == pytest.approx(1.416808, rel=1e-6)
    # d = 8: z = Φ⁻¹(7.625/8.25 = 0.924242) = 1.434200; 8 routings: 1 + 1.434200 x sqrt(7/8) = 2.341571.
    assert busiest_card_load(8, 8) == pytest.approx(2.341571, rel=1e-6)
    # More cards for the same routings wait longer; more routings even out: 8,000 on 8 cards, 1.042424.
    loads = [busiest_card_load(64, cards) for cards in (1, 2, 4, 8, 16)]
    assert loads == sorted(loads) and loads[0] < loads[-1]
    assert busiest_card_load(8000, 8) == pytest.approx(1.042424, rel=1e-6)
    # Never above every routing on one card.
    assert busiest_card_load(0.1, 2) == 2.0


def test_the_links_charge_tensor_parallel_all_reduces() -> None:
    # Llama 3.1 8B (hidden 4096, 32 layers) in TP2, one token: 2 all-reduces x 32 layers x 2·(1/2) x 4096 x 2 bytes =
    # 524,288 B: 1.6384e-5 s over an L40S's PCIe (32e9 B/s each way), 1.16508e-6 s over H100 NVLink (450e9).
    fields = {"model": "llama3.1-8b", "cards": 2, "batch": 1, "input": 1, "output": 1}
    l40s = at_full(**fields, gpu="L40S")
    h100 = at_full(**fields, gpu="H100")
    assert l40s.communication_share * l40s.step_time_s == pytest.approx(1.6384e-5, rel=1e-9)
    assert h100.communication_share * h100.step_time_s == pytest.approx(1.16508e-6, rel=1e-5)
    assert l40s.assumptions.interconnect_gbps == 64
    assert at_full(**{**fields, "cards": 1}, gpu="L40S").communication_share == 0.0


def test_the_all_reduce_share_grows_with_the_tensor_parallel_degree() -> None:
    # Per card, the weights and KV read fall as 1/t while the all-reduce moves 2·(t − 1)/t of the same activations:
    # at a fixed batch the links take a larger share of every step as t grows.
    shares = [
        at_full(model="llama3.1-70b", gpu="L40S", precision="fp8", cards=cards, batch=64).communication_share
        for cards in (2, 4, 8)
    ]
    assert 0 < shares[0] < shares[1] < shares[2] < 1


def test_the_physical_ceiling_overlaps_everything() -> None:
    # mfu=100% mbu=100% is the physical ceiling: a stage takes the slowest of its compute, its reads and its links,
    # overlapped. The pipeline case above: reads (8.75e9 + 30,720 B) / 3.35e12 = 2.611949e-3 s outlast the FLOPs
    # (8.8e-6 s) and the all-reduces (4.4e-6 s); two stage-times, 5.223898e-3 s.
    ceiling = infer(**LLAMA_70B, mfu=1.0, mbu=1.0, cards=8, pp=2, batch=2, input=1, output=1)
    assert ceiling.step_time_s == pytest.approx(5.223898e-3, rel=1e-6)
    assert ceiling.assumptions.tp_efficiency == 1.0


def test_utilizations_below_the_ceiling_keep_the_kernels_in_sequence() -> None:
    # mfu=50% mbu=50% with the fitted factors off (both given): the pipeline case's stage is the weight reads at half
    # bandwidth, 8.75e9 / 1.675e12 = 5.223881e-3 s, + KV 30,720 / 1.675e12 = 1.834e-8 s (attention FLOPs 0 for GQA)
    # + all-reduces 4.369067e-6 s + the fixed 120 µs for each of its 40 layers, 4.8e-3 s = 1.0028268e-2 s; the step,
    # two of them: 2.0056536e-2 s. The reproducing command, which states every utilization, gives the same step (this
    # is why only 100%/100% overlaps).
    half = infer(**LLAMA_70B, mfu=0.5, mbu=0.5, cards=8, pp=2, batch=2, input=1, output=1)
    assert half.step_time_s == pytest.approx(2.0056536e-2, rel=1e-6)


def test_narrower_slices_keep_less_of_one_gpus_utilization() -> None:
    # A slice w columns wide reaches w / (w + W) of a wide GEMM's utilization; split t ways, a card keeps
    # (h/t)/(h/t + W) over h/(h + W). W = 512: Llama 3.1 70B (h 8192) at TP8, 1024/1536 over 8192/8704 = 0.708333;
    # 405B (h 16384) at TP8, 2048/2560 over 16384/16896 = 0.825; a 4096-wide model at TP8, 512/1024 over
    # 4096/4608 = 0.5625. One GPU keeps everything.
    defaults = ServingDefaults(
        mfu=0.5, mbu=0.5, expert_keep_per_doubling=0.8, format_speedup_exponent=1.0, slice_half_width=512
    )
    assert defaults.split_efficiency(8192, 1) == 1.0
    assert defaults.split_efficiency(8192, 8) == pytest.approx(0.708333, rel=1e-6)
    assert defaults.split_efficiency(16384, 8) == pytest.approx(0.825, rel=1e-12)
    assert defaults.split_efficiency(4096, 8) == pytest.approx(0.5625, rel=1e-12)
    # Never faster per FLOP for a narrower slice: more ways, or a narrower model at the same degree.
    for hidden in (2048, 4096, 8192, 16384):
        kept = [defaults.split_efficiency(hidden, t) for t in (1, 2, 4, 8, 16)]
        assert kept == sorted(kept, reverse=True)
    assert defaults.split_efficiency(4096, 4) < defaults.split_efficiency(8192, 4) < defaults.split_efficiency(16384, 4)
    # The expert layout narrows no matrix: its fitted share per doubling of its cards, 0.8³ = 0.512 on 8.
    assert defaults.split_efficiency(7168, 1, expert_cards=8) == pytest.approx(0.512, rel=1e-12)


def test_a_decode_step_pays_its_fixed_time_per_layer_once_per_layer_not_at_the_ceiling() -> None:
    # Llama 3.1 8B has 32 layers: at 100 µs a layer, every decode step takes 32 x 100e-6 = 3.2e-3 s longer, whatever
    # the batch, the cards or how the layers are staged (2 stages of 16 layers each pay 1.6e-3 s per token).
    with_fixed = ServingDefaults(
        mfu=1.0,
        mbu=1.0,
        expert_keep_per_doubling=1.0,
        format_speedup_exponent=1.0,
        slice_half_width=0,
        layer_overhead_s=100e-6,
    )
    for fields in (
        {"batch": 1},
        {"batch": 64},
        {"batch": 8, "cards": 2},
        {"batch": 8, "cards": 2, "pp": 2},
    ):
        request = InferRequest(model="llama3.1-8b", gpu="H100", input=100, output=100, **fields)
        paid = estimate_inference(request, TODAY, with_fixed).step_time_s
        assert paid - estimate_inference(request, TODAY, FULL).step_time_s == pytest.approx(3.2e-3, rel=1e-9)
    # The physical ceiling (mfu=100% mbu=100% given) overlaps everything and pays no fixed time; nor does the seed's
    # formula, which has none.
    for fields in ({"mfu": 1.0, "mbu": 1.0}, {"formula": "seed", "tokens": 200}):
        request = InferRequest(model="llama3.1-8b", gpu="H100", batch=1, **fields)
        assert estimate_inference(request, TODAY, with_fixed) == estimate_inference(request, TODAY, FULL)
