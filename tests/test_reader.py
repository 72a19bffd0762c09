"""Questions as people ask them: the table in tests/data/phrasings.txt, and properties of the reader."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answer import read, reply_to
from bot.render.terminal import render_text
from bot.text.grammar import INFER_KEYS, TRAIN_KEYS, GrammarError, parse
from bot.text.reader import read as read_free_text
from bot.wording.comparison import Comparison
from bot.wording.report import Failure, Listing, Report
from calc.rental import RentComparison, RentResult
from calc.results import TrainResult
from tests.support import TODAY

PHRASINGS = Path(__file__).parent / "data" / "phrasings.txt"


@dataclass(frozen=True)
class Phrasing:
    question: str
    command: str | None  # what it must be read as, answerable today or not (days=, rps=, finetune ...)
    error: str | None  # the error it must give: missing_<what>, or the grammar's own code


def phrasings() -> list[Phrasing]:
    """The conversation log: `> question`, then `= command` and/or `! error`."""
    found: list[Phrasing] = []
    question: str | None = None
    command: str | None = None
    error: str | None = None
    for line in [*PHRASINGS.read_text(encoding="utf-8").splitlines(), "> "]:
        if line.startswith("> "):
            if question is not None:
                found.append(Phrasing(question, command, error))
            question, command, error = line[2:], None, None
        elif line.startswith("= "):
            command = line[2:]
        elif line.startswith("! "):
            error = line[2:]
    return found


TABLE = phrasings()


def error_code(question: str) -> str | None:
    """Why a question gets no answer: what the reading lacks, else the grammar's code for the command read."""
    reading = read_free_text(question)
    if reading is not None and reading.missing is not None:
        return f"missing_{reading.missing}"
    try:
        parse(question if reading is None else reading.command)
    except GrammarError as error:
        return error.code
    return None


def test_the_table_holds_at_least_150_phrasings_in_both_languages() -> None:
    chinese = [p for p in TABLE if re.search(r"[\u4e00-\u9fff]", p.question)]
    assert len(TABLE) >= 150
    assert len(chinese) >= 40
    assert all(p.command or p.error for p in TABLE)


@pytest.mark.parametrize("phrasing", TABLE, ids=[p.question for p in TABLE])
def test_a_question_is_read_as_the_person_meant(phrasing: Phrasing) -> None:
    understood = read(phrasing.question, "en")
    read_as = understood.read_back.read_as if understood.read_back else None
    if phrasing.command is not None:
        assert read_as == phrasing.command
    answered = understood.command
    if phrasing.error is not None:
        assert isinstance(answered, Failure)
        assert error_code(phrasing.question) == phrasing.error
    else:
        assert not isinstance(answered, Failure), answered.message


def test_a_chinese_question_is_answered_in_chinese_and_an_english_one_in_english() -> None:
    for phrasing in TABLE:
        if phrasing.command is None or not re.search(r"[\u4e00-\u9fff]", phrasing.question):
            continue
        assert read(phrasing.question, "en").lang == "zh", phrasing.question
    assert read("how much to train a 70B model on 2T tokens", "zh").lang == "en"  # the question's, not the locale's
    assert read("train 70B 2T", "zh").lang == "zh"  # a command speaks no language: the locale's
    assert read("训练 70B 2T lang=en", "zh").lang == "en"  # lang= wins


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        (
            "llama 70b on H100 with chinchilla scaling",
            [
                "Read as `train llama3.3-70b gpu=H100`",
                "`llama 70b` could be more than one model: read as `llama3.3-70b`; for the other: "
                "`train llama3-70b gpu=H100`",
                "No job named: read as training; to serve it instead: `infer llama3.3-70b gpu=H100`",
                "Ignored: 'chinchilla', 'scaling'",
            ],
        ),
        (
            "run yi-34b on 2 H100",
            [
                "Read as `infer 34B gpu=H100 cards=2`",
                "`yi-34b` is not a model preset: read as its size, 34B.",
                "`run` read as serving; to train it instead: `train 34B gpu=H100 gpus=2`",
            ],
        ),
        ("trian 7b on H10O", ["Read as `train 7B gpu=H100`", "`trian` read as `train`.", "`H10O` read as `H100`."]),
    ],
)
def test_choices_guesses_and_ignored_words_are_said_with_the_other_reading_as_a_command(
    question: str, lines: list[str]
) -> None:
    reply = reply_to(question, TODAY)
    assert reply.read_back is not None
    for line in lines:
        assert line in reply.read_back.lines
    assert render_text(reply).startswith(lines[0])


