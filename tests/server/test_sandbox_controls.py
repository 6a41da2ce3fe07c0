"""The sandbox's marketplace side: seeding, buyer orders, the clock, operator auth (API.md
"Sandbox-only")."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.roles import Role
from vendor_desktop.sandbox.core.clock import SettableClock
from vendor_desktop.sandbox.server import create_app

from .conftest import API, OPERATOR_TOKEN, START, assert_error, bearer, login, pull_all


def _all(client: TestClient, vendor: dict[str, Any], role: str = "owner") -> list[dict[str, Any]]:
    return pull_all(client, bearer(login(client, vendor, role)))[0]


def _fresh_pull(seed_body: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    clock = SettableClock()
    clock.set(START)
    with TestClient(create_app(clock=clock, operator_token="op")) as c:
        vendor = c.post(f"{API}/sandbox/seed", json=seed_body, headers={"Authorization": "Bearer op"}).json()
        return vendor, _all(c, vendor)


def test_the_same_seed_gives_the_same_vendor_and_data():
    a_vendor, a = _fresh_pull({"seed": 42, "orders": 40})
    b_vendor, b = _fresh_pull({"seed": 42, "orders": 40})
    assert a_vendor == b_vendor
    assert a == b


def test_different_seeds_give_different_vendors(seed):
    one, two = seed(seed=10), seed(seed=11)
    assert one["account_id"] != two["account_id"]
    assert one["users"][0]["password"] != two["users"][0]["password"]


def test_seed_makes_one_user_per_role_and_owner_is_called_owner(vendor):
    assert sorted(u["role"] for u in vendor["users"]) == sorted(r.value for r in Role)
    assert {u["username"] for u in vendor["users"] if u["role"] == "owner"} == {"owner"}
    assert vendor["company_name"].endswith("公司")


def test_seeded_data_covers_every_market_and_every_order_state(client, seed):
    vendor = seed(seed=5, orders=200, listings=20)
    changes = _all(client, vendor)
    listings = [c["data"] for c in changes if c["entity"] == "listing"]
    orders = [c["data"] for c in changes if c["entity"] == "order"]
    assert {x["market"] for x in listings} == set(MARKETS)
    assert {o["state"] for o in orders} == {s.value for s in OrderState}
    for x in listings:
        assert x["delivery"] == MARKETS[x["market"]].delivery  # R-MKT-1
        assert x["billing"] and x["agreement"]  # R-MKT-2, R-LST-2
        assert (x["review_due"] is not None) == (x["state"] == "in_review")  # R-LST-4
    now = START
    for o in orders:
        created = dt.datetime.fromisoformat(o["created_at"])
        assert created.utcoffset() == dt.timedelta(hours=8)
        assert now - dt.timedelta(days=181) < created < now
        assert o["number"].isdigit() and len(o["number"]) == 16
        assert "****" in o["buyer_contact"] and "*" in o["buyer_name"]  # R-ORD-4
        assert o["virtual_number"].startswith("170 ")
        assert (o["paid_at"] is None) == (o["state"] in {"unpaid", "cancelled"})
    assert len({o["number"] for o in orders}) == len(orders)


def test_seed_messages_one_per_order_and_one_per_payment(client, vendor):
    changes = _all(client, vendor)
    orders = {c["id"]: c["data"] for c in changes if c["entity"] == "order"}
    kinds = Counter((c["data"]["kind"], c["data"]["order_id"]) for c in changes if c["entity"] == "message")
    for order_id, order in orders.items():
        assert kinds[("new_order", order_id)] == 1
        assert kinds[("order_paid", order_id)] == (1 if order["paid_at"] else 0)


def test_seeding_an_existing_account_is_409(client, operator, vendor):
    r = client.post(f"{API}/sandbox/seed", json={"seed": 1}, headers=operator)
    assert_error(r, 409, "ACCOUNT_EXISTS")
    r = client.post(f"{API}/sandbox/seed", json={"seed": 9, "account_id": vendor["account_id"]}, headers=operator)
    assert_error(r, 409, "ACCOUNT_EXISTS")


def test_seed_with_an_explicit_account_id_and_no_orders(seed, client):
    vendor = seed(seed=3, account_id="demo-vendor-1", orders=0, listings=0)
    assert vendor["account_id"] == "demo-vendor-1"
    # Its account (R-ACC-*) and an empty deposit summary (R-DEP-2): no orders, so no earnings; and
    # its five users, which the owner manages (R-SUB-1).
    assert sorted(c["entity"] for c in _all(client, vendor)) == [
        "agreement",
        "agreement",
        "bank_account",
        "deposit",
        *["sub_account"] * 5,
        "vendor_profile",
    ]


def _place(client: TestClient, operator: dict[str, str], vendor: dict[str, Any], **extra: Any) -> Any:
    """An order of an on-sale manual service: paid, it waits for delivery (R-ORD-5; SaaS, API
    and image orders are completed as they are paid)."""
    listing = next(
        c
        for c in _all(client, vendor)
        if c["entity"] == "listing" and c["data"]["state"] == "on_sale" and delivered_by_vendor(c["data"]["market"])
    )
    body = {"account_id": vendor["account_id"], "listing_id": listing["id"], "buyer_account_id": "88001", **extra}
    return listing, client.post(f"{API}/sandbox/orders", json=body, headers=operator)


def test_a_buyer_order_is_unpaid_priced_from_the_listing_and_notifies_the_vendor(client, operator, vendor):
    headers = bearer(login(client, vendor))
    _, cursor = pull_all(client, headers)
    listing, r = _place(client, operator, vendor)
    assert r.status_code == 201, r.text
    order = r.json()
    assert order["entity"] == "order" and order["version"] == 1
    mode = next(iter(listing["data"]["billing"]))
    assert order["data"]["state"] == "unpaid" and order["data"]["paid_at"] is None  # R-ORD-1
    assert order["data"]["amount_fen"] == listing["data"]["billing"][mode]
    assert order["data"]["created_at"] == START.isoformat()
    new = client.get(f"{API}/sync/changes", params={"cursor": cursor}, headers=headers).json()["changes"]
    message = next(c["data"] for c in new if c["entity"] == "message")
    assert message["kind"] == "new_order" and message["order_id"] == order["id"]  # R-ORD-2
    assert order["data"]["number"] in message["body"] and message["read"] is False


def test_pay_then_complete_and_the_vendor_is_told_of_the_payment_and_the_completion(client, operator, vendor, clock):
    _, r = _place(client, operator, vendor)
    order_id = r.json()["id"]
    clock.advance(dt.timedelta(minutes=5))
    paid = client.post(f"{API}/sandbox/orders/{order_id}/pay", headers=operator)
    assert paid.status_code == 200
    assert paid.json()["data"]["state"] == "paid" and paid.json()["version"] == 2
    assert paid.json()["data"]["paid_at"] == (START + dt.timedelta(minutes=5)).isoformat()
    done = client.post(f"{API}/sandbox/orders/{order_id}/complete", headers=operator)
    assert done.json()["data"]["state"] == "completed"
    messages = [
        c["data"] for c in _all(client, vendor) if c["entity"] == "message" and c["data"]["order_id"] == order_id
    ]
    # R-ORD-5: the completion is news too.
    assert sorted(m["kind"] for m in messages) == ["new_order", "order_completed", "order_paid"]
    assert done.json()["data"]["completed_at"] is not None


@pytest.mark.parametrize(
    ("steps", "refused"),
    [
        (["pay"], "pay"),  # paid twice
        (["cancel"], "pay"),  # paying a cancelled order
        (["pay"], "cancel"),  # cancelling a paid order
        ([], "complete"),  # completing an unpaid order
        (["pay", "complete"], "complete"),
    ],
)
def test_r_ord_1_refuses_transitions_it_does_not_allow(client, operator, vendor, steps, refused):
    _, r = _place(client, operator, vendor)
    order_id = r.json()["id"]
    for step in steps:
        assert client.post(f"{API}/sandbox/orders/{order_id}/{step}", headers=operator).status_code == 200
    err = assert_error(client.post(f"{API}/sandbox/orders/{order_id}/{refused}", headers=operator), 409, "ORDER_STATE")
    assert err["details"]["state"]


def test_orders_for_unknown_things_are_404(client, operator, vendor):
    assert_error(client.post(f"{API}/sandbox/orders/nope/pay", headers=operator), 404, "NOT_FOUND")
    body = {"account_id": vendor["account_id"], "listing_id": "nope", "buyer_account_id": "1"}
    assert_error(client.post(f"{API}/sandbox/orders", json=body, headers=operator), 404, "NOT_FOUND")


def test_a_billing_mode_the_listing_does_not_offer_is_422(client, operator, vendor):
    listing = next(
        c
        for c in _all(client, vendor)
        if c["entity"] == "listing" and c["data"]["state"] == "on_sale" and "yearly" not in c["data"]["billing"]
    )
    body = {
        "account_id": vendor["account_id"],
        "listing_id": listing["id"],
        "buyer_account_id": "1",
        "billing_mode": "yearly",
    }
    err = assert_error(client.post(f"{API}/sandbox/orders", json=body, headers=operator), 422, "VALIDATION_FAILED")
    assert "billing_mode" in err["details"]["fields"]


def test_listings_not_on_sale_take_no_orders(client, operator, vendor):
    listing = next(c for c in _all(client, vendor) if c["entity"] == "listing" and c["data"]["state"] != "on_sale")
    body = {"account_id": vendor["account_id"], "listing_id": listing["id"], "buyer_account_id": "1"}
    assert_error(client.post(f"{API}/sandbox/orders", json=body, headers=operator), 409, "LISTING_STATE")


def test_setting_the_clock_moves_sandbox_time(client, operator, vendor):
    r = client.post(f"{API}/sandbox/clock", json={"now": "2027-01-04T09:30:00+08:00"}, headers=operator)
    assert r.status_code == 200
    _, placed = _place(client, operator, vendor)
    assert placed.json()["data"]["created_at"] == "2027-01-04T09:30:00+08:00"
    err = assert_error(
        client.post(f"{API}/sandbox/clock", json={"now": "2027-01-04T09:30:00"}, headers=operator),
        422,
        "VALIDATION_FAILED",
    )
    assert "now" in err["details"]["fields"]


def test_wrong_or_missing_operator_token_is_401(client, vendor):
    assert_error(client.post(f"{API}/sandbox/seed", json={}), 401, "NOT_AUTHENTICATED")
    bad = {"Authorization": "Bearer wrong"}
    assert_error(client.post(f"{API}/sandbox/seed", json={}, headers=bad), 401, "INVALID_TOKEN")
    # A vendor's own access token is not the operator's.
    assert_error(
        client.post(f"{API}/sandbox/seed", json={}, headers=bearer(login(client, vendor))), 401, "INVALID_TOKEN"
    )


def test_without_sandbox_controls_the_sandbox_paths_do_not_exist(database_url):
    app = create_app(database_url, sandbox_controls=False, operator_token=OPERATOR_TOKEN)
    with TestClient(app) as c:
        op = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
        assert_error(c.post(f"{API}/sandbox/seed", json={}, headers=op), 404, "NOT_FOUND")
        assert_error(c.post(f"{API}/sandbox/clock", json={"now": START.isoformat()}, headers=op), 404, "NOT_FOUND")
        assert c.get(f"{API}/health").status_code == 200
        assert not [p for p in c.get(f"{API}/openapi.json").json()["paths"] if p.startswith(f"{API}/sandbox")]
