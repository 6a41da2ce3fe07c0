"""Withdrawals (提现, SPEC §8 R-WDR-2..5): each refusal with what the vendor needs to act on it,
what a withdrawal draws and from where, its arrival window in working days (预计到账, across a
holiday too), processing from the next working day, paid or failed (the money returns), and a
retry with the same Idempotency-Key applied once."""

from __future__ import annotations

import datetime as dt
import uuid

from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import assert_error, bearer, login
from .money_helpers import (
    assert_books_balance,
    earn,
    money_of,
    money_vendor,
    owner_of,
    set_clock,
    settle,
    withdraw,
)


def _vendor_with_earnings(client, operator, seed, n, **body):
    """Tier 1 paid; withdrawable ¥10.00 in image (covered) and ¥20.00 in api (not: on hold)."""
    body.setdefault("deposit_paid_fen", 100_000)
    vendor = money_vendor(seed, seed=n, **body)
    earn(client, operator, vendor, "image", 1_000)
    earn(client, operator, vendor, "api", 2_000)
    return vendor


def test_without_a_bank_account_on_file_nothing_is_withdrawn(client, operator, seed):
    """R-WDR-4, checked first: even with agreements missing, the bank account is named."""
    vendor = _vendor_with_earnings(client, operator, seed, 41, bank_account=False, agreements=[])
    owner = owner_of(client, vendor)
    assert_error(withdraw(client, owner, 500), 422, "BANK_ACCOUNT_MISSING")
    assert money_of(client, owner)["withdrawals"] == {}


def test_an_unsigned_agreement_refuses_and_names_it(client, operator, seed):
    vendor = _vendor_with_earnings(client, operator, seed, 42, agreements=["access"])
    err = assert_error(withdraw(client, owner_of(client, vendor), 500), 422, "AGREEMENT_NOT_SIGNED")
    assert err["details"]["missing"] == ["revenue"]


def test_money_in_uncovered_markets_is_on_hold_and_the_refusal_says_where(client, operator, seed):
    """R-WDR-2: ¥25.00 would need the api market's money, which the tier-1 deposit does not cover."""
    vendor = _vendor_with_earnings(client, operator, seed, 43)
    owner = owner_of(client, vendor)
    err = assert_error(withdraw(client, owner, 2_500), 422, "DEPOSIT_NOT_COVERED")
    assert err["details"] == {"withdrawable_fen": 1_000, "on_hold_fen": 2_000, "markets": ["api"]}
    err = assert_error(withdraw(client, owner, 3_001), 422, "AMOUNT_EXCEEDS_WITHDRAWABLE")
    assert err["details"]["withdrawable_fen"] == 1_000
    money = money_of(client, owner)
    assert money["withdrawals"] == {} and money["earnings"]["image"]["withdrawable_fen"] == 1_000


def test_a_withdrawal_draws_markets_in_order_and_writes_one_entry_each(client, operator, seed):
    vendor = _vendor_with_earnings(client, operator, seed, 44, deposit_paid_fen=200_000)
    owner = owner_of(client, vendor)
    r = withdraw(client, owner, 2_500)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["entity"] == "withdrawal" and made["version"] == 1
    data = made["data"]
    assert (data["state"], data["amount_fen"], data["draws"]) == ("requested", 2_500, {"image": 1_000, "api": 1_500})
    assert (data["expected_from"], data["expected_until"], data["expected_approximate"]) == (
        "2026-12-17",
        "2026-12-24",
        False,
    )  # R-WDR-3: 15–20 working days after 2026-11-26
    bank = money_of(client, owner)["bank_account"]
    assert data["bank_account"] == f"{bank['bank']} **** {bank['account_number'][-4:]}"
    assert data["requested_by"] == login(client, vendor)["user"]["display_name"]
    money = money_of(client, owner)
    assert [(e["kind"], e["market"], e["amount_fen"]) for e in money["ledger"] if e["kind"] == "withdrawal"] == [
        ("withdrawal", "image", -1_000),
        ("withdrawal", "api", -1_500),
    ]
    assert (money["earnings"]["api"]["withdrawable_fen"], money["earnings"]["api"]["in_flight_fen"]) == (500, 1_500)
    assert_books_balance(money)


def test_the_arrival_window_counts_working_days_across_national_day(client, operator, seed):
    """R-WDR-3: requested 2026-09-29, before the National Day holiday (10-01 … 10-07): 15 working
    days later is 10-26, not the 10-20 that Monday-to-Friday counting would give."""
    set_clock(client, operator, dt.datetime(2026, 9, 29, 15, 0, tzinfo=SHANGHAI))
    vendor = money_vendor(seed, seed=45, deposit_paid_fen=100_000)
    earn(client, operator, vendor, "image", 10_000)
    r = withdraw(client, owner_of(client, vendor), 10_000)
    assert r.status_code == 201, r.text
    assert (r.json()["data"]["expected_from"], r.json()["data"]["expected_until"]) == ("2026-10-26", "2026-11-02")


