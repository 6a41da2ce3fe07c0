"""Earnings and withdrawals (SPEC §8): when money settles, what holds it back, when it arrives, and
which markets a withdrawal draws from — the rules the app explains with and the sandbox decides by."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vendor_desktop.domain.earnings import (
    IN_FLIGHT,
    WITHDRAWAL_STATE_NAMES,
    AgreementKind,
    DrawRefused,
    HoldReason,
    LedgerBook,
    LedgerKind,
    WithdrawalState,
    arrival_window,
    draw_plan,
    hold_reason,
    ledger_book,
    review_period_end,
    settles_at,
)
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.workdays import SHANGHAI, add_working_days, knows_year

D = dt.date
UTC = dt.UTC
BOTH = ("access", "revenue")
TIER_1, TIER_2, TIER_3 = 100_000, 200_000, 500_000


# --- R-WDR-1: when an order's money settles -------------------------------------------------


@pytest.mark.parametrize("market", ["image", "api"])
def test_image_and_api_money_settles_the_moment_it_is_paid(market):
    # R-WDR-1, R-REF-2: never refundable, so nothing to wait for; completion does not matter
    paid = dt.datetime(2026, 7, 1, 3, 0, tzinfo=UTC)
    assert settles_at(market, paid, None) == paid
    assert settles_at(market, paid, paid + dt.timedelta(days=3)) == paid


def test_saas_money_settles_at_midnight_beijing_after_the_review_period():
    # R-WDR-1, R-REF-1: bought 7.1 (Beijing) → period 7.1–7.5 → withdrawable from 7.6 00:00 Beijing
    paid = dt.datetime(2026, 7, 1, 9, 30, tzinfo=SHANGHAI)
    assert settles_at("saas", paid, None) == dt.datetime(2026, 7, 6, 0, 0, tzinfo=SHANGHAI)


def test_saas_review_period_counts_the_beijing_purchase_day_not_the_utc_one():
    # R-REF-5: 2026-07-01 23:00 UTC is 07-02 07:00 in Beijing → period 7.2–7.6 → settles 7.7 00:00
    paid = dt.datetime(2026, 7, 1, 23, 0, tzinfo=UTC)
    settles = settles_at("saas", paid, None)
    assert settles == dt.datetime(2026, 7, 7, 0, 0, tzinfo=SHANGHAI)
    assert settles == dt.datetime(2026, 7, 6, 16, 0, tzinfo=UTC)
    # One minute before Beijing midnight still counts as 7.1.
    assert settles_at("saas", dt.datetime(2026, 7, 1, 15, 59, tzinfo=UTC), None) == dt.datetime(
        2026, 7, 6, 0, 0, tzinfo=SHANGHAI
    )


def test_a_naive_payment_time_is_taken_as_utc():
    assert review_period_end(dt.datetime(2026, 7, 1, 23, 0)) == dt.datetime(2026, 7, 7, 0, 0, tzinfo=SHANGHAI)


def test_review_period_runs_across_a_month_end():
    # R-REF-1: bought 7.30 → 7.30–8.3 → ends 8.4 00:00
    assert review_period_end(dt.datetime(2026, 7, 30, 12, 0, tzinfo=SHANGHAI)) == dt.datetime(
        2026, 8, 4, 0, 0, tzinfo=SHANGHAI
    )


@pytest.mark.parametrize("market", [m for m, info in MARKETS.items() if info.delivery == "manual"])
def test_manual_service_money_settles_only_when_the_order_is_completed(market):
    # R-WDR-1, R-REF-3: refundable in full until the service is confirmed complete
    paid = dt.datetime(2026, 7, 1, 3, 0, tzinfo=UTC)
    completed = dt.datetime(2026, 8, 20, 11, 0, tzinfo=UTC)
    assert settles_at(market, paid, None) is None
    assert settles_at(market, paid, completed) == completed


def test_an_unknown_market_is_refused():
    with pytest.raises(KeyError):
        settles_at("bazaar", dt.datetime(2026, 7, 1, tzinfo=UTC), None)


# --- R-WDR-2: what holds earnings back ------------------------------------------------------


def test_nothing_holds_a_covered_market_once_both_agreements_are_signed():
    assert hold_reason("image", BOTH, TIER_1) is None
    assert hold_reason("saas", [AgreementKind.REVENUE, AgreementKind.ACCESS], TIER_3) is None


@pytest.mark.parametrize("signed", [(), ("access",), ("revenue",)])
def test_a_missing_agreement_holds_every_market_even_a_covered_one(signed):
    # R-WDR-2: both agreements are needed before anything can be withdrawn anywhere
    for market in MARKETS:
        assert hold_reason(market, signed, TIER_3) is HoldReason.AGREEMENT_NOT_SIGNED


def test_agreements_are_reported_before_the_deposit():
    # Signing comes first in the vendor's path; naming the deposit first would send them the wrong way.
    assert hold_reason("saas", ["access"], 0) is HoldReason.AGREEMENT_NOT_SIGNED


@pytest.mark.parametrize(
    ("market", "paid", "held"),
    [
        ("image", 0, True),
        ("image", TIER_1 - 1, True),
        ("image", TIER_1, False),
        ("ops_image_maintenance", TIER_1, False),
        ("api", TIER_1, True),
        ("app_license", TIER_2 - 1, True),
        ("api", TIER_2, False),
        ("saas", TIER_2, True),
        ("security", TIER_3 - 1, True),
        ("security", TIER_3, False),
    ],
)
def test_a_market_is_held_until_the_paid_deposit_covers_its_tier(market, paid, held):
    # R-WDR-2, R-DEP-3: the deposit paid, not the deposit required, decides
    expected = HoldReason.DEPOSIT_NOT_COVERED if held else None
    assert hold_reason(market, BOTH, paid) is expected


def test_an_unknown_agreement_kind_is_refused():
    with pytest.raises(ValueError):
        hold_reason("image", ["access", "revenue", "nda"], TIER_3)


# --- R-WDR-3: when the money arrives --------------------------------------------------------


def test_arrival_window_skips_national_day_week_and_counts_make_up_days():
    # R-WDR-3: requested Tue 2026-09-15. Working days after it: 9.16–18 (3), Sun 9.20 make-up (4),
    # 9.21–24 (8; 9.25 is Mid-Autumn), 9.28–30 (11), National Day 10.1–7 off, 10.8–9 (13),
    # Sat 10.10 make-up (14), 10.12 (15) … 10.13–16 (19), 10.19 (20).
    window = arrival_window(D(2026, 9, 15))
    assert (window.first, window.last) == (D(2026, 10, 12), D(2026, 10, 19))
    assert not window.approximate


def test_a_request_made_on_a_holiday_counts_from_the_next_working_day():
    # Requested on 10.3 (National Day): 10.8 is day 1, 10.10 (Sat, make-up) day 3, 10.27 day 15.
    window = arrival_window(D(2026, 10, 3))
    assert (window.first, window.last) == (D(2026, 10, 27), D(2026, 11, 3))
    assert not window.approximate


def test_arrival_window_in_a_year_without_a_holiday_calendar_is_weekdays_and_approximate():
    # DESIGN.md: unknown years fall back to Monday–Friday and say so. Mon 2099-03-02 + 15 weekdays.
    window = arrival_window(D(2099, 3, 2))
    assert (window.first, window.last) == (D(2099, 3, 23), D(2099, 3, 30))
    assert window.approximate


def test_a_window_that_ends_in_a_year_without_a_calendar_is_approximate():
    # The first day is certain, the last may move once the State Council publishes the holidays.
    year = 2026
    while knows_year(year + 1):
        year += 1
    requested = next(
        D(year, 12, day)
        for day in range(1, 32)
        if add_working_days(D(year, 12, day), 20).date.year == year + 1
        and add_working_days(D(year, 12, day), 15).date.year == year
    )
    window = arrival_window(requested)
    assert window.first.year == year and window.last.year == year + 1
    assert window.approximate


# --- R-WDR-2/R-WDR-5: which markets a withdrawal draws from --------------------------------


def test_a_withdrawal_draws_markets_in_spec_order_draining_each_before_the_next():
    # SPEC §1 order: image, …, api, …, saas — whatever order the vendor's earnings came in.
    withdrawable = {"saas": 50_000, "api": 20_000, "image": 30_000}
    assert draw_plan(withdrawable, [], 60_000) == {"image": 30_000, "api": 20_000, "saas": 10_000}
    assert list(draw_plan(withdrawable, [], 60_000)) == ["image", "api", "saas"]


def test_a_withdrawal_stops_at_the_first_market_that_can_pay_the_rest():
    assert draw_plan({"image": 30_000, "api": 20_000}, [], 1) == {"image": 1}
    assert draw_plan({"image": 30_000, "api": 20_000}, [], 30_000) == {"image": 30_000}


def test_a_withdrawal_of_everything_free_drains_every_free_market_exactly():
    withdrawable = {"image": 12_345, "api": 1, "saas": 99_999}
    assert draw_plan(withdrawable, [], 112_345) == withdrawable


def test_held_markets_and_empty_markets_are_skipped():
    # R-WDR-2: money on hold stays where it is
    withdrawable = {"image": 30_000, "app_license": 0, "api": 20_000, "saas": 50_000}
    assert draw_plan(withdrawable, ["image"], 60_000) == {"api": 20_000, "saas": 40_000}


def test_asking_for_held_money_is_deposit_not_covered():
    # R-WDR-2: the vendor could have it by paying the deposit — say so, not "too much"
    with pytest.raises(DrawRefused) as refused:
        draw_plan({"image": 30_000, "saas": 50_000}, ["saas"], 30_001)
    assert refused.value.code == "DEPOSIT_NOT_COVERED"
    assert (refused.value.withdrawable_fen, refused.value.on_hold_fen) == (30_000, 50_000)
    with pytest.raises(DrawRefused) as refused:
        draw_plan({"image": 30_000, "saas": 50_000}, ["saas"], 80_000)
    assert refused.value.code == "DEPOSIT_NOT_COVERED"


def test_asking_for_more_than_all_settled_money_is_amount_exceeds_withdrawable():
    # R-WDR-5: amount ≤ withdrawable, held money included in what could ever be had
    with pytest.raises(DrawRefused) as refused:
        draw_plan({"image": 30_000, "saas": 50_000}, ["saas"], 80_001)
    assert refused.value.code == "AMOUNT_EXCEEDS_WITHDRAWABLE"
    assert str(refused.value) == "AMOUNT_EXCEEDS_WITHDRAWABLE"
    with pytest.raises(DrawRefused) as refused:
        draw_plan({}, [], 1)
    assert refused.value.code == "AMOUNT_EXCEEDS_WITHDRAWABLE"
    assert (refused.value.withdrawable_fen, refused.value.on_hold_fen) == (0, 0)


def test_negative_withdrawable_never_counts_as_money():
    # A market can only be ≥ 0 (R-WDR-1), but a bad row must not lend money to another market.
    with pytest.raises(DrawRefused) as refused:
        draw_plan({"image": -5_000, "api": 10_000}, [], 10_001)
    assert refused.value.code == "AMOUNT_EXCEEDS_WITHDRAWABLE"
    assert refused.value.withdrawable_fen == 10_000


markets = st.sampled_from(list(MARKETS))


@given(
    withdrawable=st.dictionaries(markets, st.integers(0, 1_000_000), max_size=len(MARKETS)),
    held=st.sets(markets),
    amount=st.integers(1, 3_000_000),
)
def test_a_plan_pays_exactly_the_amount_from_free_markets_or_is_refused(withdrawable, held, amount):
    # R-WDR-5: a withdrawal takes exactly its amount — never a fen more, never from a held market
    free = sum(v for m, v in withdrawable.items() if m not in held)
    try:
        plan = draw_plan(withdrawable, held, amount)
    except DrawRefused as refused:
        assert amount > free
        assert refused.code == (
            "DEPOSIT_NOT_COVERED" if amount <= sum(withdrawable.values()) else "AMOUNT_EXCEEDS_WITHDRAWABLE"
        )
        return
    assert sum(plan.values()) == amount
    assert all(0 < fen <= withdrawable[m] and m not in held for m, fen in plan.items())
    # Each market drawn before the last one is drained: SPEC §1 order, no skipping free money.
    order = [m for m in MARKETS if m in plan]
    assert all(plan[m] == withdrawable[m] for m in order[:-1])
    skipped = [m for m in MARKETS if m not in held and withdrawable.get(m, 0) > 0 and m not in plan]
    assert all(list(MARKETS).index(m) > list(MARKETS).index(order[-1]) for m in skipped)


# --- states and the ledger ------------------------------------------------------------------


def test_withdrawal_states_each_have_a_name_and_only_unsettled_ones_are_in_flight():
    # R-WDR-5; GLOSSARY.md names
    assert set(WITHDRAWAL_STATE_NAMES) == set(WithdrawalState)
    assert WITHDRAWAL_STATE_NAMES[WithdrawalState.PAID] == ("Paid", "已到账")
    assert {WithdrawalState.REQUESTED, WithdrawalState.PROCESSING} == IN_FLIGHT


@pytest.mark.parametrize(
    ("kind", "book"),
    [
        (LedgerKind.TOP_UP, LedgerBook.BALANCE),
        (LedgerKind.DEPOSIT_PAYMENT, LedgerBook.BALANCE),
        (LedgerKind.DEPOSIT_REFUND, LedgerBook.BALANCE),
        (LedgerKind.ORDER_SETTLED, LedgerBook.EARNINGS),
        (LedgerKind.REFUND, LedgerBook.EARNINGS),
        (LedgerKind.WITHDRAWAL, LedgerBook.EARNINGS),
        (LedgerKind.WITHDRAWAL_RETURNED, LedgerBook.EARNINGS),
    ],
)
def test_each_ledger_kind_moves_one_book(kind, book):
    # API.md ledger_entry: the balance and each market's withdrawable are separate books
    assert ledger_book(kind) is book
    assert ledger_book(str(kind)) is book  # as it arrives on the wire


def test_every_ledger_kind_has_a_book_and_unknown_kinds_are_refused():
    assert {ledger_book(k) for k in LedgerKind} == set(LedgerBook)
    with pytest.raises(ValueError):
        ledger_book("gift")
