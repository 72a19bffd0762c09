"""Serving as it runs: prefill and decode, the KV cache, what fits in memory, input and output prices, load.

One replica is `cards` GPUs serving `batch` sequences at once (continuous batching), laid out in tensor parallel,
in `pp` pipeline stages of tensor parallelism, or (MLA mixtures of experts) attention data parallel with the routed
experts spread over the cards: see Replica.
    prefill of one request   = (2·N_active·input / peak + attention / peak16) / (cards·MFU) + all-reduces
    decode step (batch B)    = pp stage-times, each: the weight GEMMs at the slower of their FLOPs and their reads,
                               then attention at the slower of its FLOPs (MLA) and the KV read at mean context,
                               then the all-reduces and expert dispatch over the GPU-to-GPU links, then a fixed
                               time per layer (LAYER_OVERHEAD_S); in the expert layout the routed experts' work is
                               the busiest card's (busiest_card_load)
Serving B requests takes the GPUs T = B·prefill + output·step seconds: every request's prefill, and `output`
decode steps shared by all B. So the replica yields B·output/T output tokens per second, a request sees its
first token after its prefill and the rest at (T − prefill)/output each, and it costs T·cards·price/B. Input
tokens are priced at their prefill GPU time, output tokens at their decode GPU time; together they are the
request's cost, so the prices, the throughput shown and the cost are one story.

Memory per card: the card's weights + KV of B sequences at their full context (divided by the stages and by
tensor parallelism up to the KV heads, or by the cards in the expert layout) + a runtime reserve must fit. The
largest B that fits is `max_batch`; `batch=max` (the default) serves at it, as a loaded server does.

Utilization: an explicit `mfu=` / `mbu=` is what each kernel achieves; 100%/100% is the physical ceiling, where
the whole step overlaps. The defaults carry the losses measured on published serving results (bench/serving.py
fits them; the fit and its data are in BENCHMARKS.md).
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from statistics import NormalDist
from typing import Any

from calc.assumptions import Resolved, resolve
from calc.command import command_line
from calc.errors import EstimateError
from calc.gpus import DEFAULT_GPU_ID, Accelerator, get_gpu
from calc.requests import InferRequest
from calc.results import (
    BatchRule,
    Deployment,
    InferAssumptions,
    InferResult,
    Memory,
    Note,
    ServingPoint,
    ShapeInfo,
    fixed_note,
)
from calc.shapes import Shape, preset_shape, typical_shape
from calc.units import (
    BYTES_PER_PARAM,
    GIGABYTE,
    KV_PRECISIONS,
    SECONDS_PER_HOUR,
    SECONDS_PER_MONTH,
    TERA,
    WEIGHT_ONLY,
    Formula,
    Precision,
)

# Fitted by `python -m bench.serving --fit --with-mlperf --with-new --with-new2` (the rule, in bench/serving.py: of
# every set on its grid, the one with the least sum of squared log(predicted/published), here over all 142 published
# points: fixed lengths, MLPerf and both new sets). Held out by source, refitted without each source: median 0.92x,
# 87% within 1.5x, worst 2.37x. Fitted on the 69 fixed-length and MLPerf points alone, without the fixed time per
# layer, the 73 points of the new sets, never fitted, landed 70% within 1.5x, worst 3.07x (BENCHMARKS.md, "Fit on
# all 142 points").
TYPICAL_MFU = 0.60  # compute-bound work (prefill, large-batch decode) on one GPU, in 16-bit formats
TYPICAL_MBU = 0.90  # memory-bound reads on one GPU: weights and KV cache, each kernel at its own bound
# A decode step also pays a fixed time per layer beyond its FLOPs, reads and link bytes: kernel launches, the
# all-reduces' and the scheduler's latency, synchronisation. It weighs at small batches (120 µs x 80 layers = 9.6 ms
# a token for a 70B model; a step at a large batch takes tens of milliseconds anyway): published small-batch decode
# (NIM at concurrency 1-50, vLLM's latency runs at batch 1-128) is that much slower than its reads. Without it the fit
# took MBU down to 60% to carry it, and held out by source at 80% within 1.5x instead of 87%. None at the physical
# ceiling (mfu=100% mbu=100%, everything overlapped) nor in the seed's formula.
LAYER_OVERHEAD_S = 120e-6
# Tensor parallelism narrows every matrix a card multiplies: a layer of hidden size h split t ways leaves slices h/t
# wide. A GEMM's utilization saturates with its width, w / (w + SLICE_HALF_WIDTH) (narrow tiles under-fill the SMs,
# a kernel's fixed costs weigh more), so a card keeps (h/t)/(h/t + W) over h/(h + W) of one GPU's utilization, beyond
# the all-reduces charged to the links: Llama 3.1 70B (h 8192) keeps 92.1% at TP2, 79.5% at TP4, 62.5% at TP8; 405B
# (h 16384) 76.1% at TP8; a 4096-wide model (Qwen3-235B, Mixtral 8x7B) 47.5% at TP8. This replaced one share per
# doubling for every width (0.84: TP8 59% for 70B and 405B alike), which left 405B at TP8 at 0.48-0.73x of published
# figures while 70B sat at 0.8-0.9x (BENCHMARKS.md).
SLICE_HALF_WIDTH = 768
# The expert layout narrows no matrix (attention data parallel, whole experts per card); it keeps this share per
# doubling of its cards, for what it does not model: routing skew, grouped GEMMs of a few tokens per expert, the
# all-to-all's latency. 8 cards keep 0.72³ = 37.3%.
EXPERT_KEEP_PER_DOUBLING = 0.72
# A weight format k times faster than 16 bits (FP8 k=2, FP4 k=4 on the GPUs that have them) speeds compute-bound work
# by k^FORMAT_SPEEDUP_EXPONENT, not k: the default MFU against that format's peak is TYPICAL_MFU x k^(exponent − 1),
# so 48.7% of an FP8 peak and 39.6% of an FP4 one. Norms, activations and scaling stay at 16 bits, and low-precision
# GEMMs reach less of a higher peak; fitting one MFU to every format left A100 FP16 at 0.6-0.9x and B200 FP4 at
# 1.2-1.6x (BENCHMARKS.md).
FORMAT_SPEEDUP_EXPONENT = 0.7
# TensorRT-LLM gives the KV cache 90% of the memory left after the weights (KvCacheConfig
# free_gpu_memory_fraction=0.9): the other tenth stays for the CUDA context, activations and fragmentation.
# (vLLM's gpu_memory_utilization=0.9 of the whole card leaves more, and fits fewer sequences.)
RUNTIME_RESERVE = 0.10
# A chat turn as served: the prompt carries the system prompt and the conversation so far, so input runs several
# times the answer. 1000 in / 250 out is our stated assumption, not a measured mean; give input= and output=.
CHAT_INPUT, CHAT_OUTPUT = 1000, 250
SEED_TOKENS = 1000  # the seed's T: 1000 generated tokens per request


def split_tokens(request: InferRequest) -> tuple[int, int]:
    """(input, output) per request: `tokens` is their sum, and all of it is generated unless split."""
    given_total = request.tokens
    if request.input is not None and request.output is not None:
        if given_total is not None and given_total != request.input + request.output:
            raise EstimateError("tokens_mismatch", tokens=given_total, input=request.input, output=request.output)
        return request.input, request.output
    if given_total is None and request.input is None and request.output is None:
        return (0, SEED_TOKENS) if request.formula is Formula.SEED else (CHAT_INPUT, CHAT_OUTPUT)
    if request.input is not None:
        total = given_total or request.input + CHAT_OUTPUT
        if request.input >= total:
            raise EstimateError("input_exceeds_tokens", input=request.input, tokens=total)
        return request.input, total - request.input
    if request.output is not None:
        if given_total is None:
            return CHAT_INPUT, request.output
        if request.output > given_total:
            raise EstimateError("output_exceeds_tokens", output=request.output, tokens=given_total)
        return given_total - request.output, request.output
    assert given_total is not None
    return 0, given_total


@dataclass(frozen=True)
class ServingDefaults:
    """The fitted utilization defaults as one set: bench/serving.py evaluates other sets through the same path."""

    mfu: float
    mbu: float
    expert_keep_per_doubling: float
    format_speedup_exponent: float
    slice_half_width: float
    layer_overhead_s: float = 0.0  # fixed time per layer per decode step: see LAYER_OVERHEAD_S

    def split_efficiency(self, hidden: int, tensor_parallel: int, expert_cards: int = 1) -> float:
        """Per-GPU utilization kept against one GPU: the slice width tensor parallelism leaves of a hidden size
        `hidden`, or (the expert layout, which splits no matrix) the fitted share per doubling of its cards."""
        if expert_cards > 1:
            return math.pow(self.expert_keep_per_doubling, math.log2(expert_cards))
        half = self.slice_half_width
        return (hidden / tensor_parallel) / (hidden / tensor_parallel + half) * (hidden + half) / hidden

    def format_efficiency(self, peak: float, peak_16bit: float) -> float:
        """Share of the MFU kept against a format's peak `peak`, k = peak / 16-bit peak times faster."""
        speedup = peak / peak_16bit
        return speedup ** (self.format_speedup_exponent - 1) if speedup > 1 else 1.0


