"""How `llmcost infer` lands against published serving throughput (bench/data/serving_results.json).

    python -m bench.serving             # predicted / published per point, the summaries, the physical-ceiling check
    python -m bench.serving --fit       # the grid search that chose calc/infer.py's utilization defaults
    python -m bench.serving --held-out  # the same fit judged on points it did not see (cross-validation)
    ... --fit --with-mlperf, --held-out --with-mlperf: the same, fitted on the MLPerf points too (--with-new: the new set,
    --with-new2: the second new set)

Each point is asked of the engine as a person would ask it: the model preset, GPU, `cards=` = tensor-parallel degree x
pipeline stages with `pp=` the stages (unstated: one replica on all the GPUs, which the engine lays out itself, e.g.
DeepSeek-R1's "DEP" runs in its expert layout), weight and KV precision, input and output length, and the batch
(`batch=max` for max-throughput runs, the stated batch or concurrency, or `rps=` for a fixed request rate). A system
of several replicas (MLPerf's gpus > TP x PP) is that many replicas. Predicted output tokens/s of the system over
published is the ratio.

Two kinds of points: fixed request lengths (every request the same input and output length: TensorRT-LLM's tables,
blogs), and MLPerf, whose lengths are its dataset's means (input_tokens_source in the data says where each mean comes
from). The MLPerf points are summarised apart and, unless --with-mlperf, kept out of the fit: the defaults were
fitted before their mean input lengths were sourced, so they are a held-out test of them.

A third kind, the new set (`new_set` in the data): points from publications not in the file before, collected before
the model was changed on branch serving2 and first predicted by the model as it stood (BENCHMARKS.md). They take part
in no fit unless --with-new, so they stay a test of how the model generalises. A fourth kind, the second new set
(`new_set: 2`), was collected the same way on branch collect3 while the model was being changed elsewhere: its own
summary, in no fit unless --with-new2. Both were scored out of sample first (BENCHMARKS.md); the defaults in force are
fitted on every kind (`--fit --with-mlperf --with-new --with-new2`), so the held-out figures are now the test.

Points left out, each with its reason: no sourced mean output length (MLPerf Llama 3.1 8B). A GPU the catalog lacks or a
model without a preset and shape would be left out too; since GB200, Qwen3-235B-A22B and Falcon 180B were added, none is.

The fit (`--fit`): every default set on GRID (the comment above it gives the ranges: MFU, MBU, the slice half-width
W, the expert layout's share kept per doubling of its cards, the format speed-up exponent, a decode step's fixed time
per layer), each point predicted through `estimate_inference` at those defaults, as a person asking would get them;
the chosen set minimises the sum of squared log(predicted/published). The ceiling is the same prediction at
mfu=100% mbu=100%: it must never be below a published figure.

Held out (`--held-out`): the fit above is judged on the points it was fitted on. Three cross-validations re-run it
without a group and predict that group with the defaults chosen on the rest: leave one point out, leave one source out
(a publication: MLPerf round, TensorRT-LLM table version, blog), leave one GPU out. Every point is predicted once per
grid set and the table kept, so each fold's re-fit is the same full grid (no coarsening), only summed over fewer
points.
"""

import argparse
import json
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from calc import EstimateError, InferRequest, InferResult
from calc.gpus import find_gpu
from calc.infer import DEFAULTS, ServingDefaults, estimate_inference
from calc.presets import find_preset
from calc.shapes import preset_shapes

DATA = Path(__file__).resolve().parent / "data" / "serving_results.json"
TODAY = date(2026, 12, 1)
PRICE = 2.0  # any price: throughput does not depend on it


@dataclass(frozen=True)
class Point:
    index: int
    label: str
    request: InferRequest
    replicas: int
    published: float  # output tokens/s of the whole system
    source: str  # the publication, for leave-one-source-out
    gpu: str
    kind: str  # "fixed": every request the same length; "mlperf": a dataset's mean lengths; "new": the new set
    # ("new2": the second new set, `new_set: 2` in the data)


# The grid the defaults were chosen on: MFU 55-70% and MBU 60-95% in steps of 5 (no more than a bandwidth test reaches;
# the fit, given 100%, takes it), the expert layout's share kept per doubling 0.70-0.76 in steps of 0.02, the format
# exponent 0.5-0.7, the slice half-width 512-1280 columns, a decode step's fixed time per layer 0-200 µs. (Earlier
# grids without the fixed time put MBU and the half-width on their edges once every point was fitted.)
SLICE_HALF_WIDTHS = (512, 768, 1024, 1280)
LAYER_OVERHEADS_US = (0, 40, 80, 100, 120, 160, 200)
GRID: list[ServingDefaults] = [
    ServingDefaults(mfu / 100, mbu / 100, keep / 100, exponent / 10, half_width, overhead * 1e-6)
    for mfu in range(55, 75, 5)
    for mbu in range(60, 100, 5)
    for keep in range(70, 77, 2)
    for exponent in range(5, 8)
    for half_width in SLICE_HALF_WIDTHS
    for overhead in LAYER_OVERHEADS_US
]


