"""Words by message code and language: the only way user-facing text is produced."""

from bot.wording.locales import en, zh

CATALOGS: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}
DEFAULT_LANG = "en"


def t(lang: str, code: str, **values: object) -> str:
    catalog = CATALOGS.get(lang, en.MESSAGES)
    return catalog.get(code, en.MESSAGES[code]).format(**values)
