"""One job across several GPUs: the same request estimated on each, sorted by cost.

Every GPU is priced on one basis (`basis=`, else on-demand: calc.prices), never each on its own default, so the
ranking is not partly a ranking of whose price list a GPU came from. A GPU that cannot be estimated (no offer on
that basis, no peak at the asked precision) is listed as skipped with the engine's reason, so one bad part never
sinks the comparison; only when no GPU can be estimated is the first reason raised, since a comparison of nothing
is no answer.
"""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Literal, TypeVar

from pydantic import BaseModel

from calc import (
    EstimateError,
    EstimateRequest,
    EstimateResult,
    InferRequest,
    InferResult,
    TrainRequest,
    TrainResult,
    estimate,
)
from calc.model_config import FROZEN
from calc.prices import DEFAULT_BASIS, normal_basis
from calc.results import Note, fixed_note
from calc.units import Currency

TimeMeasure = Literal["gpu_hours", "wall_clock_days", "latency_s"]


class ComparedGpu(BaseModel):
    """One GPU's estimate, with the two figures the comparison ranks by."""

    model_config = FROZEN

    gpu: str
    cost_usd: float  # the sort key: the whole run for train, per 1K tokens for infer
    cost: float  # the same in the asked currency
    time: float  # in the comparison's `time_measure`
    result: TrainResult | InferResult


class SkippedGpu(BaseModel):
    """A GPU left out, with the engine's reason as a message code and its values."""

    model_config = FROZEN

    gpu: str
    code: str
    values: dict[str, str | float | int] = {}


Result = TypeVar("Result")


def each_gpu(gpu_ids: Sequence[str], run: Callable[[str], Result]) -> tuple[list[Result], tuple[SkippedGpu, ...]]:
    """`run` on each GPU in turn; a GPU the engine refuses is listed as skipped with its reason, and when it refuses
    every one, its first refusal is raised."""
    results: list[Result] = []
    skipped: list[SkippedGpu] = []
    first_error: EstimateError | None = None
    for gpu_id in gpu_ids:
        try:
            results.append(run(gpu_id))
        except EstimateError as error:
            skipped.append(SkippedGpu(gpu=gpu_id, code=error.code, values=error.values))
            first_error = first_error or error
    if not results:
        assert first_error is not None  # gpu_ids is never empty: the grammar supplies a default set
        raise first_error
    return results, tuple(skipped)


class ComparisonResult(BaseModel):
    model_config = FROZEN

    kind: Literal["compare"] = "compare"
    job: Literal["train", "infer"]
    basis: str | None  # the one basis every GPU is priced on; None when the reader's price applies to all
    time_measure: TimeMeasure
    currency: Currency
    entries: tuple[ComparedGpu, ...]
    skipped: tuple[SkippedGpu, ...]
    cheapest: str
    fastest: str
    notes: tuple[Note, ...]
    command: str


def _time_measure(request: EstimateRequest) -> TimeMeasure:
    """Without `gpus=` every GPU runs on the same (unstated) count, so GPU-hours rank wall-clock alike."""
    if isinstance(request, InferRequest):
        return "latency_s"
    return "gpu_hours" if request.gpus is None else "wall_clock_days"


def _entry(result: EstimateResult, measure: TimeMeasure) -> ComparedGpu:
    if isinstance(result, TrainResult):
        time = result.gpu_hours if measure == "gpu_hours" else result.wall_clock_days
        assert time is not None  # wall_clock_days is set whenever `gpus=` is, which is when it is measured
        return ComparedGpu(
            gpu=result.assumptions.gpu, cost_usd=result.cost_usd, cost=result.cost, time=time, result=result
        )
    return ComparedGpu(
        gpu=result.assumptions.gpu,
        cost_usd=result.cost_per_1k_tokens_usd,
        cost=result.cost_per_1k_tokens,
        time=result.latency_s,
        result=result,
    )


def _notes(request: EstimateRequest, entries: Sequence[ComparedGpu]) -> tuple[Note, ...]:
    """Notes every GPU's estimate shares (they are about the job), then what a user-set price or peak implies.

    A price or a peak the user set is the same on every GPU, which flattens that side of the comparison.
    """
    notes = [note for note in entries[0].result.notes if all(note in entry.result.notes for entry in entries)]
    if request.price is not None:
        notes.append(Note(code="compare_one_price", values={"price": f"{request.price:.12g}"}))
    else:
        notes.append(Note(code="compare_basis", values={"basis": _basis(request)}))
    if request.flops is not None:
        notes.append(fixed_note("compare_one_peak"))
    return tuple(notes)


def _command(request: EstimateRequest, estimated: EstimateResult, gpu_ids: Sequence[str]) -> str:
    """One GPU's reproducing command, less what each GPU resolves for itself, plus the GPU list."""
    per_gpu = {"gpu", "basis"}  # and the basis, which the comparison states once below (none under a given price)
    if request.price is None:
        per_gpu.add("price")
    if request.precision is None:
        per_gpu.add("precision")
    if isinstance(request, InferRequest):
        # Default utilizations follow each GPU's tensor-parallel degree, and the KV cache its weights' precision.
        per_gpu |= {key for key in ("cards", "mfu", "mbu", "kv") if getattr(request, key) is None}
    if isinstance(request, TrainRequest) and request.mfu is None:  # each GPU generation has its own default
        per_gpu.add("mfu")
    if request.capex is None:
        per_gpu.add("capex")
    words = [word for word in estimated.command.split() if word.split("=", 1)[0] not in per_gpu]
    if request.price is None:
        words.append(f"basis={_basis(request)}")
    return " ".join(["compare", *words, f"gpu={','.join(gpu_ids)}"])


def _basis(request: EstimateRequest) -> str:
    return normal_basis(request.basis) if request.basis else DEFAULT_BASIS


def compare(request: EstimateRequest, gpu_ids: Sequence[str], today: date) -> ComparisonResult:
    """Estimate `request` on each GPU in `gpu_ids`; cheapest first, ties kept in the order given."""
    gpu_ids = list(dict.fromkeys(gpu_ids))
    measure = _time_measure(request)
    basis = None if request.price is not None else _basis(request)
    results, skipped = each_gpu(
        gpu_ids, lambda gpu_id: estimate(request.model_copy(update={"gpu": gpu_id, "basis": basis}), today)
    )
    entries = [_entry(result, measure) for result in results]
    entries.sort(key=lambda entry: entry.cost_usd)
    # min() keeps the first of equals, and entries are in cost order: a tie for speed goes to the cheaper GPU.
    fastest = min(entries, key=lambda entry: entry.time)
    return ComparisonResult(
        job=request.kind,
        basis=basis,
        time_measure=measure,
        currency=entries[0].result.currency,
        entries=tuple(entries),
        skipped=skipped,
        cheapest=entries[0].gpu,
        fastest=fastest.gpu,
        notes=_notes(request, entries),
        command=_command(request, entries[0].result, gpu_ids),
    )
