"""Refunds and the money (SPEC §5, R-WDR-1): a refund comes out of pending while the order has
not settled (no ledger entry: the order later settles what is left), else out of the market's
withdrawable with a ``refund`` entry, and what withdrawable cannot cover is owed (待扣回) — paid
first by the market's next settled money, never withdrawable in the meantime."""

from __future__ import annotations

import datetime as dt

from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import bearer, login
from .money_helpers import assert_books_balance, complete, earn, money_of, money_vendor, set_clock, settle, withdraw
from .refund_helpers import asked, decide

# START is 2026-11-26 10:00 Beijing: a SaaS order paid then settles at 12-01 00:00 (R-WDR-1).
AFTER_REVIEW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)


def _refund_entries(money):
    return [(e["amount_fen"], e["owed_fen"], e["balance_after_fen"]) for e in money["ledger"] if e["kind"] == "refund"]


def test_a_refund_of_an_order_not_yet_settled_comes_out_of_pending_and_the_rest_settles(client, operator, seed):
    vendor = money_vendor(seed, seed=401, deposit_paid_fen=500_000)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 50_000)
    refund = asked(client, operator, order["id"])
    assert decide(client, owner, refund, "partial", amount_fen=20_000).status_code == 200
    money = money_of(client, owner)
    earning = money["earnings"]["custom_service"]
    assert (earning["earned_fen"], earning["pending_fen"], earning["withdrawable_fen"], earning["owed_fen"]) == (
        50_000,
        30_000,
        0,
        0,
    )
    assert _refund_entries(money) == []  # pending money never entered the ledger
    assert_books_balance(money)
    complete(client, operator, order["id"])  # R-WDR-1: a manual service settles when completed
    money = money_of(client, owner)
    settled = [e for e in money["ledger"] if e["kind"] == "order_settled"]
    assert [(e["amount_fen"], e["order_number"]) for e in settled] == [(30_000, order["data"]["number"])]
    assert money["earnings"]["custom_service"]["withdrawable_fen"] == 30_000
    assert_books_balance(money)


def test_a_refund_of_a_settled_order_comes_out_of_withdrawable_with_a_ledger_entry(client, operator, seed):
    vendor = money_vendor(seed, seed=402, deposit_paid_fen=500_000)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "saas", 12_000)
    set_clock(client, operator, AFTER_REVIEW)
    owner = bearer(login(client, vendor))  # the earlier sign-in expired meanwhile
    refund = asked(client, operator, order["id"])  # outside the review period: negotiated
    assert refund["data"]["rule"] == "saas_outside_review_period"
    assert decide(client, owner, refund, "partial", amount_fen=3_000).status_code == 200
    money = money_of(client, owner)
    assert _refund_entries(money) == [(-3_000, 0, 9_000)]
    entry = next(e for e in money["ledger"] if e["kind"] == "refund")
    assert (entry["refund_id"], entry["order_number"], entry["market"]) == (
        refund["id"],
        order["data"]["number"],
        "saas",
    )
    assert money["earnings"]["saas"]["withdrawable_fen"] == 9_000
    assert_books_balance(money)


def test_what_withdrawable_cannot_cover_is_owed_and_the_next_settlements_pay_it_first(client, operator, seed):
    vendor = money_vendor(seed, seed=403, deposit_paid_fen=500_000)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "saas", 12_000)
    set_clock(client, operator, AFTER_REVIEW)
    owner = bearer(login(client, vendor))  # the earlier sign-in expired meanwhile
    assert withdraw(client, owner, 10_000).status_code == 201
    refund = asked(client, operator, order["id"])
    assert decide(client, owner, refund, "approve").status_code == 200
    money = money_of(client, owner)
    assert _refund_entries(money) == [(-2_000, 10_000, 0)]
    saas = money["earnings"]["saas"]
    assert (saas["withdrawable_fen"], saas["owed_fen"], saas["in_flight_fen"]) == (0, 10_000, 10_000)
    assert_books_balance(money)
    # Nothing can be withdrawn while the market owes.
    assert withdraw(client, owner, 100).status_code == 422
    # Later SaaS orders settle into what is owed first: ¥60 all of it, then ¥70 of which ¥30 is left.
    earn(client, operator, vendor, "saas", 6_000)
    set_clock(client, operator, AFTER_REVIEW + dt.timedelta(days=6))
    earn(client, operator, vendor, "saas", 7_000)
    set_clock(client, operator, AFTER_REVIEW + dt.timedelta(days=12))
    money = money_of(client, bearer(login(client, vendor)))
    settled = [e["amount_fen"] for e in money["ledger"] if e["kind"] == "order_settled"]
    assert settled == [12_000, 0, 3_000]
    saas = money["earnings"]["saas"]
    assert (saas["withdrawable_fen"], saas["owed_fen"]) == (3_000, 0)
    assert_books_balance(money)


def test_a_failed_withdrawal_returning_to_a_market_that_owes_pays_the_debt_first(client, operator, seed):
    vendor = money_vendor(seed, seed=404, deposit_paid_fen=500_000)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "saas", 12_000)
    set_clock(client, operator, AFTER_REVIEW)
    owner = bearer(login(client, vendor))  # the earlier sign-in expired meanwhile
    withdrawal = withdraw(client, owner, 10_000).json()
    assert decide(client, owner, asked(client, operator, order["id"]), "approve").status_code == 200
    assert settle(client, operator, withdrawal["id"], paid=False, reason="账户信息有误").status_code == 200
    money = money_of(client, owner)
    saas = money["earnings"]["saas"]
    assert (saas["withdrawable_fen"], saas["owed_fen"], saas["in_flight_fen"]) == (0, 0, 0)
    returned = [e["amount_fen"] for e in money["ledger"] if e["kind"] == "withdrawal_returned"]
    assert returned == [0]
    assert_books_balance(money)


def test_finance_reads_the_refund_and_its_ledger_entry_and_the_books_balance_for_it_too(client, operator, seed):
    vendor = money_vendor(seed, seed=405, deposit_paid_fen=500_000)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "saas", 12_000)
    set_clock(client, operator, AFTER_REVIEW)
    owner = bearer(login(client, vendor))  # the earlier sign-in expired meanwhile
    assert decide(client, owner, asked(client, operator, order["id"]), "approve").status_code == 200
    money = money_of(client, bearer(login(client, vendor, "finance")))
    assert money["refunded"] == {"saas": 12_000} and _refund_entries(money) == [(-12_000, 0, 0)]
    assert_books_balance(money)
