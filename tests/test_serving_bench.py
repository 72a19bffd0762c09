"""The held-out judgement of bench.serving: a fold's fit sees none of the points it predicts."""

import json

from bench.serving import DATA, best_fit, fitted_kinds, held_out, load, source_group

# Squared log errors of three candidate default sets (rows) on four points (columns).
ERRORS = [
    [0.0, 0.0, 9.0, 9.0],  # fits points 0 and 1 perfectly
    [1.0, 1.0, 0.0, 0.0],  # fits points 2 and 3 perfectly
    [0.4, 0.4, 0.4, 0.4],  # fits every point a little
]


def test_best_fit_sums_only_the_points_it_is_fitted_on() -> None:
    assert best_fit(ERRORS, [0, 1, 2, 3]) == 2  # losses 18, 2, 1.6
    assert best_fit(ERRORS, [0, 1]) == 0  # losses 0, 2, 0.8
    assert best_fit(ERRORS, [2, 3]) == 1  # losses 18, 0, 0.8


def test_a_tie_goes_to_the_first_default_set_in_grid_order() -> None:
    assert best_fit([[1.0], [1.0]], [0]) == 0


def test_each_group_is_predicted_by_the_fit_on_the_other_groups() -> None:
    per_point, per_group = held_out(ERRORS, ["a", "a", "b", "b"])
    # Without group a the fit sees points 2 and 3 only, and picks the default set that fits them: it then predicts a.
    assert per_group == {"a": 1, "b": 0}
    assert per_point == [1, 1, 0, 0]


def test_leaving_one_point_out_refits_without_that_point() -> None:
    per_point, _ = held_out(ERRORS, ["0", "1", "2", "3"])
    # Without point 0 (or 1): losses 18, 1, 1.2 -> default set 1. Without point 2 (or 3): losses 9, 2, 1.2 -> default set 2.
    assert per_point == [1, 1, 2, 2]


def test_a_point_outside_every_fit_never_moves_one() -> None:
    # Point 0 alone would pull every fit to default set 0; it is in no group, so no fit sees it.
    errors = [[0.0, 1.0, 1.0], [5.0, 0.0, 0.0]]
    per_point, per_group = held_out(errors, [None, "b", "c"])
    assert per_group == {"b": 1, "c": 1}  # fitted on point 2, then on point 1: default set 1 each time
    assert per_point == [1, 1, 1]  # point 0 is predicted by the fit on points 1 and 2 (losses 2, 0)


def test_sources_are_grouped_by_publication() -> None:
    def point(source: str, engine: str) -> dict[str, object]:
        return {"source": source, "engine": engine}

    trtllm = "github:NVIDIA/TensorRT-LLM docs/source/performance/perf-overview.md @ 258c"
    assert source_group(point(trtllm, "TensorRT-LLM 0.17 (trtllm-bench throughput)")) == "TensorRT-LLM 0.17"
    assert (
        source_group(point(trtllm, "TensorRT-LLM 0.14.0 via Triton tensorrtllm_backend"))
        == "TensorRT-LLM 0.14 via Triton"
    )
    assert source_group(point(trtllm, "TensorRT-LLM (release/1.1-era docs; PyTorch backend)")) == "TensorRT-LLM 1.1"
    mlperf = "github:mlcommons/inference_results_v5.1 closed/AMD/results/x/mlperf_log_summary.txt"
    assert source_group(point(mlperf, "vLLM 0.9.0")) == "MLPerf v5.1"
    oracle = "https://blogs.oracle.com/cloud-infrastructure/post/serving-llama"
    assert source_group(point(oracle, "vLLM")) == "blogs.oracle.com"


def test_every_published_point_with_lengths_is_asked() -> None:
    # GB200, Qwen3-235B-A22B and Falcon 180B are in the catalog and the presets: only the MLPerf Llama 3.1 8B points,
    # whose submissions give no mean output length, are left out.
    points, skipped = load()
    assert [reason for _, _, reason in skipped] == [
        "no mean output length (the submission's accuracy.txt gives none)"
    ] * 4
    asked = {point.label.split(" ")[0] for point in points} | {point.gpu for point in points}
    assert {"Qwen3-235B-A22B", "Falcon", "GB200"} <= asked


def test_the_second_new_set_is_its_own_kind_and_in_no_fit_unless_asked() -> None:
    raw = json.loads(DATA.read_text(encoding="utf-8"))["points"]
    second = {index for index, point in enumerate(raw) if point.get("new_set") == 2}
    points, _ = load()
    assert {point.index for point in points if point.kind == "new2"} == second
    assert len(second) >= 20
    assert fitted_kinds(with_mlperf=True, with_new=True, with_new2=False) == {"fixed", "mlperf", "new"}
    assert fitted_kinds(with_mlperf=False, with_new=False, with_new2=True) == {"fixed", "new2"}


def test_every_second_set_point_is_sourced_and_its_derived_figures_recompute() -> None:
    raw = [point for point in json.loads(DATA.read_text(encoding="utf-8"))["points"] if point.get("new_set") == 2]
    for point in raw:
        for field in ("model", "gpu", "weight_precision", "engine", "date", "source", "quote", "notes"):
            assert point[field], (field, point["quote"])
        assert point["gpus"] >= (point["tensor_parallel"] or 1) * (point["pipeline_parallel"] or 1)
        if point["per_gpu"]:  # the published per-GPU figure x the GPUs
            assert point["output_tokens_per_s"] == point["per_gpu_output_tokens_per_s"] * point["gpus"]
        elif "published_latency_s" in point:  # a latency table: batch x output / latency
            derived = point["batch"] * point["output_tokens"] / point["published_latency_s"]
            assert abs(point["output_tokens_per_s"] - derived) <= 0.05
        else:  # read as printed: the figure appears in the quote
            printed = repr(point["output_tokens_per_s"]).removesuffix(".0")
            assert printed in point["quote"].replace(",", ""), point["quote"]