DEFAULTS = ServingDefaults(
    TYPICAL_MFU, TYPICAL_MBU, EXPERT_KEEP_PER_DOUBLING, FORMAT_SPEEDUP_EXPONENT, SLICE_HALF_WIDTH, LAYER_OVERHEAD_S
)


def _compute_precision(weights: Precision, gpu: Accelerator) -> Precision:
    """Weight-only formats multiply at the activations' 16 bits; others multiply in their own format."""
    return gpu.default_precision if weights in WEIGHT_ONLY else weights


def _check_precision(request: InferRequest, gpu: Accelerator) -> tuple[Precision, Precision]:
    """(weights, KV cache) precisions, or an error listing the valid ones for this GPU."""
    weights = request.precision or gpu.default_precision
    valid = [*gpu.dense_tflops, *(p for p in WEIGHT_ONLY if p not in gpu.dense_tflops)]
    if weights not in valid and request.flops is None:
        available = ", ".join(p.value for p in valid)
        raise EstimateError("precision_unsupported", gpu=gpu.id, precision=weights.value, available=available)
    if request.kv is not None and request.kv not in KV_PRECISIONS:
        available = ", ".join(p.value for p in KV_PRECISIONS)
        raise EstimateError("kv_precision_unsupported", precision=request.kv.value, available=available)
    # FP8 checkpoints are served with an FP8 cache (TensorRT-LLM sets it with FP8 quantization); else 16 bits.
    default_kv = Precision.FP8 if weights in (Precision.FP8, Precision.FP4) else gpu.default_precision
    return weights, request.kv or default_kv


