"""How `llmcost infer` lands against published serving throughput (bench/data/serving_results.json).

    python -m bench.serving           # predicted / published per point, the summary, the physical-ceiling check
    python -m bench.serving --fit     # the grid search that chose calc/infer.py's utilization defaults

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
"""

import argparse
import json
import math
import re
import statistics
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


def fit(points: list[Point]) -> None:
    best: tuple[float, float, float, float] | None = None
    for mfu in [x / 100 for x in range(20, 85, 5)]:
        for mbu in [x / 100 for x in range(40, 100, 5)]:
            for keep in [x / 100 for x in range(70, 101, 2)]:
                values = ratios(points, mfu, mbu, keep)
                loss = sum(math.log(r) ** 2 for r in values)
                if best is None or loss < best[0]:
                    best = (loss, mfu, mbu, keep)
    assert best is not None
    loss, mfu, mbu, keep = best
    print(f"best: mfu={mfu:.0%} mbu={mbu:.0%} tp_efficiency_per_doubling={keep:.2f} (sum of squared logs {loss:.3f})")
    print(summary(ratios(points, mfu, mbu, keep)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="search the utilization defaults")
    args = parser.parse_args()
    points, skipped = load()
    if args.fit:
        fit(points)
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
