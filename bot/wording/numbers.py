"""How numbers read: money, counts, FLOPs, durations. Formatting only; nothing here computes an estimate."""

import math

from bot.wording.i18n import t
from bot.wording.locales import en
from calc.units import Currency

SYMBOLS = {Currency.USD: "$", Currency.CNY: "¥"}
_COMPACT = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_DURATIONS = (
    (120, "unit_s", 1),
    (7200, "unit_min", 60),
    (172_800, "unit_h", 3600),
    (730 * 86_400, "unit_days", 86_400),
)


def significant(value: float, digits: int = 3) -> str:
    """`value` to `digits` significant figures, with thousands separators and no scientific notation."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    decimals = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    return f"{value:,.{decimals}f}"


def compact(value: float, digits: int = 3) -> str:
    """1_059_115 -> '1.06M'; below a thousand, the figure itself."""
    for scale, suffix in _COMPACT:
        if abs(value) >= scale:
            return significant(value / scale, digits) + suffix
    return significant(value, digits)


_CHINESE_UNITS = ((1e8, "亿"), (1e4, "万"))


def chinese_compact(value: float, digits: int = 4) -> str:
    """3_759_857 -> '376万', 1_005_493_125 -> '10.05亿': the units Chinese readers count money in."""
    for scale, unit in _CHINESE_UNITS:
        if abs(value) >= scale:
            figure = significant(value / scale, digits)
            return (figure.rstrip("0").rstrip(".") if "." in figure else figure) + unit
    return significant(value, digits)


def money(value: float, currency: Currency, digits: int = 3, lang: str = "en") -> str:
    """Headline money: '$1.06M', '¥3.76M'; in Chinese, yuan in 万 and 亿: '¥376万'."""
    if lang == "zh" and currency is Currency.CNY:
        return SYMBOLS[currency] + chinese_compact(value, digits + 1)
    return SYMBOLS[currency] + compact(value, digits)


def money_exact(value: float, currency: Currency) -> str:
    """Field money, to the unit for large sums: '$1,059,115'; four significant digits below a thousand."""
    if abs(value) >= 1000:
        return f"{SYMBOLS[currency]}{value:,.0f}"
    return SYMBOLS[currency] + significant(value, 4)


def count(value: float) -> str:
    """A whole-number count with thousands separators: '1,335,470'."""
    return f"{value:,.0f}"


def scientific(value: float) -> str:
    """5.25e23 reads better than 525,000,000,000,000,000,000,000."""
    return f"{value:.3g}".replace("e+", "e")


def percent(fraction: float) -> str:
    return f"{fraction * 100:.3g}%"


def duration(seconds: float, lang: str) -> str:
    """Seconds, minutes, hours, days or years, whichever reads best."""
    for limit, unit, size in _DURATIONS:
        if seconds < limit:
            return f"{significant(seconds / size)} {t(lang, unit)}"
    return f"{significant(seconds / (365 * 86_400))} {t(lang, 'unit_years')}"


def basis(name: str | None, lang: str) -> str:
    """How a price is charged (on-demand, a 1-year commitment, ...), in the reader's words; a basis only an
    operator's data file names reads as that name."""
    if name is None:
        return t(lang, "your_price")
    code = f"basis_{name}"
    return t(lang, code) if code in en.MESSAGES else name


def price_date(as_of: str | None, lang: str) -> str:
    """A catalog price's date as its source gives it, or the reader's word for undated."""
    return as_of or t(lang, "price_undated")
