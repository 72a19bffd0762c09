"""How `llmcost infer` lands against published serving throughput (bench/data/serving_results.json).

    python -m bench.serving           # predicted / published per point, the summary, the physical-ceiling check
    python -m bench.serving --fit     # the grid search that chose calc/infer.py's utilization defaults
    python -m bench.serving --held-out  # the same fit judged on points it did not see (cross-validation)

Each point is asked of the engine as a person would ask it: the model preset, GPU, tensor-parallel degree as
`cards=`, weight and KV precision, input and output length, and the batch (`batch=max` for max-throughput runs,
the stated batch or concurrency, or `rps=` for a fixed request rate). A system of several replicas (MLPerf's
gpus > TP) is that many replicas. Predicted output tokens/s of the system over published is the ratio.

Points left out, each with its reason: no published mean input length (MLPerf's datasets: the input length
drives prefill and the KV cache, and we could not source the datasets' means), a GPU the catalog lacks (GB200),
a model with no shape in calc/data/model_shapes.json (Qwen3), and attention-data-parallel + expert-parallel runs
(DeepSeek "DEP"), a parallelism the engine does not model.

The fit (`--fit`): every (MFU, MBU, tensor-parallel efficiency per doubling) on a grid, each point predicted at
MFU·e^log2(TP) and MBU·e^log2(TP); the chosen triple minimises the sum of squared log(predicted/published). The
ceiling is the same prediction at mfu=100% mbu=100%: it must never be below a published figure.

Held out (`--held-out`): the fit above is judged on the points it was fitted on. Three cross-validations re-run it
without a group and predict that group with the triple chosen on the rest: leave one point out, leave one source out
(a publication: MLPerf round, TensorRT-LLM table version, blog), leave one GPU out. Every point is predicted once per
grid triple and the table kept, so each fold's re-fit is the same full grid (no coarsening), only summed over fewer
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

from calc import EstimateError, InferRequest, InferResult, estimate
from calc.gpus import find_gpu
from calc.infer import TP_EFFICIENCY_PER_DOUBLING, TYPICAL_MBU, TYPICAL_MFU
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
    tensor_parallel: int
    published: float  # output tokens/s of the whole system
    source: str  # the publication, for leave-one-source-out
    gpu: str


Triple = tuple[float, float, float]  # (MFU, MBU, tensor-parallel efficiency kept per doubling)

# The grid the defaults were chosen on: MFU 20-80%, MBU 40-95% in steps of 5, efficiency 0.70-1.00 in steps of 0.02.
GRID: list[Triple] = [
    (mfu / 100, mbu / 100, keep / 100)
    for mfu in range(20, 85, 5)
    for mbu in range(40, 100, 5)
    for keep in range(70, 101, 2)
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


def load() -> tuple[list[Point], list[tuple[int, str, str]]]:
    """The points the engine can be asked, and the rest with why not."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))["points"]
    points: list[Point] = []
    skipped: list[tuple[int, str, str]] = []
    for index, p in enumerate(raw):
        label = f"{p['model']} {p['gpus']}x{p['gpu']} {p['weight_precision']} {p['input_tokens']}/{p['output_tokens']}"
        preset = _preset(str(p["model"]))
        notes = str(p["notes"])
        if p["input_tokens"] is None or p["output_tokens"] is None:
            skipped.append((index, label, "no published mean input/output length (MLPerf dataset)"))
        elif find_gpu(str(p["gpu"])) is None:
            skipped.append((index, label, f"{p['gpu']} not in the GPU catalog"))
        elif preset is None:
            skipped.append((index, label, "model has no shape in calc/data/model_shapes.json"))
        elif "DEP" in notes and p["tensor_parallel"] is None:
            skipped.append((index, label, "attention data parallel + expert parallel: not modelled"))
        else:
            tp = int(p["tensor_parallel"] or p["gpus"]) * int(p["pipeline_parallel"] or 1)
            fields: dict[str, object] = {
                "model": preset,
                "gpu": p["gpu"],
                "cards": tp,
                "precision": p["weight_precision"],
                "kv": _kv(p),
                "input": int(p["input_tokens"]),
                "output": round(float(p["output_tokens"])),
                "price": PRICE,
            }
            rate = re.search(r"Offered request rate \(QPS\) = (\w+)", notes)
            if p["batch"] or p["concurrency"]:
                fields["batch"] = int(p["batch"] or p["concurrency"])
            elif rate and rate.group(1) != "INF":
                fields["rps"] = float(rate.group(1)) / (int(p["gpus"]) // tp)
            points.append(
                Point(
                    index=index,
                    label=label,
                    request=InferRequest.model_validate(fields),
                    replicas=int(p["gpus"]) // tp,
                    tensor_parallel=tp,
                    published=float(p["output_tokens_per_s"]),
                    source=source_group(p),
                    gpu=str(p["gpu"]),
                )
            )
    return points, skipped


def predict(point: Point, mfu: float | None = None, mbu: float | None = None) -> InferResult:
    request = point.request.model_copy(update={"mfu": mfu, "mbu": mbu})
    result = estimate(request, TODAY)
    assert isinstance(result, InferResult)
    return result


def system_rate(point: Point, result: InferResult) -> float:
    return result.tokens_per_second * point.replicas


def ratios(points: list[Point], mfu: float, mbu: float, tp_keep: float) -> list[float]:
    out = []
    for point in points:
        keep = tp_keep ** math.log2(point.tensor_parallel)
        out.append(system_rate(point, predict(point, min(mfu * keep, 1.0), min(mbu * keep, 1.0))) / point.published)
    return out


def summary(values: list[float]) -> str:
    within = sum(1 for r in values if 1 / 1.5 <= r <= 1.5) / len(values)
    worst = max(max(r, 1 / r) for r in values)
    median = statistics.median(values)
    return f"median {median:.2f}x · within 1.5x: {within:.0%} ({len(values)} points) · worst {worst:.2f}x off"


def log_ratio_table(points: list[Point]) -> list[list[float]]:
    """For every grid triple, every point's log(predicted / published): the whole cost of the fit, computed once, so
    that a fit on any subset of the points is a sum over it."""
    return [[math.log(r) for r in ratios(points, *triple)] for triple in GRID]


def squared(table: list[list[float]]) -> list[list[float]]:
    return [[value * value for value in row] for row in table]


def best_triple(errors: Sequence[Sequence[float]], fitted_on: Sequence[int]) -> int:
    """The grid index whose summed squared log error over the given points is least (the first such, in grid
    order, on a tie)."""
    losses = [sum(row[i] for i in fitted_on) for row in errors]
    return losses.index(min(losses))


def held_out(errors: Sequence[Sequence[float]], groups: Sequence[str]) -> tuple[list[int], dict[str, int]]:
    """Cross-validation: for each group, the triple fitted on every point outside it. Returns, per point, the grid
    index that predicts it without having seen its group, and the index chosen per group."""
    chosen: dict[str, int] = {}
    for group in dict.fromkeys(groups):
        chosen[group] = best_triple(errors, [i for i, g in enumerate(groups) if g != group])
    return [chosen[g] for g in groups], chosen


def fit(points: list[Point]) -> None:
    errors = squared(log_ratio_table(points))
    index = best_triple(errors, range(len(points)))
    mfu, mbu, keep = GRID[index]
    loss = sum(errors[index])
    print(f"best: mfu={mfu:.0%} mbu={mbu:.0%} tp_efficiency_per_doubling={keep:.2f} (sum of squared logs {loss:.3f})")
    print(summary(ratios(points, mfu, mbu, keep)))


def describe(triple: Triple) -> str:
    mfu, mbu, keep = triple
    return f"mfu={mfu:.0%} mbu={mbu:.0%} tp={keep:.2f}"


def cross_validate(points: list[Point]) -> None:
    log_ratios = log_ratio_table(points)
    errors = squared(log_ratios)
    everything = best_triple(errors, range(len(points)))
    schemes = {
        "point": [str(point.index) for point in points],
        "source": [point.source for point in points],
        "GPU": [point.gpu for point in points],
    }
    folds = {name: held_out(errors, groups) for name, groups in schemes.items()}
    print(f"grid of {len(GRID)} (MFU, MBU, TP efficiency) triples x {len(points)} points, each fold re-fitted on all")
    print(f"in-sample fit on all {len(points)} points: {describe(GRID[everything])}")
    print()
    print(f"{'#':>3} {'point':<52} {'source':<28} {'in-sample':>9} {'-point':>7} {'-source':>8} {'-GPU':>6}")
    columns: dict[str, list[float]] = {"in-sample": [], **{name: [] for name in schemes}}
    for position, point in enumerate(points):
        row = [math.exp(log_ratios[everything][position])]
        row += [math.exp(log_ratios[folds[name][0][position]][position]) for name in schemes]
        for name, value in zip(columns, row, strict=True):
            columns[name].append(value)
        print(
            f"{point.index:>3} {point.label:<52} {point.source:<28} {row[0]:>9.2f} {row[1]:>7.2f} "
            f"{row[2]:>8.2f} {row[3]:>6.2f}"
        )
    print()
    for name in ("source", "GPU"):
        groups = schemes[name]
        print(f"fitted without each {name}:")
        for group, index in folds[name][1].items():
            print(f"  {group:<28} {groups.count(group):>3} point(s) held out -> {describe(GRID[index])}")
    print()
    print(f"{'in-sample':<22} {summary(columns['in-sample'])}")
    for name in schemes:
        print(f"{'held out by ' + name:<22} {summary(columns[name])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="search the utilization defaults")
    parser.add_argument("--held-out", action="store_true", help="judge that fit on points it did not see")
    args = parser.parse_args()
    points, skipped = load()
    if args.fit:
        fit(points)
        return
    if args.held_out:
        cross_validate(points)
        return
    print(
        f"defaults: mfu={TYPICAL_MFU:.0%} mbu={TYPICAL_MBU:.0%} "
        f"tensor-parallel efficiency {TP_EFFICIENCY_PER_DOUBLING:.2f} per doubling"
    )
    print(f"{'#':>3} {'point':<58} {'batch':>6} {'published':>10} {'predicted':>10} {'ratio':>6} {'ceiling':>8}")
    values: list[float] = []
    below_ceiling: list[str] = []
    for point in points:
        try:
            result = predict(point)
            ceiling = predict(point, 1.0, 1.0)
        except EstimateError as error:
            print(f"{point.index:>3} {point.label:<58} cannot estimate: {error.code} {error.values}")
            continue
        predicted = system_rate(point, result)
        top = system_rate(point, ceiling)
        ratio = predicted / point.published
        values.append(ratio)
        flag = "" if top >= point.published else "  CEILING BELOW PUBLISHED"
        if flag:
            below_ceiling.append(point.label)
        batch = result.assumptions.batch
        print(
            f"{point.index:>3} {point.label:<58} {batch:>6} {point.published:>10,.0f} {predicted:>10,.0f} "
            f"{ratio:>6.2f} {top / point.published:>7.2f}x{flag}"
        )
    print()
    print(summary(values))
    print(f"physical ceiling (mfu=100% mbu=100%) below a published figure: {len(below_ceiling)} point(s)")
    print(f"left out: {len(skipped)} point(s)")
    for index, label, reason in skipped:
        print(f"{index:>3} {label:<58} {reason}")


if __name__ == "__main__":
    main()
