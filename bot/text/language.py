"""Which language a question is written in, from its words alone: cheap enough for every command, so it stands apart
from the reader of free text (whose patterns are compiled only when a question needs them)."""

import re

NUMBER = r"\d[\d,]*(?:\.\d+)?"
CN_UNITS = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|万|千)"
# CJK ideographs and their compatibility forms. is_cjk reads the ranges without a regex: every command asks it,
# and compiling a class this wide takes 2 ms, more than most answers.
_CJK_RANGES = (("\u3400", "\u9fff"), ("\uf900", "\ufaff"))
CJK = "[" + "".join(f"{low}-{high}" for low, high in _CJK_RANGES) + "]"  # the same, for the reader's patterns
# Chinese characters that are figures, not words: 1750亿, 5折, 元 as a currency value.
NOT_LANGUAGE = re.compile(rf"{NUMBER}\s*{CN_UNITS}|{NUMBER}折|人民币|元")


def is_cjk(text: str) -> bool:
    if text.isascii():  # nearly every command: no character to compare against the ranges
        return False
    return any(low <= character <= high for character in text for low, high in _CJK_RANGES)


def question_language(text: str) -> str | None:
    """zh for a question with Chinese words (not just Chinese number units: `1750亿` is any language's figure)."""
    if not is_cjk(text):
        return None
    for word in text.split():
        if "=" not in word and is_cjk(word) and not NOT_LANGUAGE.fullmatch(word):
            return "zh"
    return None
