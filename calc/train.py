"""Training cost: FLOPs = 6·N_active·D (8 with full recompute), priced at the MFU in effect and at peak.

The MFU in effect is productive-time MFU (calc.mfu fits its default per GPU generation on published runs);
goodput (calc.goodput) adds the time lost to failures, restarts and checkpoints on top. The at-peak figures stay
the seed's formula: 100% of peak, no failures.
"""

import bisect
import math
from dataclasses import replace
from datetime import date
from functools import cache

from calc.assumptions import Resolved, resolve
from calc.command import command_line, format_quantity
from calc.errors import EstimateError
from calc.finetune import FINETUNE_NOTE_VALUES, adapter_params, flops_per_param_token, state_bytes
from calc.goodput import GOODPUT_FLOOR, NODE_GPUS, PUBLISHED_MAX_GPUS, goodput, whole_nodes
from calc.gpus import DEFAULT_GPU_ID, Accelerator, get_gpu
from calc.mfu import GenerationFit, fit_for, planning_figure
from calc.presets import PRESETS, ModelPreset, find_preset
from calc.requests import TrainRequest
from calc.results import (
    ClusterRule,
    GoodputRule,
    MfuBasis,
    Note,
    Range,
    ReportedComparison,
    SimilarRun,
    TokensRule,
    TrainAssumptions,
    TrainResult,
    fixed_note,
)
from calc.runs import TrainingRun, default_cluster, find_run, fitted_runs
from calc.units import (
    GIGABYTE,
    SECONDS_PER_DAY,
    SECONDS_PER_HOUR,
    FinetuneMethod,
    Formula,
    Generation,
    Precision,
    Recompute,
)

CHINCHILLA_TOKENS_PER_PARAM = 20
DEFAULT_PUE = 1.1
SIMILAR_RUNS = 3
_SEARCH_STEPS = 100
_SIXTEEN_BIT = (Precision.BF16, Precision.FP16)


def _tokens(request: TrainRequest, preset: ModelPreset | None, params: float) -> tuple[float, TokensRule]:
    if request.tokens is not None:
        return request.tokens, "given"
    if preset is not None and preset.tokens is not None and request.params is None:
        return preset.tokens, "preset"
    return CHINCHILLA_TOKENS_PER_PARAM * params, "chinchilla"


def _min_devices(state_bytes: float, gpu: Accelerator) -> int | None:
    if gpu.memory_gb is None:
        return None
    return math.ceil(state_bytes / (gpu.memory_gb * GIGABYTE))


def _trained_on(request: TrainRequest) -> TrainRequest:
    """A preset trains where its published run trained (DeepSeek-V3 on H800), unless the request names a GPU."""
    preset = find_preset(request.model) if request.model else None
    if request.gpu is not None or request.params is not None or preset is None or preset.reported is None:
        return request
    if request.method is not None:  # fine-tuning goes where the reader rents, not where the lab pre-trained
        return request
    return request.model_copy(update={"gpu": preset.reported.gpu_id})


def _fp8_ratio(request: TrainRequest, gpu: Accelerator) -> float:
    """Published MFUs are against the 16-bit peak: at a faster format the same speed is a smaller share of its peak."""
    if request.flops is not None:
        return 1.0
    sixteen_bit = gpu.default_precision
    precision = request.precision or sixteen_bit
    if precision in _SIXTEEN_BIT:  # the peaks are looked up only for a faster format
        return 1.0
    peak, sixteen = gpu.peak_flops(precision), gpu.peak_flops(sixteen_bit)
    if peak is None or sixteen is None or peak <= sixteen:
        return 1.0
    return sixteen / peak


def _scaled(figure: float, ratio: float) -> float:
    """A fit's figure (a planning figure already) at the fp8 ratio, as a planning figure: at 1, itself, which
    planning_figure would give back unchanged (tests/test_training_fit.py holds every fit's figures to that)."""
    return figure if ratio == 1.0 else planning_figure(figure * ratio)


