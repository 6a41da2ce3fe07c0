"""Fixtures for the sandbox server tests: an app on an in-memory database with a settable clock."""

from __future__ import annotations

import datetime as dt
import uuid
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx; the client still works
    from fastapi.testclient import TestClient

from vendor_desktop.domain.workdays import SHANGHAI
from vendor_desktop.sandbox.clock import SettableClock
from vendor_desktop.sandbox.server import create_app

API = "/api/v1"
OPERATOR_TOKEN = "test-operator-token"
START = dt.datetime(2026, 11, 26, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def clock() -> SettableClock:
    c = SettableClock()
    c.set(START)
    return c


@pytest.fixture
def client(clock: SettableClock) -> Iterator[TestClient]:
    app = create_app("sqlite://", clock=clock, operator_token=OPERATOR_TOKEN)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def operator() -> dict[str, str]:
    return {"Authorization": f"Bearer {OPERATOR_TOKEN}"}


@pytest.fixture
def seed(client: TestClient, operator: dict[str, str]) -> Callable[..., dict[str, Any]]:
    def _seed(**body: Any) -> dict[str, Any]:
        body.setdefault("orders", 30)
        body.setdefault("listings", 12)
        r = client.post(f"{API}/sandbox/seed", json=body, headers=operator)
        assert r.status_code == 201, r.text
        return r.json()

    return _seed


@pytest.fixture
def vendor(seed: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return seed(seed=1)


def password_of(vendor: dict[str, Any], role: str = "owner") -> str:
    return next(u["password"] for u in vendor["users"] if u["role"] == role)


def login(client: TestClient, vendor: dict[str, Any], role: str = "owner") -> dict[str, Any]:
    r = client.post(
        f"{API}/auth/login",
        json={"account_id": vendor["account_id"], "username": role, "password": password_of(vendor, role)},
    )
    assert r.status_code == 200, r.text
    return r.json()


def bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def pull_all(client: TestClient, headers: dict[str, str], limit: int = 2000) -> tuple[list[dict[str, Any]], str]:
    """Page through /sync/changes from the start; returns all changes and the final cursor."""
    changes: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        r = client.get(f"{API}/sync/changes", params=params, headers=headers)
        assert r.status_code == 200, r.text
        page = r.json()
        changes += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            return changes, cursor


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response is the API.md error envelope with this status and code."""
    assert response.status_code == status, response.text
    err = response.json()["error"]
    assert err["code"] == code
    assert err["message"] and err["message_zh"]
    assert isinstance(err["details"], dict)
    return err


# --- vendor commands (Idempotency-Key, If-Match) -------------------------------------------


def send(
    client: TestClient,
    method: str,
    path: str,
    headers: dict[str, str],
    *,
    json: Any = None,
    key: str | None = None,
    if_match: int | str | None = None,
) -> Any:
    """A vendor command with a fresh Idempotency-Key (or ``key``) and an optional If-Match."""
    sent = {**headers, "Idempotency-Key": key if key is not None else uuid.uuid4().hex}
    if if_match is not None:
        sent["If-Match"] = str(if_match)
    return client.request(method, f"{API}{path}", json=json, headers=sent)


def on_sale_listing(vendor: dict[str, Any]) -> str:
    """Seeded listings 0–9 cover every market and are on sale."""
    return f"lst-{vendor['account_id']}-0"


def place_order(
    client: TestClient, operator: dict[str, str], vendor: dict[str, Any], buyer: str = "5550001", listing: str = ""
) -> dict[str, Any]:
    """A buyer places an order (unpaid, version 1)."""
    body = {
        "account_id": vendor["account_id"],
        "listing_id": listing or on_sale_listing(vendor),
        "buyer_account_id": buyer,
    }
    r = client.post(f"{API}/sandbox/orders", json=body, headers=operator)
    assert r.status_code == 201, r.text
    return r.json()


def entity_now(client: TestClient, headers: dict[str, str], entity: str, entity_id: str) -> dict[str, Any] | None:
    """The entity as a full pull delivers it now (None if the caller does not see it)."""
    changes, _ = pull_all(client, headers)
    return next((c for c in changes if c["entity"] == entity and c["id"] == entity_id), None)
