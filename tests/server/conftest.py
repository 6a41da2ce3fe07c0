"""Fixtures for the sandbox server tests: an app on an in-memory database with a settable clock."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx; the client still works
    from fastapi.testclient import TestClient

from vendor_desktop.domain.workdays import SHANGHAI
from vendor_desktop.sandbox.core.clock import SettableClock
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sandbox.server import create_app

from .. import postgres

# The books' checks live in a helper module shared by the money tests and the property test: let
# pytest show the values a failing assert compared, as it does in test files.
pytest.register_assert_rewrite("tests.server.money_helpers")

API = "/api/v1"
OPERATOR_TOKEN = "test-operator-token"
START = dt.datetime(2026, 11, 26, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def clock() -> SettableClock:
    c = SettableClock()
    c.set(START)
    return c


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str | None]:
    """The URL of a PostgreSQL server to make test databases on: CI's (``.ci/run`` starts one),
    else a throwaway cluster of our own when PostgreSQL is installed, else None."""
    url = os.environ.get(postgres.URL_ENV)
    if url or postgres.binaries() is None:
        yield url or None
        return
    # Not pytest's tmp folder: it is private to us, and as root the cluster runs as ``postgres``.
    folder = Path(tempfile.mkdtemp(prefix="vendor-center-pg-"))
    try:
        yield postgres.start(folder)
    finally:
        postgres.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, postgres_server: str | None) -> Iterator[str]:
    """Every server test runs twice: on an in-memory SQLite database and on a fresh PostgreSQL
    database (SQLite's process-wide lock hides races PostgreSQL shows)."""
    if request.param == "sqlite":
        yield "sqlite://"
        return
    if postgres_server is None:
        if os.environ.get(postgres.REQUIRE_ENV) == "1":
            pytest.fail(f"PostgreSQL is required ({postgres.REQUIRE_ENV}=1) but none is installed or configured")
        pytest.skip(f"no PostgreSQL: install it or set {postgres.URL_ENV}")
    name = f"vc_{uuid.uuid4().hex[:16]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def client(clock: SettableClock, database_url: str) -> Iterator[TestClient]:
    app = create_app(database_url, clock=clock, operator_token=OPERATOR_TOKEN)
    try:
        with TestClient(app) as c:
            yield c
    finally:
        app.state.db.dispose()


@pytest.fixture
def sandbox(database_url: str, clock: SettableClock) -> Iterator[EmbeddedSandbox]:
    """The sandbox served over real HTTP (uvicorn on a free loopback port): requests really
    overlap, for the race tests."""
    with EmbeddedSandbox(database_url, operator_token=OPERATOR_TOKEN, clock=clock) as sb:
        yield sb


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
