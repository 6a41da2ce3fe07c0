"""Fixtures for cache tests: a fresh cache file per test and builders of server changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vendor_desktop.cache.core.database import CacheDatabase


@pytest.fixture
def db(tmp_path: Path) -> Iterator[CacheDatabase]:
    database = CacheDatabase.open(tmp_path / "cache.sqlite3")
    yield database
    database.close()


def order_change(id_: str, version: int = 1, **data: Any) -> dict[str, Any]:
    """A ``/sync/changes`` entry for an order, with plausible defaults for every field."""
    fields: dict[str, Any] = {
        "number": f"NO{id_}",
        "state": "unpaid",
        "amount_fen": 10000,
        "listing_id": "L1",
        "listing_name": "Cloud Backup",
        "market": "saas",
        "billing_mode": "monthly",
        "buyer_account_id": f"B{id_}",
        "buyer_name": "张*",
        "buyer_contact": "138****0000",
        "virtual_number": "17000000000",
        "created_at": "2024-06-01T10:00:00+08:00",
        "paid_at": None,
    }
    fields.update(data)
    return {"entity": "order", "id": id_, "version": version, "deleted": False, "data": fields}


def change(entity: str, id_: str, version: int = 1, **data: Any) -> dict[str, Any]:
    return {"entity": entity, "id": id_, "version": version, "deleted": False, "data": data}


def tombstone(entity: str, id_: str, version: int = 99) -> dict[str, Any]:
    return {"entity": entity, "id": id_, "version": version, "deleted": True, "data": None}