def _preset(model: str) -> str | None:
    """The preset whose shape lists this model name among its aliases."""
    name = model.lower()
    shape = next((shape for shape in preset_shapes() if name in shape.aliases), None)
    return shape.name if shape and find_preset(shape.name) else None


def _kv(point: dict[str, object]) -> str:
    """As stated; unstated, FP8 for FP8/FP4 checkpoints on TensorRT-LLM (its FP8 recipes quantize the cache), else
    the engine's 16-bit default."""
    if point["kv_precision"]:
        return str(point["kv_precision"])
    engine = str(point["engine"])
    return "fp8" if point["weight_precision"] in ("fp8", "fp4") and "TensorRT" in engine else "bf16"


def source_group(point: dict[str, object]) -> str:
    """The publication a point comes from: an MLPerf round, one version of TensorRT-LLM's performance tables (the
    Triton online-serving table of the v0.17 page is its own campaign, on TensorRT-LLM 0.14), or a blog."""
    source, engine = str(point["source"]), str(point["engine"])
    mlperf = re.search(r"inference_results_(v[\d.]+)", source)
    if mlperf:
        return f"MLPerf {mlperf.group(1)}"
    if "NVIDIA/TensorRT-LLM" in source:
        version = re.search(r"TensorRT-LLM \(?(?:release/)?(\d+\.\d+)", engine)
        assert version, engine
        return f"TensorRT-LLM {version.group(1)}" + (" via Triton" if "Triton" in engine else "")
    return re.sub(r"^https?://([^/]+)/.*$", r"\1", source)


def _kind(point: dict[str, object]) -> str:
    """`new_set: 2` is the second new set, any other true `new_set` the first."""
    if point.get("new_set") == 2:
        return "new2"
    return "new" if point.get("new_set") else "mlperf" if "input_tokens_source" in point else "fixed"


