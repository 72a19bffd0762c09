"""One job across GPUs: the engine's ranking, the grammar, the wording and the CLI.

Expected figures are worked out by hand from the catalog (dense BF16 peak, the median on-demand offer: every GPU
on one basis, the A100 too, not the seed's 3-year figure), for `train 175B 500B` at the typical 35% MFU:
FLOPs = 6 × 175e9 × 500e9 = 5.25e23, and GPU-hours = 5.25e23 / (peak × 0.35) / 3600, cost = GPU-hours × price:

    GPU       peak TFLOPS  $/h (on-demand)   GPU-hours at peak  GPU-hours at 35%  cost
    A100           312     2.7  CoreWeave        467,414.53       1,335,470.09    3,605,769.23
    H100           989.4   3.99 RunPod (SC)      147,395.73         421,130.65    1,680,311.30
    H200           989.4   4.59 RunPod (SC)      147,395.73         421,130.65    1,932,989.69
    B200          2250     6.99 Lambda            64,814.81         185,185.19    1,294,444.44
    MI300X        1307.4   1.85 Vultr            111,544.54         318,698.69      589,592.58
    L40S           362.05  1.09 RunPod (SC)      402,798.88       1,150,853.93    1,254,430.79
"""

import json

import pytest

from bot.answer import reply_to
from bot.cli import run
from bot.render.terminal import render_text
from bot.text.grammar import COMPARE_GPUS, Compare, GrammarError, parse
from bot.wording.comparison import Comparison
from calc import EstimateError, InferRequest, TrainRequest
from calc.compare import compare
from calc.units import Precision
from tests.support import TODAY

GPT3 = TrainRequest(params=175e9, tokens=500e9, mfu=0.35, goodput=1.0)  # the hand arithmetic above: no failures
DEFAULT_SET = ["A100-80GB-SXM", "H100-SXM", "H200-SXM", "B200-HGX", "MI300X", "L40S"]


# The engine


def test_sorted_by_cost_with_cheapest_and_fastest() -> None:
    result = compare(GPT3, DEFAULT_SET, TODAY)
    assert [entry.gpu for entry in result.entries] == [
        "MI300X",
        "L40S",
        "B200-HGX",
        "H100-SXM",
        "H200-SXM",
        "A100-80GB-SXM",
    ]
    assert result.cheapest == "MI300X"
    assert result.fastest == "B200-HGX"
    assert result.job == "train"
    assert result.time_measure == "gpu_hours"
    assert result.skipped == ()


@pytest.mark.parametrize(
    ("gpu", "gpu_hours", "cost"),
    [
        ("A100-80GB-SXM", 1_335_470.09, 3_605_769.23),
        ("H100-SXM", 421_130.65, 1_680_311.30),
        ("H200-SXM", 421_130.65, 1_932_989.69),
        ("B200-HGX", 185_185.19, 1_294_444.44),
        ("MI300X", 318_698.69, 589_592.58),
        ("L40S", 1_150_853.93, 1_254_430.79),
    ],
)
def test_each_gpu_costs_what_the_hand_arithmetic_says(gpu: str, gpu_hours: float, cost: float) -> None:
    entry = next(entry for entry in compare(GPT3, DEFAULT_SET, TODAY).entries if entry.gpu == gpu)
    assert entry.time == pytest.approx(gpu_hours, abs=0.01)
    assert entry.cost_usd == pytest.approx(cost, abs=0.01)
    assert entry.cost == entry.cost_usd  # USD asked
    assert entry.result.assumptions.gpu == gpu


def test_a100_and_h100_scale_with_peak_and_price() -> None:
    """Same FLOPs, so cost ratio = (price ratio) / (peak ratio) = (3.99 / 2.7) / (989.4 / 312), both on-demand."""
    by_gpu = {entry.gpu: entry for entry in compare(GPT3, ["A100-80GB-SXM", "H100-SXM"], TODAY).entries}
    ratio = by_gpu["H100-SXM"].cost_usd / by_gpu["A100-80GB-SXM"].cost_usd
    assert ratio == pytest.approx(0.4660063, rel=1e-6)
    assert by_gpu["A100-80GB-SXM"].result.gpu_hours_at_peak == pytest.approx(467_414.53, abs=0.01)


