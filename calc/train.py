"""Training cost: FLOPs = 6·N_active·D (8 with full recompute), priced at the MFU in effect and at peak."""

import math
from datetime import date

from calc.assumptions import resolve
from calc.command import command_line
from calc.gpus import Accelerator, get_gpu
from calc.presets import ModelPreset
from calc.requests import TrainRequest
from calc.results import Note, Range, ReportedComparison, TokensRule, TrainAssumptions, TrainResult
from calc.units import GIGABYTE, SECONDS_PER_DAY, SECONDS_PER_HOUR, Formula, Recompute

TYPICAL_MFU = 0.35
MFU_OPTIMISTIC = 0.50
MFU_PESSIMISTIC = 0.25
CHINCHILLA_TOKENS_PER_PARAM = 20
# Mixed-precision Adam: bf16 weights and grads (2+2) plus fp32 master weights, momentum and variance (4+4+4).
TRAIN_STATE_BYTES_PER_PARAM = 16
DEFAULT_PUE = 1.1


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


def _reported(
    request: TrainRequest, preset: ModelPreset | None, tokens_rule: TokensRule, flops: float
) -> ReportedComparison | None:
    """Set the estimate beside the published run, when the request is that run (same params and tokens)."""
    if preset is None or preset.reported is None or request.params is not None or tokens_rule != "preset":
        return None
    run = preset.reported
    gpu = get_gpu(run.gpu_id)
    peak = gpu.peak_flops(gpu.default_precision)
    implied = flops / (peak * run.gpu_hours * SECONDS_PER_HOUR) if peak else None
    return ReportedComparison(gpu=run.gpu_id, gpu_hours=run.gpu_hours, source=run.source, implied_mfu=implied)


def estimate_training(request: TrainRequest, today: date) -> TrainResult:
    resolved = resolve(request, today, TYPICAL_MFU)
    seed = request.formula is Formula.SEED
    tokens, tokens_rule = _tokens(request, resolved.preset, resolved.params)
    full_recompute = request.recompute is Recompute.FULL and not seed
    flops_per_param_token = 8 if full_recompute else 6
    flops = flops_per_param_token * resolved.active_params * tokens

    def gpu_hours_at(mfu: float) -> float:
        return flops / (resolved.peak_flops * mfu) / SECONDS_PER_HOUR

    def cost_usd_at(mfu: float) -> float:
        return gpu_hours_at(mfu) * resolved.price_per_gpu_hour * (1 - request.discount)

    def wall_clock_days_at(mfu: float) -> float | None:
        if request.gpus is None:
            return None
        return gpu_hours_at(mfu) * SECONDS_PER_HOUR / request.gpus / SECONDS_PER_DAY

    gpu_hours = gpu_hours_at(resolved.mfu)
    cost_usd = cost_usd_at(resolved.mfu)
    cost_usd_at_peak = cost_usd_at(1.0)
    # Owning the GPUs prices their power at one PUE: the energy line uses the same.
    own = resolved.price.own
    pue = request.pue or (own.pue if own else DEFAULT_PUE)
    power_w = resolved.gpu.power_w
    state_bytes = TRAIN_STATE_BYTES_PER_PARAM * resolved.params

    notes = list(resolved.notes)
    if tokens_rule == "chinchilla":
        notes.append(Note(code="tokens_chinchilla", values={"per_param": CHINCHILLA_TOKENS_PER_PARAM}))
    if resolved.active_params < resolved.params:
        notes.append(Note(code="moe_active", values={"active": resolved.active_params, "total": resolved.params}))
    if full_recompute:
        notes.append(Note(code="recompute_full"))
    if seed:
        notes.append(Note(code="seed_train"))

    assumptions = TrainAssumptions(
        **resolved.shared_fields(request),
        tokens=tokens,
        tokens_rule=tokens_rule,
        gpus=request.gpus,
        recompute=Recompute.FULL if full_recompute else Recompute.NONE,
        flops_per_param_token=flops_per_param_token,
        pue=pue,
        power_w=power_w,
    )
    return TrainResult(
        flops=flops,
        gpu_hours=gpu_hours,
        gpu_hours_at_peak=gpu_hours_at(1.0),
        gpu_hours_range=Range(
            low=gpu_hours_at(MFU_OPTIMISTIC),
            high=gpu_hours_at(MFU_PESSIMISTIC),
            mfu_low=MFU_OPTIMISTIC,
            mfu_high=MFU_PESSIMISTIC,
        ),
        cost_usd=cost_usd,
        cost_usd_at_peak=cost_usd_at_peak,
        cost_usd_range=Range(
            low=cost_usd_at(MFU_OPTIMISTIC),
            high=cost_usd_at(MFU_PESSIMISTIC),
            mfu_low=MFU_OPTIMISTIC,
            mfu_high=MFU_PESSIMISTIC,
        ),
        cost=cost_usd * resolved.fx_rate,
        cost_at_peak=cost_usd_at_peak * resolved.fx_rate,
        currency=resolved.currency,
        wall_clock_days=wall_clock_days_at(resolved.mfu),
        wall_clock_days_at_peak=wall_clock_days_at(1.0),
        state_memory_bytes=state_bytes,
        min_gpus_for_state=_min_devices(state_bytes, resolved.gpu),
        energy_mwh=None if power_w is None else gpu_hours * power_w * pue / 1e6,
        reported=_reported(request, resolved.preset, tokens_rule, flops),
        assumptions=assumptions,
        notes=tuple(notes),
        command=command_line(assumptions),
    )