def test_what_is_missing_is_named_with_a_command_built_from_the_persons_own_numbers() -> None:
    reply = reply_to("how much to train on 2T tokens on 512 H100s at $2/hr", TODAY)
    assert isinstance(reply, Failure)
    assert render_text(reply) == (
        "Read as `train <model> 2T gpu=H100 gpus=512 price=2` Missing: a model size or name (like `70B` or "
        "`llama3.1-70b`). Try: llmcost train 70B 2T gpu=H100 gpus=512 price=2"
    )
    chinese = reply_to("用H800训练 1万亿token", TODAY)
    assert render_text(chinese) == (
        "理解为 `train <model> 1万亿 gpu=H800` 缺少：模型规模或名称（如 `70B`、`700亿` 或 `llama3.1-70b`）。 "
        "试试：llmcost train 700亿 1万亿 gpu=H800"
    )


def test_the_parts_asked_in_words_answer_days_rps_finetune_and_two_sizes_of_a_cluster() -> None:
    days = reply_to("how many H100s to train 70B on 2T tokens in 30 days", TODAY)
    assert isinstance(days, Report) and days.read_back is not None
    assert days.read_back.read_as == "train 70B 2T gpu=H100 days=30"
    assert days.result.gpus_needed is not None
    finetune = reply_to("微调 llama 2 7b 1亿token 用LoRA", TODAY)
    assert isinstance(finetune, Report) and finetune.read_back is not None
    assert finetune.read_back.read_as == "finetune llama2-7b 1亿 method=lora"
    both = reply_to("train 70B on 2T tokens for 2 weeks on 512 GPUs", TODAY)
    assert isinstance(both, Report) and both.read_back is not None
    assert both.read_back.lines[1].startswith("14 days and 512 GPUs both size the cluster: read as 512 GPUs")
    assert both.result.wall_clock_days is not None


def test_json_adds_read_as_and_ignored_to_free_text_only() -> None:
    from bot.cli import run

    output, code = run(["--json", "train", "7B", "on", "1T", "tokens", "with", "chinchilla"], TODAY)
    assert code == 0
    assert '"read_as": "train 7B 1T"' in output
    assert '"ignored": [\n    "chinchilla"\n  ]' in output
    strict, _ = run(["--json", "train", "7B", "1T"], TODAY)
    assert "read_as" not in strict
    error, code = run(["--json", "how", "much", "to", "train?"], TODAY)
    assert code == 2
    assert '"read_as": "train <model>"' in error


# ---------------------------------------------------------------------------------------------------------------
# Properties

SIZES = ["175B", "7b", "1.8T", "7e9", "1750亿", "8x222B", "gpt3", "llama3.1-405b", "deepseek-v3", "70_000_000_000"]
TOKEN_COUNTS = ["500B", "13T", "1,000,000,000", "5000亿", "2t"]
HEADS = ["train", "TRAIN", "训练", "training", "infer", "推理", "inference", "compare train", "compare infer"]


def _option(keys: dict[str, object]) -> st.SearchStrategy[str]:
    return st.sampled_from([spec.example for spec in keys.values()])  # type: ignore[attr-defined]


@st.composite
def strict_commands(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(HEADS))
    kind = "infer" if "infer" in head or "推理" in head else "train"
    words = [head, draw(st.sampled_from(SIZES))]
    if kind == "train" and draw(st.booleans()):
        words.append(draw(st.sampled_from(TOKEN_COUNTS)))
    words += draw(st.lists(_option(TRAIN_KEYS if kind == "train" else INFER_KEYS), max_size=4, unique=True))
    if draw(st.booleans()):
        words.append(draw(st.sampled_from(["lang=zh", "lang=en"])))
    return " ".join(words)


@given(strict_commands())
def test_every_command_the_grammar_accepts_reads_exactly_as_before(text: str) -> None:
    try:
        expected = parse(text)
    except GrammarError:
        return  # refused before too (a comparison with one gpu=, say): nothing to keep
    understood = read(text, "en")
    assert understood.command == expected
    assert understood.read_back is None


