"""Delivering manual services (R-ORD-5): the vendor starts a paid manual-service order's delivery
with a note the buyer sees; the buyer's confirmation or 7 days of silence completes it, and its
money then settles (R-WDR-1). Other markets deliver themselves: nothing for the vendor to start."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import API, START, assert_error, bearer, login, place_order, pull_all
from .money_helpers import complete, earn, money_of, money_vendor, set_clock
from .refund_helpers import deliver, order_now


def test_starting_delivery_makes_a_paid_manual_order_delivering_with_its_note_and_silence_deadline(
    client, operator, seed
):
    vendor = money_vendor(seed, seed=501)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 30_000)
    note = "已安排工程师，\n明天上午 10 点远程实施。"  # several lines are allowed
    r = deliver(client, owner, order, note)
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert (r.json()["version"], data["state"], data["delivery_note"]) == (order["version"] + 1, "delivering", note)
    assert dt.datetime.fromisoformat(data["delivering_at"]) == START
    assert dt.datetime.fromisoformat(data["completes_by"]) == START + dt.timedelta(days=7)
    assert data["completed_at"] is None


@pytest.mark.parametrize("market", ["saas", "api", "image"])
def test_markets_that_deliver_themselves_have_nothing_to_start(client, operator, seed, market):
    vendor = money_vendor(seed, seed=502)
    order = earn(client, operator, vendor, market, 3_000)
    err = assert_error(deliver(client, bearer(login(client, vendor)), order), 409, "ORDER_STATE")
    assert err["details"] == {"state": "paid", "market": market}


def test_only_a_paid_order_is_delivered_and_the_state_wins_over_a_stale_version(client, operator, seed):
    vendor = money_vendor(seed, seed=503)
    owner = bearer(login(client, vendor))
    unpaid = place_order(client, operator, vendor, listing=f"lst-{vendor['account_id']}-9")
    assert_error(deliver(client, owner, unpaid), 409, "ORDER_STATE")
    order = earn(client, operator, vendor, "custom_service", 3_000)
    assert deliver(client, owner, order).status_code == 200
    # Delivered already: 409, even from a client whose version is old.
    err = assert_error(deliver(client, owner, order), 409, "ORDER_STATE")
    assert err["details"]["state"] == "delivering"
    other = earn(client, operator, vendor, "custom_service", 3_000)
    assert_error(deliver(client, owner, other, if_match=other["version"] - 1), 412, "VERSION_CONFLICT")
    assert_error(deliver(client, owner, other, if_match=None), 428, "PRECONDITION_REQUIRED")


@pytest.mark.parametrize(
    "note", ["", "   ", "x" * 501, "含有\x07控制字符", None, 42, ["a"]], ids=lambda n: repr(n)[:12]
)
def test_a_bad_note_is_refused_and_changes_nothing(client, operator, seed, note):
    vendor = money_vendor(seed, seed=504)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 3_000)
    r = deliver(client, owner, order, note)
    assert r.status_code == 422, r.text
    assert order_now(client, owner, order["id"])["state"] == "paid"


def test_the_buyers_confirmation_completes_it_and_settles_its_money(client, operator, seed):
    vendor = money_vendor(seed, seed=505)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 30_000)
    assert deliver(client, owner, order).status_code == 200
    done = complete(client, operator, order["id"])
    assert (done["data"]["state"], done["data"]["completes_by"]) == ("completed", None)
    assert dt.datetime.fromisoformat(done["data"]["completed_at"]) == START
    money = money_of(client, owner)
    assert money["earnings"]["custom_service"]["withdrawable_fen"] == 30_000
    changes, _ = pull_all(client, owner)
    kinds = [c["data"]["kind"] for c in changes if c["entity"] == "message" and c["data"]["order_id"] == order["id"]]
    assert "order_completed" in kinds


def test_seven_days_of_silence_complete_the_delivery_and_not_a_minute_before(client, operator, seed):
    vendor = money_vendor(seed, seed=506)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 30_000)
    assert deliver(client, owner, order).status_code == 200
    set_clock(client, operator, START + dt.timedelta(days=7, seconds=-1))
    owner = bearer(login(client, vendor))
    assert order_now(client, owner, order["id"])["state"] == "delivering"
    set_clock(client, operator, START + dt.timedelta(days=7, hours=3))
    owner = bearer(login(client, vendor))
    after = order_now(client, owner, order["id"])
    assert after["state"] == "completed"
    assert dt.datetime.fromisoformat(after["completed_at"]) == START + dt.timedelta(days=7)
    money = money_of(client, owner)
    assert money["earnings"]["custom_service"]["withdrawable_fen"] == 30_000  # R-WDR-1
    settled = next(e for e in money["ledger"] if e["kind"] == "order_settled")
    assert dt.datetime.fromisoformat(settled["at"]) == START + dt.timedelta(days=7)
    changes, _ = pull_all(client, owner)
    completed = [c["data"] for c in changes if c["entity"] == "message" and c["data"]["kind"] == "order_completed"]
    assert [m["order_id"] for m in completed] == [order["id"]]


@pytest.mark.parametrize(("role", "status"), [("operations", 200), ("support", 200), ("finance", 403), ("viewer", 403)])
def test_owner_operations_and_support_deliver(client, operator, seed, role, status):
    """SPEC §11: orders.deliver."""
    vendor = money_vendor(seed, seed=507)
    order = earn(client, operator, vendor, "custom_service", 3_000)
    r = deliver(client, bearer(login(client, vendor, role)), order)
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["error"]["code"] == "PERMISSION_DENIED"


def test_a_retried_delivery_is_applied_once(client, operator, seed):
    vendor = money_vendor(seed, seed=508)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 3_000)
    first = deliver(client, owner, order, key="deliver-once")
    again = deliver(client, owner, order, key="deliver-once")
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json() == first.json()


def test_another_vendors_order_is_not_found(client, operator, seed):
    mine, theirs = money_vendor(seed, seed=509), money_vendor(seed, seed=510)
    order = earn(client, operator, theirs, "custom_service", 3_000)
    assert_error(deliver(client, bearer(login(client, mine)), order), 404, "NOT_FOUND")
    r = client.post(f"{API}/sandbox/orders/no-such-order/complete", headers=operator)
    assert_error(r, 404, "NOT_FOUND")