def test_wall_clock_ranks_speed_when_gpus_are_given() -> None:
    """1,335,470.09 GPU-hours / 1024 GPUs / 24 = 54.3404 days on A100; 185,185.19 / 1024 / 24 = 7.5352 on B200."""
    result = compare(GPT3.model_copy(update={"gpus": 1024}), ["A100-80GB-SXM", "B200-HGX"], TODAY)
    assert result.time_measure == "wall_clock_days"
    times = {entry.gpu: entry.time for entry in result.entries}
    assert times == {"B200-HGX": pytest.approx(7.5352, abs=1e-4), "A100-80GB-SXM": pytest.approx(54.3404, abs=1e-4)}
    assert result.fastest == "B200-HGX"


def test_inference_ranks_by_cost_per_1k_tokens_and_latency() -> None:
    """70B in bf16 = 140 GB: 2 × H100 (80 GB). 1000 generated tokens: a step reads 70 GB of weights and half of 16
    sequences' KV at mean context 500 (16 × 500 × 327,680 bytes / 2) per card at 3.35 TB/s × 80% MBU: 0.0266085 s,
    then two all-reduces per layer over NVLink (2 × 80 layers × 2·(1/2) × 16 tokens × 8192 × 2 bytes / 450e9 B/s =
    9.3207e-5 s): 0.0267017 s, and the fixed 120 µs for each of the 80 layers, 0.0096 s: 0.0363017 s a token,
    36.3017 s for 1000 tokens; × 2 cards × $3.99/3600 / batch 16 = $0.00502927 per 1K."""
    result = compare(InferRequest(params=70e9, batch=16, tokens=1000, mfu=0.5, mbu=0.8), DEFAULT_SET, TODAY)
    assert result.job == "infer"
    assert result.time_measure == "latency_s"
    h100 = next(entry for entry in result.entries if entry.gpu == "H100-SXM")
    assert h100.time == pytest.approx(36.3017, abs=1e-4)
    assert h100.cost_usd == pytest.approx(0.00502927, rel=1e-5)
    costs = [entry.cost_usd for entry in result.entries]
    assert costs == sorted(costs)
    assert result.cheapest == "MI300X"
    # B200: (140 GB + 16 × 500 × 327,680 bytes of KV) / (8 TB/s × 80%) = 0.0222846 s a token on one 180 GB card,
    # + 0.0096 s fixed: 0.0318846 s; H200 on two cards: (70 GB + 1.31 GB of KV) / (4.8 TB/s × 80%) = 0.0185705 s + the
    # same all-reduces over its NVLink, 9.3207e-5 s, + 0.0096 s: 0.0282637 s, the fastest.
    assert result.entries[[e.gpu for e in result.entries].index("B200-HGX")].time == pytest.approx(31.8846)
    assert result.fastest == "H200-SXM"
    assert result.entries[[e.gpu for e in result.entries].index("H200-SXM")].time == pytest.approx(28.2637)


def test_a_gpu_without_a_price_is_skipped_not_fatal() -> None:
    result = compare(GPT3, ["H100-SXM", "H20"], TODAY)
    assert [entry.gpu for entry in result.entries] == ["H100-SXM"]
    assert [(s.gpu, s.code, s.values) for s in result.skipped] == [("H20", "no_price", {"gpu": "H20"})]


def test_a_gpu_without_the_precision_is_skipped() -> None:
    result = compare(
        GPT3.model_copy(update={"precision": Precision.FP8}), ["A100-80GB-SXM", "H100-SXM", "B200-HGX"], TODAY
    )
    assert [entry.gpu for entry in result.entries] == ["B200-HGX", "H100-SXM"]
    (skipped,) = result.skipped
    assert (skipped.gpu, skipped.code) == ("A100-80GB-SXM", "precision_unsupported")
    # fp8 peaks: 4500 and 1978.9 TFLOPS, half the bf16 GPU-hours.
    assert result.entries[0].time == pytest.approx(92_592.59, abs=0.01)


def test_when_no_gpu_can_be_estimated_the_first_reason_is_raised() -> None:
    with pytest.raises(EstimateError) as error:
        compare(GPT3, ["H20"], TODAY)
    assert (error.value.code, error.value.values) == ("no_price", {"gpu": "H20"})


