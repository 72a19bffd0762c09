"""Every message has a Chinese form with the same blanks, and Chinese readers get Chinese figures."""

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.numbers import format_compact_decimal
from hypothesis import assume, example, given
from hypothesis import strategies as st

from bot.answer import reply_to
from bot.render.terminal import render_text
from bot.wording import numbers as fmt
from bot.wording.i18n import plural_form
from bot.wording.locales import en, zh
from calc.finetune import BASE_BYTES_PER_PARAM, LORA_RANK
from calc.gpus import DEFAULT_GPU_ID, get_gpu
from calc.mfu import fit_for
from calc.prices import Offer, OfferFile, price_book, use_offers
from calc.train import CHINCHILLA_TOKENS_PER_PARAM
from calc.units import FinetuneMethod
from tests.support import TODAY

ROOT = Path(__file__).resolve().parent.parent


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def plural_forms_chinese_lacks() -> set[str]:
    """English's plural forms that Chinese does not distinguish (CLDR: Chinese has only "other")."""
    return {f"_{tag}" for tag in Locale.parse("en").plural_form.tags - Locale.parse("zh").plural_form.tags}


def test_every_english_message_has_a_chinese_form_with_the_same_blanks() -> None:
    needed = {code for code in en.MESSAGES if not code.endswith(tuple(plural_forms_chinese_lacks()))}
    missing = sorted(needed - set(zh.MESSAGES))
    assert not missing, f"no Chinese form for: {missing}"
    assert not set(zh.MESSAGES) - set(en.MESSAGES)
    for code in needed:
        assert blanks(zh.MESSAGES[code]) == blanks(en.MESSAGES[code]), code
    for code in set(en.MESSAGES) - needed:  # "1 GPU" has the blanks of "8 GPUs", and Chinese words both alike
        other = code.rsplit("_", 1)[0] + "_other"
        assert blanks(en.MESSAGES[code]) == blanks(en.MESSAGES[other]) == blanks(zh.MESSAGES[other]), code


def codes_in(pattern: str, folder: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / folder).rglob("*.py"):
        found |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


def test_every_code_the_code_uses_has_a_message() -> None:
    notes = {f"note_{code}" for code in codes_in(r'Note\(code="(\w+)"', "calc")}
    engine_errors = codes_in(r'EstimateError\(\s*"(\w+)"', "calc")
    grammar_errors = codes_in(r'GrammarError\(\s*"(\w+)"', "bot")
    looked_up = codes_in(r'\bt\(\s*\w+,\s*"(\w+)"', "bot")
    counted = {f"{code}_other" for code in codes_in(r'\bplural\(\s*\w+,\s*f?"(\w+)"', "bot")}
    used = notes | engine_errors | grammar_errors | looked_up | counted
    assert len(used) > 60
    assert not used - set(en.MESSAGES), sorted(used - set(en.MESSAGES))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("train 1750亿 5000亿 discount=5折 currency=CNY lang=zh", "峰值算力下 ¥376万"),
        ("train 1.8万亿 13T discount=5折 currency=元 lang=zh", "峰值算力下 ¥10.05亿"),
        ("train 175B 500B lang=zh", "峰值算力下 $1.06M"),
        ("train 1750亿 5000亿 discount=5折 currency=CNY", "¥3.76M at 100% of peak"),
    ],
)
def test_seed_examples_in_chinese_units(text: str, figure: str) -> None:
    assert figure in render_text(reply_to(text, TODAY))


def test_every_basis_in_the_data_has_words_in_both_languages() -> None:
    for basis in price_book().known_bases():
        assert f"basis_{basis}" in en.MESSAGES
        assert fmt.basis(basis, "zh") != basis or basis == "spot"
    assert fmt.basis("commit-2y", "en") == "commit-2y"  # a basis only an operator's file names reads as its name


def test_the_catalog_gpu_and_price_are_described_in_chinese() -> None:
    output = render_text(reply_to("train 175B 500B", TODAY, lang="zh"))
    assert "glennklockwood.com/garden/processors/A100；NVIDIA 标注的是稀疏算力，此处为稠密值（稀疏 / 2）" in output
    assert "每 GPU 小时 $2.2659，3 年承诺：种子文档中的价格，未注明日期" in output
    assert "目录价格没有注明日期，可能已过时。" in output
    h800 = render_text(reply_to("train 7B 1T gpu=H800", TODAY, lang="zh"))
    assert (
        "每 GPU 小时 $2，按需：(assumption in the DeepSeek-V3 technical report)，2024-12，2 家供应商报价的中位数"
        in h800
    )
    assert "目录价格的日期为 2024-12，已超过 365 天" in h800


