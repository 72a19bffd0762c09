"""The command line: the same answer in a terminal, JSON for machines, exit 2 on bad input."""

import json
import subprocess
import sys

import pytest

from bot.cli import run
from tests.support import TODAY


def test_train_prints_the_answer_and_every_assumption() -> None:
    output, code = run(["train", "175B", "500B"], TODAY)
    assert code == 0
    assert "≈ $3.03M at 35% MFU (typical; $2.1M–$4.2M at 50–25%) · $1.06M at peak" in output
    assert "$3,026,042 at 35% MFU · $1,059,115 at peak" in output
    assert "312 TFLOPS dense peak" in output
    assert "processors/A100; NVIDIA prints sparse figures, these are dense (sparse/2)" in output
    assert "$2.2659 per GPU-hour: Azure, 3-year reserved" in output
    assert "⚠ possibly stale" in output
    assert output.rstrip().endswith(
        "llmcost train 175B 500B gpu=A100-80GB-SXM precision=bf16 mfu=35% price=2.2659 discount=0% currency=USD pue=1.1"
    )


def test_json_keys_follow_the_contract() -> None:
    output, code = run(["--json", "train", "175B", "500B", "gpus=1024"], TODAY)
    assert code == 0
    data = json.loads(output)
    for key in ("flops", "gpu_hours", "gpu_hours_at_peak", "cost_usd", "cost_usd_at_peak", "cost", "currency"):
        assert key in data
    assert data["wall_clock_days"] == pytest.approx(19.019144 / 0.35, rel=1e-6)
    assumptions = data["assumptions"]
    for key in ("gpu", "precision", "peak_flops", "mfu", "price_per_gpu_hour", "price_source", "discount"):
        assert key in assumptions
    for key in ("fx_rate", "params", "active_params", "tokens", "gpus"):
        assert key in assumptions
    assert round(data["cost_usd_at_peak"]) == 1_059_115
    assert "Azure" in assumptions["price_source"]
    assert assumptions["peak_halved_from_sparse"] is True  # NVIDIA prints the sparse rate; 312T is it halved


def test_infer_json_keys_follow_the_contract() -> None:
    output, code = run(["--json", "infer", "8.222e11", "flops=100T", "price=3.93", "formula=seed"], TODAY)
    data = json.loads(output)
    assert code == 0
    assert round(data["cost_per_1k_tokens_usd"], 2) == 2.09
    assert data["cost_per_1m_tokens_usd"] == pytest.approx(2092.111959, rel=1e-9)
    for key in ("bound", "tokens_per_second", "latency_s", "min_cards"):
        assert key in data
    for key in ("batch", "cards", "opt", "mbu", "bandwidth", "bytes_per_param", "tokens", "peak_flops"):
        assert key in data["assumptions"]


def test_inference_states_its_own_typical_mfu() -> None:
    output, code = run(["infer", "70B", "batch=8"], TODAY)
    assert code == 0
    assert "MFU       50%, typical of serving's compute-bound steps (prefill, large batches)" in output
    assert "25–50%" not in output  # training's range is not serving's


def test_bad_input_exits_2_with_one_line() -> None:
    output, code = run(["train", "175B", "500B", "gpu=NOPE"], TODAY)
    assert code == 2
    assert "\n" not in output
    assert "`gpu=NOPE`" in output
    assert "Try: llmcost train 175B 500B gpu=H100" in output


def test_bad_input_with_json_is_an_error_object() -> None:
    output, code = run(["--json", "train", "175B", "500B", "mfu=400%"], TODAY)
    assert code == 2
    assert "mfu=400%" in json.loads(output)["error"]


def test_engine_refusals_are_clean_errors_too() -> None:
    output, code = run(["train", "7B", "1T", "gpu=H20"], TODAY)
    assert code == 2
    assert "H20" in output
    assert "price=" in output


@pytest.mark.parametrize("words", [[], ["help"], ["help", "train"], ["gpus"], ["models"]])
def test_help_and_listings(words: list[str]) -> None:
    output, code = run(words, TODAY)
    assert code == 0
    assert "llmcost" in output or "GPU catalog" in output or "Model presets" in output


def test_gpus_listing_cites_prices() -> None:
    output, _ = run(["gpus"], TODAY)
    assert "H100-SXM: NVIDIA H100 SXM 80GB · 989.4 TFLOPS bf16 · 80 GB · 3.35 TB/s · 700 W" in output
    assert "$3.99/h RunPod Secure Cloud on-demand, 2026-11-09" in output
    assert "H20" in output and "no public price" in output


def test_console_script_runs_as_a_process() -> None:
    good = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "--json", "train", "gpt3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0
    assert json.loads(good.stdout)["assumptions"]["params"] == 175e9
    bad = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "train", "lots"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert "`lots`" in bad.stderr


def test_a_question_in_chinese_is_answered_in_chinese_errors_too() -> None:
    output, code = run(["训练一个700亿参数模型", "2万亿token", "要多少钱"], TODAY)
    assert code == 0
    assert output.startswith("理解为 `train 700亿 2万亿`\n\n训练 70B 参数模型，2T tokens\n≈ $")
    error, code = run(["用H100训练一个模型要多少钱"], TODAY)
    assert code == 2
    assert error == (
        "理解为 `train <model> gpu=H100` 缺少：模型规模或名称（如 `70B`、`700亿` 或 `llama3.1-70b`）。 "
        "试试：llmcost train 700亿 gpu=H100"
    )
