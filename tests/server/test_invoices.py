"""Invoices on the sandbox (SPEC §6): a buyer's request for a paid order (R-INV-1), its revoke
while pending (R-INV-2), the due date (R-INV-3), issuing and posting seen by the buyer
(R-INV-4), the postage rule (R-INV-5) and correcting a posting (R-INV-6); who sees and who acts
(SPEC §11)."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import API, assert_error, bearer, entity_now, login, place_order, pull_all, send
from .invoice_helpers import (
    buyer_view,
    issue,
    issued_invoice,
    paid_order,
    pending_invoice,
    request_invoice,
    ship,
    shipped_invoice,
)

READERS = ("owner", "finance", "support")
NOT_READERS = ("operations", "viewer")


def _messages_about(client, vendor, role, invoice_id):
    changes, _ = pull_all(client, bearer(login(client, vendor, role)))
    return [c["data"] for c in changes if c["entity"] == "message" and c["data"]["invoice_id"] == invoice_id]


def test_a_buyers_request_is_an_invoice_of_the_paid_amount_that_owner_finance_and_support_are_told_of(
    client, operator, vendor
):
    """R-INV-1: an invoice for a paid order, of the amount paid, carrying the order's number;
    the roles that read invoices each get a message naming the order; the others get neither."""
    order = paid_order(client, operator, vendor, amount_fen=8800)
    invoice = request_invoice(client, operator, order["id"])
    data = invoice["data"]
    assert invoice["entity"] == "invoice" and invoice["version"] == 1
    assert (data["state"], data["amount_fen"], data["order_number"]) == ("pending", 8800, order["data"]["number"])
    assert data["mailing"]["virtual_number"] == order["data"]["virtual_number"]  # R-ORD-4: never a real phone
    assert [h["action"] for h in data["history"]] == ["requested"] and data["history"][0]["actor"] == "buyer"
    for role in READERS:
        assert entity_now(client, bearer(login(client, vendor, role)), "invoice", invoice["id"])["data"] == data
        (message,) = _messages_about(client, vendor, role, invoice["id"])
        assert message["kind"] == "invoice_requested" and order["data"]["number"] in message["body"]
        assert message["title"] == "买家申请开票" and message["order_id"] is None and not message["read"]
    for role in NOT_READERS:
        assert entity_now(client, bearer(login(client, vendor, role)), "invoice", invoice["id"]) is None
        assert _messages_about(client, vendor, role, invoice["id"]) == []


def test_finance_reads_and_marks_its_invoice_messages_and_operations_cannot(client, operator, vendor):
    """A message about an invoice is finance's to read (SPEC §11), one by one and all at once;
    for operations, who do not read invoices, it does not exist."""
    first, second = (pending_invoice(client, operator, vendor) for _ in range(2))
    finance = bearer(login(client, vendor, "finance"))
    message_id = _id_of(client, finance, first["id"])
    r = send(client, "POST", f"/messages/{message_id}/read", finance)
    assert r.status_code == 200 and r.json()["data"]["read"] is True
    r = send(client, "POST", f"/messages/{message_id}/read", bearer(login(client, vendor, "operations")))
    assert_error(r, 404, "NOT_FOUND")
    body = {"up_to": "2026-11-26T10:00:00+08:00", "kind": "invoice_requested"}
    r = send(client, "POST", "/messages/read-all", finance, json=body)
    assert r.status_code == 200 and r.json()["marked"] >= 1
    assert [m["read"] for m in _messages_about(client, vendor, "finance", second["id"])] == [True]
    assert [m["read"] for m in _messages_about(client, vendor, "owner", second["id"])] == [False]  # per user
    r = send(client, "POST", "/messages/read-all", bearer(login(client, vendor, "operations")), json=body)
    assert r.json()["marked"] == 0  # it receives none of them


def _id_of(client, headers, invoice_id):
    changes, _ = pull_all(client, headers)
    return next(c["id"] for c in changes if c["entity"] == "message" and c["data"]["invoice_id"] == invoice_id)


@pytest.mark.parametrize("how", ["unpaid", "cancelled"])
def test_only_a_paid_order_can_have_an_invoice(client, operator, vendor, how):
    """R-INV-1: buyers request invoices for paid orders."""
    order = place_order(client, operator, vendor)
    if how == "cancelled":
        assert client.post(f"{API}/sandbox/orders/{order['id']}/cancel", headers=operator).status_code == 200
    r = client.post(f"{API}/sandbox/invoices", json={"order_id": order["id"]}, headers=operator)
    assert assert_error(r, 409, "ORDER_STATE")["details"]["state"] == how


def test_one_live_invoice_per_order_and_a_new_one_after_a_revoke(client, operator, vendor):
    order = paid_order(client, operator, vendor)
    first = request_invoice(client, operator, order["id"])
    r = client.post(f"{API}/sandbox/invoices", json={"order_id": order["id"]}, headers=operator)
    assert assert_error(r, 409, "INVOICE_EXISTS")["details"]["invoice_id"] == first["id"]
    assert client.post(f"{API}/sandbox/invoices/{first['id']}/revoke", headers=operator).status_code == 200
    second = request_invoice(client, operator, order["id"])
    assert second["id"] != first["id"] and second["data"]["state"] == "pending"


def test_the_buyer_revokes_only_while_pending_and_the_vendor_is_told(client, operator, vendor):
    """R-INV-2: revoked while pending (a message to the vendor); once issued, 409 INVOICE_STATE;
    and the vendor can no longer issue a revoked invoice."""
    invoice = pending_invoice(client, operator, vendor)
    r = client.post(f"{API}/sandbox/invoices/{invoice['id']}/revoke", headers=operator)
    assert r.status_code == 200 and r.json()["data"]["state"] == "revoked" and r.json()["data"]["revoked_at"]
    assert [h["action"] for h in r.json()["data"]["history"]] == ["requested", "revoked"]
    kinds = [m["kind"] for m in _messages_about(client, vendor, "finance", invoice["id"])]
    assert sorted(kinds) == ["invoice_requested", "invoice_revoked"]
    refused = issue(client, bearer(login(client, vendor)), invoice)  # If-Match 1 is stale too: 409 first
    assert assert_error(refused, 409, "INVOICE_STATE")["details"]["state"] == "revoked"
    assert "已撤销" in refused.json()["error"]["message_zh"]
    issued = issued_invoice(client, operator, vendor)
    r = client.post(f"{API}/sandbox/invoices/{issued['id']}/revoke", headers=operator)
    assert assert_error(r, 409, "INVOICE_STATE")["details"]["state"] == "issued"


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        (dt.datetime(2026, 11, 26, 10, 0, tzinfo=SHANGHAI), "2026-12-10"),  # two plain weeks
        (dt.datetime(2026, 11, 26, 17, 30, tzinfo=dt.UTC), "2026-12-11"),  # Friday 01:30 in Beijing
        (dt.datetime(2026, 11, 28, 15, 0, tzinfo=SHANGHAI), "2026-12-11"),  # a Saturday counts from Monday
    ],
)
def test_the_due_date_is_ten_working_days_after_the_request(client, operator, vendor, clock, requested, due):
    """R-INV-3: issue within 10 working days of the request's Beijing date."""
    order = paid_order(client, operator, vendor)
    clock.set(requested)
    data = request_invoice(client, operator, order["id"])["data"]
    assert (data["due_date"], data["due_date_approximate"]) == (due, False)


