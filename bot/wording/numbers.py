"""How numbers read: money, counts, FLOPs, durations. Formatting only; nothing here computes an estimate."""

import math
from decimal import Decimal

from bot.wording.i18n import t
from bot.wording.locales import en
from calc.units import SECONDS_PER_DAY, SECONDS_PER_HOUR, Currency

# One symbol per currency in every figure of a reply, compact or exact. (Babel's own currency formats write
# "CN¥" for yuan in English and "US$" for dollars in Chinese, beside money_exact's "¥" and "$".)
SYMBOLS = {Currency.USD: "$", Currency.CNY: "¥"}
SECONDS_PER_MINUTE = 60.0
SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY
# Each unit reads best up to two of the next: 90 s, 90 min, 36 h, 400 days.
_DURATIONS = (
    (2 * SECONDS_PER_MINUTE, "unit_s", 1.0),
    (2 * SECONDS_PER_HOUR, "unit_min", SECONDS_PER_MINUTE),
    (2 * SECONDS_PER_DAY, "unit_h", SECONDS_PER_HOUR),
    (2 * SECONDS_PER_YEAR, "unit_days", SECONDS_PER_DAY),
)


def significant(value: float, digits: int = 3) -> str:
    """`value` to `digits` significant figures, with thousands separators and no scientific notation."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    decimals = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    return f"{value:,.{decimals}f}"


# CLDR's short decimal formats of the two languages, largest unit first (English writes 1000 as 1K, Chinese as 1000).
# Read here rather than through Babel: loading Babel's locale data took ~40 ms of every terminal command, a sixth
# of its time. tests/test_i18n.py holds every figure written here to Babel's format_compact_decimal.
_COMPACT_UNITS = {
    "en": ((Decimal(10**12), "T"), (Decimal(10**9), "B"), (Decimal(10**6), "M"), (Decimal(10**3), "K")),
    "zh": ((Decimal(10**12), "万亿"), (Decimal(10**8), "亿"), (Decimal(10**4), "万")),
}
# Below its smallest unit a figure is written out: a compact form starts at 1K in English, at 1万 in Chinese.
_COMPACT_FROM = {locale: float(units[-1][0]) for locale, units in _COMPACT_UNITS.items()}


def _in_unit(number: Decimal, locale: str) -> tuple[Decimal, int]:
    """`number` in the largest of the locale's units it reaches (exactly: the units are powers of ten), and that
    unit's index; `number` reaches the smallest (compact writes smaller figures out)."""
    units, magnitude, index = _COMPACT_UNITS[locale], abs(number), 0
    while magnitude < units[index][0]:  # stops at the smallest unit at the latest
        index += 1
    return number / units[index][0], index


def _rounded(quotient: Decimal, fraction_digits: int, locale: str, index: int) -> tuple[Decimal, str]:
    """A figure in the unit `index` rounded to `fraction_digits` (half to even), and its unit: the next larger unit
    when it rounds up to a whole one of those (999,999 rounds to 1000K: written 1M)."""
    units = _COMPACT_UNITS[locale]
    rounded = round(quotient, fraction_digits)
    if index > 0 and abs(rounded) * units[index][0] >= units[index - 1][0]:
        return Decimal(-1 if quotient < 0 else 1), units[index - 1][1]
    return rounded, units[index][1]


def _not_finite(value: float) -> str:
    return "NaN" if math.isnan(value) else "-∞" if value < 0 else "∞"


def compact(value: float, digits: int = 3, locale: str = "en") -> str:
    """`value` in the locale's compact form to `digits` significant figures: 1_059_115 -> '1.06M' in English,
    3_759_857 -> '376万' and 1_005_493_125 -> '10.05亿' in Chinese. Smaller figures are written out ('812')."""
    if not math.isfinite(value):
        return _not_finite(value)
    if abs(value) < _COMPACT_FROM[locale]:
        return significant(value, digits)
    # The format counts fraction digits, not significant ones: the whole figure's length in its unit says how many
    # are left (at least 1 in a unit, so its integer digits are its adjusted exponent plus one).
    quotient, index = _in_unit(Decimal(str(value)), locale)  # found and divided once for both roundings
    whole, _ = _rounded(quotient, 0, locale, index)
    rounded, unit = _rounded(quotient, max(digits - whole.adjusted() - 1, 0), locale, index)
    return f"{rounded.normalize():f}{unit}"


def money(value: float, currency: Currency, digits: int = 3, lang: str = "en") -> str:
    """Headline money: '$1.06M', '¥3.76M'; in Chinese, yuan in 万 and 亿 to one more figure: '¥376万'."""
    if lang == "zh" and currency is Currency.CNY:
        return SYMBOLS[currency] + compact(value, digits + 1, "zh")
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
    """Milliseconds, seconds, minutes, hours, days or years, whichever reads best."""
    if 0 < seconds < 1:
        return f"{significant(seconds * 1000)} {t(lang, 'unit_ms')}"
    for limit, unit, size in _DURATIONS:
        if seconds < limit:
            return f"{significant(seconds / size)} {t(lang, unit)}"
    return f"{significant(seconds / SECONDS_PER_YEAR)} {t(lang, 'unit_years')}"


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
