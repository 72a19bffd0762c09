"""Serving as it runs: prefill and decode, the KV cache, what fits in memory, input and output prices, load.

One replica is `cards` GPUs in tensor parallel serving `batch` sequences at once (continuous batching).
    prefill of one request   = (2·N_active·input + attention) / (cards·peak·MFU)          compute-bound
    decode step (batch B)    = max(2·N_active·B / (cards·peak·MFU),
                                   (weights read + B sequences' KV at mean context) / (cards·bandwidth·MBU))
Serving B requests takes the GPUs T = B·prefill + output·step seconds: every request's prefill, and `output`
decode steps shared by all B. So the replica yields B·output/T output tokens per second, a request sees its
first token after its prefill and the rest at (T − prefill)/output each, and it costs T·cards·price/B. Input
tokens are priced at their prefill GPU time, output tokens at their decode GPU time; together they are the
request's cost, so the prices, the throughput shown and the cost are one story.

Memory per card: weights/cards + KV of B sequences at their full context (split by KV heads, MLA's latent is
not split) + a runtime reserve must fit. The largest B that fits is `max_batch`; `batch=max` (the default)
serves at it, as a loaded server does.

Utilization: an explicit `mfu=` / `mbu=` is what is achieved, every loss included, so 100%/100% is the
physical ceiling. The defaults carry the losses measured on published serving results (bench/serving.py fits
them; the fit and its data are in BENCHMARKS.md).
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

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

# Fitted on bench/data/serving_results.json by `python -m bench.serving --fit` (the rule is in bench/serving.py:
# the grid point with the least sum of squared log errors over the calibration points). See BENCHMARKS.md.
# 41 points (TensorRT-LLM perf tables, vLLM on MI300X; H100, H200, B200, A100, L40S, MI300X; 8B to 405B): median
# predicted/published 1.05x, 85% within 1.5x, worst 1.91x.
TYPICAL_MFU = 0.50  # compute-bound work (prefill, large-batch decode) on one GPU
TYPICAL_MBU = 0.60  # memory-bound decode on one GPU: weights and KV read per step
# Share of the per-GPU utilization kept each time the tensor-parallel degree doubles (all-reduces per layer,
# smaller matrices per GPU): TP2 keeps 76%, TP4 58%, TP8 44%. Published TP1-vs-TP8 pairs show losses this size.
TP_EFFICIENCY_PER_DOUBLING = 0.76
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


def tp_efficiency(cards: int) -> float:
    """Per-GPU utilization kept at a tensor-parallel degree, relative to one GPU (fitted; see the constant)."""
    return TP_EFFICIENCY_PER_DOUBLING ** math.log2(cards) if cards > 1 else 1.0


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


@dataclass(frozen=True)
class Replica:
    """Everything fixed for one replica: what a batch size changes is computed by `at`."""

    shape: Shape
    n_total: float
    n_active: float
    moe_from_shape: bool
    input: int
    output: int
    fit_context: int
    cards: int
    weight_bytes: float
    kv_bytes_per_value: float
    flops: float  # per card, utilization applied
    bandwidth: float  # per card, utilization applied
    memory: float | None  # per card, bytes
    usd_per_card_second: float
    paid_share: float

    @property
    def kv_per_sequence_per_card(self) -> float:
        """KV bytes one sequence at its full context holds on each card."""
        return self.shape.kv_bytes(self.fit_context, self.kv_bytes_per_value) / self.shape.kv_split(self.cards)

    def usable(self) -> float | None:
        """Bytes per card left for the KV cache after the weights and the runtime reserve."""
        if self.memory is None:
            return None
        return (self.memory - self.weight_bytes / self.cards) * (1 - RUNTIME_RESERVE)

    def max_batch(self) -> int:
        usable = self.usable()
        if usable is None:
            return 1_000_000
        return max(0, math.floor(usable / self.kv_per_sequence_per_card))

    def weights_read(self, batch: int) -> float:
        """Weight bytes one decode step reads: MoE steps read only the experts their tokens route to."""
        if self.moe_from_shape:
            # Routed experts hold (total − active)·E/(E − k) parameters: the unchosen share is (E − k)/E of them.
            experts, top_k = self.shape.experts or 1, self.shape.experts_per_token or 1
            routed = (self.n_total - self.n_active) * experts / (experts - top_k)
            params = self.n_total - routed + routed * self.shape.weights_read_share(batch)
        else:
            params = min(self.n_total, self.n_active * batch)
        return params * self.weight_bytes / self.n_total

    def prefill_s(self) -> float:
        flops = 2 * self.n_active * self.input + self.shape.prefill_attention_flops(self.input)
        return flops / (self.cards * self.flops)

    def step(self, batch: int) -> tuple[float, float]:
        """(compute, memory) seconds of one decode step; KV is read at the mean context, input + output/2."""
        compute = 2 * self.n_active * batch / (self.cards * self.flops)
        kv = batch * self.shape.kv_bytes(self.input + self.output / 2, self.kv_bytes_per_value)
        per_card = self.weights_read(batch) / self.cards + kv / self.shape.kv_split(self.cards)
        return compute, per_card / self.bandwidth

    def at(self, batch: int) -> ServingPoint:
        compute, memory = self.step(batch)
        step = max(compute, memory)
        prefill = self.prefill_s()
        # GPU seconds to serve `batch` requests together: each prefill runs at full compute and holds up decode
        # meanwhile. (Letting prefill overlap memory-bound decode, as chunked prefill can, fitted the published
        # points no better: 78% within 1.5x against 85%.)
        cycle = batch * prefill + self.output * step
        usd = self.usd_per_card_second * self.cards * self.paid_share
        tokens = self.input + self.output
        request_usd = cycle * usd / batch
        input_usd = prefill * usd / self.input if self.input else 0.0
        output_usd = step * usd / batch
        output_per_second = batch * self.output / cycle
        return ServingPoint(
            batch=batch,
            ttft_s=prefill,
            tpot_s=(cycle - prefill) / self.output,
            latency_s=cycle,
            step_time_s=step,
            bound="memory" if memory > compute else "compute",
            output_tokens_per_second=output_per_second,
            output_tokens_per_second_per_gpu=output_per_second / self.cards,
            output_tokens_per_second_per_request=self.output / (cycle - prefill),
            total_tokens_per_second=batch * tokens / cycle,
            prefill_share=batch * prefill / cycle,
            cost_per_1m_input_usd=input_usd * 1e6,
            cost_per_1m_output_usd=output_usd * 1e6,
            cost_per_1m_tokens_usd=request_usd / tokens * 1e6,
            cost_per_request_usd=request_usd,
        )

    def crossover_batch(self) -> float | None:
        """The batch where a decode step turns compute-bound: all weights read, KV growing with the batch; None when
        each sequence's KV read takes longer than its compute, so no batch ever gets there."""
        per_sequence_compute = 2 * self.n_active / (self.cards * self.flops)
        kv = self.shape.kv_bytes(self.input + self.output / 2, self.kv_bytes_per_value)
        per_sequence_read = kv / self.shape.kv_split(self.cards) / self.bandwidth
        if per_sequence_compute <= per_sequence_read:
            return None
        return self.weight_bytes / self.cards / self.bandwidth / (per_sequence_compute - per_sequence_read)

    def cards_needed(self, batch: int) -> int | None:
        """Fewest cards whose memory holds the weights, the reserve and `batch` sequences' KV cache."""
        if self.memory is None:
            return None
        for cards in range(1, 100_001):
            kv = batch * self.shape.kv_bytes(self.fit_context, self.kv_bytes_per_value) / self.shape.kv_split(cards)
            if kv <= (self.memory - self.weight_bytes / cards) * (1 - RUNTIME_RESERVE):
                return cards
        return None


