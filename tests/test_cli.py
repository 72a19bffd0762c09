"""The command line: the same answer in a terminal, JSON for machines, exit 2 on bad input."""

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import cli
from bot.cli import run
from tests.support import TODAY

ROOT = Path(__file__).resolve().parent.parent


def test_train_prints_the_answer_and_every_assumption() -> None:
    output, code = run(["train", "175B", "500B"], TODAY)
    assert code == 0
    assert (
        "≈ $3.28M at 33.5% MFU (Ampere median; $2.2M–$4.8M at the published 51–23%) · "
        "$1.06M at 100% of peak (the seed document's assumption)" in output
    )
    assert "$3,283,701 at 33.5% MFU · $1,059,115 at peak" in output
    assert "Runs like yours: OPT-175B (A100-80GB-SXM, 34.6% MFU, 809K GPU-h; Zhang et al. 2022)" in output
    assert "312 TFLOPS dense peak" in output
    assert "processors/A100; NVIDIA prints sparse figures, these are dense (sparse/2)" in output
    assert "$2.2659 per GPU-hour, 3-year commitment: the seed document's figure, undated" in output
    assert "⚠ possibly stale" in output
    assert output.rstrip().endswith(
        "llmcost train 175B 500B gpu=A100-80GB-SXM precision=bf16 mfu=33.5% price=2.2659 discount=0% currency=USD pue=1.1"
    )


def test_json_keys_follow_the_contract() -> None:
    output, code = run(["--json", "train", "175B", "500B", "gpus=1024"], TODAY)
    assert code == 0
    data = json.loads(output)
    for key in ("flops", "gpu_hours", "gpu_hours_at_peak", "cost_usd", "cost_usd_at_peak", "cost", "currency"):
        assert key in data
    # 19.019144 days at peak on 1024 GPUs, at 33.5% MFU, over goodput (1 - 0.03 - 2.1946e-5 x 1024 x 0.19361)
    # x 1362.57 h / 1363.07 h = 96.5295%
    assert data["wall_clock_days"] == pytest.approx(19.019144 / 0.335 / 0.965295, rel=1e-6)
    assert data["mfu_range"] == [0.23, 0.508]
    assert data["assumptions"]["goodput"] == pytest.approx(0.965295, rel=1e-6)
    assert data["gpus_needed"] is None
    first = data["similar_runs"][0]
    assert {key: first[key] for key in ("model", "gpu", "gpu_hours")} == {
        "model": "OPT-175B",
        "gpu": "A100-80GB-SXM",
        "gpu_hours": 809_472,
    }
    assert first["implied_mfu"] == pytest.approx(0.3465, abs=1e-4)
    assert first["source"].startswith("Zhang et al. 2022")
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


def test_serving_json_keys_follow_the_readme() -> None:
    output, code = run(["--json", "infer", "llama3.3-70b", "gpu=H100", "precision=fp8", "rps=50"], TODAY)
    data = json.loads(output)
    assert code == 0
    for key in (
        "ttft_s",
        "tpot_s",
        "output_tokens_per_second_per_gpu",
        "max_batch",
        "kv_bytes_per_token",
        "cost_per_1m_input_usd",
        "cost_per_1m_output_usd",
        "cost_per_1m_blended_usd",
    ):
        assert isinstance(data[key], float | int)
    assert data["replicas"] * data["assumptions"]["cards"] == data["gpus_total"]
    assert data["monthly_cost_usd"] > 0
    a = data["assumptions"]
    assert (a["input"], a["output"], a["kv_precision"]) == (1000, 250, "fp8")
    assert a["price_basis"] == "on-demand"
    without_load = json.loads(run(["--json", "infer", "llama3.3-70b", "gpu=H100"], TODAY)[0])
    assert (without_load["replicas"], without_load["gpus_total"], without_load["monthly_cost_usd"]) == (
        None,
        None,
        None,
    )


def test_inference_states_its_own_typical_mfu() -> None:
    output, code = run(["infer", "70B", "batch=8", "cards=1", "gpu=H200", "precision=fp8"], TODAY)
    assert code == 0
    # 60% of the 16-bit peak, x 2^(0.7 − 1) against FP8's: 48.73%, shown as 48.7%
    assert "MFU          48.7% in compute-bound steps (prefill, large batches), fitted on published serving" in output
    assert "25–50%" not in output  # training's range is not serving's