VOCABULARY = sorted(
    {
        *[
            "how",
            "much",
            "to",
            "train",
            "serve",
            "compare",
            "vs",
            "cheaper",
            "than",
            "fine-tune",
            "lora",
            "on",
            "with",
            "in",
            "for",
            "at",
            "the",
            "a",
            "tokens",
            "params",
        ],
        *[
            "llama",
            "3",
            "3.1",
            "70b",
            "2T",
            "1.4T",
            "7B",
            "8x7b",
            "mixtral",
            "gpt-4",
            "deepseek",
            "v3",
            "qwen2.5-72b",
            "foo-13b",
            "H100s",
            "8xH100",
            "A100",
            "TPU",
            "v5p",
        ],
        *[
            "MI300X",
            "fp8",
            "int4",
            "$2.5/hr",
            "30%",
            "off",
            "RMB",
            "days",
            "weeks",
            "30",
            "2",
            "100",
            "requests",
            "per",
            "second",
            "qps",
            "gpus",
            "GPUs",
            "1024",
            "max",
            "batch",
        ],
        *[
            "训练",
            "推理",
            "部署",
            "比较",
            "微调",
            "700亿参数",
            "1.4万亿",
            "token",
            "用H800",
            "在",
            "上",
            "打5折",
            "每秒50个请求",
            "30天内",
            "多少钱",
            "人民币",
            "?",
        ],
    }
)


@given(st.lists(st.sampled_from(VOCABULARY), max_size=14) | st.text(max_size=200))
def test_no_text_raises_and_every_reply_is_an_answer_or_a_clear_error(words: list[str] | str) -> None:
    text = words if isinstance(words, str) else " ".join(words)
    reply = reply_to(text, TODAY)
    assert render_text(reply)
    if isinstance(reply, Failure):
        assert reply.example


@given(st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=12) | st.sampled_from([p.question for p in TABLE]))
def test_the_command_read_back_gives_the_same_answer_when_run_again(words: list[str] | str) -> None:
    text = words if isinstance(words, str) else " ".join(words)
    reply = reply_to(text, TODAY)
    if reply.read_back is None or not isinstance(reply, Report | Comparison):
        return
    again = reply_to(reply.read_back.read_as, TODAY, reply.lang)
    assert isinstance(again, type(reply))
    assert again.result == reply.result
    assert again.read_back is None  # the command read is a command: nothing left to read


def test_the_examples_a_failure_suggests_are_commands_that_work() -> None:
    for phrasing in TABLE:
        reply = reply_to(phrasing.question, TODAY)
        if isinstance(reply, Failure) and reply.read_back is not None:
            assert not isinstance(reply_to(reply.example, TODAY), Failure), phrasing.question


def test_a_word_the_grammar_refuses_is_repaired_in_the_example_keeping_the_persons_numbers() -> None:
    reply = reply_to("serve 70B on MI250X at batch 8", TODAY)
    assert isinstance(reply, Failure)
    assert reply.message == "`gpu=MI250X`: no such GPU in the catalog (see `gpus`). Did you mean `MI325X`?"
    assert reply.example == "infer 70B gpu=MI325X batch=8"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_questions_help_shows_first_are_answered(lang: str) -> None:
    from bot.wording.i18n import t

    *questions, _how_to_copy = t(lang, "help_natural_lines").split("\n")
    assert len(questions) >= 4
    for question in questions:
        reply = reply_to(question, TODAY)
        assert reply.read_back is not None and not isinstance(reply, Failure), question


def test_two_models_are_answered_one_at_a_time_with_the_other_as_a_command() -> None:
    reply = reply_to("serve 70b vs 405b on H100", TODAY)
    assert reply.read_back is not None
    assert reply.read_back.lines == (
        "Read as `infer 70B gpu=H100`",
        "`405B` is a second model: one is answered at a time (comparisons are across GPUs); for it: "
        "`infer 405B gpu=H100`",
    )


