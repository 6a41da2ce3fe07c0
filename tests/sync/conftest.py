"""Fixtures for sync tests: the real sandbox over HTTP on loopback, a temp cache, a memory keychain."""

from __future__ import annotations

import itertools
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import TYPED_TABLES, Entity
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.client import MarketplaceClient


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sandbox() -> Iterator[EmbeddedSandbox]:
    # A fixed port, so a test can stop the sandbox and start it again at the same URL.
    with EmbeddedSandbox("sqlite://", port=free_port()) as sb:
        yield sb


_seeds = itertools.count(1000)


class Vendor:
    """A seeded vendor account and its users' passwords."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info
        self.account_id: str = info["account_id"]
        self.passwords = {u["username"]: u["password"] for u in info["users"]}


@pytest.fixture
def vendor(sandbox: EmbeddedSandbox) -> Vendor:
    return Vendor(sandbox.seed(orders=60, listings=6, seed=next(_seeds)))


@pytest.fixture
def client(sandbox: EmbeddedSandbox, vendor: Vendor) -> Iterator[MarketplaceClient]:
    c = MarketplaceClient(sandbox.base_url, timeout=5.0)
    c.login(vendor.account_id, "owner", vendor.passwords["owner"])
    yield c


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[CacheDatabase]:
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    yield db
    db.close()


def operator(sandbox: EmbeddedSandbox, method: str, path: str, json: Any = None) -> Any:
    """Play the buyer or the marketplace operator through the sandbox controls."""
    response = requests.request(
        method,
        f"{sandbox.base_url}/api/v1/sandbox{path}",
        json=json,
        headers={"Authorization": f"Bearer {sandbox.operator_token}", "Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert response.status_code < 300, response.text
    return response.json() if response.content else None


def server_state(client: MarketplaceClient) -> dict[str, dict[str, int]]:
    """Everything the server holds for the caller now: entity → {id: version}, via a fresh pull."""
    state: dict[str, dict[str, int]] = {}
    cursor = None
    while True:
        page = client.changes(cursor, 2000)
        for change in page.changes:
            ids = state.setdefault(change["entity"], {})
            if change.get("deleted"):
                ids.pop(change["id"], None)
            else:
                ids[change["id"]] = change["version"]
        cursor = page.cursor
        if not page.has_more:
            return {e: ids for e, ids in state.items() if ids}


def cache_state(db: CacheDatabase) -> dict[str, dict[str, int]]:
    state: dict[str, dict[str, int]] = {}
    with db.session() as s:
        for entity, table in TYPED_TABLES.items():
            rows = {id_: version for id_, version in s.execute(select(table.c.id, table.c.version))}
            if rows:
                state[entity] = rows
        for entity, id_, version in s.execute(select(Entity.entity, Entity.id, Entity.version)):
            state.setdefault(entity, {})[id_] = version
    return state