def test_errors_in_chinese() -> None:
    output = render_text(reply_to("train 7B 1T gpu=NOPE", TODAY, lang="zh"))
    assert output.startswith("`gpu=NOPE`：目录里没有这款 GPU")
    assert "试试：llmcost train 7B 1T" in output


def test_lang_in_the_text_overrides_the_readers_default() -> None:
    assert render_text(reply_to("help lang=en", TODAY, lang="zh")).startswith("llmcost: what it costs")
    assert render_text(reply_to("help", TODAY, lang="zh")).startswith("llmcost：训练或部署")


def test_a_typed_price_is_named_in_the_readers_language() -> None:
    chinese = render_text(reply_to("train 175B 500B price=2", TODAY, lang="zh"))
    assert "每 GPU 小时 $2，你的价格" in chinese
    assert "your price" not in chinese
    assert "$2 per GPU-hour, your price" in render_text(reply_to("train 175B 500B price=2", TODAY))


def test_the_cli_in_chinese_shows_no_english_price_label() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "--lang", "zh", "train", "175B", "500B", "price=2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "每 GPU 小时 $2，你的价格" in done.stdout
    assert "your price" not in done.stdout


@pytest.mark.parametrize(
    ("text", "worded"),
    [
        ("train 7B 1T gpus=1", "on 1 GPU ("),
        ("train 7B 1T gpus=8", "on 8 GPUs ("),
        ("infer 70B cards=1 gpu=A100", "do not fit on 1 card:"),
        ("infer 1.8T cards=8 gpu=A100", "do not fit on 8 cards:"),
        ("compare train 7B 1T gpu=A100,H100", "across 2 GPUs"),
    ],
)
def test_counts_take_the_plural_their_number_needs(text: str, worded: str) -> None:
    assert worded in render_text(reply_to(text, TODAY))


def test_chinese_words_one_and_many_alike() -> None:
    assert "1 张 GPU 上" in render_text(reply_to("train 7B 1T gpus=1", TODAY, lang="zh"))
    assert "放不进 1 张卡" in render_text(reply_to("infer 70B cards=1 gpu=A100", TODAY, lang="zh"))
    assert "this batch needs at least 1 card\n" in render_text(reply_to("infer 7B gpu=H100 batch=1", TODAY))
    assert "needs at least 2 cards" in render_text(reply_to("infer 70B gpu=H200 batch=32", TODAY))
    assert "1 requests/s: 1 replica × 1 = 1 × H100-SXM" in render_text(
        reply_to("infer llama3.1-8b gpu=H100 rps=1", TODAY)
    )
    assert "7 replicas × 2" in render_text(reply_to("infer llama3.3-70b gpu=H100 precision=fp8 rps=50", TODAY))


def test_engine_constants_reach_the_words_as_values() -> None:
    output = render_text(reply_to("train 7B", TODAY))
    fit = fit_for(get_gpu(DEFAULT_GPU_ID))
    assert f"{BASE_BYTES_PER_PARAM[FinetuneMethod.FULL]:g} bytes per parameter" in output
    assert f"{CHINCHILLA_TOKENS_PER_PARAM} per parameter (Chinchilla-optimal" in output
    assert f"{fit.mfu * 100:g}%, median of {fit.runs} published Ampere runs" in output
    assert f"rank-{LORA_RANK} adapters" in render_text(reply_to("finetune 7B 100M method=lora", TODAY))
    for lang in ("en", "zh"):  # no catalog spells these itself
        for template in (en.MESSAGES if lang == "en" else zh.MESSAGES).values():
            for constant in (
                *("16 bytes", "16 字节", "rank-16", "4.127", "25–50%", "20 per parameter", "每参数 20"),
                *("35% training", "default 7.1", "12 months"),
            ):
                assert constant not in template


