"""Serving cost: decode is bound by compute or by reading the weights from HBM, whichever is slower.

Per decode step on k cards at batch B:
    compute = 2·N_active·B / (k·peak·MFU)
    memory  = bytes_read / (k·bandwidth·MBU),  bytes_read = min(N_total, N_active·B)·bytes_per_param
Each step yields B tokens, so the cost per token falls with B until compute is the bound (the floor
2·N_active FLOPs per token). k cards cost k times as much per second: they cut latency, never cost.
"""

import math
from datetime import date

from calc.assumptions import resolve
from calc.command import command_line
from calc.errors import EstimateError
from calc.requests import InferRequest
from calc.results import InferAssumptions, InferResult, Note
from calc.units import BYTES_PER_PARAM, GIGABYTE, SECONDS_PER_HOUR, TERA, Formula

TYPICAL_MFU = 0.50
TYPICAL_MBU = 0.80
DEFAULT_TOKENS = 1000


def split_tokens(request: InferRequest) -> tuple[int, int]:
    """(input, output) per request: `tokens` is their sum, and all of it is generated unless split."""
    given_total = request.tokens
    if request.input is not None and request.output is not None:
        if given_total is not None and given_total != request.input + request.output:
            raise EstimateError("tokens_mismatch", tokens=given_total, input=request.input, output=request.output)
        return request.input, request.output
    total = given_total or DEFAULT_TOKENS
    if request.input is not None:
        if request.input >= total:
            raise EstimateError("input_exceeds_tokens", input=request.input, tokens=total)
        return request.input, total - request.input
    if request.output is not None:
        if given_total is None:
            return 0, request.output
        if request.output > given_total:
            raise EstimateError("output_exceeds_tokens", output=request.output, tokens=given_total)
        return given_total - request.output, request.output
    return 0, total


def estimate_inference(request: InferRequest, today: date) -> InferResult:
    resolved = resolve(request, today, TYPICAL_MFU)
    gpu = resolved.gpu
    if gpu.bandwidth_tbps is None:
        raise EstimateError("no_bandwidth", gpu=gpu.id)
    seed = request.formula is Formula.SEED
    n_total, n_active = resolved.params, resolved.active_params
    input_tokens, output_tokens = split_tokens(request)
    tokens = input_tokens + output_tokens
    batch = request.batch
    bytes_per_param = BYTES_PER_PARAM[resolved.precision]
    weight_bytes = n_total * bytes_per_param
    min_cards = None if gpu.memory_gb is None else math.ceil(weight_bytes / (gpu.memory_gb * GIGABYTE))
    # The seed's formula divides by the card count, so its example means one card; physics needs the weights held.
    cards = request.cards or (1 if seed else min_cards or 1)
    mbu = request.mbu or TYPICAL_MBU

    effective_flops = resolved.peak_flops * resolved.mfu
    effective_bandwidth = gpu.bandwidth_tbps * TERA * mbu
    compute_step = 2 * n_active * batch / (cards * effective_flops)
    memory_step = min(n_total, n_active * batch) * bytes_per_param / (cards * effective_bandwidth)
    memory_bound = memory_step > compute_step and not seed
    step = memory_step if memory_bound else compute_step
    prefill_s = 2 * n_active * input_tokens * batch / (cards * effective_flops)

    usd_per_card_second = resolved.price_per_gpu_hour / SECONDS_PER_HOUR
    paid_share = (1 - request.opt) * (1 - request.discount)
    request_usd = (prefill_s + output_tokens * step) * cards * usd_per_card_second / batch * paid_share
    standard_per_1k = request_usd / tokens * 1000
    # The seed's own arithmetic: params x tokens / (FLOPS x hourly price), then / batch, / cards, x (1 - opt).
    seed_per_1k = n_total * tokens / (resolved.peak_flops * resolved.price_per_gpu_hour) / batch / cards * paid_share
    per_1k = seed_per_1k if seed else standard_per_1k
    floor_per_1k = 2 * n_active * 1000 / effective_flops * usd_per_card_second * paid_share

    notes = list(resolved.notes)
    fits = min_cards is None or cards >= min_cards
    if not fits:
        notes.append(
            Note(
                code="weights_do_not_fit",
                values={
                    "cards": cards,
                    "min_cards": min_cards or 0,
                    "weights_gb": weight_bytes / GIGABYTE,
                },
            )
        )
    if seed:
        notes.append(Note(code="seed_infer", values={"standard": standard_per_1k}))
    elif memory_bound:
        notes.append(Note(code="memory_bound", values={"floor": floor_per_1k}))
    notes.append(Note(code="cards_cut_latency"))
    notes.append(Note(code="kv_cache_ignored"))

    assumptions = InferAssumptions(
        **resolved.shared_fields(request),
        tokens=tokens,
        input=input_tokens,
        output=output_tokens,
        batch=batch,
        cards=cards,
        opt=request.opt,
        mbu=mbu,
        bandwidth=gpu.bandwidth_tbps * TERA,
        bytes_per_param=bytes_per_param,
    )
    return InferResult(
        cost_per_1k_tokens_usd=per_1k,
        cost_per_1m_tokens_usd=per_1k * 1000,
        cost_per_1k_tokens=per_1k * resolved.fx_rate,
        cost_per_request_usd=per_1k * tokens / 1000,
        currency=resolved.currency,
        bound="memory" if memory_bound else "compute",
        tokens_per_second=batch / step,
        latency_s=prefill_s + output_tokens * step,
        step_time_s=step,
        min_cards=min_cards,
        fits=fits,
        compute_floor_per_1k_tokens_usd=floor_per_1k,
        crossover_batch=n_total * bytes_per_param * effective_flops / (2 * n_active * effective_bandwidth),
        seed_formula_per_1k_tokens_usd=seed_per_1k,
        standard_formula_per_1k_tokens_usd=standard_per_1k,
        assumptions=assumptions,
        notes=tuple(notes),
        command=command_line(assumptions),
    )
