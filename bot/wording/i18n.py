"""Words by message code and language: the only way user-facing text is produced."""

from bot.wording.locales import en, zh

CATALOGS: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}
DEFAULT_LANG = "en"
# Each language's messages with English standing in for any it lacks (or leaves empty), merged once: a reply looks
# up ~50 messages, each once rather than in two catalogs.
_WORDS = {
    lang: {**en.MESSAGES, **{code: text for code, text in messages.items() if text}}
    for lang, messages in CATALOGS.items()
}
_ENGLISH = _WORDS[DEFAULT_LANG]


def t(lang: str, code: str, **values: object) -> str:
    return _WORDS.get(lang, _ENGLISH)[code].format_map(values)  # format_map: the values as given, not copied again


def plural(lang: str, code: str, count: float, /, **values: object) -> str:
    """The message about `count` things: `{code}_one` for "1 GPU", `{code}_other` for "8 GPUs", by the reader's
    language's rules; `values` fill the blanks (the count among them, formatted by the caller)."""
    form = plural_form(lang, count)
    catalog = CATALOGS.get(lang, en.MESSAGES)
    chosen = f"{code}_{form}" if f"{code}_{form}" in catalog else f"{code}_other"
    return t(lang, chosen, **values)


def plural_form(lang: str, count: float) -> str:
    """CLDR's plural category of `count` in `lang`: English's "one" is exactly one (i = 1 and v = 0: a float 1.0
    too), everything else and all of Chinese "other". Written here rather than read through Babel, whose locale
    data took ~40 ms to load in every terminal command; tests/test_i18n.py holds it to Babel's rules."""
    return "one" if lang == "en" and abs(count) == 1 else "other"
