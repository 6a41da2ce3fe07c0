import pytest

from vendor_desktop.domain.money import MoneyError, format_fen, parse_yuan


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "¥0.00"), (5, "¥0.05"), (123450, "¥1,234.50"), (100_000_000, "¥1,000,000.00"), (-199, "-¥1.99")],
)
def test_amounts_are_shown_in_yuan_with_thousands_separators(fen, text):
    assert format_fen(fen) == text


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12.34", 1234),
        ("12.3", 1230),
        ("12", 1200),
        ("1,234.56", 123456),
        ("¥ 0.01", 1),
        ("0.10", 10),
        # 0.1 + 0.2 style float error cannot happen: conversion is decimal, exact
        ("19.99", 1999),
        ("1234567.89", 123456789),
    ],
)
def test_typed_yuan_converts_to_fen_exactly(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("12.345", "too_many_decimals"),
        ("abc", "not_a_number"),
        ("", "not_a_number"),
        ("-5", "not_a_number"),
        ("1e5", "not_a_number"),
        ("12,34.00", "not_a_number"),
        ("999999999999", "too_large"),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(text, code):
    with pytest.raises(MoneyError) as err:
        parse_yuan(text)
    assert err.value.code == code