def test_issue_and_shipment_reach_the_buyer_with_the_tracking_number(client, operator, vendor):
    """R-INV-4: the buyer sees the invoice number once issued, then the carrier, the tracking
    number and the postage once posted, each with a notice; the history names who did each."""
    invoice = pending_invoice(client, operator, vendor, amount_fen=8800)
    finance, support = bearer(login(client, vendor, "finance")), bearer(login(client, vendor, "support"))
    issued = issue(client, finance, invoice, number="04412345")
    assert issued.status_code == 200, issued.text
    assert (issued.json()["version"], issued.json()["data"]["state"]) == (2, "issued")
    seen = buyer_view(client, operator, invoice["id"])
    assert (seen["state"], seen["invoice_number"], seen["carrier"]) == ("issued", "04412345", None)
    assert [m["kind"] for m in seen["buyer_messages"]] == ["invoice_issued"]
    shipped = ship(client, support, issued.json(), carrier="EMS", tracking_number="EA123456789CN")
    assert shipped.status_code == 200, shipped.text
    data = shipped.json()["data"]
    assert (data["state"], data["carrier"], data["tracking_number"], data["postage"]) == (
        "shipped", "EMS", "EA123456789CN", "vendor_paid"
    )  # fmt: skip
    seen = buyer_view(client, operator, invoice["id"])
    assert (seen["state"], seen["carrier"], seen["tracking_number"], seen["postage"]) == (
        "shipped", "EMS", "EA123456789CN", "vendor_paid"
    )  # fmt: skip
    assert "EA123456789CN" in seen["buyer_messages"][-1]["text"] and "寄付" in seen["buyer_messages"][-1]["text"]
    history = data["history"]
    assert [h["action"] for h in history] == ["requested", "issued", "shipped"]
    assert history[1]["actor"] != history[2]["actor"]  # finance's and support's display names
    assert history[1]["invoice_number"] == "04412345" and history[2]["tracking_number"] == "EA123456789CN"
    assert entity_now(client, finance, "invoice", invoice["id"])["data"] == data