def test_your_price_applies_to_every_gpu_and_says_so() -> None:
    """At $2/h everywhere, the fastest is the cheapest: H20 is now priced (148 TFLOPS: 5.25e23 / (148e12 × 0.35)
    / 3600 = 2,815,315.32 GPU-hours, $5,630,630.63)."""
    result = compare(GPT3.model_copy(update={"price": 2.0}), ["A100-80GB-SXM", "H20", "B200-HGX"], TODAY)
    assert [note.code for note in result.notes] == ["compare_one_price"]
    assert result.notes[0].values == {"price": "2"}
    assert result.cheapest == result.fastest == "B200-HGX"
    assert result.entries[-1].gpu == "H20"
    assert result.entries[-1].cost_usd == pytest.approx(5_630_630.63, abs=0.01)


def test_your_peak_is_noted_too() -> None:
    result = compare(GPT3.model_copy(update={"flops": 1e14}), ["A100-80GB-SXM", "H100-SXM"], TODAY)
    assert "compare_one_peak" in [note.code for note in result.notes]
    assert result.entries[0].time == result.entries[1].time


def test_notes_about_the_job_are_kept_and_notes_about_one_gpu_are_not() -> None:
    result = compare(TrainRequest(params=7e9), ["H100-SXM", "H800-SXM"], TODAY)
    codes = [note.code for note in result.notes]
    assert "tokens_chinchilla" in codes  # every GPU says it: it is about the job
    assert "gpu_flags" not in codes  # only the H800 has flags: they stay in its own result
    h800 = next(entry for entry in result.entries if entry.gpu == "H800-SXM")
    assert "gpu_flags" in [note.code for note in h800.result.notes]


def test_a_tie_for_speed_goes_to_the_cheaper_gpu_and_repeats_count_once() -> None:
    result = compare(GPT3, ["H200-SXM", "H100-SXM", "H100-SXM"], TODAY)
    assert [entry.gpu for entry in result.entries] == ["H100-SXM", "H200-SXM"]
    assert result.fastest == "H100-SXM"


def test_the_command_reproduces_the_comparison() -> None:
    result = compare(GPT3, ["A100-80GB-SXM", "H100-SXM", "H20"], TODAY)
    assert result.command == (
        "compare train 175B 500B mfu=35% discount=0% currency=USD goodput=100% pue=1.1 basis=on-demand "
        "gpu=A100-80GB-SXM,H100-SXM,H20"
    )
    command = parse(result.command)
    assert isinstance(command, Compare)
    again = compare(command.request, command.gpus, TODAY)
    figures = [(entry.gpu, entry.cost_usd, entry.time) for entry in result.entries]
    assert [(entry.gpu, entry.cost_usd, entry.time) for entry in again.entries] == figures
    assert (again.skipped, again.command) == (result.skipped, result.command)


def test_infer_command_leaves_cards_to_each_gpu() -> None:
    result = compare(InferRequest(params=70e9, batch=16, price=2.5), ["H100-SXM", "L4"], TODAY)
    assert result.command == (
        "compare infer 70B input=1000 output=250 batch=16 price=2.5 discount=0% currency=USD gpu=H100-SXM,L4"
    )


# The grammar


@pytest.mark.parametrize(
    ("text", "gpus", "fields"),
    [
        ("compare train 175B 500B", COMPARE_GPUS, {"kind": "train", "params": 175e9, "tokens": 500e9, "gpu": None}),
        ("compare train 175B 500B gpu=A100,H100", ("A100-80GB-SXM", "H100-SXM"), {}),
        ("compare train gpt3 gpu=h100,b200,mi300x,", ("H100-SXM", "B200-HGX", "MI300X"), {"model": "gpt3"}),
        ("compare train 175B 500B GPU=L4,l4,TPU-v5p", ("L4", "TPU-v5p"), {}),
        (
            "COMPARE infer 70B batch=32 gpu=A100-80GB-SXM,h100",
            ("A100-80GB-SXM", "H100-SXM"),
            {"kind": "infer", "batch": 32},
        ),
        ("compare 推理 70B", COMPARE_GPUS, {"kind": "infer"}),
        ("compare train 175B 500B gpus=1024 price=2 lang=zh", COMPARE_GPUS, {"gpus": 1024, "price": 2.0}),
    ],
)
def test_good_comparisons(text: str, gpus: tuple[str, ...], fields: dict[str, object]) -> None:
    command = parse(text)
    assert isinstance(command, Compare)
    assert command.gpus == gpus
    for field, value in fields.items():
        assert getattr(command.request, field) == value, field


def test_the_default_set() -> None:
    assert COMPARE_GPUS == ("A100-80GB-SXM", "H100-SXM", "H200-SXM", "B200-HGX", "MI300X", "L40S")


