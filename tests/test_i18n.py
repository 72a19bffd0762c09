"""Every message has a Chinese form with the same blanks, and Chinese readers get Chinese figures."""

import re
import string
from pathlib import Path

import pytest

from bot.answer import reply_to
from bot.render.terminal import render_text
from bot.wording import numbers as fmt
from bot.wording.locales import en, zh
from calc.prices import price_book
from tests.support import TODAY

ROOT = Path(__file__).resolve().parent.parent


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_english_message_has_a_chinese_form_with_the_same_blanks() -> None:
    missing = sorted(set(en.MESSAGES) - set(zh.MESSAGES))
    assert not missing, f"no Chinese form for: {missing}"
    assert not set(zh.MESSAGES) - set(en.MESSAGES)
    for code, template in en.MESSAGES.items():
        assert blanks(zh.MESSAGES[code]) == blanks(template), code


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
    used = notes | engine_errors | grammar_errors | looked_up
    assert len(used) > 60
    assert not used - set(en.MESSAGES), sorted(used - set(en.MESSAGES))


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("train 1750亿 5000亿 discount=5折 currency=CNY lang=zh", "峰值算力下 ¥376万"),
        ("train 1.8万亿 13T discount=5折 currency=元 lang=zh", "峰值算力下 ¥10.05亿"),
        ("train 175B 500B lang=zh", "峰值算力下 $1.06M"),
        ("train 1750亿 5000亿 discount=5折 currency=CNY", "¥3.76M at peak"),
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
    assert "目录价格的日期为 2024-12，已超过 12 个月" in h800


def test_errors_in_chinese() -> None:
    output = render_text(reply_to("train 7B 1T gpu=NOPE", TODAY, lang="zh"))
    assert output.startswith("`gpu=NOPE`：目录里没有这款 GPU")
    assert "试试：llmcost train 175B 500B gpu=H100" in output


def test_lang_in_the_text_overrides_the_readers_default() -> None:
    assert render_text(reply_to("help lang=en", TODAY, lang="zh")).startswith("llmcost: what it costs")
    assert render_text(reply_to("help", TODAY, lang="zh")).startswith("llmcost：训练或部署")
