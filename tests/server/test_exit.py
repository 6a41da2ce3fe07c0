"""Leaving the marketplace (退出云市场, R-EXT-1, R-DEP-7): what blocks it, each listed with its
count and ids; once cleared, every listing is delisted and nothing new is sold; the deposit comes
back into the balance about 45 days after the receipt is returned."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import API, START, assert_error, bearer, entity_now, login, place_order, pull_all, send
from .invoice_helpers import issue, request_invoice
from .money_helpers import complete, earn, money_of, money_vendor, pay_deposit, set_clock, settle, withdraw
from .refund_helpers import asked, decide, deliver


def _exit(client, headers, **kw):
    return send(client, "POST", "/vendor/exit", headers, **kw)


def test_each_blocker_is_listed_with_its_count_and_ids_then_the_exit_applies_once_cleared(client, operator, seed):
    vendor = money_vendor(seed, seed=601, deposit_paid_fen=500_000)
    owner = bearer(login(client, vendor))
    open_order = place_order(client, operator, vendor, listing=f"lst-{vendor['account_id']}-9")  # unpaid
    refunded = earn(client, operator, vendor, "custom_service", 9_000)
    refund = asked(client, operator, refunded["id"])  # the order is refunding, the refund requested
    invoiced = earn(client, operator, vendor, "saas", 20_000)
    invoice = request_invoice(client, operator, invoiced["id"])
    set_clock(client, operator, dt.datetime(2026, 12, 2, 9, 0, tzinfo=SHANGHAI))  # the SaaS money settled
    owner = bearer(login(client, vendor))
    withdrawal = withdraw(client, owner, 5_000).json()
    # A paid SaaS order (the marketplace delivers it) blocks nothing; an unpaid one and one being
    # refunded do.
    err = assert_error(_exit(client, owner), 409, "EXIT_BLOCKED")
    assert err["details"]["blockers"] == [
        {"blocker": "open_orders", "count": 2, "ids": sorted([open_order["id"], refunded["id"]])},
        {"blocker": "pending_refunds", "count": 1, "ids": [refund["id"]]},
        {"blocker": "pending_invoices", "count": 1, "ids": [invoice["id"]]},
        {"blocker": "withdrawals_in_progress", "count": 1, "ids": [withdrawal["id"]]},
    ]
    # Clear them one by one: each clears its line.
    client.post(f"{API}/sandbox/orders/{open_order['id']}/cancel", headers=operator)
    assert decide(client, owner, refund, "approve").status_code == 200
    assert issue(client, owner, invoice).status_code == 200
    blockers = assert_error(_exit(client, owner), 409, "EXIT_BLOCKED")["details"]["blockers"]
    assert [b["blocker"] for b in blockers] == ["withdrawals_in_progress"]
    assert settle(client, operator, withdrawal["id"], paid=True).status_code == 200
    r = _exit(client, owner, json={})
    assert r.status_code == 200, r.text
    profile = r.json()
    assert profile["entity"] == "vendor_profile" and profile["id"] == vendor["account_id"]
    assert profile["data"]["exited_at"] is not None and profile["data"]["deposit_refund_on"] is None
    assert_error(_exit(client, owner), 409, "ALREADY_EXITED")


def _exited(client, operator, seed, n):
    vendor = money_vendor(seed, seed=n, deposit_paid_fen=200_000)
    owner = bearer(login(client, vendor))
    r = _exit(client, owner)
    assert r.status_code == 200, r.text
    return vendor, owner


def test_after_exit_every_listing_is_delisted_and_new_orders_and_submissions_are_refused(client, operator, seed):
    vendor, owner = _exited(client, operator, seed, 602)
    changes, _ = pull_all(client, owner)
    listings = {c["id"]: c["data"] for c in changes if c["entity"] == "listing"}
    assert {d["state"] for d in listings.values()} <= {"delisted", "draft", "rejected"}
    assert sum(d["state"] == "delisted" for d in listings.values()) >= 10  # the ten that were on sale
    body = {"account_id": vendor["account_id"], "listing_id": f"lst-{vendor['account_id']}-0", "buyer_account_id": "5"}
    assert_error(client.post(f"{API}/sandbox/orders", json=body, headers=operator), 409, "VENDOR_EXITED")
    listing = listings[f"lst-{vendor['account_id']}-0"]
    version = entity_now(client, owner, "listing", f"lst-{vendor['account_id']}-0")["version"]
    r = send(client, "POST", f"/listings/lst-{vendor['account_id']}-0/submit", owner, if_match=version)
    assert_error(r, 409, "VENDOR_EXITED")
    assert listing["state"] == "delisted"


def test_the_deposit_comes_back_into_the_balance_45_days_after_the_receipt(client, operator, seed):
    vendor = money_vendor(seed, seed=603, deposit_paid_fen=200_000)
    owner = bearer(login(client, vendor))
    body = {"account_id": vendor["account_id"]}
    before = client.post(f"{API}/sandbox/deposit/receipt-returned", json=body, headers=operator)
    assert_error(before, 409, "NOT_EXITED")
    assert _exit(client, owner).status_code == 200
    r = client.post(f"{API}/sandbox/deposit/receipt-returned", json=body, headers=operator)
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert (data["receipt_returned_on"], data["deposit_refund_on"], data["deposit_refunded_at"]) == (
        "2026-11-26",
        "2027-01-10",
        None,
    )
    set_clock(client, operator, dt.datetime(2027, 1, 9, 23, 59, tzinfo=SHANGHAI))
    owner = bearer(login(client, vendor))
    assert money_of(client, owner)["deposit"]["paid_fen"] == 200_000  # not yet
    set_clock(client, operator, dt.datetime(2027, 1, 10, 8, 0, tzinfo=SHANGHAI))
    owner = bearer(login(client, vendor))
    money = money_of(client, owner)
    assert (money["deposit"]["paid_fen"], money["deposit"]["balance_fen"]) == (0, 200_000)
    refunds = [e for e in money["ledger"] if e["kind"] == "deposit_refund"]
    assert [(e["amount_fen"], e["balance_after_fen"], e["at"]) for e in refunds] == [
        (200_000, 200_000, "2027-01-10T00:00:00+08:00")
    ]
    profile = entity_now(client, owner, "vendor_profile", vendor["account_id"])
    assert profile["data"]["deposit_refunded_at"] == "2027-01-10T00:00:00+08:00"
    # SPEC §11: the message carries the deposit's amount, so it reaches only who reads the deposit.
    for role, told in (("finance", 1), ("operations", 1), ("support", 0), ("viewer", 0)):
        changes, _ = pull_all(client, bearer(login(client, vendor, role)))
        assert [c["data"]["kind"] for c in changes if c["entity"] == "message"].count("deposit_refunded") == told, role
    # Paid once: the clock moving on pays nothing more.
    set_clock(client, operator, dt.datetime(2027, 2, 1, 8, 0, tzinfo=SHANGHAI))
    money = money_of(client, bearer(login(client, vendor)))
    assert [e["kind"] for e in money["ledger"]].count("deposit_refund") == 1


@pytest.mark.parametrize("role", ["operations", "finance", "support", "viewer"])
def test_only_the_owner_may_leave(client, operator, seed, role):
    vendor = money_vendor(seed, seed=604)
    r = _exit(client, bearer(login(client, vendor, role)))
    assert_error(r, 403, "PERMISSION_DENIED")
    profile = entity_now(client, bearer(login(client, vendor)), "vendor_profile", vendor["account_id"])
    assert profile["data"]["exited_at"] is None


def test_a_retried_exit_answers_the_first_answer(client, operator, seed):
    vendor = money_vendor(seed, seed=605)
    owner = bearer(login(client, vendor))
    first = _exit(client, owner, key="exit-once")
    again = _exit(client, owner, key="exit-once")
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json() == first.json()


def test_a_delivered_and_completed_vendor_may_leave(client, operator, seed):
    """R-EXT-1: completed, cancelled and refunded orders block nothing."""
    vendor = money_vendor(seed, seed=606)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 9_000)
    assert deliver(client, owner, order).status_code == 200
    blockers = assert_error(_exit(client, owner), 409, "EXIT_BLOCKED")["details"]["blockers"]
    assert blockers == [{"blocker": "open_orders", "count": 1, "ids": [order["id"]]}]
    complete(client, operator, order["id"])
    assert _exit(client, owner).status_code == 200
    assert (
        START.date().isoformat()
        in entity_now(client, owner, "vendor_profile", vendor["account_id"])["data"]["exited_at"]
    )


def _receipt_returned(client, operator, vendor):
    body = {"account_id": vendor["account_id"]}
    r = client.post(f"{API}/sandbox/deposit/receipt-returned", json=body, headers=operator)
    assert r.status_code == 200, r.text
    return r.json()["data"]["deposit_refund_on"]


def test_after_the_deposit_comes_back_what_was_earned_stays_withdrawable_and_no_deposit_is_taken(
    client, operator, seed
):
    """R-DEP-7 with R-WDR-2: the returned deposit no longer holds the earnings it covered, and a
    deposit paid after exit would never come back, so it is refused."""
    vendor = money_vendor(seed, seed=607, deposit_paid_fen=200_000)  # tier 2 covers the API market
    owner = bearer(login(client, vendor))
    earn(client, operator, vendor, "api", 50_000)  # API orders settle when paid (R-WDR-1)
    assert _exit(client, owner).status_code == 200
    refund_on = dt.date.fromisoformat(_receipt_returned(client, operator, vendor))
    set_clock(client, operator, dt.datetime.combine(refund_on, dt.time(9), tzinfo=SHANGHAI))
    finance = bearer(login(client, vendor, "finance"))
    money = money_of(client, finance)
    assert money["deposit"]["paid_fen"] == 0
    api = money["earnings"]["api"]
    assert (api["withdrawable_fen"], api["blocked_reason"]) == (50_000, None)
    assert withdraw(client, finance, 50_000).status_code == 201
    assert_error(pay_deposit(client, finance, 100_000), 409, "VENDOR_EXITED")
    assert money_of(client, finance)["deposit"]["paid_fen"] == 0


def test_the_deposit_waits_while_a_refund_asked_after_exit_is_open(client, operator, seed):
    """R-DEP-7: only with nothing open. A buyer may still ask a negotiated refund of a completed
    manual order after exit; the deposit comes back once the vendor has decided."""
    vendor = money_vendor(seed, seed=608, deposit_paid_fen=500_000)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 9_000)
    assert deliver(client, owner, order).status_code == 200
    complete(client, operator, order["id"])
    assert _exit(client, owner).status_code == 200
    refund_on = dt.date.fromisoformat(_receipt_returned(client, operator, vendor))
    refund = asked(client, operator, order["id"])
    assert refund["data"]["state"] == "requested"
    set_clock(client, operator, dt.datetime.combine(refund_on, dt.time(9), tzinfo=SHANGHAI))
    owner = bearer(login(client, vendor))
    assert money_of(client, owner)["deposit"]["paid_fen"] == 500_000  # not while the refund is open
    refund = entity_now(client, owner, "refund", refund["id"])
    assert decide(client, owner, refund, "reject", reason="服务已按约定完成").status_code == 200
    money = money_of(client, owner)
    assert (money["deposit"]["paid_fen"], money["deposit"]["balance_fen"]) == (0, 500_000)
    assert [e["at"] for e in money["ledger"] if e["kind"] == "deposit_refund"] == [f"{refund_on}T00:00:00+08:00"]