def test_a_rental_is_gpus_times_hours_times_the_hourly_price_in_the_currency_asked() -> None:
    own_price = reply_to("rent 64 A100 for 3 weeks at $2.5/hr", TODAY)
    assert isinstance(own_price, Listing) and isinstance(own_price.data, RentResult)
    assert own_price.read_back is not None and own_price.read_back.read_as == "rent A100 gpus=64 days=21 price=2.5"
    assert own_price.data.gpu_hours == 32_256  # 64 GPUs x 21 days x 24 h
    assert own_price.data.cost_usd == pytest.approx(80_640)  # x $2.5
    yuan = reply_to("rent H100 gpus=10 hours=100 price=¥15 discount=10%", TODAY)
    assert isinstance(yuan, Listing) and isinstance(yuan.data, RentResult)
    assert (yuan.data.currency, yuan.data.fx_rate) == ("CNY", 7.1)
    assert yuan.data.cost == pytest.approx(13_500)  # 1,000 GPU-hours x ¥15 x 90%
    assert yuan.title == "Renting 10 × H100-SXM for 100 h: ≈ ¥13.5K"
    # The catalog's price: H800 on-demand is the DeepSeek-V3 report's $2, the cheaper of its two offers' middle.
    catalog = reply_to("what do 2048 H800s cost for 2 months", TODAY)
    assert isinstance(catalog, Listing) and isinstance(catalog.data, RentResult)
    assert (catalog.data.price_basis, catalog.data.price_per_gpu_hour) == ("on-demand", 2.0)
    assert catalog.data.cost_usd == pytest.approx(5_898_240)  # 2,048 x 1,440 h x $2
    assert catalog.data.spread_usd_per_gpu_hour == (2.0, 3.42)
    lines = render_text(catalog)
    assert "2,048 × 1,440 h = 2,949,120 GPU-hours × $2.000 per GPU-hour = $5,898,240" in lines
    assert "2024-12" in lines and "DeepSeek-V3 Technical Report" in lines  # the price's date and source
    chinese = reply_to("1000 H100 一个月多少钱", TODAY)
    assert chinese.lang == "zh" and "\n租用 1,000 × H100-SXM，30 天：≈ $" in render_text(chinese)


def test_a_price_in_yuan_per_gpu_hour_costs_the_gpu_hours_at_that_price_in_yuan() -> None:
    reply = reply_to("训练700亿 2万亿token 每卡每小时15元", TODAY)
    assert isinstance(reply, Report) and isinstance(reply.result, TrainResult)
    result = reply.result
    assert result.currency == "CNY"
    assert result.cost == pytest.approx(result.gpu_hours * 15, rel=1e-9)
    assert result.assumptions.price_source == "¥15 ÷ 7.1"


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("train 70B 2T gpu=V100 precision=fp8", "train 70B 2T gpu=V100"),
        ("train 70B 2T gpu=V100 precision=fp8 foo=1", "train 70B 2T gpu=V100"),
        ("infer 70B input=2000 tokens=1000", "infer 70B input=2000"),
        ("train 70B 2T gpu=H20 basis=spot", "train 70B 2T gpu=H20 price=2.5"),
        ("sweep infer 405B gpu=L4 cards=1", "sweep infer 405B gpu=L4 cards=34"),
        ("rent 4090 basis=commit", "rent 4090"),
        ("infer 70B gpu=H100 cards=5 pp=4", "infer 70B gpu=H100 pp=4 cards=8"),  # cards rounded up to whole stages
        ("what does it cost to train 70B on 2T tokens on V100 in fp8", "train 70B 2T gpu=V100"),
    ],
)
def test_an_estimates_own_error_shows_the_persons_command_set_right(text: str, example: str) -> None:
    reply = reply_to(text, TODAY)
    assert isinstance(reply, Failure)
    assert reply.example == example


def test_every_error_example_in_the_tables_is_answered() -> None:
    bad = [phrasing.question for phrasing in TABLE if phrasing.error] + [
        "train 70B days=30 gpus=8",
        "train <!channel> 1T",
        "compare train gpu=A100,H100 mfu=2",
        "infer 70B batch=0 gpu=H100 kv=fp3",
        "finetune llama2-7b method=lora",
        "rent H100 gpus=0 days=7",
        "train 70B 2T gpu=V100 precision=fp8",
    ]
    for text in bad:
        reply = reply_to(text, TODAY)
        assert isinstance(reply, Failure), text
        assert not isinstance(reply_to(reply.example, TODAY), Failure), (text, reply.example)


RENTAL_WORDS = ["rent", "租", "¥15/小时", "15元每卡时", "for", "500", "hours", "spot", "a", "month", "H800", "2048"]


@given(st.lists(st.sampled_from([*VOCABULARY, *RENTAL_WORDS]), min_size=1, max_size=10))
def test_the_example_a_failure_shows_is_answered_whatever_was_typed(words: list[str]) -> None:
    reply = reply_to(" ".join(words), TODAY)
    if isinstance(reply, Failure):
        assert not isinstance(reply_to(reply.example, TODAY), Failure), reply.example


