"""Words by message code and language: the only way user-facing text is produced."""

from babel import Locale

from bot.wording.locales import en, zh

CATALOGS: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}
DEFAULT_LANG = "en"


def t(lang: str, code: str, **values: object) -> str:
    catalog = CATALOGS.get(lang, en.MESSAGES)
    return catalog.get(code, en.MESSAGES[code]).format(**values)


def plural(lang: str, code: str, count: float, /, **values: object) -> str:
    """The message about `count` things: `{code}_one` for "1 GPU", `{code}_other` for "8 GPUs", by the reader's
    language's rules; `values` fill the blanks (the count among them, formatted by the caller)."""
    form = Locale.parse(lang).plural_form(count)  # CLDR's rules: English has "one", Chinese only "other"
    catalog = CATALOGS.get(lang, en.MESSAGES)
    chosen = f"{code}_{form}" if f"{code}_{form}" in catalog else f"{code}_other"
    return t(lang, chosen, **values)
