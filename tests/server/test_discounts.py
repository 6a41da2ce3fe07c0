"""Buyer-specific discounts (R-DSC-1, R-DSC-2): POST /discounts, DELETE /discounts/{id}, orders
priced with the active one, and who sees them in sync (SPEC §11)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from vendor_desktop.domain.discounts import discounted_fen
from vendor_desktop.sandbox.core import names

from .conftest import START, assert_error, bearer, entity_now, login, on_sale_listing, place_order, pull_all, send

BUYER = "8880001"
DAY = dt.timedelta(days=1)


def _body(vendor: dict[str, Any], **over: Any) -> dict[str, Any]:
    body = {
        "listing_id": on_sale_listing(vendor),
        "buyer_account_id": BUYER,
        "percent": 80,
        "valid_from": (START - DAY).isoformat(),
        "valid_until": (START + 30 * DAY).isoformat(),
    }
    return body | over


def _grant(client, headers, vendor, **over):
    return send(client, "POST", "/discounts", headers, json=_body(vendor, **over))


def _revoke(client, headers, discount_id, if_match=1):
    return send(client, "DELETE", f"/discounts/{discount_id}", headers, if_match=if_match)


def test_granting_a_discount_answers_201_with_the_entity(client, vendor):
    r = _grant(client, bearer(login(client, vendor, "operations")), vendor)
    assert r.status_code == 201, r.text
    d = r.json()
    assert d["entity"] == "discount" and d["version"] == 1
    data = d["data"]
    assert data["listing_id"] == on_sale_listing(vendor) and data["listing_name"]
    assert data["buyer_account_id"] == BUYER and data["buyer_name"] == names.buyer_identity(BUYER)[0]
    assert (data["percent"], data["state"], data["revoked_at"]) == (80, "active", None)
    assert data["valid_from"] == "2026-11-25T10:00:00+08:00" and data["valid_until"] == "2026-12-26T10:00:00+08:00"
    assert data["created_at"] == "2026-11-26T10:00:00+08:00"


def test_a_retried_grant_replays_the_201_and_grants_once(client, vendor):
    headers = bearer(login(client, vendor))
    first = send(client, "POST", "/discounts", headers, json=_body(vendor), key="grant-1")
    again = send(client, "POST", "/discounts", headers, json=_body(vendor), key="grant-1")
    assert first.status_code == again.status_code == 201 and again.json() == first.json()
    changes, _ = pull_all(client, headers)
    assert [c["id"] for c in changes if c["entity"] == "discount" and c["data"]["buyer_account_id"] == BUYER] == [
        first.json()["id"]
    ]


def test_a_discount_starting_later_is_upcoming(client, vendor):
    r = _grant(client, bearer(login(client, vendor)), vendor, valid_from=(START + DAY).isoformat())
    assert r.json()["data"]["state"] == "upcoming"


def test_an_overlapping_discount_for_the_same_buyer_and_listing_is_409_naming_the_other(client, vendor):
    headers = bearer(login(client, vendor))
    first = _grant(client, headers, vendor).json()
    later = _grant(
        client, headers, vendor, valid_from=(START + 29 * DAY).isoformat(), valid_until=(START + 40 * DAY).isoformat()
    )
    err = assert_error(later, 409, "DISCOUNT_OVERLAP")
    assert err["details"]["conflicting"] == first
    assert "2026-11-25 10:00 – 2026-12-26 10:00" in err["message"] and "2026-11-25 10:00" in err["message_zh"]
    assert "八折" in err["message_zh"]


def test_back_to_back_periods_and_other_buyers_are_allowed(client, vendor):
    headers = bearer(login(client, vendor))
    assert _grant(client, headers, vendor).status_code == 201
    next_one = _grant(
        client, headers, vendor, valid_from=(START + 30 * DAY).isoformat(), valid_until=(START + 60 * DAY).isoformat()
    )
    assert next_one.status_code == 201 and next_one.json()["data"]["state"] == "upcoming"
    assert _grant(client, headers, vendor, buyer_account_id="8880002").status_code == 201
    assert _grant(client, headers, vendor, listing_id=f"lst-{vendor['account_id']}-1").status_code == 201
    # The same moment written with another offset is the same moment: still back to back.
    end = START + 10 * DAY
    assert _grant(client, headers, vendor, buyer_account_id="8880003", valid_until=end.isoformat()).status_code == 201
    utc = {"valid_from": end.astimezone(dt.UTC).isoformat(), "valid_until": (end + DAY).astimezone(dt.UTC).isoformat()}
    r = _grant(client, headers, vendor, buyer_account_id="8880003", **utc)
    assert r.status_code == 201 and r.json()["data"]["valid_from"] == end.isoformat()
    overlapping = {"valid_from": (end - dt.timedelta(seconds=1)).astimezone(dt.UTC).isoformat()}
    assert_error(_grant(client, headers, vendor, buyer_account_id="8880003", **overlapping), 409, "DISCOUNT_OVERLAP")


def test_revoking_answers_the_revoked_entity_and_twice_is_409(client, vendor, clock):
    headers = bearer(login(client, vendor, "operations"))
    d = _grant(client, headers, vendor).json()
    r = _revoke(client, headers, d["id"])
    assert r.status_code == 200, r.text
    revoked = r.json()
    assert revoked["version"] == 2 and revoked["data"]["state"] == "revoked"
    assert revoked["data"]["revoked_at"] == "2026-11-26T10:00:00+08:00"
    assert entity_now(client, headers, "discount", d["id"]) == {**revoked, "deleted": False}
    assert (
        assert_error(_revoke(client, headers, d["id"], if_match=2), 409, "DISCOUNT_STATE")["details"]["state"]
        == "revoked"
    )
    assert_error(_revoke(client, headers, d["id"], if_match=1), 409, "DISCOUNT_STATE")  # state before version
    # Revoked, it no longer blocks a new discount for the same period.
    assert _grant(client, headers, vendor, percent=90).status_code == 201


def test_revoking_needs_if_match_and_the_current_version(client, vendor):
    headers = bearer(login(client, vendor))
    d = _grant(client, headers, vendor).json()
    assert_error(_revoke(client, headers, d["id"], if_match=None), 428, "PRECONDITION_REQUIRED")
    assert_error(_revoke(client, headers, d["id"], if_match="one"), 400, "MALFORMED_REQUEST")
    err = assert_error(_revoke(client, headers, d["id"], if_match=5), 412, "VERSION_CONFLICT")
    assert err["details"]["current"] == d
    assert_error(_revoke(client, headers, "no-such-discount"), 404, "NOT_FOUND")


def test_an_expired_discount_cannot_be_revoked(client, vendor, clock):
    headers = bearer(login(client, vendor))
    d = _grant(client, headers, vendor).json()
    clock.advance(31 * DAY)
    headers = bearer(login(client, vendor))
    assert assert_error(_revoke(client, headers, d["id"]), 409, "DISCOUNT_STATE")["details"]["state"] == "expired"


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"percent": 0}, "percent"),
        ({"percent": 100}, "percent"),
        ({"percent": -5}, "percent"),
        ({"percent": 10**30}, "percent"),
        ({"percent": "80"}, "percent"),
        ({"percent": 80.5}, "percent"),
        ({"valid_until": (START - 2 * DAY).isoformat()}, "valid_until"),
        ({"valid_until": (START - DAY).isoformat()}, "valid_until"),  # equal to from
        ({"valid_from": "2026-11-25T10:00:00"}, "valid_from"),  # no offset
        ({"valid_until": "next week"}, "valid_until"),
        ({"valid_until": "9999-01-01T00:00:00+08:00"}, "valid_until"),
        ({"listing_id": "no-such-listing"}, "listing_id"),
        ({"listing_id": ""}, "listing_id"),
        ({"buyer_account_id": ""}, "buyer_account_id"),
        ({"buyer_account_id": "1" * 65}, "buyer_account_id"),
        ({"buyer_account_id": "'; DROP TABLE discounts;--"}, "buyer_account_id"),
        ({"buyer_account_id": 123}, "buyer_account_id"),
    ],
)
def test_invalid_discounts_are_422_naming_the_field(client, vendor, over, field):
    r = _grant(client, bearer(login(client, vendor)), vendor, **over)
    assert field in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


def test_another_vendors_listing_is_unknown(client, vendor, seed):
    other = seed(seed=2)
    r = _grant(client, bearer(login(client, vendor)), vendor, listing_id=on_sale_listing(other))
    assert "listing_id" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


@pytest.mark.parametrize("role", ["finance", "support", "viewer"])
def test_roles_without_discount_permission_are_denied(client, vendor, role):
    headers = bearer(login(client, vendor, role))
    assert_error(_grant(client, headers, vendor, percent=0), 403, "PERMISSION_DENIED")
    d = _grant(client, bearer(login(client, vendor)), vendor).json()
    assert_error(_revoke(client, headers, d["id"]), 403, "PERMISSION_DENIED")


def test_an_order_placed_while_a_discount_is_active_is_discounted(client, operator, vendor, clock):
    headers = bearer(login(client, vendor))
    d = _grant(client, headers, vendor, percent=85).json()
    order = place_order(client, operator, vendor, buyer=BUYER)["data"]
    assert order["discount_id"] == d["id"] and order["discount_percent"] == 85
    assert order["amount_fen"] == discounted_fen(order["list_price_fen"], 85) < order["list_price_fen"]
    plain = place_order(client, operator, vendor, buyer="8880009")["data"]  # another buyer
    assert plain["discount_id"] is None and plain["discount_percent"] is None
    assert plain["amount_fen"] == plain["list_price_fen"] == order["list_price_fen"]
    _revoke(client, headers, d["id"])
    after = place_order(client, operator, vendor, buyer=BUYER)["data"]
    assert after["discount_id"] is None and after["amount_fen"] == after["list_price_fen"]


def test_an_upcoming_discount_applies_once_its_period_starts(client, operator, vendor, clock):
    headers = bearer(login(client, vendor))
    d = _grant(client, headers, vendor, valid_from=(START + DAY).isoformat()).json()
    assert place_order(client, operator, vendor, buyer=BUYER)["data"]["discount_id"] is None
    clock.advance(DAY)
    assert place_order(client, operator, vendor, buyer=BUYER)["data"]["discount_id"] == d["id"]
    clock.advance(30 * DAY)
    assert place_order(client, operator, vendor, buyer=BUYER)["data"]["discount_id"] is None  # expired


@pytest.mark.parametrize(
    ("role", "sees"), [("owner", True), ("operations", True), ("finance", False), ("support", False), ("viewer", False)]
)
def test_discounts_sync_only_to_roles_that_read_them(client, vendor, role, sees):
    d = _grant(client, bearer(login(client, vendor)), vendor).json()
    changes, _ = pull_all(client, bearer(login(client, vendor, role)))
    assert any(c["entity"] == "discount" and c["id"] == d["id"] for c in changes) is sees


def test_the_demo_seeds_discounts_in_every_state_and_orders_that_used_them(client, vendor):
    changes, _ = pull_all(client, bearer(login(client, vendor)))
    discounts = {c["id"]: c for c in changes if c["entity"] == "discount"}
    assert {d["data"]["state"] for d in discounts.values()} == {"active", "upcoming", "expired", "revoked"}
    used = [c["data"] for c in changes if c["entity"] == "order" and c["data"]["discount_id"]]
    assert used
    for order in used:
        percent = discounts[order["discount_id"]]["data"]["percent"]
        assert order["discount_percent"] == percent
        assert order["amount_fen"] == discounted_fen(order["list_price_fen"], percent)
    revoked = next(d for d in discounts.values() if d["data"]["state"] == "revoked")
    assert revoked["version"] == 2 and revoked["data"]["revoked_at"]


def test_seeded_discounts_are_deterministic(client, operator, seed):
    from vendor_desktop.sandbox.controls.seed import seed_vendor

    first = seed(seed=7)
    changes, _ = pull_all(client, bearer(login(client, first)))
    mine = sorted(
        (c["id"], c["data"]["percent"], c["data"]["valid_from"]) for c in changes if c["entity"] == "discount"
    )
    with client.app.state.db.session() as s:
        again = seed_vendor(s, START, seed=7, orders=30, listings=12, account_id="same-seed-again")
    changes, _ = pull_all(client, bearer(login(client, again)))
    theirs = sorted(
        (c["id"].replace("same-seed-again", first["account_id"]), c["data"]["percent"], c["data"]["valid_from"])
        for c in changes
        if c["entity"] == "discount"
    )
    assert mine == theirs and mine
