import datetime as dt

import pytest

from vendor_desktop.domain.discounts import (
    DiscountState,
    discount_state,
    discounted_fen,
    percent_off,
    periods_overlap,
    validate_discount,
    zhe,
)
from vendor_desktop.domain.money import MAX_AMOUNT_FEN
from vendor_desktop.domain.orders import price_problem

T0 = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(("percent", "ok"), [(0, False), (1, True), (80, True), (99, True), (100, False), (-5, False)])
def test_percent_paid_is_between_1_and_99(percent, ok):
    # R-DSC-1
    assert (validate_discount(percent, T0, T0 + DAY) == []) is ok


def test_until_must_come_after_from():
    problems = validate_discount(80, T0, T0)
    assert [(p.field, p.code) for p in problems] == [("valid_until", "until_not_after_from")]
    assert validate_discount(80, T0 + DAY, T0)[0].field == "valid_until"


def test_state_follows_the_clock_and_revocation():
    assert discount_state(T0, T0 + DAY, T0 - DAY) is DiscountState.UPCOMING
    assert discount_state(T0, T0 + DAY, T0) is DiscountState.ACTIVE
    assert discount_state(T0, T0 + DAY, T0 + DAY) is DiscountState.EXPIRED
    assert discount_state(T0, T0 + DAY, T0, revoked=True) is DiscountState.REVOKED


def test_back_to_back_periods_do_not_overlap_but_shared_moments_do():
    # R-DSC-2: at most one active discount per (listing, buyer) at any moment
    assert not periods_overlap(T0, T0 + DAY, T0 + DAY, T0 + 2 * DAY)
    assert periods_overlap(T0, T0 + 2 * DAY, T0 + DAY, T0 + 3 * DAY)
    assert periods_overlap(T0, T0 + 3 * DAY, T0 + DAY, T0 + 2 * DAY)


@pytest.mark.parametrize(
    ("percent", "text"),
    [(80, "八折"), (85, "八五折"), (88, "八八折"), (95, "九五折"), (5, "〇.五折"), (10, "一折"), (99, "九九折")],
)
def test_discounts_read_as_zhe(percent, text):
    assert zhe(percent) == text


def test_discounted_price_rounds_to_the_fen():
    assert discounted_fen(99_900, 80) == 79_920
    assert discounted_fen(1, 50) == 1  # half a fen rounds up
    assert discounted_fen(999, 85) == 849
    assert percent_off(80) == 20


@pytest.mark.parametrize(
    ("fen", "problem"),
    [(0, "price_not_positive"), (-100, "price_not_positive"), (1, None), (MAX_AMOUNT_FEN + 1, "price_too_large")],
)
def test_new_price_must_be_positive(fen, problem):
    # R-ORD-3
    assert price_problem(fen, MAX_AMOUNT_FEN) == problem
