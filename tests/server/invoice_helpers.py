"""Shared steps of the invoice tests: a paid order of an exact amount, a buyer's request, and the
vendor's issue and shipment (R-INV-*).

An order of any amount: the buyer places it, the owner changes its price (R-ORD-3), the buyer
pays. An *issued* invoice: request it with ``POST /sandbox/invoices``, then issue it as the owner
with ``If-Match: 1``.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from .conftest import API, bearer, login, place_order, send


def paid_order(
    client: TestClient,
    operator: dict[str, str],
    vendor: dict[str, Any],
    amount_fen: int | None = None,
    listing: str = "",
) -> dict[str, Any]:
    """A new order the buyer paid, of ``amount_fen`` when given (set by a price change first), for
    ``listing`` (else an on-sale one)."""
    order = place_order(client, operator, vendor, listing=listing)
    if amount_fen is not None:
        owner = bearer(login(client, vendor))
        body = {"new_price_fen": amount_fen, "reason": "按发票测试金额调整"}
        r = send(client, "POST", f"/orders/{order['id']}/price-change", owner, json=body, if_match=1)
        assert r.status_code == 200, r.text
    r = client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator)
    assert r.status_code == 200, r.text
    return r.json()


def request_invoice(client: TestClient, operator: dict[str, str], order_id: str, **body: Any) -> dict[str, Any]:
    """The buyer asks for an invoice (201, pending, version 1)."""
    r = client.post(f"{API}/sandbox/invoices", json={"order_id": order_id, **body}, headers=operator)
    assert r.status_code == 201, r.text
    return r.json()


def pending_invoice(
    client: TestClient, operator: dict[str, str], vendor: dict[str, Any], amount_fen: int | None = None
) -> dict[str, Any]:
    return request_invoice(client, operator, paid_order(client, operator, vendor, amount_fen)["id"])


def issue(client: TestClient, headers: dict[str, str], invoice: dict[str, Any], number: str = "12345678") -> Any:
    return send(
        client,
        "POST",
        f"/invoices/{invoice['id']}/issue",
        headers,
        json={"invoice_number": number},
        if_match=invoice["version"],
    )


def ship(
    client: TestClient,
    headers: dict[str, str],
    invoice: dict[str, Any],
    postage: str = "vendor_paid",
    carrier: str = "顺丰",
    tracking_number: str = "SF1234567890123",
) -> Any:
    body = {"carrier": carrier, "tracking_number": tracking_number, "postage": postage}
    return send(client, "POST", f"/invoices/{invoice['id']}/shipment", headers, json=body, if_match=invoice["version"])


def issued_invoice(
    client: TestClient, operator: dict[str, str], vendor: dict[str, Any], amount_fen: int | None = None
) -> dict[str, Any]:
    r = issue(client, bearer(login(client, vendor)), pending_invoice(client, operator, vendor, amount_fen))
    assert r.status_code == 200, r.text
    return r.json()


def shipped_invoice(
    client: TestClient, operator: dict[str, str], vendor: dict[str, Any], amount_fen: int | None = None
) -> dict[str, Any]:
    r = ship(client, bearer(login(client, vendor)), issued_invoice(client, operator, vendor, amount_fen))
    assert r.status_code == 200, r.text
    return r.json()


def buyer_view(client: TestClient, operator: dict[str, str], invoice_id: str) -> dict[str, Any]:
    r = client.get(f"{API}/sandbox/invoices/{invoice_id}", headers=operator)
    assert r.status_code == 200, r.text
    return r.json()