def test_gpu_hours_in_all_cost_the_deepseek_v3_reports_own_figure() -> None:
    # DeepSeek-V3 technical report, Table 1: 2.788M H800 GPU-hours at an assumed $2 per GPU-hour is $5.576M.
    reply = reply_to("what would 2.788M H800 GPU hours cost", TODAY)
    assert isinstance(reply, Listing) and isinstance(reply.data, RentResult)
    assert reply.data.gpu_hours == 2_788_000
    assert reply.data.cost_usd == pytest.approx(5_576_000)
    assert reply.title == "2,788,000 H800-SXM GPU-hours: ≈ $5.58M"
    with pytest.raises(GrammarError) as error:
        parse("rent H800 gpu_hours=1M days=3")
    assert (error.value.code, error.value.example) == ("days_and_hours", "rent H800 gpu_hours=1M")


def test_a_bare_price_in_an_answer_in_yuan_says_it_was_read_in_dollars() -> None:
    text = render_text(reply_to("train 70B 2T price=15 currency=CNY", TODAY))
    assert "$15 per GPU-hour, your price: `price=` is in USD (`price=¥15` for yuan)" in text
    assert "`price=` is in USD" not in render_text(reply_to("train 70B 2T price=15", TODAY))
    assert "`price=` is in USD" not in render_text(reply_to("train 70B 2T price=¥15", TODAY))


def test_a_team_commands_example_stays_a_team_command() -> None:
    # Answered only in a workspace, so the terminal's reply to them is no test of whether they work.
    for text, example in [("set price H100", "set price H100 1.85"), ("set pricee H100 2", "set price H100 2")]:
        reply = reply_to(text, TODAY)
        assert isinstance(reply, Failure) and reply.example == example


def test_a_load_in_tokens_a_day_is_requests_a_second_at_the_requests_size() -> None:
    # 1e9 tokens / 86,400 s / (1,000 in + 250 out, the chat default) = 9.26 requests a second
    reply = reply_to("serve llama 3.1 70b for 1B tokens a day on H100", TODAY)
    assert reply.read_back is not None and reply.read_back.read_as == "infer llama3.1-70b gpu=H100 rps=9.26"
    assert "`1B tokens a day` read as `rps=9.26`: requests of 1,250 tokens" in reply.read_back.lines[1]
    trained = reply_to("train 7B on 1B tokens a day", TODAY)  # no load in training: the words are named unused
    assert trained.read_back is not None and "1B tokens a day" in trained.read_back.ignored


def test_a_rental_compared_across_gpus_is_cheapest_first_and_says_what_it_leaves_out() -> None:
    reply = reply_to("rent gpu=H100,A100,H20 gpus=8 days=30 price=2", TODAY)
    assert isinstance(reply, Listing) and isinstance(reply.data, RentComparison)
    assert [rental.cost_usd for rental in reply.data.rentals] == [11_520, 11_520, 11_520]  # 8 x 720 h x $2 each
    catalog = reply_to("what's cheaper, renting 8 H100 or 8 A100 for a month", TODAY)
    assert isinstance(catalog, Listing) and isinstance(catalog.data, RentComparison)
    costs = [rental.cost_usd for rental in catalog.data.rentals]
    assert costs == sorted(costs) and len(costs) == 2
    text = render_text(catalog)
    assert "The hours' price only: a faster GPU gets more done in them." in text
    no_price = reply_to("rent gpu=H20,A100 gpus=8 days=30", TODAY)
    assert isinstance(no_price, Listing) and isinstance(no_price.data, RentComparison)
    assert [skipped.gpu for skipped in no_price.data.skipped] == ["H20"]
    assert "H20: not priced — There is no public price for H20" in render_text(no_price)


@pytest.mark.parametrize(
    "text",
    ["rent H800 gpus=2048 days=60", "租 gpu=H100,A100,H20 gpus=8 days=30 currency=CNY", "rent H100 gpu_hours=1M"],
)
def test_a_rentals_slack_message_keeps_within_block_kits_limits(text: str) -> None:
    from bot.render.blocks import render_blocks

    fallback, blocks = render_blocks(reply_to(text, TODAY))
    assert fallback and 2 <= len(blocks) <= 50
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000


@pytest.mark.parametrize("question", ["serve qwen 2.5 7b on an L40S", "train 7B on 1T tokens on 8 L40S"])
def test_a_gpu_whose_name_ends_in_s_is_not_read_as_a_typo_of_itself(question: str) -> None:
    reading = read_free_text(question)
    assert reading is not None and "gpu=L40S" in reading.command
    assert [note.code for note in reading.notes if note.code == "read_typo"] == []
