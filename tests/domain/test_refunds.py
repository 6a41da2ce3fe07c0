"""Refund rules (SPEC §5, R-REF-1…5) and where refunded money comes from (R-WDR-1): draft contract
of issue 14."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import (
    Decision,
    RefundRule,
    RefundSplit,
    decide_by,
    decision_problem,
    in_review_period,
    is_automatic,
    is_late,
    order_state_after,
    refund_rule,
    refund_split,
    settle_against_owed,
    vendor_decides,
)
from vendor_desktop.domain.workdays import SHANGHAI


def bj(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SHANGHAI)


PAID = bj(2026, 7, 1, 10, 0)  # the review period is 7.1–7.5 (R-REF-1)


@pytest.mark.parametrize(
    ("at", "inside"),
    [(bj(2026, 7, 5, 23, 59), True), (bj(2026, 7, 6, 0, 0), False), (bj(2026, 7, 1, 10, 0), True)],
)
def test_the_review_period_is_the_purchase_day_and_four_more_in_beijing(at, inside):
    assert in_review_period(PAID, at) is inside


def test_a_purchase_late_at_night_utc_counts_from_its_beijing_day():
    # 2026-07-01 23:00 UTC is 07-02 07:00 in Beijing: the period is 7.2–7.6 (R-REF-5).
    paid = dt.datetime(2026, 7, 1, 23, 0, tzinfo=dt.UTC)
    assert in_review_period(paid, bj(2026, 7, 6, 23, 59))
    assert not in_review_period(paid, bj(2026, 7, 7, 0, 0))


@pytest.mark.parametrize(
    ("market", "state", "at", "before", "rule"),
    [
        ("saas", OrderState.PAID, bj(2026, 7, 3), 0, RefundRule.SAAS_SELF_SERVICE),
        ("saas", OrderState.COMPLETED, bj(2026, 7, 3), 3, RefundRule.SAAS_SELF_SERVICE),  # the 4th
        ("saas", OrderState.COMPLETED, bj(2026, 7, 3), 4, RefundRule.SAAS_LIMIT_REACHED),  # the 5th
        ("saas", OrderState.COMPLETED, bj(2026, 7, 6), 0, RefundRule.SAAS_OUTSIDE_REVIEW_PERIOD),
        ("api", OrderState.COMPLETED, bj(2026, 7, 2), 0, RefundRule.NOT_REFUNDABLE),
        ("image", OrderState.COMPLETED, bj(2026, 7, 2), 0, RefundRule.NOT_REFUNDABLE),
        ("security", OrderState.PAID, bj(2026, 8, 1), 9, RefundRule.MANUAL_BEFORE_COMPLETION),
        ("security", OrderState.DELIVERING, bj(2026, 8, 1), 0, RefundRule.MANUAL_BEFORE_COMPLETION),
        ("custom_service", OrderState.COMPLETED, bj(2026, 7, 2), 0, RefundRule.MANUAL_AFTER_COMPLETION),
    ],
)
def test_each_request_falls_under_one_rule(market, state, at, before, rule):
    assert refund_rule(market, state, PAID, at, before) is rule


def test_only_self_service_is_automatic_and_the_vendor_decides_the_rest_that_can_be_refunded():
    assert [r for r in RefundRule if is_automatic(r)] == [RefundRule.SAAS_SELF_SERVICE]
    assert not vendor_decides(RefundRule.NOT_REFUNDABLE) and not vendor_decides(RefundRule.SAAS_SELF_SERVICE)
    assert vendor_decides(RefundRule.MANUAL_AFTER_COMPLETION) and vendor_decides(RefundRule.SAAS_LIMIT_REACHED)


def test_the_vendor_decides_within_three_working_days_across_national_day():
    # Requested Tuesday 2026-09-29: 9.30 is a working day, then the holiday 10.1–10.7.
    due = decide_by(bj(2026, 9, 29, 15, 0))
    assert due.date == dt.date(2026, 10, 9) and not due.approximate
    assert not is_late(due.date, dt.date(2026, 10, 9)) and is_late(due.date, dt.date(2026, 10, 10))


@pytest.mark.parametrize(
    ("refunded", "paid", "before", "after"),
    [
        (10_000, 10_000, OrderState.DELIVERING, OrderState.REFUNDED),  # full
        (3_000, 10_000, OrderState.DELIVERING, OrderState.DELIVERING),  # partial: state kept
        (0, 10_000, OrderState.COMPLETED, OrderState.COMPLETED),  # rejected: back as it was
    ],
)
def test_the_orders_state_after_a_decision(refunded, paid, before, after):
    assert order_state_after(refunded, paid, before) is after  # R-REF-5


def test_a_decision_needs_a_reason_to_reject_and_an_amount_within_what_was_paid():
    assert decision_problem(Decision.REJECT, None, "  ", 10_000) == "REASON_REQUIRED"  # R-REF-4
    assert decision_problem(Decision.REJECT, None, "已交付完成", 10_000) is None
    assert decision_problem(Decision.PARTIAL, None, None, 10_000) == "AMOUNT_REQUIRED"
    assert decision_problem(Decision.PARTIAL, 0, None, 10_000) == "AMOUNT_REQUIRED"
    assert decision_problem(Decision.PARTIAL, 10_001, None, 10_000) == "AMOUNT_EXCEEDS_PAID"
    assert decision_problem(Decision.PARTIAL, 10_000, None, 10_000) is None
    assert decision_problem(Decision.APPROVE, None, None, 10_000) is None


def test_a_refund_comes_from_pending_else_withdrawable_else_is_owed():
    assert refund_split(False, 0, 5_000) == RefundSplit(5_000, 0, 0)
    assert refund_split(True, 8_000, 5_000) == RefundSplit(0, 5_000, 0)
    assert refund_split(True, 3_000, 5_000) == RefundSplit(0, 3_000, 2_000)
    assert refund_split(True, 0, 5_000) == RefundSplit(0, 0, 5_000)
    with pytest.raises(ValueError):
        refund_split(True, 0, -1)


def test_settling_money_pays_what_is_owed_first():
    assert settle_against_owed(2_000, 5_000) == (2_000, 3_000)
    assert settle_against_owed(8_000, 5_000) == (5_000, 0)
    assert settle_against_owed(0, 5_000) == (0, 5_000)