def _request_shape(request: InferRequest) -> str:
    if request.tokens is None and request.input is None and request.output is None:
        return "seed" if request.formula is Formula.SEED else "chat_default"
    return "given"


def _tensor_parallel(cards: int) -> int:
    """Tensor-parallel degrees in practice are powers of two (they divide the heads): round up to one."""
    return 1 << (cards - 1).bit_length()


def _cheapest_degree(replica_on: Callable[[int], Replica], fewest: int, batch: int | None) -> int:
    """Unless `cards=` says, the tensor-parallel degree with the lowest cost per token: from the fewest that hold
    the model up to 4x that within one 8-GPU node. More cards hold more KV cache (a bigger batch) but keep less
    utilization each; at a given batch, more cards only cost more."""
    candidates = [fewest] + [fewest * k for k in (2, 4) if fewest * k <= 8]

    def cost(cards: int) -> float:
        replica = replica_on(cards)
        most = replica.max_batch()
        return math.inf if most < 1 else replica.at(min(batch or most, most)).cost_per_1m_tokens_usd

    return min(candidates, key=cost)


def _load(replica: Replica, rps: float, cap: int) -> tuple[Deployment, int]:
    """Replicas for `rps` at batch ≤ `cap`, and the batch each then runs at (the smallest that keeps up)."""

    def rate(batch: int) -> float:
        point = replica.at(batch)
        return batch / point.latency_s

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


