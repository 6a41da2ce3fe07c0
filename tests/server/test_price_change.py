"""POST /orders/{id}/price-change (R-ORD-3): only unpaid orders, price > 0, the buyer pays the
new price; checks in API.md's order (403 → 404 → 428 → 422 → 409 → 412)."""

from __future__ import annotations

import pytest

from vendor_desktop.domain.money import MAX_AMOUNT_FEN

from .conftest import API, assert_error, bearer, entity_now, login, place_order, send
from .money_helpers import MARKET_INDEX


def _change(client, headers, order_id, *, if_match=1, price=4200, reason="老客户续费优惠"):
    body = {"new_price_fen": price, "reason": reason}
    return send(client, "POST", f"/orders/{order_id}/price-change", headers, json=body, if_match=if_match)


def test_the_vendor_changes_an_unpaid_orders_price_and_the_buyer_pays_it(client, operator, vendor, clock):
    headers = bearer(login(client, vendor, "operations"))
    order = place_order(client, operator, vendor)
    r = _change(client, headers, order["id"])
    assert r.status_code == 200, r.text
    changed = r.json()
    assert (changed["entity"], changed["id"], changed["version"]) == ("order", order["id"], 2)
    data = changed["data"]
    assert data["amount_fen"] == 4200 and data["list_price_fen"] == order["data"]["amount_fen"]
    assert data["price_change_reason"] == "老客户续费优惠"
    assert data["price_changed_at"].startswith(clock.now().date().isoformat())
    assert entity_now(client, headers, "order", order["id"]) == {**changed, "deleted": False}
    paid = client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator).json()
    assert paid["data"]["amount_fen"] == 4200 and paid["data"]["list_price_fen"] == data["list_price_fen"]


def test_the_maximum_price_is_allowed(client, operator, vendor):
    order = place_order(client, operator, vendor)
    r = _change(client, bearer(login(client, vendor)), order["id"], price=MAX_AMOUNT_FEN)
    assert r.status_code == 200 and r.json()["data"]["amount_fen"] == MAX_AMOUNT_FEN


def test_without_if_match_it_is_428_and_with_garbage_400(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    assert_error(_change(client, headers, order["id"], if_match=None), 428, "PRECONDITION_REQUIRED")
    for bad in ["abc", "1.5", "-1", 'W/"1"', "1" * 400, "0x1", "1 2"]:
        err = assert_error(_change(client, headers, order["id"], if_match=bad), 400, "MALFORMED_REQUEST")
        assert err["details"]["header"] == "If-Match"
    assert _change(client, headers, order["id"], if_match='"1"').status_code == 200  # an entity-tag
    assert entity_now(client, headers, "order", order["id"])["version"] == 2


def test_a_stale_version_is_412_with_the_current_order(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    assert _change(client, headers, order["id"], price=5000).status_code == 200
    err = assert_error(_change(client, headers, order["id"], price=6000), 412, "VERSION_CONFLICT")
    current = err["details"]["current"]
    assert (current["entity"], current["id"], current["version"]) == ("order", order["id"], 2)
    assert current["data"]["amount_fen"] == 5000
    assert entity_now(client, headers, "order", order["id"])["data"]["amount_fen"] == 5000


@pytest.mark.parametrize("move", ["pay", "cancel"])
@pytest.mark.parametrize("if_match", [2, 1])  # current, and stale: the buyer paid meanwhile
def test_price_change_rejected_after_buyer_paid_or_cancelled(client, operator, vendor, move, if_match):
    headers = bearer(login(client, vendor))
    # A manual service, so a paid order stays paid (SaaS, API and image complete at once, R-ORD-5).
    order = place_order(
        client, operator, vendor, listing=f"lst-{vendor['account_id']}-{MARKET_INDEX['custom_service']}"
    )
    client.post(f"{API}/sandbox/orders/{order['id']}/{move}", headers=operator)
    err = assert_error(_change(client, headers, order["id"], if_match=if_match), 409, "ORDER_NOT_UNPAID")
    assert err["details"]["state"] == ("paid" if move == "pay" else "cancelled")
    assert err["message"].startswith("The buyer has already paid") and "改价未生效" in err["message_zh"]
    after = entity_now(client, headers, "order", order["id"])
    assert after["version"] == 2 and after["data"]["amount_fen"] == order["data"]["amount_fen"]


@pytest.mark.parametrize("price", [0, -1, -(10**12), MAX_AMOUNT_FEN + 1, 10**30])
def test_a_price_not_above_zero_or_too_large_is_invalid_price(client, operator, vendor, price):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    err = assert_error(_change(client, headers, order["id"], price=price), 422, "INVALID_PRICE")
    assert "new_price_fen" in err["details"]["fields"]
    assert entity_now(client, headers, "order", order["id"])["version"] == 1


@pytest.mark.parametrize("reason", ["", "   ", "x" * 201, "x" * 10_000, "bad\x00nul"])
def test_a_reason_is_required_and_at_most_200_characters(client, operator, vendor, reason):
    order = place_order(client, operator, vendor)
    r = _change(client, bearer(login(client, vendor)), order["id"], reason=reason)
    assert "reason" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


@pytest.mark.parametrize(
    "body",
    [
        {"new_price_fen": "100", "reason": "x"},
        {"new_price_fen": 1.5, "reason": "x"},
        {"new_price_fen": None, "reason": "x"},
        {"new_price_fen": True, "reason": "x"},
        {"new_price_fen": 100, "reason": 5},
        {},
        [1, 2],
        "text",
    ],
)
def test_wrong_types_are_422_naming_the_field(client, operator, vendor, body):
    order = place_order(client, operator, vendor)
    r = send(
        client, "POST", f"/orders/{order['id']}/price-change", bearer(login(client, vendor)), json=body, if_match=1
    )
    assert_error(r, 422, "VALIDATION_FAILED")


@pytest.mark.parametrize("role", ["finance", "support", "viewer"])
def test_roles_without_price_change_permission_are_denied(client, operator, vendor, role):
    headers = bearer(login(client, vendor, role))
    order = place_order(client, operator, vendor)
    err = assert_error(_change(client, headers, order["id"]), 403, "PERMISSION_DENIED")
    assert err["details"]["permission"] == "orders.change_price"
    # Denied before anything else is looked at: an unknown order or a bad body is still 403.
    assert_error(_change(client, headers, "no-such-order", price=0), 403, "PERMISSION_DENIED")
    assert entity_now(client, bearer(login(client, vendor)), "order", order["id"])["version"] == 1


def test_unknown_or_another_vendors_order_is_404_before_the_body_is_judged(client, operator, vendor, seed):
    headers = bearer(login(client, vendor))
    assert_error(_change(client, headers, "no-such-order", price=0), 404, "NOT_FOUND")
    other = seed(seed=2)
    theirs = place_order(client, operator, other)
    assert_error(_change(client, headers, theirs["id"]), 404, "NOT_FOUND")
    assert_error(_change(client, headers, "x" * 65), 422, "VALIDATION_FAILED")  # ids are at most 64


def test_the_body_is_judged_before_the_state_and_the_state_before_the_version(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator)
    assert_error(_change(client, headers, order["id"], price=0, if_match=1), 422, "INVALID_PRICE")
    assert_error(_change(client, headers, order["id"], if_match=1), 409, "ORDER_NOT_UNPAID")
