"""Idempotency-Key on every vendor command (API.md "Conventions", IETF idempotency-key draft):
a retry replays the first answer and changes nothing; keys are per user and kept 7 days."""

from __future__ import annotations

import datetime as dt
import json

from starlette.requests import Request

from vendor_desktop.sandbox.core.database import IdempotencyRecord
from vendor_desktop.sandbox.core.idempotency import IN_PROGRESS, fingerprint

from .conftest import API, assert_error, bearer, entity_now, login, place_order, send


def _price(client, headers, order_id, *, key=None, if_match=1, price=4200, reason="老客户优惠"):
    body = {"new_price_fen": price, "reason": reason}
    return send(client, "POST", f"/orders/{order_id}/price-change", headers, json=body, key=key, if_match=if_match)


def test_a_retried_price_change_returns_the_first_answer_and_changes_the_order_once(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    first = _price(client, headers, order["id"], key="k-1")
    assert first.status_code == 200 and first.json()["version"] == 2
    again = _price(client, headers, order["id"], key="k-1")
    assert again.status_code == 200 and again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert entity_now(client, headers, "order", order["id"])["version"] == 2  # bumped once


def test_key_order_and_spacing_of_the_json_body_do_not_make_another_request(client, operator, vendor):
    headers = {**bearer(login(client, vendor)), "Content-Type": "application/json"}
    order = place_order(client, operator, vendor)
    path = f"{API}/orders/{order['id']}/price-change"
    one = client.post(
        path,
        content=b'{"new_price_fen": 500, "reason": "x"}',
        headers={**headers, "Idempotency-Key": "k", "If-Match": "1"},
    )
    two = client.post(
        path,
        content=b'{"reason":"x","new_price_fen":500}',
        headers={**headers, "Idempotency-Key": "k", "If-Match": "1"},
    )
    assert one.status_code == two.status_code == 200 and two.headers.get("Idempotent-Replayed") == "true"


def test_a_replayed_error_is_the_first_error_even_after_the_entity_moved_on(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    stale = _price(client, headers, order["id"], key="stale", if_match=7)
    assert_error(stale, 412, "VERSION_CONFLICT")
    assert _price(client, headers, order["id"], if_match=1, price=900).status_code == 200  # now version 2
    replay = _price(client, headers, order["id"], key="stale", if_match=7)
    assert replay.status_code == 412 and replay.json() == stale.json()
    assert replay.json()["error"]["details"]["current"]["version"] == 1  # the first answer, not a new one
    assert entity_now(client, headers, "order", order["id"])["data"]["amount_fen"] == 900


def test_a_replayed_409_changes_nothing(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator)
    first = _price(client, headers, order["id"], key="late", if_match=2)
    assert_error(first, 409, "ORDER_NOT_UNPAID")
    again = _price(client, headers, order["id"], key="late", if_match=2)
    assert again.status_code == 409 and again.json() == first.json()
    assert entity_now(client, headers, "order", order["id"])["version"] == 2


def test_the_same_key_with_another_body_or_target_is_422_reused(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order, other = place_order(client, operator, vendor), place_order(client, operator, vendor)
    assert _price(client, headers, order["id"], key="k").status_code == 200
    assert_error(_price(client, headers, order["id"], key="k", price=1), 422, "IDEMPOTENCY_KEY_REUSED")
    assert_error(_price(client, headers, other["id"], key="k"), 422, "IDEMPOTENCY_KEY_REUSED")
    assert_error(_price(client, headers, order["id"], key="k", if_match=2), 422, "IDEMPOTENCY_KEY_REUSED")
    assert entity_now(client, headers, "order", other["id"])["version"] == 1


def test_a_command_without_a_usable_key_is_400_and_changes_nothing(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    body = {"new_price_fen": 100, "reason": "x"}
    path = f"{API}/orders/{order['id']}/price-change"
    assert_error(client.post(path, json=body, headers={**headers, "If-Match": "1"}), 400, "IDEMPOTENCY_KEY_REQUIRED")
    for key, code in [
        ("", "IDEMPOTENCY_KEY_REQUIRED"),
        ("   ", "IDEMPOTENCY_KEY_REQUIRED"),
        ("k" * 201, "IDEMPOTENCY_KEY_INVALID"),
    ]:
        assert_error(_price(client, headers, order["id"], key=key), 400, code)
    assert _price(client, headers, order["id"], key="k" * 200).status_code == 200
    # Every command needs one, marking a message read too.
    assert_error(client.post(f"{API}/messages/x/read", headers=headers), 400, "IDEMPOTENCY_KEY_REQUIRED")
    assert_error(client.post(f"{API}/discounts", json={}, headers=headers), 400, "IDEMPOTENCY_KEY_REQUIRED")


def test_no_token_is_401_before_anything_about_keys(client, operator, vendor):
    order = place_order(client, operator, vendor)
    assert_error(client.post(f"{API}/orders/{order['id']}/price-change", json={}), 401, "NOT_AUTHENTICATED")
    r = _price(client, {"Authorization": "Bearer nope"}, order["id"])
    assert_error(r, 401, "INVALID_TOKEN")


def test_keys_belong_to_their_user(client, operator, vendor):
    owner, ops = bearer(login(client, vendor)), bearer(login(client, vendor, "operations"))
    a, b = place_order(client, operator, vendor), place_order(client, operator, vendor)
    assert _price(client, owner, a["id"], key="shared", price=111).json()["data"]["amount_fen"] == 111
    r = _price(client, ops, b["id"], key="shared", price=222)
    assert r.status_code == 200 and "Idempotent-Replayed" not in r.headers
    assert r.json()["data"]["amount_fen"] == 222
    assert _price(client, owner, a["id"], key="shared", price=111).json()["id"] == a["id"]  # owner's replay


def _price_change_print(order_id: str) -> str:
    """The fingerprint of ``_price`` with its defaults (If-Match 1, ¥42.00, 老客户优惠)."""
    scope = {
        "type": "http",
        "method": "POST",
        "path": f"{API}/orders/{order_id}/price-change",
        "query_string": b"",
        "headers": [(b"if-match", b"1")],
    }
    return fingerprint(Request(scope), json.dumps({"new_price_fen": 4200, "reason": "老客户优惠"}).encode())


def _left_in_progress(client, user_id: str, key: str, order_id: str, owner: str) -> None:
    """A record as the first request with ``key`` leaves it while it runs (or if it died)."""
    with client.app.state.db.session() as s:
        s.add(
            IdempotencyRecord(
                user_id=user_id,
                key=key,
                fingerprint=_price_change_print(order_id),
                state=IN_PROGRESS,
                owner=owner,
                created_at=client.app.state.clock.now().timestamp(),
            )
        )


def test_a_key_whose_first_request_is_still_running_is_409_in_use(client, operator, vendor):
    tokens = login(client, vendor)
    order = place_order(client, operator, vendor)
    _left_in_progress(client, tokens["user"]["id"], "busy", order["id"], "the-first-request")
    # That first request is still running in this server process.
    running = client.app.state.inflight_keys.enter((tokens["user"]["id"], "busy"), _price_change_print(order["id"]))
    assert running is None
    assert_error(_price(client, bearer(tokens), order["id"], key="busy"), 409, "IDEMPOTENCY_KEY_IN_USE")
    assert entity_now(client, bearer(tokens), "order", order["id"])["version"] == 1
    # Another body under a running key is still "reused": the key is not this request's.
    assert_error(_price(client, bearer(tokens), order["id"], key="busy", price=1), 422, "IDEMPOTENCY_KEY_REUSED")


def test_a_key_left_in_progress_by_a_stopped_server_is_taken_over(client, operator, vendor):
    tokens = login(client, vendor)
    order = place_order(client, operator, vendor)
    _left_in_progress(client, tokens["user"]["id"], "orphan", order["id"], "a-stopped-instance")
    r = _price(client, bearer(tokens), order["id"], key="orphan")
    assert r.status_code == 200 and r.json()["version"] == 2


def test_keys_are_kept_seven_days_then_forgotten(client, operator, vendor, clock):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    assert _price(client, headers, order["id"], key="week", price=300).status_code == 200
    clock.advance(dt.timedelta(days=6, hours=23))
    headers = bearer(login(client, vendor))  # the access token expired meanwhile
    assert _price(client, headers, order["id"], key="week", price=300).headers.get("Idempotent-Replayed") == "true"
    assert_error(_price(client, headers, order["id"], key="week", price=301), 422, "IDEMPOTENCY_KEY_REUSED")
    clock.advance(dt.timedelta(days=1, hours=2))
    headers = bearer(login(client, vendor))
    r = _price(client, headers, order["id"], key="week", price=301, if_match=2)
    assert r.status_code == 200 and r.json()["version"] == 3  # a new request under an expired key
