"""No client input causes a 500: every error is the API.md envelope (a 500 would make the
TestClient raise, so each request below also proves the server did not crash)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import API, assert_error, bearer, login

HUGE = "x" * 10_000
SQL = "'; DROP TABLE orders;--"


def test_unknown_route_and_wrong_method_use_the_envelope(client):
    assert_error(client.get(f"{API}/no-such-thing"), 404, "NOT_FOUND")
    assert_error(client.get("/"), 404, "NOT_FOUND")
    assert_error(client.get(f"{API}/auth/login"), 405, "METHOD_NOT_ALLOWED")


def test_malformed_json_is_400(client, operator):
    for body in [b"{", b"{'a': 1}", b"not json", b"\xff\xfe"]:
        r = client.post(f"{API}/auth/login", content=body, headers={"Content-Type": "application/json"})
        assert_error(r, 400, "MALFORMED_REQUEST")
    r = client.post(f"{API}/sandbox/seed", content=b"[1,", headers={**operator, "Content-Type": "application/json"})
    assert_error(r, 400, "MALFORMED_REQUEST")


def test_wrong_types_and_missing_fields_are_422_naming_the_fields(client, operator):
    r = client.post(f"{API}/auth/login", json={"account_id": 1, "password": ["x"]})
    fields = assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    assert set(fields) == {"account_id", "username", "password"}
    r = client.post(
        f"{API}/sandbox/seed", json={"orders": "many", "seed": -1, "agreements": ["bogus"]}, headers=operator
    )
    fields = assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    assert {"orders", "seed"} <= set(fields) and any(f.startswith("agreements") for f in fields)
    assert_error(client.post(f"{API}/auth/login", json=[1, 2]), 422, "VALIDATION_FAILED")
    assert_error(client.post(f"{API}/auth/login"), 422, "VALIDATION_FAILED")


def test_ten_thousand_character_strings_are_422(client, operator, vendor):
    login_body = {"account_id": vendor["account_id"], "username": HUGE, "password": HUGE}
    fields = assert_error(client.post(f"{API}/auth/login", json=login_body), 422, "VALIDATION_FAILED")["details"]
    assert set(fields["fields"]) == {"username", "password"}
    assert_error(client.post(f"{API}/auth/refresh", json={"refresh_token": HUGE}), 422, "VALIDATION_FAILED")
    order = {"account_id": HUGE, "listing_id": HUGE, "buyer_account_id": HUGE}
    assert_error(client.post(f"{API}/sandbox/orders", json=order, headers=operator), 422, "VALIDATION_FAILED")
    headers = bearer(login(client, vendor))
    r = client.get(f"{API}/sync/changes", params={"cursor": HUGE}, headers=headers)
    assert_error(r, 422, "VALIDATION_FAILED")
    assert_error(client.post(f"{API}/sandbox/orders/{HUGE}/pay", headers=operator), 404, "NOT_FOUND")


def test_huge_numbers_are_422_not_overflows(client, operator):
    for field in ["orders", "listings", "seed", "balance_fen", "deposit_paid_fen"]:
        r = client.post(f"{API}/sandbox/seed", json={field: 10**30}, headers=operator)
        assert field in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    r = client.post(f"{API}/sandbox/clock", json={"now": "9999-12-31T23:59:59-12:00"}, headers=operator)
    assert_error(r, 422, "VALIDATION_FAILED")


def test_sql_like_text_is_just_text(client, operator, vendor):
    r = client.post(f"{API}/auth/login", json={"account_id": SQL, "username": SQL, "password": SQL})
    assert_error(r, 401, "INVALID_CREDENTIALS")
    r = client.post(
        f"{API}/auth/login", json={"account_id": vendor["account_id"], "username": "owner' --", "password": SQL}
    )
    assert_error(r, 401, "INVALID_CREDENTIALS")
    body = {"account_id": SQL, "listing_id": SQL, "buyer_account_id": "1"}
    assert_error(client.post(f"{API}/sandbox/orders", json=body, headers=operator), 404, "NOT_FOUND")
    assert_error(client.post(f"{API}/sandbox/orders/{SQL}/pay", headers=operator), 404, "NOT_FOUND")
    # The orders are all still there.
    orders = [
        c
        for c in client.get(
            f"{API}/sync/changes", params={"limit": 2000}, headers=bearer(login(client, vendor))
        ).json()["changes"]
        if c["entity"] == "order"
    ]
    assert len(orders) == 30


def test_unstorable_characters_are_422(client):
    body = '{"account_id": "a\\ud800", "username": "owner\\u0000", "password": "x"}'
    r = client.post(f"{API}/auth/login", content=body, headers={"Content-Type": "application/json"})
    assert set(assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]) == {"account_id", "username"}


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=10,
)
_fields = st.fixed_dictionaries(
    {},
    optional={
        k: _json | st.text(max_size=300)
        for k in [
            "account_id",
            "username",
            "password",
            "orders",
            "listings",
            "seed",
            "agreements",
            "balance_fen",
            "listing_id",
            "buyer_account_id",
            "billing_mode",
            "now",
            "refresh_token",
            "amount_fen",
            "paid",
            "reason",
            "bank_account",
            "withdrawals",
            "order_id",
            "body",
        ]
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(
        [
            "/auth/login",
            "/auth/refresh",
            "/sandbox/orders",
            "/sandbox/clock",
            "/sandbox/seed",
            "/sandbox/invoices",
            "/sandbox/balance/top-up",
            "/sandbox/agreements/access/sign",
            "/sandbox/agreements/bogus/sign",
            "/sandbox/withdrawals/no-such/settle",
            "/sandbox/refunds",
            "/sandbox/orders/no-such/complete",
            "/sandbox/deposit/receipt-returned",
            "/sandbox/tickets/no-such/reply",
            "/sandbox/tickets/no-such/close",
        ]
    ),
    body=_fields | _json,
)
def test_random_bodies_never_crash_the_server(client, operator, path, body):
    if path == "/sandbox/seed" and isinstance(body, dict):
        body = {**body, "orders": 0, "listings": 0}  # keep each example quick
    r = client.post(f"{API}{path}", content=json.dumps(body), headers={**operator, "Content-Type": "application/json"})
    assert r.status_code < 500
    if r.status_code >= 400:
        assert set(r.json()["error"]) == {"code", "message", "message_zh", "details"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(["cursor", "limit"]), st.text(max_size=40), max_size=2))
def test_random_sync_queries_never_crash_the_server(client, vendor, params):
    headers: dict[str, Any] = bearer(_tokens(client, vendor))
    r = client.get(f"{API}/sync/changes", params=params, headers=headers)
    assert r.status_code in {200, 409, 422}, r.text


def _tokens(client: Any, vendor: dict[str, Any]) -> dict[str, Any]:
    # One sign-in per app: hypothesis reuses the function-scoped fixtures across examples.
    state = client.app.state
    if not hasattr(state, "test_tokens"):
        state.test_tokens = login(client, vendor)
    return state.test_tokens


def test_an_unexpected_server_error_still_answers_with_the_envelope(database_url):
    from fastapi.testclient import TestClient

    from vendor_desktop.sandbox.server import create_app

    app = create_app(database_url)

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as c:
        assert_error(c.get("/api/v1/boom"), 500, "INTERNAL_ERROR")


# --- vendor commands -----------------------------------------------------------------------

_command_fields = st.fixed_dictionaries(
    {},
    optional={
        k: _json | st.text(max_size=300)
        for k in [
            "new_price_fen", "reason", "listing_id", "buyer_account_id", "percent", "valid_from", "valid_until",
            "up_to", "kind", "invoice_number", "invoice_code", "carrier", "tracking_number", "postage",
            "amount_fen", "company_name", "contact_name", "contact_phone", "cs_phone", "cs_email", "cs_qq",
            "holder", "bank", "branch", "account_number", "type", "subject", "description", "order_id", "body",
            "note", "decision", "username", "display_name", "role", "disabled", "can_export",
        ]
    },
)
_header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=250)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from(
        [
            ("POST", "/orders/{order}/price-change"),
            ("POST", "/orders/no-such/price-change"),
            ("POST", "/discounts"),
            ("DELETE", "/discounts/{discount}"),
            ("POST", "/messages/{message}/read"),
            ("POST", "/messages/read-all"),
            ("POST", "/invoices/{invoice}/issue"),
            ("POST", "/invoices/{invoice}/shipment"),
            ("POST", "/invoices/{invoice}/shipment-correction"),
            ("POST", "/deposit/payments"),
            ("POST", "/withdrawals"),
            ("PUT", "/vendor/profile"),
            ("PUT", "/vendor/bank-account"),
            ("POST", "/orders/{order}/deliver"),
            ("POST", "/orders/{paid_order}/deliver"),
            ("POST", "/refunds/{refund}/decision"),
            ("POST", "/refunds/no-such/decision"),
            ("POST", "/tickets"),
            ("POST", "/tickets/{ticket}/messages"),
            ("POST", "/tickets/{ticket}/attachments"),
            ("POST", "/tickets/{ticket}/urge"),
            ("POST", "/tickets/{ticket}/cancel"),
            ("POST", "/tickets/no-such/urge"),
            # R-SUB-1 (issue 15): the owner's sub-account commands, on a real one and a made-up one.
            ("POST", "/sub-accounts"),
            ("PATCH", "/sub-accounts/{sub_account}"),
            ("POST", "/sub-accounts/{sub_account}/reset-password"),
            ("DELETE", "/sub-accounts/{sub_account}"),
            ("PATCH", "/sub-accounts/no-such"),
        ]
    ),
    body=_command_fields | _json,
    key=st.none() | _header_text,
    if_match=st.none() | _header_text,
)
def test_random_commands_never_crash_the_server(client, operator, vendor, target, body, key, if_match):
    ids = _command_ids(client, operator, vendor)
    method, path = target[0], target[1].format(**ids)
    headers = {**bearer(_tokens(client, vendor)), "Content-Type": "application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key
    if if_match is not None:
        headers["If-Match"] = if_match
    r = client.request(method, f"{API}{path}", content=json.dumps(body), headers=headers)
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert set(r.json()["error"]) == {"code", "message", "message_zh", "details"}


def _command_ids(client: Any, operator: dict[str, str], vendor: dict[str, Any]) -> dict[str, str]:
    state = client.app.state
    if not hasattr(state, "test_ids"):
        from .conftest import place_order, pull_all

        order = place_order(client, operator, vendor)
        changes, _ = pull_all(client, bearer(_tokens(client, vendor)))
        state.test_ids = {
            "order": order["id"],
            "discount": next(c["id"] for c in changes if c["entity"] == "discount"),
            "message": next(c["id"] for c in changes if c["entity"] == "message"),
            "invoice": next(c["id"] for c in changes if c["entity"] == "invoice"),
            "refund": next(c["id"] for c in changes if c["entity"] == "refund" and c["data"]["state"] == "requested"),
            "paid_order": next(
                c["id"] for c in changes if c["entity"] == "order" and c["data"]["state"] == "paid"
            ),
            "ticket": next(c["id"] for c in changes if c["entity"] == "ticket"),
            "sub_account": next(
                c["id"] for c in changes if c["entity"] == "sub_account" and c["data"]["role"] == "support"
            ),
        }
    return state.test_ids


def test_hostile_text_in_commands_is_a_clean_answer(client, operator, vendor):
    from .conftest import on_sale_listing, place_order, send

    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    path = f"/orders/{order['id']}/price-change"
    r = send(client, "POST", path, headers, json={"new_price_fen": 100, "reason": HUGE}, if_match=1)
    assert "reason" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    r = send(client, "POST", path, headers, json={"new_price_fen": 100, "reason": SQL}, if_match=1)
    assert r.status_code == 200 and r.json()["data"]["price_change_reason"] == SQL  # just text
    for if_match in ["abc", SQL, "9" * 5000, "-0", "1e3"]:
        r = send(client, "POST", path, headers, json={"new_price_fen": 100, "reason": "x"}, if_match=if_match)
        assert_error(r, 400, "MALFORMED_REQUEST")
    discount = {
        "listing_id": SQL,
        "buyer_account_id": SQL,
        "percent": 80,
        "valid_from": "2026-11-26T00:00:00+08:00",
        "valid_until": HUGE,
    }
    fields = assert_error(send(client, "POST", "/discounts", headers, json=discount), 422, "VALIDATION_FAILED")
    assert {"buyer_account_id", "valid_until"} <= set(fields["details"]["fields"])
    discount |= {
        "listing_id": on_sale_listing(vendor),
        "buyer_account_id": "1" * 64,
        "valid_until": "2026-12-26T00:00:00+08:00",
    }
    assert send(client, "POST", "/discounts", headers, json=discount).status_code == 201
    assert_error(send(client, "DELETE", f"/discounts/{SQL}", headers, if_match=1), 404, "NOT_FOUND")
    assert_error(send(client, "DELETE", f"/discounts/{HUGE}", headers, if_match=1), 422, "VALIDATION_FAILED")
    r = client.post(
        f"{API}{path}",
        content=b"{",
        headers={**headers, "Idempotency-Key": "k", "If-Match": "1", "Content-Type": "application/json"},
    )
    assert_error(r, 400, "MALFORMED_REQUEST")


# --- tickets (R-TKT-1): texts and uploads ------------------------------------------------------


def test_hostile_text_in_tickets_is_a_clean_answer(client, operator, vendor):
    from .conftest import send

    headers = bearer(login(client, vendor))
    base = {"type": "other", "subject": "ok", "description": "ok"}
    for field, value in [
        ("subject", HUGE),
        ("subject", "a\x00b"),
        ("subject", "\u202e\u200b"),
        ("subject", "line\nbreak"),
        ("description", HUGE),
        ("description", "\x1b[31mred"),
        ("order_id", HUGE),
        ("listing_id", SQL),
        ("type", SQL),
    ]:
        r = send(client, "POST", "/tickets", headers, json={**base, field: value})
        assert field in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"], (field, value)
    r = client.post(
        f"{API}/tickets",
        content='{"type": "other", "subject": "a\\ud800", "description": "ok"}',
        headers={**headers, "Idempotency-Key": "lone-surrogate", "Content-Type": "application/json"},
    )
    assert "subject" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    r = send(client, "POST", "/tickets", headers, json={**base, "subject": SQL, "description": SQL})
    assert r.status_code == 201 and r.json()["data"]["subject"] == SQL  # just text
    ticket = r.json()["id"]
    for body in ({"body": HUGE}, {"body": "\x07"}, {"body": ""}, {"body": 5}, {}):
        r = send(client, "POST", f"/tickets/{ticket}/messages", headers, json=body, if_match=1)
        assert_error(r, 422, "VALIDATION_FAILED")
        r = client.post(f"{API}/sandbox/tickets/{ticket}/reply", json=body, headers=operator)
        assert_error(r, 422, "VALIDATION_FAILED")
    assert_error(send(client, "POST", f"/tickets/{HUGE}/urge", headers, if_match=1), 422, "VALIDATION_FAILED")
    assert_error(client.get(f"{API}/tickets/{ticket}/attachments/{HUGE}", headers=headers), 422, "VALIDATION_FAILED")


_header_value = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content_type=st.sampled_from(
        ["multipart/form-data; boundary=b0undary", "multipart/form-data", "application/json", "text/plain"]
    )
    | _header_value,
    part_name=st.sampled_from(["file", "File", "", "other"]) | _header_value,
    filename=st.none() | st.text(max_size=300),
    content=st.binary(max_size=64) | st.sampled_from([b"\x89PNG\r\n\x1a\n", b"%PDF-1.4", b"\xff\xd8\xff"]),
    raw_tail=st.binary(max_size=40),
)
def test_random_uploads_never_crash_the_server(
    client, operator, vendor, content_type, part_name, filename, content, raw_tail
):
    ids = _command_ids(client, operator, vendor)
    disposition = f'form-data; name="{part_name}"'
    if filename is not None:
        disposition += f'; filename="{filename}"'
    body = (
        b"--b0undary\r\nContent-Disposition: "
        + disposition.encode("utf-8", "surrogatepass")
        + b"\r\n\r\n"
        + content
        + b"\r\n--b0undary--\r\n"
        + raw_tail
    )
    headers = {
        **bearer(_tokens(client, vendor)),
        "Idempotency-Key": str(uuid.uuid4()),
        "If-Match": "999",  # never the ticket's: nothing is stored, and every example reaches the checks
        "Content-Type": content_type,
    }
    r = client.post(f"{API}/tickets/{ids['ticket']}/attachments", content=body, headers=headers)
    assert r.status_code < 500, r.text
    assert set(r.json()["error"]) == {"code", "message", "message_zh", "details"}


# --- money amounts and account fields (SPEC §7–§9) ----------------------------------------------

# Not a strict JSON integer, ≤ 0, or beyond any sane amount: 422 naming amount_fen, never a 500.
BAD_AMOUNTS = ["100", "abc", 1.5, 100.0, True, None, [100], {"fen": 100}, 0, -1, -(10**30), 10**30, 10**11]


def test_bad_amounts_are_422_naming_the_field_and_change_nothing(client, operator, seed):
    from .money_helpers import money_of, money_vendor, owner_of, pay_deposit, withdraw

    vendor = money_vendor(seed, seed=71, balance_fen=600_000)
    owner = owner_of(client, vendor)
    before = money_of(client, owner)
    for amount in BAD_AMOUNTS:
        for command in (pay_deposit, withdraw):
            r = command(client, owner, amount)
            assert "amount_fen" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"], (command, amount)
        body = {"account_id": vendor["account_id"], "amount_fen": amount}
        r = client.post(f"{API}/sandbox/balance/top-up", json=body, headers=operator)
        assert "amount_fen" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"], amount
    # 1e3 is a JSON number with an exponent: a float to the parser, not an integer.
    for path in ("/deposit/payments", "/withdrawals"):
        r = client.post(
            f"{API}{path}",
            content=b'{"amount_fen": 1e3}',
            headers={**owner, "Idempotency-Key": "e-" + path[1:4], "Content-Type": "application/json"},
        )
        assert "amount_fen" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    assert money_of(client, owner) == before


def test_hostile_text_in_account_fields_is_a_clean_answer(client, seed):
    from .conftest import entity_now, send
    from .money_helpers import money_vendor, owner_of

    vendor = money_vendor(seed, seed=72, agreements=["access"])
    owner = owner_of(client, vendor)
    profile = entity_now(client, owner, "vendor_profile", vendor["account_id"])
    hostile = [HUGE, SQL, "a\x00b", "\u202e\u200b", "\x85", 42, None]
    for value in hostile:
        body = {f: value for f in ("company_name", "contact_name", "contact_phone", "cs_phone", "cs_email", "cs_qq")}
        r = send(client, "PUT", "/vendor/profile", owner, json=body, if_match=profile["version"])
        assert_error(r, 422, "VALIDATION_FAILED")
        bank = {f: value for f in ("holder", "bank", "branch", "account_number")}
        r = send(client, "PUT", "/vendor/bank-account", owner, json=bank, if_match=1)
        assert_error(r, 422, "VALIDATION_FAILED")
    # A lone surrogate, as JSON can carry it (an escape), in every field.
    body = ", ".join(f'"{f}": "a\\ud800"' for f in ("company_name", "contact_name", "contact_phone", "cs_phone",
                                                     "cs_email", "cs_qq"))  # fmt: skip
    headers = {**owner, "Idempotency-Key": "surrogate", "If-Match": str(profile["version"])}
    headers["Content-Type"] = "application/json"
    r = client.put(f"{API}/vendor/profile", content="{" + body + "}", headers=headers)
    assert set(assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]) >= {"company_name", "cs_email"}
    assert entity_now(client, owner, "vendor_profile", vendor["account_id"]) == profile


# --- refunds, delivery and exit (SPEC §5, R-ORD-5, R-EXT-1) -------------------------------------


def test_bad_refund_amounts_decisions_and_reasons_are_4xx_and_change_nothing(client, operator, seed):
    from .conftest import entity_now, send
    from .money_helpers import earn, money_of, money_vendor, owner_of
    from .refund_helpers import ask_refund, asked, decide

    vendor = money_vendor(seed, seed=73)
    owner = owner_of(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 9_000)
    for amount in [a for a in BAD_AMOUNTS if a is not None]:
        r = ask_refund(client, operator, order["id"], amount)
        assert r.status_code == 422, (amount, r.text)
    for reason in [HUGE, "", "  ", "a\x00b", None, 42]:
        assert ask_refund(client, operator, order["id"], reason=reason).status_code == 422, reason
    for order_id in [SQL, HUGE, None, 7]:
        r = client.post(f"{API}/sandbox/refunds", json={"order_id": order_id, "reason": "x"}, headers=operator)
        assert r.status_code in (404, 422), r.text
    before = money_of(client, owner)
    assert before["refunded"] == {"custom_service": 0}
    refund = asked(client, operator, order["id"])
    for amount in BAD_AMOUNTS:
        r = decide(client, owner, refund, "partial", amount_fen=amount)
        assert r.status_code == 422, (amount, r.text)
    for decision in ["maybe", "", None, 1, "APPROVE"]:
        r = decide(client, owner, refund, decision)
        assert r.status_code == 422, (decision, r.text)
    for reason in [HUGE, "a\x00b", 42, ["x"]]:
        r = decide(client, owner, refund, "reject", reason=reason)
        assert "reason" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"], reason
    now = entity_now(client, owner, "refund", refund["id"])
    assert now is not None and now["version"] == 1 and now["data"]["state"] == "requested"
    r = decide(client, owner, refund, "reject", reason=SQL)
    assert r.status_code == 200 and r.json()["data"]["decision_reason"] == SQL  # just text
    # A lone surrogate, as JSON carries it, in the note and the reason.
    headers = {**owner, "Idempotency-Key": "surrogate-note", "If-Match": "1", "Content-Type": "application/json"}
    r = client.post(f"{API}/orders/{order['id']}/deliver", content='{"note": "a\\ud800"}', headers=headers)
    assert r.status_code == 422, r.text
    r = client.post(
        f"{API}/sandbox/refunds",
        content='{"order_id": "' + order["id"] + '", "reason": "a\\ud800"}',
        headers={**operator, "Content-Type": "application/json"},
    )
    assert r.status_code == 422, r.text
    assert send(client, "POST", "/vendor/exit", owner, json={"anything": HUGE}).status_code == 409  # still blocked
