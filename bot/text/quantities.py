"""Numbers as people type them: 175B, 1.8T, 7e9, 70_000_000_000, 1,000, 1750亿, 8x222B, 40%, 5折.

Parsed through Decimal, so `822.2B` is exactly 822,200,000,000 and a command line we print reads back
to the same request.
"""

import math
import re
from decimal import Decimal, InvalidOperation

SUFFIXES: dict[str, int] = {"k": 3, "m": 6, "b": 9, "g": 9, "t": 12, "p": 15}
CHINESE_UNITS: dict[str, int] = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}

_NUMBER = re.compile(r"(?P<digits>[0-9][0-9_,]*(?:\.[0-9_]+)?|\.[0-9]+)(?P<exp>e[+-]?[0-9]+)?", re.IGNORECASE)
_MOE = re.compile(r"^(?P<experts>[0-9]+)\s*[x×*]\s*(?P<size>.+)$", re.IGNORECASE)
_LARGEST_EXPONENT = 100  # no count of parameters, tokens or FLOPS comes near 1e100
_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")


class QuantityError(ValueError):
    """The word is not a number of the kind asked for."""


def _decimal(text: str) -> Decimal:
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise QuantityError(text)
    digits = match["digits"]
    if "," in digits and not _GROUPED.match(digits):
        raise QuantityError(text)  # "1,0" is a typo, not a thousand
    try:
        value = Decimal(digits.replace(",", "").replace("_", "") + (match["exp"] or ""))
    except InvalidOperation as error:
        raise QuantityError(text) from error
    if not value.is_finite() or value.adjusted() > _LARGEST_EXPONENT:
        raise QuantityError(text)  # also keeps Decimal arithmetic clear of overflow and billion-digit ints
    return value


def _float(value: Decimal, text: str) -> float:
    """Decimal holds 1e309 happily; a float cannot, and an infinite quantity is no quantity."""
    number = float(value)
    if not math.isfinite(number):
        raise QuantityError(text)
    return number


def _scaled(text: str) -> Decimal:
    """A number with an optional English suffix (K M B T P) or a run of Chinese units (千亿 = 10^11)."""
    body = text.strip()
    exponent = 0
    while body and body[-1] in CHINESE_UNITS:
        exponent += CHINESE_UNITS[body[-1]]
        body = body[:-1]
    if exponent == 0 and body and body[-1].lower() in SUFFIXES:
        exponent = SUFFIXES[body[-1].lower()]
        body = body[:-1]
    return _decimal(body) * Decimal(10) ** exponent


def parse_quantity(text: str) -> float:
    """A count of parameters, tokens or FLOPS; `8x222B` is a mixture of 8 experts, 1776B in all."""
    moe = _MOE.match(text.strip())
    value = int(moe["experts"]) * _scaled(moe["size"]) if moe else _scaled(text)
    if value <= 0:
        raise QuantityError(text)
    return _float(value, text)


def experts_of(text: str) -> int | None:
    """How many experts a mixture-of-experts size names (`8x7B`: 8), or None for a plain size."""
    moe = _MOE.match(text.strip())
    return int(moe["experts"]) if moe else None


def parse_count(text: str) -> int:
    """A whole number of GPUs, cards, tokens or sequences: `64`, `1K`, `1,024`, `5万`."""
    value = _scaled(text)
    if value != value.to_integral_value() or value < 0:
        raise QuantityError(text)
    return int(value)


def parse_number(text: str) -> float:
    """A plain decimal such as a price or an exchange rate; `$` and a trailing `/h` are allowed."""
    body = re.sub(r"(?i)/(h|hr|hour|gpu-?h(our)?)$", "", text.strip()).lstrip("$")
    return _float(_decimal(body), text)


def parse_fraction(text: str) -> float:
    """40% or 0.4 are both 0.4; a bare number above 1 (up to 100) is read as a percentage."""
    body = text.strip()
    if body.endswith("%"):
        return _float(_decimal(body[:-1]) / 100, text)
    value = _decimal(body)
    return _float(value / 100 if 1 < value <= 100 else value, text)


def parse_discount(text: str) -> float:
    """The share taken off the price. Chinese 折 gives the share paid: 5折 pays 50%, 85折 or 8.5折 pay 85%."""
    body = text.strip()
    if body.endswith("折"):
        paid = _decimal(body[:-1])
        paid_share = paid / 100 if paid >= 10 else paid / 10
        return _float(1 - paid_share, text)
    return parse_fraction(body)