def _reported(
    request: TrainRequest, preset: ModelPreset | None, tokens_rule: TokensRule, gpu_hours: float
) -> ReportedComparison | None:
    """Set the estimate beside the published run, when the request is that run (same params and tokens)."""
    if preset is None or preset.reported is None or request.params is not None or tokens_rule != "preset":
        return None
    reported = preset.reported
    run = find_run(reported.run) if reported.run else None
    return ReportedComparison(
        gpu=reported.gpu_id,
        gpu_hours=reported.gpu_hours,
        source=reported.source,
        implied_mfu=run.implied_mfu if run else None,
        run=reported.run,
        estimate_ratio=gpu_hours / reported.gpu_hours,
    )


@cache
def _placed_runs() -> tuple[tuple[SimilarRun, Generation, float], ...]:
    """Each fitted run as a result shows it, with its GPU generation and the log of its active parameters: what
    similar_runs compares, worked out once rather than for every run on every training estimate. The runs are frozen
    models, so every result may hold the same ones."""
    return tuple((_as_similar(run), run.accelerator.generation, math.log(run.active)) for run in fitted_runs())


def _as_similar(run: TrainingRun) -> SimilarRun:
    return SimilarRun(
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


@cache
def _by_rank(own: Generation, borrowed: Generation | None) -> tuple[tuple[tuple[float, int], ...], ...]:
    """The runs as (log of active parameters, position), sorted, in three groups: on the request's GPU generation,
    on the one its default borrows, on any other. Made once per pair of generations."""
    groups: tuple[list[tuple[float, int]], ...] = ([], [], [])
    for position, (_, generation, log_active) in enumerate(_placed_runs()):
        groups[0 if generation == own else 1 if generation == borrowed else 2].append((log_active, position))
    return tuple(tuple(sorted(group)) for group in groups)


def _nearest(group: tuple[tuple[float, int], ...], log_active: float, count: int) -> list[tuple[float, int]]:
    """The `count` runs of a sorted group nearest `log_active` in size, as (distance, position), ties to the earlier
    position: among the `count` on either side of it, and any as far as the farthest of those (the same size)."""
    # (log_active,) sorts before every run of that size and after every smaller one: the first run at least as large.
    at = bisect.bisect_left(group, (log_active,))
    low, high = max(at - count, 0), min(at + count, len(group))
    while low > 0 and group[low - 1][0] == group[low][0]:
        low -= 1
    while 0 < high < len(group) and group[high][0] == group[high - 1][0]:
        high += 1
    around = [(abs(run_log_active - log_active), position) for run_log_active, position in group[low:high]]
    return sorted(around)[:count]


def similar_runs(gpu: Accelerator, active_params: float, count: int = SIMILAR_RUNS) -> tuple[SimilarRun, ...]:
    """Published runs nearest the request: its GPU generation first, then the one its default borrows, then size."""
    log_active = math.log(active_params)
    chosen: list[int] = []
    for group in _by_rank(gpu.generation, fit_for(gpu).borrowed_from):
        if len(chosen) >= count:
            break
        chosen += [position for _, position in _nearest(group, log_active, count - len(chosen))]
    placed = _placed_runs()
    return tuple([placed[position][0] for position in chosen])


def _budget_params(request: TrainRequest, resolved: Resolved, flops_per_param_token: int) -> float:
    """The Chinchilla-optimal size (D = 20 N) whose cost, goodput included, is the budget."""
    assert request.budget is not None
    gpu_hours = request.budget / resolved.fx_rate / (resolved.price_per_gpu_hour * (1 - request.discount))
    share = request.goodput or 1.0
    for _ in range(20):  # the goodput depends on the cluster, which depends on the productive hours: converge
        productive = gpu_hours * share
        if request.goodput is None:
            gpus = request.gpus or default_cluster(productive)
            share = goodput(gpus, productive / gpus)
    flops = gpu_hours * share * SECONDS_PER_HOUR * resolved.peak_flops * resolved.mfu
    params = math.sqrt(flops / (flops_per_param_token * CHINCHILLA_TOKENS_PER_PARAM))
    return float(f"{params:.3g}")  # a size to plan with (36.5B, not 36.5447635377B): the cost lands within 1%


def _gpus_for_days(productive_hours: float, days: float, fixed_goodput: float | None) -> int:
    """The fewest whole 8-GPU nodes that finish in `days`, goodput included (more GPUs, more interruptions)."""
    hours = days * 24

    def share(gpus: int) -> float:
        return fixed_goodput or goodput(gpus, productive_hours / gpus)

    gpus = whole_nodes(productive_hours / hours)
    for _ in range(_SEARCH_STEPS):  # a fixed point: the GPUs that the goodput at this count calls for
        needed = whole_nodes(productive_hours / hours / share(gpus))
        if needed == gpus:
            break
        gpus = needed
    for _ in range(_SEARCH_STEPS):
        if productive_hours / share(gpus) / gpus <= hours and share(gpus) > GOODPUT_FLOOR:
            return gpus
        gpus += NODE_GPUS
    raise EstimateError("days_unreachable", days=f"{days:g}")


def _experts_note(experts: int, params: float) -> Note:
    """`8x7B` says how many experts, not how many are active per token: all are counted, and a preset is named."""
    shorthand = f"{experts}x{format_quantity(params / experts)}"
    key = shorthand.lower()
    preset = next((p for p in PRESETS if key in p.name or key in p.title.lower()), None)
    values: dict[str, str | float | int] = {"shorthand": shorthand, "total": params}
    if preset is not None:
        values["preset"] = preset.name
        values["title"] = preset.title
        if preset.active_params is not None:
            values["active"] = preset.active_params
            return Note(code="moe_unknown_active_preset", values=values)
        return Note(code="moe_unknown_active_named", values=values)
    return Note(code="moe_unknown_active", values=values)


def estimate_training(request: TrainRequest, today: date) -> TrainResult:
    moved = _trained_on(request)
    trained_on = moved.gpu if moved is not request else None  # the preset's own GPU, not the reader's choice
    request = moved
    seed = request.formula is Formula.SEED
    gpu = get_gpu(request.gpu or DEFAULT_GPU_ID)
    fitted: GenerationFit = fit_for(gpu)
    ratio = _fp8_ratio(request, gpu)
    full_recompute = request.recompute is Recompute.FULL and not seed
    method = request.method
    if method is not None and request.tokens is None:
        raise EstimateError("finetune_needs_tokens")
    # Full activation recompute runs the forward pass (2·N·D) twice, whatever trains.
    per_param_token = flops_per_param_token(method or FinetuneMethod.FULL) + (2 if full_recompute else 0)
    sized = request.model_copy(update={"params": 1e9}) if request.budget is not None else request
    resolved = resolve(sized, today, _scaled(fitted.mfu, ratio))
    tokens_rule: TokensRule
    if request.budget is not None:
        params = _budget_params(request, resolved, per_param_token)
        resolved = replace(resolved, params=params, active_params=params)
        tokens, tokens_rule = CHINCHILLA_TOKENS_PER_PARAM * params, "budget"
    else:
        tokens, tokens_rule = _tokens(request, resolved.preset, resolved.params)
    adapters = adapter_params(resolved.params, method) if method is not None else None
    # Adapters train fully: 6 FLOPs per adapter parameter per token on top of the frozen model's 4·N·D.
    flops = per_param_token * resolved.active_params * tokens + 6 * (adapters or 0.0) * tokens

    def productive_hours_at(mfu: float) -> float:
        return flops / (resolved.peak_flops * mfu) / SECONDS_PER_HOUR

    productive = productive_hours_at(resolved.mfu)
    gpus_needed = None if request.days is None else _gpus_for_days(productive, request.days, request.goodput)
    gpus = request.gpus or gpus_needed
    goodput_rule: GoodputRule
    cluster_rule: ClusterRule | None
    goodput_gpus: int | None
    if seed:
        share, goodput_rule, goodput_gpus, cluster_rule = 1.0, "seed", None, None
    elif request.goodput is not None:
        share, goodput_rule, goodput_gpus, cluster_rule = request.goodput, "given", None, None
    else:
        goodput_gpus = gpus or default_cluster(productive)
        cluster_rule = "gpus" if request.gpus else "days" if gpus_needed else "sized"
        share, goodput_rule = goodput(goodput_gpus, productive / goodput_gpus), "model"

    def gpu_hours_at(mfu: float) -> float:
        return productive_hours_at(mfu) / share

    def cost_usd_at(hours: float) -> float:
        return hours * resolved.price_per_gpu_hour * (1 - request.discount)

    def days_on_gpus(hours: float) -> float | None:
        return None if gpus is None else hours * SECONDS_PER_HOUR / gpus / SECONDS_PER_DAY

    gpu_hours = gpu_hours_at(resolved.mfu)
    at_peak = productive_hours_at(1.0)
    cost_usd = cost_usd_at(gpu_hours)
    cost_usd_at_peak = cost_usd_at(at_peak)
    band = (_scaled(fitted.low, ratio), _scaled(fitted.high, ratio))
    # Owning the GPUs prices their power at one PUE: the energy line uses the same.
    own = resolved.price.own
    pue = request.pue or (own.pue if own else DEFAULT_PUE)
    power_w = resolved.gpu.power_w
    held = state_bytes(resolved.params, method or FinetuneMethod.FULL)

    notes = list(resolved.notes)
    if trained_on is not None and resolved.preset is not None:
        notes.append(Note(code="trained_on", values={"model": resolved.preset.title, "gpu": resolved.gpu.id}))
    if tokens_rule == "chinchilla":
        notes.append(fixed_note("tokens_chinchilla", per_param=CHINCHILLA_TOKENS_PER_PARAM))
    if resolved.active_params < resolved.params:
        notes.append(Note(code="moe_active", values={"active": resolved.active_params, "total": resolved.params}))
    if ratio != 1.0 and request.mfu is None and not seed:
        notes.append(Note(code="mfu_fp8_basis", values={"mfu": resolved.mfu, "sixteen": fitted.mfu}))
    if goodput_gpus is not None and goodput_gpus > PUBLISHED_MAX_GPUS:
        notes.append(Note(code="goodput_beyond_published", values={"gpus": goodput_gpus}))
    if full_recompute:
        notes.append(fixed_note("recompute_full"))
    if method is not None:
        notes.append(fixed_note(f"finetune_{method.value}", **FINETUNE_NOTE_VALUES))
    if request.experts is not None and request.active is None:
        notes.append(_experts_note(request.experts, resolved.params))
    if seed:
        notes.append(fixed_note("seed_train"))

    assumptions = TrainAssumptions(
        **resolved.shared_fields(request),
        tokens=tokens,
        tokens_rule=tokens_rule,
        gpus=gpus,
        days=request.days,
        budget=request.budget,
        goodput=share,
        goodput_rule=goodput_rule,
        goodput_gpus=goodput_gpus,
        goodput_cluster_rule=cluster_rule,
        mfu_basis=MfuBasis(
            generation=fitted.generation.value,
            runs=fitted.runs,
            borrowed_from=fitted.borrowed_from.value if fitted.borrowed_from else None,
            low=band[0],
            high=band[1],
            fp8_halved=ratio != 1.0,
        ),
        method=method,
        adapter_params=adapters,
        recompute=Recompute.FULL if full_recompute else Recompute.NONE,
        flops_per_param_token=per_param_token,
        pue=pue,
        power_w=power_w,
    )
    return TrainResult(
        flops=flops,
        gpu_hours=gpu_hours,
        gpu_hours_at_peak=at_peak,
        gpu_hours_range=Range(low=gpu_hours_at(band[1]), high=gpu_hours_at(band[0]), mfu_low=band[1], mfu_high=band[0]),
        cost_usd=cost_usd,
        cost_usd_at_peak=cost_usd_at_peak,
        cost_usd_range=Range(
            low=cost_usd_at(gpu_hours_at(band[1])),
            high=cost_usd_at(gpu_hours_at(band[0])),
            mfu_low=band[1],
            mfu_high=band[0],
        ),
        cost=cost_usd * resolved.fx_rate,
        cost_at_peak=cost_usd_at_peak * resolved.fx_rate,
        currency=resolved.currency,
        wall_clock_days=days_on_gpus(gpu_hours),
        wall_clock_days_at_peak=days_on_gpus(at_peak),
        productive_gpu_hours=productive,
        gpu_hours_lost=gpu_hours - productive,
        cost_lost=cost_usd_at(gpu_hours - productive) * resolved.fx_rate,
        gpus_needed=gpus_needed,
        mfu_range=band,
        similar_runs=similar_runs(resolved.gpu, resolved.active_params),
        state_memory_bytes=held,
        min_gpus_for_state=_min_devices(held, resolved.gpu),
        energy_mwh=None if power_w is None else gpu_hours * power_w * pue / 1e6,
        reported=_reported(request, resolved.preset, tokens_rule, gpu_hours),
        assumptions=assumptions,
        notes=tuple(notes),
        command=command_line(assumptions),
    )
