"""Shared steps of the refund, delivery and exit tests (SPEC §5, R-ORD-5, R-EXT-1): a buyer's
request, the vendor's decision, starting a delivery, and reading one entity as a role sees it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from .conftest import API, entity_now, send


def ask_refund(
    client: TestClient, operator: dict[str, str], order_id: str, amount_fen: Any = None, reason: Any = "不想要了"
) -> Any:
    """The buyer asks for a refund (``POST /sandbox/refunds``); the response, unchecked."""
    body: dict[str, Any] = {"order_id": order_id, "reason": reason}
    if amount_fen is not None:
        body["amount_fen"] = amount_fen
    return client.post(f"{API}/sandbox/refunds", json=body, headers=operator)


def asked(client: TestClient, operator: dict[str, str], order_id: str, amount_fen: Any = None) -> dict[str, Any]:
    r = ask_refund(client, operator, order_id, amount_fen)
    assert r.status_code == 201, r.text
    return r.json()


def decide(client: TestClient, headers: dict[str, str], refund: dict[str, Any], decision: str, **body: Any) -> Any:
    """The vendor's decision on ``refund`` (an envelope) at its version, unless ``if_match`` is given."""
    if_match = body.pop("if_match", refund["version"])
    key = body.pop("key", None)
    return send(
        client,
        "POST",
        f"/refunds/{refund['id']}/decision",
        headers,
        json={"decision": decision, **body},
        if_match=if_match,
        key=key,
    )


def deliver(
    client: TestClient, headers: dict[str, str], order: dict[str, Any], note: Any = "已开通，账号见站内信", **kw: Any
) -> Any:
    if_match = kw.pop("if_match", order["version"])
    return send(client, "POST", f"/orders/{order['id']}/deliver", headers, json={"note": note}, if_match=if_match, **kw)


def order_now(client: TestClient, headers: dict[str, str], order_id: str) -> dict[str, Any]:
    found = entity_now(client, headers, "order", order_id)
    assert found is not None
    return found["data"]