def estimate_inference(request: InferRequest, today: date) -> InferResult:
    seed = request.formula is Formula.SEED
    gpu = get_gpu(request.gpu or DEFAULT_GPU_ID)
    weights_precision, kv_precision = _check_precision(request, gpu)
    compute_precision = _compute_precision(weights_precision, gpu)
    resolved = resolve(request, today, TYPICAL_MFU, compute_precision)
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

    def replica_on(cards: int) -> Replica:
        # Defaults at this degree, rounded so the reproducing command's percentages read back the same figures.
        efficiency = tp_efficiency(cards)
        mfu = resolved.mfu if (request.mfu is not None or seed) else round(resolved.mfu * efficiency, 6)
        mbu = request.mbu or round(TYPICAL_MBU * efficiency, 6)
        return Replica(
            shape=shape,
            n_total=n_total,
            n_active=n_active,
            moe_from_shape=moe_from_shape,
            input=input_tokens,
            output=output_tokens,
            fit_context=fit_context,
            cards=cards,
            weight_bytes=weight_bytes,
            kv_bytes_per_value=kv_bytes_per_value,
            flops=resolved.peak_flops * mfu,
            bandwidth=bandwidth * mbu,
            memory=memory,
            usd_per_card_second=resolved.price_per_gpu_hour / SECONDS_PER_HOUR,
            paid_share=(1 - request.opt) * (1 - request.discount),
        )

    asked_batch = None if request.batch == "max" else request.batch
    if seed:
        asked_batch = asked_batch or 1
    probe = replica_on(1)
    # Past the KV heads, more tensor parallelism stops dividing the cache: a batch too big for any one replica
    # gets the cards that hold the weights, and is then cut to what fits (said below).
    min_cards = probe.cards_needed(asked_batch or 1) or probe.cards_needed(1)
    # The seed's formula divides by the card count, so its example means one card; physics needs the model held.
    if request.cards or seed:
        cards = request.cards or 1
    else:
        cards = _cheapest_degree(replica_on, _tensor_parallel(min_cards or 1), asked_batch)
    replica = replica_on(cards)
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
    point = replica.at(batch)
    min_cards = probe.cards_needed(batch) or min_cards  # the batch served, with the load's or the fit's cut
    cheapest = replica.at(max_batch) if fits and max_batch > batch else None

    # The seed's own arithmetic: params x tokens / (FLOPS x hourly price), then / batch, / cards, x (1 - opt).
    paid_share = (1 - request.opt) * (1 - request.discount)
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
        notes.append(Note(code="chat_default", values={"input": CHAT_INPUT, "output": CHAT_OUTPUT}))
    notes.append(Note(code="cards_cut_latency"))

    efficiency = tp_efficiency(cards)
    assumptions = InferAssumptions(
        **resolved.shared_fields(request),
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
    )
    assumptions = assumptions.model_copy(update={"mfu": replica.flops / resolved.peak_flops})
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
        max_batch=max_batch,
        kv_bytes_per_token=shape.kv_bytes_per_token(kv_bytes_per_value),
        memory=Memory(
            capacity=memory or 0.0,
            weights=weight_bytes / cards,
            kv_cache=kv_per_card,
            reserve=max(0.0, (memory or 0.0) - weight_bytes / cards) * RUNTIME_RESERVE,
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