def test_a_withdrawal_is_processing_from_the_next_working_day(client, operator, seed, clock):
    """R-WDR-5: requested on 09-30, the eve of the holiday: still requested through 10-07,
    processing on 10-08, the first working day after (a pull brings it there)."""
    set_clock(client, operator, dt.datetime(2026, 9, 30, 11, 0, tzinfo=SHANGHAI))
    vendor = money_vendor(seed, seed=46, deposit_paid_fen=100_000)
    earn(client, operator, vendor, "image", 10_000)
    owner = owner_of(client, vendor)
    made = withdraw(client, owner, 4_000).json()
    clock.set(dt.datetime(2026, 10, 7, 23, 0, tzinfo=SHANGHAI))
    owner = owner_of(client, vendor)  # the clock moved past the access token's life
    assert money_of(client, owner)["withdrawals"][made["id"]]["state"] == "requested"
    clock.set(dt.datetime(2026, 10, 8, 8, 0, tzinfo=SHANGHAI))
    seen = money_of(client, owner_of(client, vendor))["withdrawals"][made["id"]]
    assert seen["state"] == "processing" and seen["processing_at"].startswith("2026-10-08")


def test_paid_out_then_no_more_settling(client, operator, seed):
    vendor = money_vendor(seed, seed=47, deposit_paid_fen=100_000)
    earn(client, operator, vendor, "image", 10_000)
    owner = owner_of(client, vendor)
    made = withdraw(client, owner, 6_000).json()
    r = settle(client, operator, made["id"], paid=True)
    assert r.status_code == 200, r.text
    assert r.json()["data"]["state"] == "paid" and r.json()["data"]["settled_at"] is not None
    # R-WDR-5: settled on the day it was requested, it still went through processing.
    assert r.json()["data"]["processing_at"] is not None
    image = money_of(client, owner)["earnings"]["image"]
    assert (image["withdrawable_fen"], image["in_flight_fen"], image["paid_out_fen"]) == (4_000, 0, 6_000)
    for paid in (True, False):
        err = assert_error(settle(client, operator, made["id"], paid=paid), 409, "WITHDRAWAL_STATE")
        assert err["details"]["state"] == "paid"
    assert_books_balance(money_of(client, owner))


def test_a_failed_withdrawal_returns_the_money_to_its_markets(client, operator, seed):
    vendor = _vendor_with_earnings(client, operator, seed, 48, deposit_paid_fen=200_000)
    owner = owner_of(client, vendor)
    made = withdraw(client, owner, 2_500).json()
    r = settle(client, operator, made["id"], paid=False, reason="开户名与账户不符")
    assert r.status_code == 200, r.text
    assert (r.json()["data"]["state"], r.json()["data"]["failure_reason"]) == ("failed", "开户名与账户不符")
    money = money_of(client, owner)
    assert {m: e["withdrawable_fen"] for m, e in money["earnings"].items()} == {"image": 1_000, "api": 2_000}
    returned = [(e["market"], e["amount_fen"]) for e in money["ledger"] if e["kind"] == "withdrawal_returned"]
    assert returned == [("image", 1_000), ("api", 1_500)]
    assert_books_balance(money)
    assert_error(settle(client, operator, made["id"], paid=True), 409, "WITHDRAWAL_STATE")
    assert withdraw(client, owner, 3_000).status_code == 201  # all of it is withdrawable again


def test_settling_an_unknown_withdrawal_is_404(client, operator):
    assert_error(settle(client, operator, "no-such-withdrawal", paid=True), 404, "NOT_FOUND")


def test_a_retry_with_the_same_key_is_answered_once_and_applied_once(client, operator, seed):
    vendor = money_vendor(seed, seed=49, deposit_paid_fen=100_000)
    earn(client, operator, vendor, "image", 10_000)
    finance = bearer(login(client, vendor, "finance"))
    key = str(uuid.uuid4())
    first, again = withdraw(client, finance, 3_000, key=key), withdraw(client, finance, 3_000, key=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers.get("Idempotent-Replayed") == "true"
    assert_error(withdraw(client, finance, 3_001, key=key), 422, "IDEMPOTENCY_KEY_REUSED")
    money = money_of(client, owner_of(client, vendor))
    assert len(money["withdrawals"]) == 1 and money["earnings"]["image"]["withdrawable_fen"] == 7_000


def test_only_owner_and_finance_withdraw(client, operator, seed):
    vendor = money_vendor(seed, seed=50, deposit_paid_fen=100_000)
    earn(client, operator, vendor, "image", 10_000)
    for role in ("operations", "support", "viewer"):
        assert_error(withdraw(client, owner_of(client, vendor, role), 100), 403, "PERMISSION_DENIED")
    assert money_of(client, owner_of(client, vendor))["withdrawals"] == {}
