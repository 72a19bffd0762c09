"""How the training MFU defaults land on published runs: `python -m bench.training` (repository root).

Prints the fit per generation, each run's end-to-end and productive-time implied MFU, and the fit judged
leaving one run out and leaving one developer's runs out: band coverage, median and 90th-percentile error of
the predicted GPU-hours, median bias per generation. Then the size and MoE checks that decided there is no term.
"""

import math
import statistics
from collections.abc import Sequence

from calc.goodput import CHECKPOINT_SHARE, HOURS_LOST_PER_INTERRUPTION, INTERRUPTIONS_PER_GPU_HOUR
from calc.mfu import (
    BAND_PERCENTILES,
    GenerationFit,
    HeldOut,
    fit,
    leave_one_developer_out,
    leave_one_out,
    score,
)
from calc.runs import EXCLUDED, TrainingRun, fitted_runs
from calc.units import Generation

GOALS = "goals: coverage >= 80%, median error <= 25%, no generation biased beyond ±10%"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def print_fit(fits: dict[Generation, GenerationFit]) -> None:
    low, high = BAND_PERCENTILES
    print(f"Fit: median per generation, band {low * 100:.0f}th-{high * 100:.0f}th percentile (productive time)")
    for generation, item in fits.items():
        basis = "fitted" if item.validated else f"not validated: band from {item.borrowed_from}"
        print(
            f"  {generation.value:<10} runs {item.runs:>2}  MFU {_percent(item.mfu):>6}  "
            f"band {_percent(item.low)}-{_percent(item.high)}  ({basis})"
        )


def print_runs(loo: Sequence[HeldOut]) -> None:
    print("\nRuns (MFU vs the 16-bit dense peak; goodput from calc.goodput; LOO = leave-one-out prediction)")
    print(f"  {'run':<34} {'gpu':<14} {'e2e':>6} {'goodput':>7} {'MFU':>6} {'LOO':>6} {'error':>7}  in band")
    for item in loo:
        run = item.run
        print(
            f"  {run.model[:34]:<34} {run.accelerator.id:<14} {_percent(run.end_to_end_mfu):>6} "
            f"{_percent(run.goodput):>7} {_percent(item.implied_mfu):>6} {_percent(item.predicted_mfu):>6} "
            f"{item.error * 100:>+6.1f}%  {'yes' if item.covered else 'NO'}"
        )
    for model, reason in EXCLUDED.items():
        print(f"  excluded: {model}: {reason}")


def print_scores(name: str, judged: Sequence[HeldOut]) -> None:
    scores = score(judged)
    bias = ", ".join(f"{generation.value} {value * 100:+.1f}%" for generation, value in scores.bias.items())
    print(
        f"  {name:<26} runs {scores.runs}  coverage {_percent(scores.coverage)}  "
        f"median error {_percent(scores.median_error)}  p90 error {_percent(scores.p90_error)}\n"
        f"  {'':<26} median bias: {bias}"
    )


def _size_term_error(runs: Sequence[TrainingRun]) -> float:
    """Leave-one-developer-out median error of MFU = a + b·log10(active params), fitted per generation."""
    errors = []
    for run in runs:
        generation = run.accelerator.generation
        peers = [o for o in runs if o.developer != run.developer and o.accelerator.generation == generation]
        if len(peers) < 3:
            continue
        xs = [math.log10(o.active) for o in peers]
        ys = [o.implied_mfu or 0.0 for o in peers]
        slope, intercept = statistics.linear_regression(xs, ys)
        predicted = max(intercept + slope * math.log10(run.active), 0.05)
        errors.append(abs((run.implied_mfu or 0.0) / predicted - 1))
    return statistics.median(errors)


def print_terms(runs: Sequence[TrainingRun], lodo: Sequence[HeldOut], fits: dict[Generation, GenerationFit]) -> None:
    validated = [item for item in lodo if fits[item.generation].validated]
    plain = statistics.median(abs(item.error) for item in validated)
    print("\nTerms (leave-one-developer-out, generations with their own fit)")
    print(
        f"  median error, no term: {_percent(plain)};  with a log-size term per generation: "
        f"{_percent(_size_term_error(runs))}"
    )
    moe = [item.error for item in lodo if item.run.active_params is not None]
    print(f"  MoE runs ({len(moe)}): median signed error {statistics.median(moe) * 100:+.1f}% with no MoE term")


def main() -> None:
    runs = fitted_runs()
    print(
        f"Goodput model: {INTERRUPTIONS_PER_GPU_HOUR:.3e} interruptions per GPU-hour, "
        f"{HOURS_LOST_PER_INTERRUPTION * 60:.1f} min lost each, {CHECKPOINT_SHARE:.0%} checkpoints and pauses\n"
    )
    fits = fit(runs)
    print_fit(fits)
    loo = leave_one_out(runs)
    lodo = leave_one_developer_out(runs)
    print_runs(loo)
    print(f"\nHeld out ({GOALS})")
    print_scores("leave one run out", loo)
    print_scores("leave one developer out", lodo)
    print_terms(runs, lodo, fits)


if __name__ == "__main__":
    main()
