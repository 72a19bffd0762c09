"""Which language a command's words are in, before any reader runs."""

import pytest

from bot.text.language import is_cjk, question_language


@pytest.mark.parametrize(
    ("text", "cjk"),
    [
        ("train 7B gpu=H100", False),
        ("", False),
        ("ｔｒａｉｎ 7B", False),  # full-width Latin: not ASCII, not CJK
        ("café ≈ $3.28M", False),
        ("训练 7B", True),
        ("train 7B 模型", True),
        ("\uf900", True),  # a compatibility ideograph
    ],
)
def test_cjk_is_told_by_its_ranges(text: str, cjk: bool) -> None:
    assert is_cjk(text) is cjk


def test_chinese_number_units_alone_do_not_make_a_question_chinese() -> None:
    assert question_language("train 1750亿 500B") is None
    assert question_language("训练 70B 1T") == "zh"
    assert question_language("train 70B 1T") is None