@pytest.mark.parametrize("command", ["train 7B 1T gpu=H100", "rent H100 gpus=8 days=3"])
def test_a_catalog_price_shows_what_its_source_leaves_doubtful(command: str) -> None:
    flagged = Offer(
        gpu="H100-SXM",
        provider="Acme",
        basis="on-demand",
        usd_per_gpu_hour=0.5,
        as_of="2026-11-01",
        source="a forum post",
        flags=("secondary source; no price page seen",),
    )
    use_offers(OfferFile(offers=(flagged,), replace=True))
    try:
        output = render_text(reply_to(command, TODAY))
    finally:
        use_offers(None)
    assert "· ⚠ secondary source; no price page seen" in output
    assert output.count("secondary source") == 1  # the flags are added once, by the price's words


@pytest.mark.parametrize(
    ("value", "digits", "locale", "written"),
    [
        (1_059_115, 3, "en", "1.06M"),
        (2_100_000, 2, "en", "2.1M"),
        (1_000_000, 3, "en", "1M"),  # no trailing zeros: "1.00M" claimed a precision the estimate lacks
        (999_999, 3, "en", "1M"),
        (175e9, 3, "en", "175B"),
        (-3_500_000, 2, "en", "-3.5M"),
        (812.4, 3, "en", "812"),
        (3_759_857, 4, "zh", "376万"),
        (1_005_493_125, 4, "zh", "10.05亿"),
        (1.2e13, 4, "zh", "12万亿"),
        (9_876, 4, "zh", "9,876"),  # below 1万: written out
    ],
)
def test_compact_figures_follow_each_locales_units(value: float, digits: int, locale: str, written: str) -> None:
    assert fmt.compact(value, digits, locale) == written


FIGURES = st.one_of(
    st.floats(min_value=1e3, max_value=1e19, allow_nan=False, allow_infinity=False),
    st.integers(min_value=10**3, max_value=10**19).map(float),  # whole figures, where rounding ties fall
    st.integers(min_value=1, max_value=10**6).map(lambda n: n * 10**3 - 0.5),  # 999.5, 1999.5, ...: ties
)


@given(value=FIGURES, negative=st.booleans(), digits=st.integers(1, 5), locale=st.sampled_from(["en", "zh"]))
@example(value=999_999, negative=False, digits=3, locale="en")  # rounds into the next unit: 1M
@example(value=99_995_000, negative=False, digits=4, locale="zh")  # 9999.5万 -> 1亿
@example(value=2_500, negative=False, digits=1, locale="en")  # half to even: 2K
@example(value=1e17, negative=True, digits=3, locale="en")  # beyond the largest unit: -100000T
def test_compact_figures_keep_their_significant_digits_as_babel_writes_them(
    value: float, negative: bool, digits: int, locale: str
) -> None:
    """numbers.py writes CLDR's compact formats itself (Babel's locale data cost every command ~40 ms to load), finding
    the unit once for both of its roundings: it must write what Babel writes when asked for the fraction digits that
    `digits` leave beside the whole figure's integer digits. Chinese figures below 1万 are written out, never compact."""
    figure = -value if negative else value
    if locale == "zh" and value < 1e4:
        figure *= 10
    assume(abs(figure) >= {"en": 1e3, "zh": 1e4}[locale])  # smaller figures are written out, not compact
    whole = format_compact_decimal(figure, locale=locale, fraction_digits=0)
    integer_digits = sum(character.isdigit() for character in whole)
    assert fmt.compact(figure, digits, locale) == format_compact_decimal(
        figure, locale=locale, fraction_digits=max(digits - integer_digits, 0)
    )


@pytest.mark.parametrize("figure", [float("nan"), float("inf"), float("-inf")])
def test_figures_that_are_not_finite_are_written_as_babel_writes_them(figure: float) -> None:
    assert fmt.compact(figure) == format_compact_decimal(figure, locale="en", fraction_digits=0)


@given(
    count=st.one_of(
        st.integers(-10, 10), st.floats(-3, 3), st.integers(-30, 30).map(lambda n: n / 10), st.sampled_from([1.0, -1.0])
    ),
    lang=st.sampled_from(["en", "zh"]),
)
def test_plural_forms_are_cldrs_as_babel_reads_them(count: float, lang: str) -> None:
    assert plural_form(lang, count) == Locale.parse(lang).plural_form(count)


def test_durations_pick_the_unit_that_reads_best() -> None:
    assert [fmt.duration(seconds, "en") for seconds in (90, 5400, 129_600, 400 * 86_400, 3 * 365 * 86_400)] == [
        "90.0 s",
        "90.0 min",
        "36.0 h",
        "400 days",
        "3.00 years",
    ]