@pytest.mark.parametrize(
    ("text", "code", "word", "example"),
    [
        ("compare", "compare_missing_job", "", "compare train 175B 500B gpu=A100,H100"),
        ("compare 175B", "compare_missing_job", "175B", "compare train 175B"),
        ("compare gpus", "compare_missing_job", "gpus", "compare train 175B 500B gpu=A100,H100"),
        ("compare train 175B 500B gpu=A100,NOPE", "unknown_gpu", "NOPE", "compare train 175B 500B gpu=A100,H100"),
        ("compare train 175B 500B gpu=", "bad_value", "gpu=", "compare train 175B 500B"),
        ("compare train 7B gpu=A100", "compare_one_gpu", "gpu=A100", "compare train 7B gpu=A100,H100"),
        (
            "compare train 7B gpu=a100,A100-80GB,",
            "compare_one_gpu",
            "gpu=a100,A100-80GB,",
            "compare train 7B gpu=a100,A100-80GB,H100",
        ),
        ("compare train 175B gpu=A100 gpu=H100", "duplicate_key", "gpu=H100", "compare train 175B 500B gpu=A100,H100"),
        ("compare train", "missing_params", "", "compare train 70B"),
        ("compare train 175B 500B mfu=400%", "out_of_range_le", "mfu=400%", "compare train 175B 500B"),
        ("compare infer 70B foo=1", "unknown_key", "foo=1", "compare infer 70B"),
    ],
)
def test_bad_comparisons_name_the_bad_word(text: str, code: str, word: str, example: str) -> None:
    with pytest.raises(GrammarError) as error:
        parse(text)
    assert error.value.code == code
    assert error.value.values.get("word", "") == word
    assert error.value.example == example
    assert isinstance(parse(error.value.example), Compare)  # the example offered works


def test_a_near_miss_gpu_gets_a_suggestion() -> None:
    with pytest.raises(GrammarError) as error:
        parse("compare train 175B 500B gpu=A100,H1OO")
    assert error.value.values == {"word": "H1OO", "suggestion": "H100"}


# The wording and the CLI


def comparison_of(text: str, lang: str = "en") -> Comparison:
    reply = reply_to(text, TODAY, lang)
    assert isinstance(reply, Comparison)
    return reply


def test_headline_calls_out_the_cheapest_and_the_fastest() -> None:
    comparison = comparison_of("compare train 175B 500B mfu=35% goodput=100%")
    assert comparison.title == "Training a 175B-parameter model on 500B tokens, across 6 GPUs"
    assert comparison.headline == "Cheapest: MI300X at $590K · fastest: B200-HGX, 185K GPU-h"
    headings = [heading for heading, _ in comparison.charts]
    assert headings == ["Cost at 35% MFU", "GPU-hours at 35% MFU (fewer is faster on as many GPUs)"]


def test_at_the_default_each_generation_trains_at_its_own_published_median() -> None:
    # Ampere 33.5% (A100, and L40S's Ada borrows it), Hopper 27.1% (H100, H200, and MI300X's CDNA borrows it),
    # Blackwell 18.7% (its one published run): the headings cannot quote one MFU, and the command names none.
    comparison = comparison_of("compare train 175B 500B")
    mfus = {entry.gpu: entry.result.assumptions.mfu for entry in comparison.result.entries}
    assert mfus == {
        "A100-80GB-SXM": 0.335,
        "L40S": 0.335,
        "H100-SXM": 0.271,
        "H200-SXM": 0.271,
        "MI300X": 0.271,
        "B200-HGX": 0.187,
    }
    headings = [heading for heading, _ in comparison.charts]
    assert headings[0] == "Cost at each generation's median MFU"
    assert "mfu=" not in comparison.command


def test_headline_when_one_gpu_wins_both() -> None:
    comparison = comparison_of("compare train 175B 500B precision=fp8 gpu=A100,H100,B200 mfu=35% goodput=100%")
    assert comparison.headline == "B200-HGX is both the cheapest ($647K) and the fastest (92.6K GPU-h)"
    assert comparison.rows[-1] == (
        "A100-80GB-SXM",
        "skipped: A100-80GB-SXM has no fp8 peak (it has tf32, bf16, fp16, int8): choose `precision=` or set `flops=`.",
    )


