"""Numbers as people type them."""

import pytest

from bot.text.quantities import QuantityError, parse_count, parse_discount, parse_fraction, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("175B", 175e9),
        ("175b", 175e9),
        ("1.8T", 1.8e12),
        ("13T", 13e12),
        ("7e9", 7e9),
        ("70_000_000_000", 70e9),
        ("1,000", 1000.0),
        ("1,000,000", 1e6),
        ("500M", 500e6),
        ("100K", 100e3),
        ("1750亿", 175e9),
        ("1.8万亿", 1.8e12),
        ("5万", 5e4),
        ("8222亿", 822.2e9),
        ("3千亿", 3e11),
        ("8x222B", 1776e9),
        ("8×222B", 1776e9),
        ("8*7B", 56e9),
        ("822.2B", 822_200_000_000.0),
        ("312T", 312e12),
        ("1.5P", 1.5e15),
    ],
)
def test_quantities(text: str, value: float) -> None:
    assert parse_quantity(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "B",
        "abc",
        "1,0",
        "1..2",
        "-5B",
        "0",
        "1e309",
        "1e9999999B",
        "1e99999999999",
        "nan",
        "inf",
        "5X",
        "亿",
        "12,34,567",
    ],
)
def test_bad_quantities(text: str) -> None:
    with pytest.raises(QuantityError):
        parse_quantity(text)


def test_counts_are_whole() -> None:
    assert parse_count("1K") == 1000
    assert parse_count("1,024") == 1024
    assert parse_count("5万") == 50_000
    with pytest.raises(QuantityError):
        parse_count("1.5")


@pytest.mark.parametrize(
    ("text", "value"), [("40%", 0.4), ("0.4", 0.4), ("40", 0.4), ("100%", 1.0), ("1", 1.0), ("400%", 4.0)]
)
def test_fractions(text: str, value: float) -> None:
    assert parse_fraction(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "off"), [("5折", 0.5), ("8.5折", 0.15), ("85折", 0.15), ("9折", 0.1), ("50%", 0.5), ("0.2", 0.2)]
)
def test_discounts(text: str, off: float) -> None:
    assert parse_discount(text) == pytest.approx(off)


def test_prices() -> None:
    assert parse_number("2.2659") == 2.2659
    assert parse_number("$3.93/h") == 3.93
    with pytest.raises(QuantityError):
        parse_number("cheap")
