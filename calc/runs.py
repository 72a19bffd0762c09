"""Published pre-training runs (calc/data/training_runs.json) and the MFU each implies.

Every MFU here is against the part's dense 16-bit peak (BF16; FP16 on V100), FP8 runs included: DeepSeek-V3's
FP8 run is judged against the H800's BF16 peak, as an FP8 request's default MFU is converted back to that basis.
A run's productive-time MFU is the one the defaults are fitted on: published GPU-hours that include failures and
restarts are divided by the goodput the model (calc.goodput) gives for the run's cluster size and length.
"""

import math
import statistics
from functools import cache, cached_property

from pydantic import BaseModel, Field

from calc.data_files import packaged
from calc.goodput import goodput_of_elapsed, whole_nodes
from calc.gpus import Accelerator, get_gpu
from calc.model_config import FROZEN
from calc.units import SECONDS_PER_HOUR

# Runs left out of the fit, each with the reason (the data file keeps them, as published).
EXCLUDED: dict[str, str] = {
    "Falcon-40B": "no compute figure: 'two months' on 384 GPUs, no day count or GPU-hours",
    "Llama 3.2 1B": "pruned and distilled: the teachers' logits cost FLOPs 6·N·D does not count; tokens an upper bound",
    "Llama 3.2 3B": "pruned and distilled: the teachers' logits cost FLOPs 6·N·D does not count; tokens an upper bound",
    "phi-2": "implies 63% of the A100's peak end to end, above the best published A100 throughput (TinyLlama's 56% "
    "without failures); the card's 14 days or 1.4T tokens are likely not the same run",
}


class TrainingRun(BaseModel):
    """One published run as collected; see the data file's `schema` for each field's meaning."""

    model_config = FROZEN

    model: str
    developer: str
    params: float
    active_params: float | None
    tokens: float | None
    gpu: str
    gpu_count: int | None
    gpu_hours: float | None
    gpu_days: float | None
    reported_mfu: float | None
    precision: str | None
    includes_failures: bool | None
    year: int | None
    source: str
    quote: str
    notes: str

    @cached_property  # looked up for every run on every training estimate (similar_runs)
    def accelerator(self) -> Accelerator:
        return get_gpu(self.gpu)

    @property
    def active(self) -> float:
        return self.active_params or self.params

    @property
    def published_gpu_hours(self) -> float | None:
        if self.gpu_hours is not None:
            return self.gpu_hours
        return None if self.gpu_days is None else self.gpu_days * 24

    @property
    def end_to_end_mfu(self) -> float | None:
        """6·N_active·D over the 16-bit peak times the published GPU-hours, or None without both."""
        hours = self.published_gpu_hours
        if hours is None or self.tokens is None:
            return None
        gpu = self.accelerator
        peak = gpu.peak_flops(gpu.default_precision)
        assert peak is not None  # every part has a 16-bit peak
        return 6 * self.active * self.tokens / (peak * hours * SECONDS_PER_HOUR)

    @property
    def goodput(self) -> float:
        """The model's goodput for this run; 1 where the hours are idealised or throughput-derived."""
        hours = self.published_gpu_hours
        if hours is None or self.includes_failures is False:
            return 1.0
        gpus = self.gpu_count or default_cluster(hours * RUN_LENGTH_GOODPUT)
        return goodput_of_elapsed(gpus, hours / gpus)

    @property
    def implied_mfu(self) -> float | None:
        """Productive-time MFU: from the GPU-hours when published (what an estimate predicts), else as reported."""
        end_to_end = self.end_to_end_mfu
        if end_to_end is not None:
            return end_to_end / self.goodput
        return self.reported_mfu


class GoodputReport(BaseModel):
    model_config = FROZEN

    run: str
    cluster: str
    period: str | None
    figures: dict[str, float | int | str]
    source: str
    quote: str
    notes: str


class TrainingRunsFile(BaseModel):
    model_config = FROZEN

    schema_text: str = Field(alias="schema")
    compiled: str
    runs: tuple[TrainingRun, ...]
    goodput_evidence: tuple[GoodputReport, ...]


@cache
def load_runs_file() -> TrainingRunsFile:
    return packaged(TrainingRunsFile, "training_runs.json")


@cache
def fitted_runs() -> tuple[TrainingRun, ...]:
    """The runs the defaults are fitted on: every run with an implied MFU that EXCLUDED does not leave out."""
    return tuple(run for run in load_runs_file().runs if run.model not in EXCLUDED and run.implied_mfu is not None)


def find_run(model: str) -> TrainingRun | None:
    return next((run for run in load_runs_file().runs if run.model == model), None)


# Converts a run's published (end-to-end) hours to productive ones for sizing its cluster when the count is
# unpublished; the typical goodput of the runs with counts, to keep the sizing free of the fit it feeds.
RUN_LENGTH_GOODPUT = 0.96


@cache
def run_length_fit() -> tuple[float, float]:
    """log10(days) = a + b·log10(GPU-hours) over the runs that publish their GPU count: bigger runs run longer."""
    pairs = [
        (hours, hours / run.gpu_count / 24)
        for run in load_runs_file().runs
        if run.model not in EXCLUDED and run.gpu_count and (hours := run.published_gpu_hours)
    ]
    slope, intercept = statistics.linear_regression(
        [math.log10(h) for h, _ in pairs], [math.log10(d) for _, d in pairs]
    )
    return intercept, slope


def typical_days(productive_gpu_hours: float) -> float:
    intercept, slope = run_length_fit()
    return 10 ** (intercept + slope * math.log10(max(productive_gpu_hours, 1.0)))


def default_cluster(productive_gpu_hours: float) -> int:
    """Without gpus= or days=: the GPUs (whole 8-GPU nodes) that finish in a published run's typical length."""
    gpus = productive_gpu_hours / (typical_days(productive_gpu_hours) * 24)
    return whole_nodes(gpus)