def _shape(request: InferRequest, resolved: Resolved) -> tuple[Shape, ShapeInfo]:
    """The preset's shape from its config, else the typical one for the size; `layers=` etc. applied."""
    stored = preset_shape(resolved.preset.name) if resolved.preset and request.params is None else None
    base: Shape
    if stored is not None:
        base, reference = stored, stored.title
    else:
        typical = typical_shape(resolved.params)
        base, reference = typical, typical.reference_model
    shape = base.with_overrides(request.layers, request.kv_heads, request.head_dim)
    info = ShapeInfo(
        basis="preset" if stored else "typical",
        reference=reference,
        layers=shape.layers,
        kv_heads=shape.kv_heads,
        head_dim=shape.head_dim,
        attention=shape.attention,
        kv_values_per_token_per_layer=shape.kv_values_per_token_per_layer,
        sliding_window=shape.sliding_window,
        overridden=shape is not base,
    )
    return shape, info


# Activations cross the interconnect at 16 bits (all-reduces and expert dispatch run in BF16/FP16 here even when the
# weights are FP8 or FP4): bytes per value of a hidden vector.
ACTIVATION_BYTES = 2


def busiest_card_load(routings: float, cards: int) -> float:
    """The expected load of the busiest of `cards` cards over the mean, when `routings` token-to-expert routings each
    land on one of the cards at random (uniform routing, the experts spread evenly over the cards).

    A card's count is binomial, mean n/d and standard deviation sqrt(n·(1/d)·(1 − 1/d)); the largest of d such counts
    is about the mean + z_d standard deviations, z_d the expected largest of d standard normals (Blom's
    Φ⁻¹((d − 0.375)/(d + 0.25)): 0 for one card, 0.589 for 2, 1.434 for 8). Over the mean: 1 + z_d·sqrt((d − 1)/n),
    never above d (every routing on one card). Routing skew (some experts more popular than others) is not counted:
    this is the imbalance of chance alone.
    """
    if cards == 1 or routings <= 0:
        return 1.0
    z = NormalDist().inv_cdf((cards - 0.375) / (cards + 0.25))
    return min(float(cards), 1 + z * math.sqrt((cards - 1) / routings))


@dataclass(frozen=True)
class Step:
    """One decode step of the whole batch (every sequence advances a token), per card, in seconds."""

    compute: float  # the matrix multiplies and attention FLOPs at the achieved FLOP rate
    memory: float  # the weights read plus every sequence's KV cache, at the achieved bandwidth
    communication: float  # tensor-parallel all-reduces, expert all-to-alls, over the GPU-to-GPU links
    time: float  # what the step takes: see Replica.step


