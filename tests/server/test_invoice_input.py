"""Bad input to the invoice commands and controls is a 4xx envelope naming the field, never a 500
(API.md "Conventions"); checks come in core/preconditions.py's order; a retry with the same
Idempotency-Key replays the first answer."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import API, assert_error, bearer, entity_now, login, send
from .invoice_helpers import buyer_view, issued_invoice, paid_order, pending_invoice, shipped_invoice

SQL = "'; DROP TABLE invoices;--"
JSON = "application/json"
VALID = {
    "issue": {"invoice_number": "12345678", "invoice_code": "044001900111"},
    "shipment": {"carrier": "顺丰", "tracking_number": "SF1234567890123", "postage": "vendor_paid"},
    "shipment-correction": {"carrier": "中通", "tracking_number": "75123456789012", "reason": "单号录错了"},
}
# field → bad values: empty, too long, wrong type, control characters, invisible only, wrong pattern, SQL.
BAD: dict[str, list[Any]] = {
    "invoice_number": ["", "1" * 21, 12345678, None, ["12345678"], "1234567\x07", "1234567", "１２３４５６７８", SQL],
    "invoice_code": ["", "1" * 13, 4400190011, ["x"], "04400190\x0011", "12345678901", SQL],
    "carrier": ["", "顺" * 21, 7, None, {"a": 1}, "顺\x1b丰", "顺丰\u0085", "\u200b\u200b", "   ", SQL],
    "tracking_number": ["", "A" * 41, 123456789, None, "SF12345\n", "SF 123456", "SF1234567890\ud800", SQL],
    "postage": ["", "free", 1, None, "COD"],
    "reason": ["", "因" * 201, 200, None, "\x00原因", "\u200b", "  \t "],
}
FIELDS_OF = {
    "issue": ("invoice_number", "invoice_code"),
    "shipment": ("carrier", "tracking_number", "postage"),
    "shipment-correction": ("carrier", "tracking_number", "reason"),
}
CASES = [(path, field, bad) for path, fields in FIELDS_OF.items() for field in fields for bad in BAD[field]]


@pytest.fixture
def invoices(client, operator, vendor) -> dict[str, dict[str, Any]]:
    """An invoice in the state each command needs: pending, issued, shipped."""
    return {
        "issue": pending_invoice(client, operator, vendor),
        "shipment": issued_invoice(client, operator, vendor),
        "shipment-correction": shipped_invoice(client, operator, vendor),
    }


def test_every_bad_field_is_422_naming_it_and_changes_nothing(client, vendor, invoices):
    """Empty, too long, wrong type, control or invisible-only text, wrong pattern: 422
    VALIDATION_FAILED with details.fields.<name>; the invoice stays as it was."""
    owner = bearer(login(client, vendor))
    for n, (path, field, bad) in enumerate(CASES):
        invoice = invoices[path]
        key = f"c0000000-0000-0000-0000-{n:012d}"
        headers = {**owner, "Idempotency-Key": key, "If-Match": str(invoice["version"]), "Content-Type": JSON}
        # Encoded here: JSON escapes a lone surrogate, which the test client would refuse to encode.
        body = json.dumps({**VALID[path], field: bad}).encode()
        r = client.post(f"{API}/invoices/{invoice['id']}/{path}", content=body, headers=headers)
        assert r.status_code == 422, (path, field, bad, r.text)
        assert field in r.json()["error"]["details"]["fields"], (path, field, bad, r.text)
    for invoice in invoices.values():
        assert entity_now(client, owner, "invoice", invoice["id"])["version"] == invoice["version"]


def test_every_bad_field_is_named_at_once(client, vendor, invoices):
    owner = bearer(login(client, vendor))
    body = {"carrier": "", "tracking_number": "短", "reason": "\x07"}
    invoice = invoices["shipment-correction"]
    r = send(client, "POST", f"/invoices/{invoice['id']}/shipment-correction", owner, json=body, if_match=3)
    assert set(assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]) == {
        "carrier", "tracking_number", "reason"
    }  # fmt: skip


def test_sql_like_text_is_just_text(client, operator, vendor, invoices):
    """A carrier and a reason that look like SQL are stored and shown as typed."""
    owner = bearer(login(client, vendor))
    invoice = invoices["shipment"]
    carrier = "顺丰' OR '1'='1"
    body = {"carrier": carrier, "tracking_number": "SF-0001-2345", "postage": "vendor_paid"}
    r = send(client, "POST", f"/invoices/{invoice['id']}/shipment", owner, json=body, if_match=2)
    assert r.status_code == 200 and r.json()["data"]["carrier"] == carrier
    body = {"carrier": "EMS", "tracking_number": "EA123456789CN", "reason": SQL}
    r = send(client, "POST", f"/invoices/{invoice['id']}/shipment-correction", owner, json=body, if_match=3)
    assert r.status_code == 200 and r.json()["data"]["history"][-1]["reason"] == SQL
    assert buyer_view(client, operator, invoice["id"])["carrier"] == "EMS"


def test_a_carrier_and_reason_are_trimmed_and_tabs_refused(client, vendor, invoices):
    owner = bearer(login(client, vendor))
    invoice = invoices["shipment"]
    body = {"carrier": "  极兔  ", "tracking_number": "JT1234567890123", "postage": "vendor_paid"}
    r = send(client, "POST", f"/invoices/{invoice['id']}/shipment", owner, json=body, if_match=2)
    assert r.status_code == 200 and r.json()["data"]["carrier"] == "极兔"
    body = {"carrier": "极\t兔", "tracking_number": "JT1234567890123", "reason": "单号录错了"}
    r = send(client, "POST", f"/invoices/{invoice['id']}/shipment-correction", owner, json=body, if_match=3)
    assert "carrier" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


def test_not_json_and_not_an_object_are_4xx(client, vendor, invoices):
    owner = bearer(login(client, vendor))
    invoice = invoices["issue"]
    headers = {**owner, "Idempotency-Key": "a0000000-0000-0000-0000-000000000001", "If-Match": "1"}
    r = client.post(
        f"{API}/invoices/{invoice['id']}/issue", content=b"{", headers=headers | {"Content-Type": "application/json"}
    )
    assert_error(r, 400, "MALFORMED_REQUEST")
    for body in ([1, 2], "12345678", None):
        r = send(client, "POST", f"/invoices/{invoice['id']}/issue", owner, json=body, if_match=1)
        assert_error(r, 422, "VALIDATION_FAILED")


def test_the_order_of_checks(client, operator, vendor, seed, invoices):
    """core/preconditions.py: 403 → 404 → 428/400 If-Match → 422 fields → 422 COD_NOT_ALLOWED →
    409 INVOICE_STATE (even with a stale version) → 412 VERSION_CONFLICT with the current invoice."""
    owner = bearer(login(client, vendor))
    pending, issued = pending_invoice(client, operator, vendor, amount_fen=5000), invoices["shipment"]
    viewer = bearer(login(client, vendor, "viewer"))
    r = send(client, "POST", "/invoices/no-such-invoice/issue", viewer, json={"invoice_number": 1})
    assert_error(r, 403, "PERMISSION_DENIED")
    other = bearer(login(client, seed(seed=2)))  # another vendor's owner
    r = send(client, "POST", f"/invoices/{pending['id']}/issue", other, json=VALID["issue"], if_match=1)
    assert_error(r, 404, "NOT_FOUND")
    r = send(client, "POST", "/invoices/no-such-invoice/issue", owner, json={"invoice_number": "x"})
    assert_error(r, 404, "NOT_FOUND")
    r = send(client, "POST", f"/invoices/{pending['id']}/issue", owner, json={"invoice_number": "x"})
    assert_error(r, 428, "PRECONDITION_REQUIRED")
    r = send(client, "POST", f"/invoices/{pending['id']}/issue", owner, json={"invoice_number": "x"}, if_match="v1")
    assert_error(r, 400, "MALFORMED_REQUEST")
    r = send(client, "POST", f"/invoices/{pending['id']}/issue", owner, json={"invoice_number": "x"}, if_match=9)
    assert_error(r, 422, "VALIDATION_FAILED")
    cod = {**VALID["shipment"], "postage": "cod"}  # a ¥50+ order, still pending: the body rule comes first
    r = send(client, "POST", f"/invoices/{pending['id']}/shipment", owner, json=cod, if_match=9)
    assert_error(r, 422, "COD_NOT_ALLOWED")
    r = send(client, "POST", f"/invoices/{issued['id']}/issue", owner, json=VALID["issue"], if_match=1)
    assert assert_error(r, 409, "INVOICE_STATE")["details"]["state"] == "issued"
    r = send(client, "POST", f"/invoices/{issued['id']}/shipment", owner, json=VALID["shipment"], if_match=1)
    current = assert_error(r, 412, "VERSION_CONFLICT")["details"]["current"]
    assert (current["id"], current["version"], current["data"]["state"]) == (issued["id"], 2, "issued")


def test_a_retry_with_the_same_key_replays_and_another_body_is_refused(client, operator, vendor):
    owner = bearer(login(client, vendor))
    invoice = pending_invoice(client, operator, vendor)
    key = "b0000000-0000-0000-0000-000000000002"
    first = send(client, "POST", f"/invoices/{invoice['id']}/issue", owner, json=VALID["issue"], key=key, if_match=1)
    again = send(client, "POST", f"/invoices/{invoice['id']}/issue", owner, json=VALID["issue"], key=key, if_match=1)
    assert first.status_code == again.status_code == 200 and again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert entity_now(client, owner, "invoice", invoice["id"])["version"] == 2
    assert len(buyer_view(client, operator, invoice["id"])["buyer_messages"]) == 1  # told once
    other = {"invoice_number": "87654321"}
    r = send(client, "POST", f"/invoices/{invoice['id']}/issue", owner, json=other, key=key, if_match=1)
    assert_error(r, 422, "IDEMPOTENCY_KEY_REUSED")
    r = send(client, "POST", f"/invoices/{invoice['id']}/issue", owner, json=VALID["issue"])
    assert_error(r, 428, "PRECONDITION_REQUIRED")
    r = client.post(f"{API}/invoices/{invoice['id']}/issue", json=VALID["issue"], headers={**owner, "If-Match": "2"})
    assert_error(r, 400, "IDEMPOTENCY_KEY_REQUIRED")


# --- the buyer's controls -------------------------------------------------------------------

CONTROL_BAD = [
    ({"order_id": ""}, "order_id"),
    ({"order_id": 12}, "order_id"),
    ({"order_id": "x" * 65}, "order_id"),
    ({"type": "vat"}, "type"),
    ({"title": ""}, "title"),
    ({"title": "公" * 101}, "title"),
    ({"title": "云帆\x07科技"}, "title"),
    ({"title": "\u200b"}, "title"),
    ({"title": 5}, "title"),
    ({"tax_id": "9133"}, "tax_id"),
    ({"tax_id": "91330106mA2AXXXX1X"}, "tax_id"),
    ({"mailing": {"recipient": "王明"}}, "mailing.address"),
    ({"mailing": {"recipient": "", "address": "杭州市"}}, "mailing.recipient"),
    ({"mailing": {"recipient": "王明", "address": "杭" * 201}}, "mailing.address"),
    ({"mailing": {"recipient": "王\x1b明", "address": "杭州市"}}, "mailing.recipient"),
    ({"mailing": "杭州市"}, "mailing"),
]


def test_the_buyer_controls_refuse_bad_input_naming_the_field(client, operator, vendor):
    order = paid_order(client, operator, vendor)
    for extra, field in CONTROL_BAD:
        body = {"order_id": order["id"], **extra}
        r = client.post(f"{API}/sandbox/invoices", json=body, headers=operator)
        assert field in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"], (extra, r.text)
    r = client.post(f"{API}/sandbox/invoices", json={"order_id": SQL}, headers=operator)
    assert_error(r, 404, "NOT_FOUND")
    assert_error(client.get(f"{API}/sandbox/invoices/{SQL}", headers=operator), 404, "NOT_FOUND")
    assert_error(client.post(f"{API}/sandbox/invoices/{'x' * 65}/revoke", headers=operator), 422, "VALIDATION_FAILED")
    assert_error(client.post(f"{API}/sandbox/invoices", json={"order_id": order["id"]}), 401, "NOT_AUTHENTICATED")
    # Nothing was requested by any of them.
    r = client.post(f"{API}/sandbox/invoices", json={"order_id": order["id"], "title": SQL}, headers=operator)
    assert r.status_code == 201 and r.json()["data"]["title"] == SQL