@pytest.mark.parametrize(("amount_fen", "cod"), [(8800, False), (5000, False), (4999, True), (100, True)])
def test_cash_on_delivery_only_below_fifty_yuan(client, operator, vendor, amount_fen, cod):
    """R-INV-5: ¥50.00 or more, the vendor pays the postage (COD_NOT_ALLOWED naming postage);
    below, cash on delivery (到付) is accepted. Postage paid is always accepted."""
    invoice = issued_invoice(client, operator, vendor, amount_fen=amount_fen)
    owner = bearer(login(client, vendor))
    r = ship(client, owner, invoice, postage="cod")
    if cod:
        assert r.status_code == 200 and r.json()["data"]["postage"] == "cod"
        assert "到付" in buyer_view(client, operator, invoice["id"])["buyer_messages"][-1]["text"]
        return
    err = assert_error(r, 422, "COD_NOT_ALLOWED")
    assert "postage" in err["details"]["fields"] and err["details"]["amount_fen"] == amount_fen
    assert entity_now(client, owner, "invoice", invoice["id"])["version"] == invoice["version"]  # nothing changed
    assert ship(client, owner, invoice, postage="vendor_paid").status_code == 200


def test_a_posting_is_corrected_with_a_reason_and_the_history_keeps_the_old_one(client, operator, vendor):
    """R-INV-6: a shipped invoice's carrier and tracking number are replaced; the postage stays;
    the buyer sees the latest; the history keeps both and the reason."""
    invoice = shipped_invoice(client, operator, vendor)
    support = bearer(login(client, vendor, "support"))
    body = {"carrier": "中通", "tracking_number": "75123456789012", "reason": "快递单号录入有误"}
    r = send(client, "POST", f"/invoices/{invoice['id']}/shipment-correction", support, json=body, if_match=3)
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert (data["state"], data["carrier"], data["tracking_number"], data["postage"]) == (
        "shipped", "中通", "75123456789012", "vendor_paid"
    )  # fmt: skip
    shipped, corrected = data["history"][-2:]
    assert (shipped["carrier"], shipped["tracking_number"]) == ("顺丰", "SF1234567890123")
    assert (corrected["action"], corrected["tracking_number"], corrected["reason"]) == (
        "shipment_corrected", "75123456789012", "快递单号录入有误"
    )  # fmt: skip
    seen = buyer_view(client, operator, invoice["id"])
    assert (seen["carrier"], seen["tracking_number"]) == ("中通", "75123456789012")
    assert seen["buyer_messages"][-1]["kind"] == "invoice_shipment_corrected"


def test_a_correction_that_changes_nothing_is_refused_and_tells_the_buyer_nothing(client, operator, vendor):
    """R-INV-6: the same carrier and tracking number again is 422 naming the field: no empty step
    in the history, no notice to the buyer."""
    invoice = shipped_invoice(client, operator, vendor)
    before = buyer_view(client, operator, invoice["id"])
    body = {"carrier": " 顺丰 ", "tracking_number": "SF1234567890123", "reason": "再次确认"}
    r = send(
        client, "POST", f"/invoices/{invoice['id']}/shipment-correction", bearer(login(client, vendor)),
        json=body, if_match=3,
    )  # fmt: skip
    assert "tracking_number" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    assert buyer_view(client, operator, invoice["id"])["buyer_messages"] == before["buyer_messages"]


@pytest.mark.parametrize("state", ["pending", "issued"])
def test_only_a_shipped_invoice_can_be_corrected(client, operator, vendor, state):
    invoice = (pending_invoice if state == "pending" else issued_invoice)(client, operator, vendor)
    body = {"carrier": "中通", "tracking_number": "75123456789012", "reason": "快递单号录入有误"}
    r = send(
        client, "POST", f"/invoices/{invoice['id']}/shipment-correction", bearer(login(client, vendor)),
        json=body, if_match=invoice["version"],
    )  # fmt: skip
    assert assert_error(r, 409, "INVOICE_STATE")["details"]["state"] == state


def test_the_wrong_step_is_409_invoice_state(client, operator, vendor):
    """R-INV-1's order: no posting before issuing, no issuing twice."""
    owner = bearer(login(client, vendor))
    pending = pending_invoice(client, operator, vendor)
    assert assert_error(ship(client, owner, pending), 409, "INVOICE_STATE")["details"]["state"] == "pending"
    issued = issued_invoice(client, operator, vendor)
    assert assert_error(issue(client, owner, issued), 409, "INVOICE_STATE")["details"]["state"] == "issued"
    shipped = shipped_invoice(client, operator, vendor)
    assert assert_error(ship(client, owner, shipped), 409, "INVOICE_STATE")["details"]["state"] == "shipped"


@pytest.mark.parametrize("role", NOT_READERS)
def test_operations_and_viewer_may_not_act_on_invoices(client, operator, vendor, role):
    """SPEC §11: 403 PERMISSION_DENIED, before anything else (even a bad body)."""
    invoice = pending_invoice(client, operator, vendor)
    headers = bearer(login(client, vendor, role))
    for path, body in [
        ("issue", {"invoice_number": "12345678"}),
        ("shipment", {"carrier": "顺丰", "tracking_number": "SF1234567890123", "postage": "cod"}),
        ("shipment-correction", {"carrier": 1}),
    ]:
        r = send(client, "POST", f"/invoices/{invoice['id']}/{path}", headers, json=body, if_match=1)
        assert assert_error(r, 403, "PERMISSION_DENIED")["details"]["permission"] == "invoices.issue"
    assert buyer_view(client, operator, invoice["id"])["state"] == "pending"