def load() -> tuple[list[Point], list[tuple[int, str, str]]]:
    """The points the engine can be asked, and the rest with why not."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))["points"]
    points: list[Point] = []
    skipped: list[tuple[int, str, str]] = []
    for index, p in enumerate(raw):
        label = f"{p['model']} {p['gpus']}x{p['gpu']} {p['weight_precision']} {p['input_tokens']}/{p['output_tokens']}"
        preset = _preset(str(p["model"]))
        notes = str(p["notes"])
        if p["input_tokens"] is None:
            skipped.append((index, label, "no sourced mean input length (MLPerf dataset)"))
        elif p["output_tokens"] is None:
            skipped.append((index, label, "no mean output length (the submission's accuracy.txt gives none)"))
        elif find_gpu(str(p["gpu"])) is None:
            skipped.append((index, label, f"{p['gpu']} not in the GPU catalog"))
        elif preset is None:
            skipped.append((index, label, "model has no preset with a shape in calc/data/model_shapes.json"))
        else:
            pp = int(p["pipeline_parallel"] or 1)
            # Stated TP x PP; unstated, one replica on all the GPUs (DEPn: n GPUs, which the engine lays out itself).
            cards = int(p["tensor_parallel"] or p["gpus"]) * pp
            fields: dict[str, object] = {
                "model": preset,
                "gpu": p["gpu"],
                "cards": cards,
                "pp": pp,
                "precision": p["weight_precision"],
                "kv": _kv(p),
                "input": round(float(p["input_tokens"])),
                "output": round(float(p["output_tokens"])),
                "price": PRICE,
            }
            rate = re.search(r"Offered request rate \(QPS\) = (\w+)", notes)
            if p["batch"] or p["concurrency"]:
                fields["batch"] = int(p["batch"] or p["concurrency"])
            elif rate and rate.group(1) != "INF":
                fields["rps"] = float(rate.group(1)) / (int(p["gpus"]) // cards)
            request = InferRequest.model_validate(fields)
            points.append(
                Point(
                    index=index,
                    label=label,
                    request=request,
                    replicas=int(p["gpus"]) // cards,
                    published=float(p["output_tokens_per_s"]),
                    source=source_group(p),
                    gpu=str(p["gpu"]),
                    kind=_kind(p),
                )
            )
    return points, skipped


def predict(point: Point, defaults: ServingDefaults = DEFAULTS) -> InferResult:
    """The engine's estimate at a set of defaults, through the same path a person's question takes."""
    return estimate_inference(point.request, TODAY, defaults)


def ceiling(point: Point) -> InferResult:
    """The physical ceiling: mfu=100% mbu=100%, every step overlapped."""
    return estimate_inference(point.request.model_copy(update={"mfu": 1.0, "mbu": 1.0}), TODAY)


def system_rate(point: Point, result: InferResult) -> float:
    return result.tokens_per_second * point.replicas


def ratios(points: list[Point], defaults: ServingDefaults) -> list[float]:
    """Predicted / published per point at these defaults."""
    return [system_rate(point, predict(point, defaults)) / point.published for point in points]


def summary(values: list[float]) -> str:
    within = sum(1 for r in values if 1 / 1.5 <= r <= 1.5) / len(values)
    worst = max(max(r, 1 / r) for r in values)
    median = statistics.median(values)
    return f"median {median:.2f}x · within 1.5x: {within:.0%} ({len(values)} points) · worst {worst:.2f}x off"


def log_ratio_table(points: list[Point]) -> list[list[float]]:
    """For every grid default set, every point's log(predicted / published): the whole cost of the fit, computed once, so
    that a fit on any subset of the points is a sum over it."""
    return [[math.log(r) for r in ratios(points, defaults)] for defaults in GRID]


def squared(table: list[list[float]]) -> list[list[float]]:
    return [[value * value for value in row] for row in table]


def best_fit(errors: Sequence[Sequence[float]], fitted_on: Sequence[int]) -> int:
    """The grid index whose summed squared log error over the given points is least (the first such, in grid
    order, on a tie)."""
    losses = [sum(row[i] for i in fitted_on) for row in errors]
    return losses.index(min(losses))


def held_out(errors: Sequence[Sequence[float]], groups: Sequence[str | None]) -> tuple[list[int], dict[str, int]]:
    """Cross-validation: for each group, the defaults fitted on every point of the other groups. A point whose group is
    None takes part in no fit and is predicted by the fit on all the others. Returns, per point, the grid index that
    predicts it without having seen its group, and the index chosen per group."""
    fitted = [i for i, group in enumerate(groups) if group is not None]
    chosen: dict[str, int] = {}
    for group in dict.fromkeys(g for g in groups if g is not None):
        chosen[group] = best_fit(errors, [i for i in fitted if groups[i] != group])
    outside = best_fit(errors, fitted)
    return [outside if g is None else chosen[g] for g in groups], chosen


def describe(defaults: ServingDefaults) -> str:
    d = defaults
    return (
        f"mfu={d.mfu:.0%} mbu={d.mbu:.0%} half-width={d.slice_half_width:.0f} expert={d.expert_keep_per_doubling:.2f} "
        f"format^{d.format_speedup_exponent:.1f} layer={d.layer_overhead_s * 1e6:.0f}µs"
    )


KINDS = {
    "fixed": "fixed request lengths",
    "mlperf": "MLPerf, dataset mean lengths",
    "new": "new set",
    "new2": "second new set",
}


def fitted_kinds(with_mlperf: bool, with_new: bool, with_new2: bool) -> set[str]:
    """The kinds of points a fit sees: the fixed-length points always, each other kind only when asked for."""
    asked = {"mlperf": with_mlperf, "new": with_new, "new2": with_new2}
    return {"fixed"} | {kind for kind, wanted in asked.items() if wanted}


def fit(points: list[Point], kinds: set[str]) -> None:
    fitted = [i for i, point in enumerate(points) if point.kind in kinds]
    errors = squared(log_ratio_table(points))
    index = best_fit(errors, fitted)
    best = GRID[index]
    loss = sum(errors[index][i] for i in fitted)
    print(f"fitted on {len(fitted)} points ({', '.join(KINDS[kind] for kind in KINDS if kind in kinds)})")
    print(f"best: {describe(best)} (sum of squared logs {loss:.3f})")
    values = ratios(points, best)
    for kind, name in KINDS.items():
        subset = [value for value, point in zip(values, points, strict=True) if point.kind == kind]
        if subset:
            print(f"{name:<30} {summary(subset)}")


def cross_validate(points: list[Point], kinds: set[str]) -> None:
    in_fit = [point.kind in kinds for point in points]
    log_ratios = log_ratio_table(points)
    errors = squared(log_ratios)
    schemes = {
        "point": [str(point.index) for point in points],
        "source": [point.source for point in points],
        "GPU": [point.gpu for point in points],
    }
    folds = {
        name: held_out(errors, [group if fitted else None for group, fitted in zip(groups, in_fit, strict=True)])
        for name, groups in schemes.items()
    }
    everything = best_fit(errors, [i for i, fitted in enumerate(in_fit) if fitted])
    print(f"grid of {len(GRID)} default sets x {len(points)} points; every fold re-fitted on it")
    print(f"fit on all {sum(in_fit)} fitted points: {describe(GRID[everything])}")
    print()
    print(f"{'#':>3} {'point':<52} {'source':<28} {'in-sample':>9} {'-point':>7} {'-source':>8} {'-GPU':>6}")
    columns: dict[str, list[float]] = {"in-sample": [], **{name: [] for name in schemes}}
    for position, point in enumerate(points):
        row = [math.exp(log_ratios[everything][position])]
        row += [math.exp(log_ratios[folds[name][0][position]][position]) for name in schemes]
        for name, value in zip(columns, row, strict=True):
            columns[name].append(value)
        seen = f"{row[0]:>9.2f}" if in_fit[position] else f"{'-':>9}"
        never = "" if in_fit[position] else "  never fitted: held out under every scheme"
        print(
            f"{point.index:>3} {point.label:<52} {point.source:<28} {seen} {row[1]:>7.2f} {row[2]:>8.2f} "
            f"{row[3]:>6.2f}{never}"
        )
    print()
    for name in ("source", "GPU"):
        groups = schemes[name]
        print(f"fitted without each {name}:")
        for group, index in folds[name][1].items():
            held = sum(1 for g, fitted in zip(groups, in_fit, strict=True) if g == group and fitted)
            print(f"  {group:<28} {held:>3} point(s) held out -> {describe(GRID[index])}")
    subsets = {name: [i for i, point in enumerate(points) if point.kind == kind] for kind, name in KINDS.items()}
    subsets["all"] = list(range(len(points)))
    for subset_name, subset in subsets.items():
        if not subset:
            continue
        print()
        print(f"{subset_name}:")
        fitted_here = [i for i in subset if in_fit[i]]
        if fitted_here:
            print(f"  {'in-sample':<22} {summary([columns['in-sample'][i] for i in fitted_here])}")
        for name in schemes:
            print(f"  {'held out by ' + name:<22} {summary([columns[name][i] for i in subset])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="search the utilization defaults")
    parser.add_argument("--held-out", action="store_true", help="judge that fit on points it did not see")
    parser.add_argument(
        "--with-mlperf",
        action="store_true",
        help="fit on the MLPerf points (dataset mean lengths) too, not on the fixed-length points only",
    )
    parser.add_argument("--with-new", action="store_true", help="fit on the new set too")
    parser.add_argument("--with-new2", action="store_true", help="fit on the second new set too")
    args = parser.parse_args()
    points, skipped = load()
    kinds = fitted_kinds(args.with_mlperf, args.with_new, args.with_new2)
    if args.fit:
        fit(points, kinds)
        return
    if args.held_out:
        cross_validate(points, kinds)
        return
    print(f"defaults: {describe(DEFAULTS)}")
    print(f"{'#':>3} {'point':<58} {'batch':>6} {'published':>10} {'predicted':>10} {'ratio':>6} {'ceiling':>8}")
    values: dict[str, list[float]] = {kind: [] for kind in KINDS}
    below_ceiling: list[str] = []
    for point in points:
        try:
            result = predict(point)
            top_result = ceiling(point)
        except EstimateError as error:
            print(f"{point.index:>3} {point.label:<58} cannot estimate: {error.code} {error.values}")
            continue
        predicted = system_rate(point, result)
        top = system_rate(point, top_result)
        ratio = predicted / point.published
        values[point.kind].append(ratio)
        flag = "" if top >= point.published else "  CEILING BELOW PUBLISHED"
        if flag:
            below_ceiling.append(point.label)
        batch = result.assumptions.batch
        print(
            f"{point.index:>3} {point.label:<58} {batch:>6} {point.published:>10,.0f} {predicted:>10,.0f} "
            f"{ratio:>6.2f} {top / point.published:>7.2f}x{flag}"
        )
    print()
    for kind, name in KINDS.items():
        print(f"{name:<30} {summary(values[kind])}")
    print(f"{'all':<30} {summary([value for kind in KINDS for value in values[kind]])}")
    print(f"physical ceiling (mfu=100% mbu=100%) below a published figure: {len(below_ceiling)} point(s)")
    print(f"left out: {len(skipped)} point(s)")
    for index, label, reason in skipped:
        print(f"{index:>3} {label:<58} {reason}")


if __name__ == "__main__":
    main()
