"""Delivering manual services (R-ORD-5): the vendor starts a paid manual-service order's delivery
with a note the buyer sees; the buyer's confirmation or 7 days of silence completes it, and its
money then settles (R-WDR-1). Other markets deliver themselves: nothing for the vendor to start."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import API, START, assert_error, bearer, login, place_order, pull_all
from .money_helpers import MARKET_INDEX, complete, earn, money_of, money_vendor, set_clock
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
    assert err["details"] == {"state": "completed", "market": market}  # completed when paid (R-ORD-5)


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


@pytest.mark.parametrize("market", ["saas", "api", "image"])
def test_paying_an_order_that_delivers_itself_completes_it_at_once(client, operator, seed, market):
    """R-ORD-5: SaaS, API and image orders go from paid to completed themselves, in the payment's
    own step: one new version, one change, both messages; the money still settles by market
    (R-WDR-1: SaaS after its review period, API and image when paid)."""
    vendor = money_vendor(seed, seed=511)
    owner = bearer(login(client, vendor))
    _, cursor = pull_all(client, owner)
    order = place_order(client, operator, vendor, listing=f"lst-{vendor['account_id']}-{MARKET_INDEX[market]}")
    paid = client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator)
    assert paid.status_code == 200, paid.text
    data = paid.json()["data"]
    assert (paid.json()["version"], data["state"], data["completes_by"]) == (order["version"] + 1, "completed", None)
    assert data["paid_at"] == data["delivering_at"] == data["completed_at"]
    assert dt.datetime.fromisoformat(data["paid_at"]) == START
    assert data["delivery_note"] is None
    page = client.get(f"{API}/sync/changes", params={"cursor": cursor}, headers=owner).json()["changes"]
    mine = [c for c in page if c["entity"] == "order"]
    assert [(c["id"], c["version"], c["data"]["state"]) for c in mine] == [(order["id"], 2, "completed")]
    kinds = [c["data"]["kind"] for c in page if c["entity"] == "message" and c["data"]["order_id"] == order["id"]]
    assert sorted(kinds) == ["new_order", "order_completed", "order_paid"]
    earning = money_of(client, owner)["earnings"][market]
    amount = data["amount_fen"]
    if market == "saas":  # settles when the review period ends
        assert (earning["pending_fen"], earning["withdrawable_fen"]) == (amount, 0)
    else:
        assert (earning["pending_fen"], earning["withdrawable_fen"]) == (0, amount)
    # Nothing is left to complete: the control answers as for any completed order.
    r = client.post(f"{API}/sandbox/orders/{order['id']}/complete", headers=operator)
    err = assert_error(r, 409, "ORDER_STATE")
    assert err["details"] == {"state": "completed", "target": "completed"}
    # Nor to pay again.
    again = client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator)
    assert assert_error(again, 409, "ORDER_STATE")["details"] == {"state": "completed", "target": "paid"}


def test_a_paid_manual_service_waits_for_its_vendor(client, operator, seed):
    """R-ORD-5: a manual service stays paid (待交付) until the vendor delivers it; the complete
    control still completes it (paid → delivering → completed) and settles its money."""
    vendor = money_vendor(seed, seed=512)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 30_000)
    data = order["data"]
    assert (data["state"], data["delivering_at"], data["completed_at"]) == ("paid", None, None)
    assert order_now(client, owner, order["id"])["state"] == "paid"
    assert money_of(client, owner)["earnings"]["custom_service"]["pending_fen"] == 30_000
    done = complete(client, operator, order["id"])
    assert (done["version"], done["data"]["state"]) == (order["version"] + 1, "completed")
    assert done["data"]["delivering_at"] == done["data"]["completed_at"]
    assert money_of(client, owner)["earnings"]["custom_service"]["withdrawable_fen"] == 30_000
