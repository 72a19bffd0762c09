"""The held-out judgement of bench.serving: a fold's fit sees none of the points it predicts."""

from bench.serving import best_fit, held_out, load, source_group

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
