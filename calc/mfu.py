"""The default training MFU per accelerator generation, fitted on published runs by a rule that reads as a table:

    runs of the generation    default MFU                       band (mfu_range)
    3 or more                 their median                      their 5th-95th percentile
    1 or 2                    their median (not validated)      the nearest fitted generation's band, rescaled
    none                      the nearest generation's (not validated: "uses Hopper's")

Productive-time MFUs (calc.runs) against the 16-bit peak. No size or MoE term: neither improves the
leave-one-developer-out error (`python -m bench.training` prints the check), so none is used.
"""

import math
import statistics
from collections.abc import Callable, Sequence
from functools import cache

from pydantic import BaseModel

from calc.gpus import Accelerator
from calc.model_config import FROZEN
from calc.runs import TrainingRun, fitted_runs
from calc.units import Generation

G = Generation
# Where a generation has too few runs: the nearest in time and class (Ada and TPU v3/v4 are Ampere's peers;
# Blackwell and AMD's MI300 series are sold against Hopper).
NEAREST: dict[Generation, Generation] = {
    G.VOLTA: G.AMPERE,
    G.ADA: G.AMPERE,
    G.TPU: G.AMPERE,
    G.BLACKWELL: G.HOPPER,
    G.CDNA: G.HOPPER,
    G.AMPERE: G.HOPPER,
    G.HOPPER: G.AMPERE,
}
MIN_RUNS_FOR_BAND = 3
BAND_PERCENTILES = (0.05, 0.95)


def planning_figure(value: float) -> float:
    """Three significant figures (33.5%, not 33.4702749%): what the data can carry, and what a command can repeat."""
    return float(f"{value:.3g}")


def percentile(values: Sequence[float], share: float) -> float:
    """Linear interpolation between closest ranks (the spreadsheet PERCENTILE rule)."""
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


class GenerationFit(BaseModel):
    """The default MFU the rule gives one generation, with its band and what it rests on."""

    model_config = FROZEN

    generation: Generation
    mfu: float
    low: float
    high: float
    runs: int
    borrowed_from: Generation | None  # the generation whose band (or default) is used, when not its own

    @property
    def validated(self) -> bool:
        return self.borrowed_from is None


def _by_generation(runs: Sequence[TrainingRun]) -> dict[Generation, list[float]]:
    grouped: dict[Generation, list[float]] = {}
    for run in runs:
        mfu = run.implied_mfu
        assert mfu is not None  # fitted runs all imply one
        grouped.setdefault(run.accelerator.generation, []).append(mfu)
    return grouped


def fit(runs: Sequence[TrainingRun]) -> dict[Generation, GenerationFit]:
    """The rule above, applied to `runs`: a fit for every generation."""
    grouped = _by_generation(runs)
    fits: dict[Generation, GenerationFit] = {}
    for generation in Generation:
        values = grouped.get(generation, [])
        if len(values) >= MIN_RUNS_FOR_BAND:
            low, high = (planning_figure(percentile(values, share)) for share in BAND_PERCENTILES)
            fits[generation] = GenerationFit(
                generation=generation,
                mfu=planning_figure(statistics.median(values)),
                low=low,
                high=high,
                runs=len(values),
                borrowed_from=None,
            )
    for generation in Generation:
        if generation in fits:
            continue
        values = grouped.get(generation, [])
        nearest = fits.get(NEAREST[generation]) or next(iter(fits.values()))
        mfu = planning_figure(statistics.median(values)) if values else nearest.mfu
        scale = mfu / nearest.mfu
        fits[generation] = GenerationFit(
            generation=generation,
            mfu=mfu,
            low=planning_figure(nearest.low * scale),
            high=planning_figure(nearest.high * scale),
            runs=len(values),
            borrowed_from=nearest.generation,
        )
    return fits


@cache
def _packaged_fit() -> dict[Generation, GenerationFit]:
    """The rule applied to the packaged runs, on first use: importing calc reads no data file."""
    return fit(fitted_runs())


def fit_for(gpu: Accelerator) -> GenerationFit:
    """The published-runs default for a part: its generation's fit."""
    return _packaged_fit()[gpu.generation]


class HeldOut(BaseModel):
    """One run judged by a fit that never saw it: its implied MFU against the left-out default and band."""

    model_config = FROZEN

    run: TrainingRun
    generation: Generation
    implied_mfu: float
    predicted_mfu: float
    low: float
    high: float

    @property
    def error(self) -> float:
        """Predicted GPU-hours over published, minus 1 (same FLOPs and goodput: implied over predicted MFU)."""
        return self.implied_mfu / self.predicted_mfu - 1

    @property
    def covered(self) -> bool:
        return self.low <= self.implied_mfu <= self.high


def held_out(runs: Sequence[TrainingRun], group: Callable[[TrainingRun], str]) -> list[HeldOut]:
    """Each run predicted by the fit on every run outside its group (its own run, or its developer's runs)."""
    judged = []
    for run in runs:
        rest = [other for other in runs if group(other) != group(run)]
        generation = run.accelerator.generation
        left_out = fit(rest)[generation]
        implied = run.implied_mfu
        assert implied is not None
        judged.append(
            HeldOut(
                run=run,
                generation=generation,
                implied_mfu=implied,
                predicted_mfu=left_out.mfu,
                low=left_out.low,
                high=left_out.high,
            )
        )
    return judged


def leave_one_out(runs: Sequence[TrainingRun]) -> list[HeldOut]:
    return held_out(runs, lambda run: run.model)


def leave_one_developer_out(runs: Sequence[TrainingRun]) -> list[HeldOut]:
    return held_out(runs, lambda run: run.developer)


class Scores(BaseModel):
    model_config = FROZEN

    runs: int
    coverage: float
    median_error: float
    p90_error: float
    bias: dict[Generation, float]  # median signed error per generation


def score(judged: Sequence[HeldOut]) -> Scores:
    errors = [abs(item.error) for item in judged]
    bias: dict[Generation, list[float]] = {}
    for item in judged:
        bias.setdefault(item.generation, []).append(item.error)
    return Scores(
        runs=len(judged),
        coverage=sum(item.covered for item in judged) / len(judged),
        median_error=statistics.median(errors),
        p90_error=percentile(errors, 0.9),
        bias={generation: statistics.median(values) for generation, values in bias.items()},
    )