def test_rows_give_exact_cost_and_the_price_source() -> None:
    comparison = comparison_of("compare train 175B 500B gpu=H100,A100 mfu=35% goodput=100%")
    assert comparison.rows == [
        (
            "H100-SXM",
            "$1,680,311 · 421K GPU-h · 989.4 TFLOPS bf16 · $3.99/h on-demand, RunPod (Secure Cloud), 2026-11-09",
        ),
        (
            "A100-80GB-SXM",
            "$3,605,769 · 1.34M GPU-h · 312 TFLOPS bf16 · $2.7/h on-demand, CoreWeave, 2026-02",
        ),
    ]


def test_inference_wording() -> None:
    comparison = comparison_of("compare infer 70B batch=16 gpu=H100,B200 price=2 tokens=1000 mbu=80%")
    # B200 holds the 140 GB on one card: 31.8846 s a request (its reads 22.2846 s, the fixed time per layer 9.6 s)
    # × $2/3600 / batch 16 = $0.00110710 per 1K tokens.
    assert comparison.headline == "B200-HGX is both the cheapest ($0.00111 per 1K tokens) and the fastest (31.9 s)"
    assert [heading for heading, _ in comparison.charts] == [
        "Cost per 1K tokens",
        "Latency per request (0 in, 1000 out)",
    ]
    assert comparison.notes[-1] == "Your price, $2 per GPU-hour, applies to every GPU: only their speed differs."


def test_weights_that_do_not_fit_are_flagged() -> None:
    comparison = comparison_of("compare infer 70B cards=1 gpu=H100,B200")
    h100 = dict(comparison.rows)["H100-SXM"]
    assert h100.endswith("⚠ the weights need at least 2 cards")
    assert "⚠" not in dict(comparison.rows)["B200-HGX"]


def test_terminal_output() -> None:
    output, code = run(
        ["compare", "train", "175B", "500B", "gpu=A100,L4,B200,TPU-v5p", "mfu=35%", "goodput=100%"], TODAY
    )
    assert code == 0
    assert output.startswith(
        "Training a 175B-parameter model on 500B tokens, across 4 GPUs\n"
        "B200-HGX is both the cheapest ($1.29M) and the fastest (185K GPU-h)\n"
        "\n"
        "Cost at 35% MFU\n"
    )
    assert output.rstrip().endswith(
        "Reproduce: llmcost compare train 175B 500B mfu=35% discount=0% currency=USD goodput=100% pue=1.1 basis=on-demand "
        "gpu=A100-80GB-SXM,L4,B200-HGX,TPU-v5p"
    )


def test_chinese_comparison() -> None:
    comparison = comparison_of("compare train 405B 15T gpus=16384 gpu=b200,h100 mfu=35% goodput=100% lang=zh")
    assert comparison.headline == "B200-HGX 既最便宜（$89.9M）又最快（32.7 天）"
    assert "最便宜" in render_text(comparison)


def test_json_is_the_comparison_result() -> None:
    output, code = run(
        ["--json", "compare", "train", "175B", "500B", "gpu=A100,H100,H20", "mfu=35%", "goodput=100%"], TODAY
    )
    assert code == 0
    data = json.loads(output)
    assert data["kind"] == "compare"
    assert data["cheapest"] == "H100-SXM"
    assert data["fastest"] == "H100-SXM"
    assert [entry["gpu"] for entry in data["entries"]] == ["H100-SXM", "A100-80GB-SXM"]
    assert data["entries"][1]["cost_usd"] == pytest.approx(3_605_769.23, abs=0.01)
    assert data["basis"] == "on-demand"
    assert data["entries"][1]["result"]["assumptions"]["price_basis"] == "on-demand"
    assert data["entries"][1]["result"]["assumptions"]["price_per_gpu_hour"] == 2.7
    assert data["skipped"] == [{"gpu": "H20", "code": "no_price", "values": {"gpu": "H20"}}]


@pytest.mark.parametrize(
    ("words", "message", "example"),
    [
        (["compare", "175B"], "`compare` needs `train` or `infer` first", "compare train 175B"),
        (  # the person's comparison without the basis no GPU of it has a price on
            ["compare", "train", "7B", "1T", "gpu=H20,B200", "basis=spot"],
            "There is no public price for H20",
            "compare train 7B 1T gpu=H20,B200",
        ),
    ],
)
def test_bad_comparisons_exit_2_with_one_line(words: list[str], message: str, example: str) -> None:
    output, code = run(words, TODAY)
    assert code == 2
    assert "\n" not in output
    assert output.startswith(message)
    assert output.endswith(f"Try: llmcost {example}")
