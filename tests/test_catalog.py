"""The accelerator catalog and model presets: dense peaks as published (prices: tests/test_prices.py)."""

import pytest

from calc.gpus import CATALOG, find_gpu
from calc.presets import PRESETS, find_preset


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
