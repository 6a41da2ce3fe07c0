"""Shared steps of the listing tests: a valid draft per delivery type, the vendor's commands and
the operator's review."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from .conftest import API, send

#: R-LST-1: a valid delivery configuration per delivery type (market → config).
CONFIGS: dict[str, dict[str, Any]] = {
    "saas": {"callback_url": "https://saas.example.com.cn/marketplace/callback"},
    "image": {"image_id": "m-0123456789ab", "os": "Ubuntu 22.04 64位"},
    "api": {"base_url": "https://api.example.com.cn/v1", "quota_per_plan": {"basic": 1000, "pro": 100_000}},
    "custom_service": {"service_scope": "远程在线服务，工作日 9:00–18:00", "response_hours": 4},
}
AGREEMENT = "商品服务协议：服务商按本商品页面所述内容向买家提供服务。"


def draft_body(market: Any = "saas", **over: Any) -> dict[str, Any]:
    body = {
        "market": market,
        "name": "云端进销存",
        "summary": "中小企业的进销存管理",
        "description": "库存、采购、销售一站式管理。",
        "billing": {"monthly": 19_900, "yearly": 199_000},
        "delivery_config": CONFIGS.get(market if isinstance(market, str) else "saas", CONFIGS["saas"]),
        "agreement": AGREEMENT,
    }
    return body | over


def create(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    return send(client, "POST", "/listings", headers, json=draft_body(**body))


def created(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = create(client, headers, **body)
    assert r.status_code == 201, r.text
    return r.json()


def patch(client: TestClient, headers: dict[str, str], listing: dict[str, Any], if_match: Any = None, **fields: Any):
    version = listing["version"] if if_match is None else if_match
    return send(client, "PATCH", f"/listings/{listing['id']}", headers, json=fields, if_match=version)


def act(client: TestClient, headers: dict[str, str], verb: str, listing: dict[str, Any], if_match: Any = None):
    """POST /listings/{id}/submit or /delist at the listing's version (or ``if_match``)."""
    version = listing["version"] if if_match is None else if_match
    return send(client, "POST", f"/listings/{listing['id']}/{verb}", headers, if_match=version)


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code in {200, 201}, response.text
    return response.json()


def review(client: TestClient, operator: dict[str, str], listing_id: str, approve: bool, reason: Any = None) -> Any:
    body: dict[str, Any] = {"approve": approve}
    if reason is not None:
        body["reason"] = reason
    return client.post(f"{API}/sandbox/listings/{listing_id}/review", json=body, headers=operator)