def test_bad_input_exits_2_with_one_line() -> None:
    output, code = run(["train", "175B", "500B", "gpu=NOPE"], TODAY)
    assert code == 2
    assert "\n" not in output
    assert "`gpu=NOPE`" in output
    assert output.endswith("Try: llmcost train 175B 500B")  # their command, without the GPU the catalog lacks


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["infer", "70B", "precision=int3"], "`tf32`, `bf16`, `fp16`, `fp8`, `int8`, `int4`, `fp4`"),
        (["infer", "70B", "kv=fp7"], "`tf32`, `bf16`, `fp16`, `fp8`, `int8`, `int4`, `fp4`"),
        (["train", "7B", "1T", "formula=sead"], "`standard`, `seed`"),
        (["finetune", "7B", "1B", "method=dora"], "`full`, `lora`, `qlora`"),
    ],
)
def test_a_word_outside_a_closed_set_is_answered_with_the_whole_set(argv: list[str], named: str) -> None:
    output, code = run(argv, TODAY)
    assert code == 2
    assert f"It takes one of {named}." in output
    assert run([*argv, "lang=zh"], TODAY)[0].count(named) == 1


def test_a_gpu_the_catalog_lacks_is_not_answered_with_the_whole_catalog() -> None:
    output, code = run(["train", "7B", "1T", "gpu=H1OO"], TODAY)
    assert code == 2
    assert "Did you mean `H100`?" in output
    assert "It takes one of" not in output


def test_bad_input_with_json_is_an_error_object() -> None:
    output, code = run(["--json", "train", "175B", "500B", "mfu=400%"], TODAY)
    assert code == 2
    assert "mfu=400%" in json.loads(output)["error"]


def test_engine_refusals_are_clean_errors_too() -> None:
    output, code = run(["train", "7B", "1T", "gpu=H20"], TODAY)
    assert code == 2
    assert "H20" in output
    assert "price=" in output


def test_cards_that_are_not_whole_pipeline_stages_are_refused_plainly() -> None:
    output, code = run(["infer", "llama3.1-405b", "gpu=H200", "cards=6", "pp=4"], TODAY)
    assert code == 2
    assert "`cards=6`" in output and "`pp=4`" in output
    assert "cards=8 pp=2" in output  # a working example


@pytest.mark.parametrize(
    ("words", "title", "line"),
    [
        ([], "llmcost: what it costs to train or serve a language model", "Examples"),
        (["help"], "llmcost: what it costs to train or serve a language model", "In Slack only"),
        (["help", "train"], "llmcost: what it costs to train or serve a language model", "help train"),
        (["gpus"], "GPU catalog: dense peaks and default prices", "  H100-SXM: NVIDIA H100 SXM 80GB"),
        (["models"], "Model presets", "  gpt3: GPT-3 175B"),
    ],
)
def test_help_and_listings(words: list[str], title: str, line: str) -> None:
    output, code = run(words, TODAY)
    assert code == 0
    assert output.splitlines()[0] == title
    assert any(shown.startswith(line) for shown in output.splitlines())


def test_gpus_listing_cites_prices() -> None:
    output, _ = run(["gpus"], TODAY)
    assert "H100-SXM: NVIDIA H100 SXM 80GB · 989.4 TFLOPS bf16 · 80 GB · 3.35 TB/s · 700 W" in output
    assert "$3.99/h on-demand, RunPod (Secure Cloud), 2026-11-09" in output
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


def test_help_gives_usage_commands_examples_and_exit_codes() -> None:
    output, code = run(["--help"], TODAY)
    assert code == 0
    assert output.startswith("usage: llmcost [-h] [--version] [--json] [--lang {en,zh}] <command> [word ...]\n")
    for line in (
        "  train <params|model> [tokens] [key=value ...]   training cost",
        "  llmcost train 175B 500B mfu=40%",
        "  llmcost --json train 70B",
        "  0  an answer",
        "  2  bad input: one line naming the bad word, with a command that works",
        "  1  an internal error (a bug of ours), or LLMCOST_PRICES names a file that does not read",
    ):
        assert line in output.splitlines()
    assert run(["-h"], TODAY) == (output, 0)