@dataclass(frozen=True)
class Replica:
    """Everything fixed for one replica: what a batch size changes is computed by `at`.

    Its cards = tensor_parallel x pp x data_parallel. Tensor parallelism splits every layer (and the KV cache by its
    KV heads); pipeline parallelism gives each of `pp` stages layers/pp of them; data parallelism (the expert layout
    only) gives each card its own sequences' attention and cache, while the routed experts are spread over the cards.
    """

    shape: Shape
    n_total: float
    n_active: float
    moe_from_shape: bool
    input: int
    output: int
    fit_context: int
    cards: int
    pp: int
    expert: bool  # the expert layout: attention data parallel over the cards, routed experts spread over them
    weight_bytes: float
    kv_bytes_per_value: float
    flops: float  # per card, utilization applied
    attention_flops: float  # per card, utilization applied: attention multiplies at the activations' 16 bits
    bandwidth: float  # per card, utilization applied
    link: float | None  # GPU-to-GPU bytes per second per card, one direction; None: not in the catalog, not charged
    memory: float | None  # per card, bytes
    usd_per_card_second: float
    paid_share: float
    # mfu=100% mbu=100%, the physical ceiling: nothing waits on anything, so a step is the roofline of the whole step
    # (the slowest of its compute, its reads and its links, all overlapped). Below it, as served: kernels one after
    # another, each at the slower of its compute and its reads, and the links' time on top.
    overlapped: bool
    layer_overhead_s: float  # fixed time per layer a decode step pays beyond its work (none at the ceiling)
    # Worked out as the replica is made, not at every step (object.__setattr__: the way a frozen dataclass sets a
    # field of its own): what `_held` gives for its own cards, and a sequence's KV bytes and attention FLOPs at the
    # mean context while decoding.
    weights_per_card: float = field(init=False, repr=False, compare=False)
    kv_ways: int = field(init=False, repr=False, compare=False)
    _decode_kv_bytes: float = field(init=False, repr=False, compare=False)
    _decode_attention_flops: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weights, ways = self._held(self.cards)
        context = self.input + self.output / 2
        object.__setattr__(self, "weights_per_card", weights)
        object.__setattr__(self, "kv_ways", ways)
        object.__setattr__(self, "_decode_kv_bytes", self.shape.kv_bytes(context, self.kv_bytes_per_value))
        object.__setattr__(self, "_decode_attention_flops", self.shape.decode_attention_flops(context))

    @property
    def tensor_parallel(self) -> int:
        return 1 if self.expert else self.cards // self.pp

    @property
    def data_parallel(self) -> int:
        return self.cards if self.expert else 1

    def _held(self, cards: int) -> tuple[float, int]:
        """(weight bytes per card, ways the KV cache is divided among the cards) were this layout on `cards` cards:
        pipeline stages and tensor parallelism (up to the KV heads) divide each sequence's cache; the expert layout
        gives each card its own sequences, and every card the dense weights plus 1/cards of the routed experts."""
        if self.expert:
            routed = self._routed_params()
            return (self.n_total - routed + routed / cards) * self.weight_bytes / self.n_total, cards
        return self.weight_bytes / cards, self.pp * self.shape.kv_split(cards // self.pp)

    def _routed_params(self) -> float:
        """Parameters in the routed experts: (total − active)·E/(E − k), since a token leaves (E − k)/E of them."""
        experts, top_k = self.shape.experts or 1, self.shape.experts_per_token or 1
        return (self.n_total - self.n_active) * experts / (experts - top_k)

    def _busiest_load(self, tokens: float) -> float:
        """In the expert layout the step waits for the card whose experts drew the most of `tokens` tokens' routings
        (busiest_card_load); elsewhere every card does an equal share."""
        if not self.expert:
            return 1.0
        return busiest_card_load(tokens * (self.shape.experts_per_token or 1), self.cards)

    def active_params_at_busiest(self, tokens: float) -> float:
        """Active parameters per token as the busiest card sees them: the routed experts' share counts its load."""
        if not self.expert:
            return self.n_active
        experts, top_k = self.shape.experts or 1, self.shape.experts_per_token or 1
        routed_active = self._routed_params() * top_k / experts
        return self.n_active + routed_active * (self._busiest_load(tokens) - 1)

    @property
    def kv_per_sequence_per_card(self) -> float:
        """KV bytes one sequence at its full context adds to a card, on average over the cards."""
        return self.shape.kv_bytes(self.fit_context, self.kv_bytes_per_value) / self.kv_ways

    def usable(self) -> float | None:
        """Bytes per card left for the KV cache after the weights and the runtime reserve."""
        if self.memory is None:
            return None
        return (self.memory - self.weights_per_card) * (1 - RUNTIME_RESERVE)

    def max_batch(self) -> int:
        usable = self.usable()
        if usable is None:
            return 1_000_000
        return max(0, math.floor(usable / self.kv_per_sequence_per_card))

    def weights_read(self, tokens: float) -> float:
        """Weight bytes a card reads in its stage for one pass of `tokens` tokens: MoE passes read only the experts
        their tokens route to (in the expert layout, every dense weight and the card's own experts those tokens
        touch); a dense pass reads every weight once."""
        if not self.moe_from_shape:
            return min(self.n_total, self.n_active * tokens) * self.weight_bytes / self.n_total / (self.cards)
        routed = self._routed_params()
        touched = routed * self.shape.weights_read_share(math.ceil(tokens))
        if self.data_parallel > 1:
            # The busiest card touches its load's share of the experts, at most all of its own.
            own = min(routed, touched * self._busiest_load(tokens)) / self.data_parallel
            return (self.n_total - routed + own) * self.weight_bytes / self.n_total
        return (self.n_total - routed + touched) * self.weight_bytes / self.n_total / self.cards

    def _all_reduce(self, tokens: float, layers: float) -> float:
        """Seconds of tensor-parallel all-reduces for `tokens` tokens through `layers` layers: two per layer (after
        attention, after the FFN), each a ring moving 2·(t − 1)/t of the hidden vectors through every card's link."""
        t = self.tensor_parallel
        if t == 1 or self.link is None:
            return 0.0
        moved = 2 * (t - 1) / t * tokens * self.shape.hidden_size * ACTIVATION_BYTES
        return 2 * layers * moved / self.link

    def _all_to_all(self, tokens: float) -> float:
        """Seconds of expert dispatch and combine per card for `tokens` tokens of the replica: each token's hidden
        vector goes to its k experts and comes back, (d − 1)/d of them on other cards, through the cards' links."""
        d = self.data_parallel
        if d == 1 or self.link is None:
            return 0.0
        per_card = tokens / d * (self.shape.experts_per_token or 1) * self.shape.hidden_size * ACTIVATION_BYTES
        return 2 * self.shape.moe_layers * per_card * (d - 1) / d / self.link

    def prefill_s(self) -> float:
        """The replica's busy time per request's prefill (compute-bound; stages work on different requests)."""
        linear = 2 * self.active_params_at_busiest(self.input) * self.input / self.flops
        attention = self.shape.prefill_attention_flops(self.input) / self.attention_flops
        compute = (linear + attention) / self.cards
        communication = self._all_reduce(self.input, self.shape.layers / self.pp) + self._all_to_all(self.input)
        return max(compute, communication) if self.overlapped else compute + communication

    def _stage_work(self, batch: int) -> tuple[float, float, float, float, float]:
        """What one card does for one micro-batch in its stage, in a decode step of `batch` sequences: (sequences in
        the micro-batch, GEMM FLOPs, attention FLOPs, weight bytes read, KV-cache bytes read)."""
        micro = min(batch, self.pp)
        tokens = batch / micro  # sequences in one micro-batch
        share = 1 / (self.pp * self.tensor_parallel * self.data_parallel)  # of the replica's work one card does
        gemm_flops = 2 * self.active_params_at_busiest(tokens) * tokens * share
        attention_flops = self._decode_attention_flops * tokens * share
        weights = self.weights_read(tokens)
        kv = tokens * self._decode_kv_bytes / self.kv_ways
        return tokens, gemm_flops, attention_flops, weights, kv

    def _stage_times(self, gemm_flops: float, attention_flops: float, weights: float, kv: float) -> tuple[float, float]:
        """A stage's time in FLOPs and in reads, each alone."""
        return gemm_flops / self.flops + attention_flops / self.attention_flops, (weights + kv) / self.bandwidth

    def step(self, batch: int) -> Step:
        """One decode step for all `batch` sequences, per card.

        Pipeline stages work on different micro-batches at once: `min(batch, pp)` micro-batches in flight, and a
        sequence's token passes all pp stages, so the step is pp stage-times of one micro-batch; each micro-batch
        reads its stage's weights again (pipelining spends weight reads, not all-reduces). Within a stage, by
        default, the weight matrix multiplies and the attention run one after the other, each at the slower of its
        compute and its reads, then the all-reduces, then the stage's layers' fixed time; at the physical ceiling all
        of it overlaps and there is no fixed time (see `overlapped`).
        """
        tokens, gemm_flops, attention_flops, weights, kv = self._stage_work(batch)
        communication = self._all_reduce(tokens, self.shape.layers / self.pp) + self._all_to_all(tokens)
        compute, memory = self._stage_times(gemm_flops, attention_flops, weights, kv)
        if self.overlapped:
            stage = max(compute, memory, communication)
        else:
            stage = (
                max(gemm_flops / self.flops, weights / self.bandwidth)
                + max(attention_flops / self.attention_flops, kv / self.bandwidth)
                + communication
                + self.shape.layers / self.pp * self.layer_overhead_s
            )
        return Step(
            compute=self.pp * compute,
            memory=self.pp * memory,
            communication=self.pp * communication,
            time=self.pp * stage,
        )

    def at(self, batch: int) -> ServingPoint:
        return ServingPoint(**self.figures(batch))

    def figures(self, batch: int) -> dict[str, Any]:
        """`at(batch)`'s fields, not yet validated into a ServingPoint: what a card count is judged by, so that only
        the one chosen is validated."""
        step = self.step(batch)
        prefill = self.prefill_s()
        # GPU seconds to serve `batch` requests together: each prefill runs at full compute and holds up decode
        # meanwhile. (Letting prefill overlap memory-bound decode, as chunked prefill can, fitted the published
        # points no better: 78% within 1.5x against 85%.)
        cycle = batch * prefill + self.output * step.time
        # A request's own prefill: it passes the pp stages in turn, and its attention runs on one data-parallel card.
        ttft = prefill * self.pp * self.data_parallel
        usd = self.usd_per_card_second * self.cards * self.paid_share
        tokens = self.input + self.output
        request_usd = cycle * usd / batch
        input_usd = prefill * usd / self.input if self.input else 0.0
        output_usd = step.time * usd / batch
        output_per_second = batch * self.output / cycle
        return dict(
            batch=batch,
            ttft_s=ttft,
            tpot_s=(cycle - prefill) / self.output,
            latency_s=cycle - prefill + ttft,
            step_time_s=step.time,
            bound="memory" if step.memory > step.compute else "compute",
            output_tokens_per_second=output_per_second,
            output_tokens_per_second_per_gpu=output_per_second / self.cards,
            output_tokens_per_second_per_request=self.output / (cycle - prefill),
            total_tokens_per_second=batch * tokens / cycle,
            prefill_share=batch * prefill / cycle,
            communication_share=step.communication / step.time,
            cost_per_1m_input_usd=input_usd * 1e6,
            cost_per_1m_output_usd=output_usd * 1e6,
            cost_per_1m_tokens_usd=request_usd / tokens * 1e6,
            cost_per_request_usd=request_usd,
        )

    def requests_per_second(self, batch: int) -> float:
        """Requests one replica completes per second at `batch`: the batch, once per cycle of prefills and steps."""
        return batch / (batch * self.prefill_s() + self.output * self.step(batch).time)

    def _compute_and_memory(self, batch: int) -> tuple[float, float]:
        """`step(batch)`'s compute and memory alone, without the links and the step's time that it works out too."""
        _, gemm_flops, attention_flops, weights, kv = self._stage_work(batch)
        compute, memory = self._stage_times(gemm_flops, attention_flops, weights, kv)
        return self.pp * compute, self.pp * memory

    def _compute_bound(self, batch: int) -> bool:
        compute, memory = self._compute_and_memory(batch)
        return compute >= memory

    @property
    def _step_is_affine(self) -> bool:
        """Whether a decode step's compute and reads are affine in its tokens: no expert routing (the experts a step
        touches, and the expert layout's busiest card, which only a mixture of experts has, vary with its tokens) and
        every weight read once per step."""
        return not self.moe_from_shape and self.n_active >= self.n_total

    def crossover_batch(self) -> float | None:
        """The least batch at which a decode step's FLOPs take longer than its reads; None when none up to 10^7 does
        (each sequence's KV read outlasting its compute, so no batch ever gets there)."""
        largest = 10_000_000
        last_compute, last_memory = self._compute_and_memory(largest)
        if last_compute < last_memory:
            return None
        low, high = 1, largest
        if self._step_is_affine:
            # A micro-batch holds batch / pp sequences (one below pp batches), so compute − reads is a line in the
            # batch from pp up, rising where it ever crosses: its root, rounded up, brackets the least compute-bound
            # batch in two steps instead of 24 (the bracket is checked: a root off by rounding costs steps, not truth).
            first_compute, first_memory = self._compute_and_memory(self.pp)
            if first_compute >= first_memory:
                return 1.0  # every batch up to pp takes this same step, one sequence per micro-batch
            margin_first, margin_last = first_compute - first_memory, last_compute - last_memory
            root = self.pp - margin_first * (largest - self.pp) / (margin_last - margin_first)
            low = self.pp + 1
            guess = max(low, math.ceil(root))
            if not self._compute_bound(guess):
                low = guess + 1
            elif guess == low or not self._compute_bound(guess - 1):
                low = high = guess
            else:
                high = guess - 1
        while low < high:
            middle = (low + high) // 2
            if self._compute_bound(middle):
                high = middle
            else:
                low = middle + 1
        return float(low)

    def cards_needed(self, batch: int) -> int | None:
        """Fewest cards in this layout whose memory holds the weights, the reserve and `batch` sequences' KV cache."""
        if self.memory is None:
            return None
        caches = batch * self.shape.kv_bytes(self.fit_context, self.kv_bytes_per_value)
        for cards in range(self.pp, 100_001, self.pp):  # tensor parallelism grows within whole pipeline stages
            weights, ways = self._held(cards)
            if caches / ways <= (self.memory - weights) * (1 - RUNTIME_RESERVE):
                return cards
            if not self.expert and ways == self._held(cards * 2)[1] and caches / ways > self.memory:
                return None  # the cache stopped dividing (past the KV heads) and alone outgrows a card
        return None


def _request_shape(request: InferRequest) -> str:
    if request.tokens is None and request.input is None and request.output is None:
        return "seed" if request.formula is Formula.SEED else "chat_default"
    return "given"


def _tensor_parallel(cards: int) -> int:
    """Tensor-parallel degrees in practice are powers of two (they divide the heads): round up to one."""
    return 1 << (cards - 1).bit_length()


def _cheapest_degree(
    replica_on: Callable[[int], Replica], fewest: int, batch: int | None, pp: int
) -> tuple[Replica, ServingPoint | None]:
    """Unless `cards=` says, the replica with the lowest cost per token, and its figures at the batch it was judged
    at (None: no batch fits): from the fewest cards that hold the model up to 4x that, tensor parallelism within one
    8-GPU node (each of `pp` stages). More cards hold more KV cache (a bigger batch) but keep less utilization each;
    at a given batch, more cards only cost more."""
    candidates = [fewest] + [fewest * k for k in (2, 4) if fewest * k <= 8 * pp]
    judged: list[tuple[float, Replica, dict[str, Any] | None]] = []
    for cards in candidates:
        replica = replica_on(cards)
        most = replica.max_batch()
        figures = replica.figures(min(batch or most, most)) if most >= 1 else None
        judged.append((math.inf if figures is None else figures["cost_per_1m_tokens_usd"], replica, figures))
    _, replica, figures = min(judged, key=lambda each: each[0])
    return replica, None if figures is None else ServingPoint(**figures)


def _load(replica: Replica, rps: float, cap: int) -> tuple[Deployment, int]:
    """Replicas for `rps` at batch ≤ `cap`, and the batch each then runs at (the smallest that keeps up)."""

    rate = replica.requests_per_second

    replicas = math.ceil(rps / rate(cap) - 1e-12)
    per_replica = rps / replicas
    low, high = 1, cap
    while low < high:  # requests per second grows with the batch: find the least batch that carries the load
        middle = (low + high) // 2
        if rate(middle) >= per_replica:
            high = middle
        else:
            low = middle + 1
    gpus = replicas * replica.cards
    monthly = gpus * replica.usd_per_card_second * SECONDS_PER_MONTH * replica.paid_share
    deployment = Deployment(
        rps=rps,
        replicas=replicas,
        gpus_total=gpus,
        batch=low,
        requests_per_second_per_replica_max=rate(cap),
        monthly_cost_usd=monthly,
    )
    return deployment, low


def estimate_inference(request: InferRequest, today: date, defaults: ServingDefaults = DEFAULTS) -> InferResult:
    seed = request.formula is Formula.SEED
    gpu = get_gpu(request.gpu or DEFAULT_GPU_ID)
    weights_precision, kv_precision = _check_precision(request, gpu)
    compute_precision = _compute_precision(weights_precision, gpu)
    resolved = resolve(request, today, defaults.mfu, compute_precision)
    if gpu.bandwidth_tbps is None:
        raise EstimateError("no_bandwidth", gpu=gpu.id)
    bandwidth = gpu.bandwidth_tbps * TERA
    shape, shape_info = _shape(request, resolved)
    n_total, n_active = resolved.params, resolved.active_params
    input_tokens, output_tokens = split_tokens(request)
    tokens = input_tokens + output_tokens
    fit_context = max(tokens, request.context or 0)
    bytes_per_param = BYTES_PER_PARAM[weights_precision]
    weight_bytes = n_total * bytes_per_param
    kv_bytes_per_value = BYTES_PER_PARAM[kv_precision]
    memory = None if gpu.memory_gb is None else gpu.memory_gb * GIGABYTE
    moe_from_shape = bool(shape.experts) and n_active < n_total and shape_info.basis == "preset"
    pp = request.pp
    # MLA caches one latent per token that tensor parallelism cannot split (every card would hold every sequence's
    # cache), so MLA mixtures of experts are served as their published setups serve them (TensorRT-LLM's attention
    # data parallel + expert parallel, SGLang's DP attention + EP, MLPerf's DeepSeek-R1): each card runs its own
    # sequences' attention and holds 1/cards of the routed experts.
    expert_layout = moe_from_shape and shape.attention == "mla" and pp == 1
    # One direction's bandwidth (datasheets sum both); charging half of it fitted no better held out (BENCHMARKS.md).
    link = None if gpu.interconnect_gbps is None else gpu.interconnect_gbps * 1e9 / 2
    # Attention multiplies queries by the cached keys and values at the activations' 16 bits (an FP8 cache is
    # widened), whatever format the weights are in; a given `flops=` is taken for both.
    attention_peak = resolved.peak_flops if request.flops else gpu.peak_flops(gpu.default_precision) or 0.0

    # What every card count's replica shares, worked out once for the three or four this estimate makes.
    format_efficiency = defaults.format_efficiency(resolved.peak_flops, attention_peak)
    usd_per_card_second = resolved.price_per_gpu_hour / SECONDS_PER_HOUR
    paid_share = (1 - request.opt) * (1 - request.discount)
    overlapped = request.mfu == 1.0 and request.mbu == 1.0
    layer_overhead_s = 0.0 if seed else defaults.layer_overhead_s

    @cache  # the probe, the cards asked or the seed's, and the cheapest degree may be the same count: built once
    def replica_on(cards: int) -> Replica:
        # Defaults at the slices tensor parallelism leaves (or the expert layout's cards), rounded so the
        # reproducing command's percentages read back the same figures.
        efficiency = defaults.split_efficiency(
            shape.hidden_size, 1 if expert_layout else cards // pp, cards if expert_layout else 1
        )
        default_mfu = resolved.mfu * efficiency * format_efficiency
        mfu = resolved.mfu if (request.mfu is not None or seed) else round(default_mfu, 6)
        mbu = request.mbu or round(defaults.mbu * efficiency, 6)
        return Replica(
            shape=shape,
            n_total=n_total,
            n_active=n_active,
            moe_from_shape=moe_from_shape,
            input=input_tokens,
            output=output_tokens,
            fit_context=fit_context,
            cards=cards,
            pp=pp,
            expert=expert_layout,
            weight_bytes=weight_bytes,
            kv_bytes_per_value=kv_bytes_per_value,
            flops=resolved.peak_flops * mfu,
            attention_flops=attention_peak * mfu,
            bandwidth=bandwidth * mbu,
            link=link,
            memory=memory,
            usd_per_card_second=usd_per_card_second,
            paid_share=paid_share,
            overlapped=overlapped,
            layer_overhead_s=layer_overhead_s,
        )

    asked_batch = None if request.batch == "max" else request.batch
    if seed:
        asked_batch = asked_batch or 1
    if request.cards is not None and request.cards % pp:
        raise EstimateError("pp_does_not_divide_cards", cards=request.cards, pp=pp)
    probe = replica_on(pp)
    # Past the KV heads, more tensor parallelism stops dividing the cache: a batch too big for any one replica
    # gets the cards that hold the weights, and is then cut to what fits (said below).
    cards_needed = cache(probe.cards_needed)  # a pure function of the batch on the frozen probe: asked once each
    min_cards = cards_needed(asked_batch or 1) or cards_needed(1)
    # The seed's formula divides by the card count, so its example means one card; physics needs the model held.
    judged: ServingPoint | None = None  # the chosen replica's figures at the batch it was chosen at
    if request.cards or seed:
        replica = replica_on(request.cards or pp)
    else:
        fewest = pp * _tensor_parallel(math.ceil((min_cards or pp) / pp))
        replica, judged = _cheapest_degree(replica_on, fewest, asked_batch, pp)
    cards = replica.cards
    max_batch = replica.max_batch()
    notes = list(resolved.notes)
    fits = max_batch >= 1
    if not fits:
        notes.append(
            Note(
                code="weights_do_not_fit",
                values={"cards": cards, "min_cards": min_cards or 0, "weights_gb": weight_bytes / GIGABYTE},
            )
        )
    batch_rule: BatchRule
    if seed:
        batch, batch_rule = asked_batch or 1, "seed"
    elif asked_batch is None:
        batch, batch_rule = max(max_batch, 1), "max"
    elif asked_batch > max_batch and fits:
        notes.append(Note(code="batch_does_not_fit", values={"batch": asked_batch, "max_batch": max_batch}))
        batch, batch_rule = max_batch, "reduced"
    else:
        batch, batch_rule = asked_batch, "given"
    deployment = None
    if request.rps is not None and not seed:
        deployment, batch = _load(replica, request.rps, batch)
        batch_rule = "load"

    def at(size: int) -> ServingPoint:
        """The chosen replica at `size`: the point it was judged by, when at that batch, is not worked out again."""
        return judged if judged is not None and judged.batch == size else replica.at(size)

    point = at(batch)
    min_cards = cards_needed(batch) or min_cards  # the batch served, with the load's or the fit's cut
    cheapest = at(max_batch) if fits and max_batch > batch else None

    # The seed's own arithmetic: params x tokens / (FLOPS x hourly price), then / batch, / cards, x (1 - opt).
    seed_per_1k = n_total * tokens / (resolved.peak_flops * resolved.price_per_gpu_hour) / batch / cards * paid_share
    standard_per_1k = point.cost_per_1m_tokens_usd / 1000
    per_1k = seed_per_1k if seed else standard_per_1k
    floor_per_1k = 2 * n_active * 1000 / replica.flops * replica.usd_per_card_second * paid_share
    crossover = replica.crossover_batch()

    if seed:
        notes.append(Note(code="seed_infer", values={"standard": standard_per_1k}))
    elif point.bound == "memory":
        notes.append(Note(code="memory_bound", values={"floor": floor_per_1k}))
    if shape_info.basis == "typical":
        notes.append(Note(code="typical_shape", values={"reference": shape_info.reference}))
    if request.input is None and request.output is None and request.tokens is None and not seed:
        notes.append(fixed_note("chat_default", input=CHAT_INPUT, output=CHAT_OUTPUT))
    notes.append(fixed_note("cards_cut_latency"))

    efficiency = defaults.split_efficiency(shape.hidden_size, replica.tensor_parallel, replica.data_parallel)
    assumptions = InferAssumptions(
        # The MFU the replica runs at: the default's tensor-parallel and format shares applied.
        **resolved.shared_fields(request) | {"mfu": replica.flops / resolved.peak_flops},
        tokens=tokens,
        input=input_tokens,
        output=output_tokens,
        request_shape=_request_shape(request),
        preset=resolved.preset.name if resolved.preset and request.params is None else None,
        context=fit_context,
        batch=batch,
        batch_rule=batch_rule,
        cards=cards,
        opt=request.opt,
        mbu=replica.bandwidth / bandwidth,
        mbu_is_default=request.mbu is None,
        tp_efficiency=1.0 if (request.mfu is not None and request.mbu is not None) else efficiency,
        bandwidth=bandwidth,
        bytes_per_param=bytes_per_param,
        compute_precision=compute_precision,
        kv_precision=kv_precision,
        kv_bytes_per_value=kv_bytes_per_value,
        reserve_share=RUNTIME_RESERVE,
        shape=shape_info,
        rps=request.rps,
        parallelism="expert" if expert_layout else "pipeline" if pp > 1 else "tensor",
        tensor_parallel=replica.tensor_parallel,
        pp=pp,
        interconnect_gbps=gpu.interconnect_gbps,
    )
    kv_per_card = batch * replica.kv_per_sequence_per_card
    return InferResult(
        cost_per_1k_tokens_usd=per_1k,
        cost_per_1m_tokens_usd=per_1k * 1000,
        cost_per_1k_tokens=per_1k * resolved.fx_rate,
        cost_per_request_usd=per_1k * tokens / 1000,
        currency=resolved.currency,
        bound=point.bound,
        tokens_per_second=point.output_tokens_per_second,
        latency_s=point.latency_s,
        step_time_s=point.step_time_s,
        min_cards=min_cards,
        fits=fits,
        compute_floor_per_1k_tokens_usd=floor_per_1k,
        crossover_batch=crossover,
        seed_formula_per_1k_tokens_usd=seed_per_1k,
        standard_formula_per_1k_tokens_usd=standard_per_1k,
        ttft_s=point.ttft_s,
        tpot_s=point.tpot_s,
        output_tokens_per_second_per_gpu=point.output_tokens_per_second_per_gpu,
        output_tokens_per_second_per_request=point.output_tokens_per_second_per_request,
        total_tokens_per_second=point.total_tokens_per_second,
        prefill_share=point.prefill_share,
        communication_share=point.communication_share,
        max_batch=max_batch,
        kv_bytes_per_token=shape.kv_bytes_per_token(kv_bytes_per_value),
        memory=Memory(
            capacity=memory or 0.0,
            weights=replica.weights_per_card,
            kv_cache=kv_per_card,
            reserve=max(0.0, (memory or 0.0) - replica.weights_per_card) * RUNTIME_RESERVE,
        ),
        cost_per_1m_input_usd=point.cost_per_1m_input_usd,
        cost_per_1m_output_usd=point.cost_per_1m_output_usd,
        cost_per_1m_blended_usd=point.cost_per_1m_tokens_usd,
        cheapest=cheapest,
        deployment=deployment,
        replicas=deployment.replicas if deployment else None,
        gpus_total=deployment.gpus_total if deployment else None,
        monthly_cost_usd=deployment.monthly_cost_usd if deployment else None,
        assumptions=assumptions,
        notes=tuple(notes),
        command=command_line(assumptions),
    )
