"""The accelerator catalog and model presets: dense peaks as published (prices: tests/test_prices.py)."""

import sys

import pytest

from calc import TrainResult, estimate
from calc.gpus import CATALOG, WHITESPACE, find_gpu
from calc.presets import PRESETS, find_preset
from calc.requests import TrainRequest
from tests.support import TODAY


@pytest.mark.parametrize(
    ("name", "gpu_id", "bf16_tflops", "memory_gb", "bandwidth_tbps", "power_w"),
    [
        ("A100", "A100-80GB-SXM", 312, 80, 2.039, 400),
        ("a100-40gb", "A100-40GB-SXM", 312, 40, 1.555, 400),
        ("H100", "H100-SXM", 989.4, 80, 3.35, 700),
        ("h100 pcie", "H100-PCIe", 756.5, 80, 2.0, 350),
        ("H800", "H800-SXM", 989.4, 80, 3.35, 700),
        ("H200", "H200-SXM", 989.4, 141, 4.8, 700),
        ("H20", "H20", 148, 96, 4.0, 400),
        ("B200", "B200-HGX", 2250, 180, 8.0, 1000),
        ("GB200", "GB200", 2500, 186, 8.0, 1200),
        ("gb200 nvl72", "GB200", 2500, 186, 8.0, 1200),
        ("L40S", "L40S", 362.05, 48, 0.864, 350),
        ("L4", "L4", 121, 24, 0.3, 72),
        ("A10", "A10", 125, 24, 0.6, 150),
        ("RTX4090", "RTX-4090", 165.2, 24, 1.008, 450),
        ("MI300X", "MI300X", 1307.4, 192, 5.3, 750),
        ("MI325X", "MI325X", 1307.4, 256, 6.0, 1000),
        ("TPU v5e", "TPU-v5e", 197, 16, 0.819, None),
        ("tpu-v5p", "TPU-v5p", 459, 95, 2.765, None),
    ],
)
def test_catalog_part(
    name: str, gpu_id: str, bf16_tflops: float, memory_gb: float, bandwidth_tbps: float, power_w: float | None
) -> None:
    gpu = find_gpu(name)
    assert gpu is not None
    assert gpu.id == gpu_id
    assert gpu.dense_tflops["bf16"] == bf16_tflops
    assert gpu.memory_gb == memory_gb
    assert gpu.bandwidth_tbps == bandwidth_tbps
    assert gpu.power_w == power_w


def test_v100_peak_is_fp16_tensor() -> None:
    v100 = find_gpu("V100")
    assert v100 is not None
    assert v100.default_precision == "fp16"
    assert v100.peak_flops(v100.default_precision) == 125e12


def test_gb200_is_the_faster_bin_of_blackwell() -> None:
    # NVL72 datasheet, per GPU: FP4 20 PFLOPS and FP8 10 sparse, i.e. 10,000 and 5,000 dense; NVLink 5 at 1.8 TB/s.
    gb200, b200 = find_gpu("GB200"), find_gpu("B200")
    assert gb200 is not None and b200 is not None
    assert (gb200.dense_tflops["fp4"], gb200.dense_tflops["fp8"], gb200.interconnect_gbps) == (10_000, 5_000, 1_800)
    assert (b200.dense_tflops["fp4"], b200.dense_tflops["fp8"]) == (9_000, 4_500)


def test_every_part_has_a_source_and_unique_names() -> None:
    names = [name.lower() for gpu in CATALOG for name in (gpu.id, *gpu.aliases)]
    assert len(names) == len(set(names))
    assert all(gpu.source for gpu in CATALOG)


def test_presets() -> None:
    gpt3 = find_preset("GPT3")
    assert gpt3 is not None and (gpt3.params, gpt3.tokens) == (175e9, 500e9)
    deepseek = find_preset("deepseek-v3")
    assert deepseek is not None
    assert (deepseek.params, deepseek.active_params, deepseek.tokens) == (671e9, 37e9, 14.8e12)
    mixtral = find_preset("mixtral-8x7b")
    assert mixtral is not None and (mixtral.params, mixtral.active_params) == (46.7e9, 12.9e9)
    assert len({preset.name for preset in PRESETS}) == len(PRESETS)


@pytest.mark.parametrize(
    ("name", "preset_id", "params", "active_params"),
    [
        ("Qwen3-235B-A22B", "qwen3-235b", 235e9, 22.2e9),
        ("qwen3-30b-a3b", "qwen3-30b", 30.5e9, 3.35e9),
        ("qwen3-32b", "qwen3-32b", 32.8e9, None),
        ("qwen3-8b", "qwen3-8b", 8.19e9, None),
        ("llama-4-scout", "llama4-scout", 108e9, 17.2e9),
        ("llama4-maverick", "llama4-maverick", 401e9, 17.2e9),
        ("gpt-oss-120b", "gpt-oss-120b", 116.8e9, 5.71e9),
        ("gpt-oss-20b", "gpt-oss-20b", 20.9e9, 4.19e9),
        ("Falcon-180B", "falcon-180b", 179e9, None),
        ("gemma-2-9b", "gemma2-9b", 9.24e9, None),
        ("phi-3.5-mini", "phi-3-mini", 3.82e9, None),
    ],
)
def test_todays_open_models_are_presets(name: str, preset_id: str, params: float, active_params: float | None) -> None:
    preset = find_preset(name)
    assert preset is not None
    assert preset.name == preset_id
    assert preset.params == pytest.approx(params, rel=1e-12)  # 32.8 * 1e9 is 32799999999.999996 in binary
    assert preset.active_params == (None if active_params is None else pytest.approx(active_params, rel=1e-12))


def test_every_gpu_in_the_catalog_gets_a_training_estimate() -> None:
    """GB200 once had no generation for the MFU fit, and every training estimate on it raised KeyError."""
    for gpu in CATALOG:
        result = estimate(TrainRequest(params=7e9, gpu=gpu.id, price=2.0), TODAY)
        assert isinstance(result, TrainResult) and result.assumptions.mfu > 0, gpu.id


def test_the_whitespace_dropped_from_gpu_names_is_every_character_python_calls_whitespace() -> None:
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert every == WHITESPACE
    assert find_gpu("H\u3000100 SXM") is find_gpu("h100-sxm") is not None