def test_help_says_the_team_commands_work_in_slack_only() -> None:
    output, _ = run(["--help"], TODAY)
    commands = output.split("commands:\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split()[0] for line in commands.splitlines()] == [
        "train",
        "finetune",
        "infer",
        "sweep",
        "compare",
        "gpus",
        "models",
        "rent",
        "prices",
        "api",
        "help",
    ]
    assert "in Slack only (a workspace's defaults, kept per workspace):\n  /llmcost set <key> <value>" in output
    listing, _ = run(["help"], TODAY)
    usage = listing.split("In Slack only", 1)[0]
    assert "`set" not in usage
    assert "`reset" not in usage
    assert (
        "`/llmcost set <key> <value>` · `/llmcost settings` · `/llmcost reset [key]`"
        in listing.split("In Slack only", 1)[1]
    )


def test_help_in_chinese() -> None:
    output, code = run(["--lang", "zh", "--help"], TODAY)
    assert code == 0
    assert "训练或部署一个大语言模型要花多少钱" in output
    assert "  2  输入有误：一行说明错在哪个词，并给出一条可用的命令" in output.splitlines()


def test_version_is_the_installed_package_version() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert run(["--version"], TODAY) == (f"llmcost {declared}", 0)


def test_words_after_the_options_reach_the_grammar_as_typed() -> None:
    output, code = run(["train", "175B", "500B", "mfu=40%"], TODAY)
    assert code == 0
    assert "at 40% MFU (yours;" in output
    output, code = run(["--json", "train", "70B"], TODAY)
    assert (code, json.loads(output)["assumptions"]["params"]) == (0, 70e9)
    output, code = run(["--lang", "zh", "train", "175B", "500B"], TODAY)
    assert code == 0
    assert "训练" in output


@pytest.mark.parametrize(
    ("argv", "named"),
    [(["-5"], "`-5`"), (["train", "-5"], "`-5`"), (["train", "70B", "--"], "`--`"), (["train", "-1e9"], "`-1e9`")],
)
def test_words_that_look_like_options_are_bad_words_not_crashes(argv: list[str], named: str) -> None:
    output, code = run(argv, TODAY)
    assert code == 2
    assert named in output
    assert "Try: llmcost " in output


def test_options_may_follow_the_words_as_they_always_could() -> None:
    assert run(["train", "70B", "--json"], TODAY) == run(["--json", "train", "70B"], TODAY)
    assert run(["train", "175B", "--lang", "zh", "500B"], TODAY) == run(
        ["--lang", "zh", "train", "175B", "500B"], TODAY
    )


@given(st.lists(st.text().filter(lambda word: not word.startswith("-")), max_size=6))
def test_words_without_an_option_are_read_as_argparse_reads_them(argv: list[str]) -> None:
    """`read_options` skips argparse when no word starts with a dash: it must read them exactly as argparse does."""
    parsed = cli.parser().parse_args(argv)
    expected = cli.Options(
        words=parsed.words, json=parsed.json, lang=parsed.lang, help=parsed.help, version=parsed.version
    )
    assert cli.read_options(argv) == expected


def test_a_double_dash_ends_the_options() -> None:
    assert run(["--", "train", "70B"], TODAY) == run(["train", "70B"], TODAY)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus"], "llmcost: unrecognized arguments: --bogus"),
        (["--lang", "fr", "train", "70B"], "llmcost: argument --lang: invalid choice: 'fr' (choose from 'en', 'zh')"),
        (["train", "70B", "--lang=fr"], "llmcost: argument --lang: invalid choice: 'fr' (choose from 'en', 'zh')"),
    ],
)
def test_bad_options_exit_2_with_the_usage(argv: list[str], message: str) -> None:
    output, code = run(argv, TODAY)
    assert code == 2
    assert output.splitlines() == [
        "usage: llmcost [-h] [--version] [--json] [--lang {en,zh}] <command> [word ...]",
        message,
    ]


def test_an_internal_error_exits_1_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "reply_to", broken)
    monkeypatch.setattr(sys, "argv", ["llmcost", "train", "70B"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == "Sorry, something went wrong on our side. The error was logged; please try again. (RuntimeError)\n"
    )


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
