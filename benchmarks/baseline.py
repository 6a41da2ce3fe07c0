"""The baseline: the same change pages, decoded from JSON and inserted with ``executemany`` into a
fresh SQLite file in one transaction — the floor any sync of these pages could reach on this disk.

The pages are fetched from the sandbox once and kept on disk (untimed), so the baseline times
only decoding and writing, never the server.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import requests

from vendor_desktop.sync.client import MarketplaceClient

PAGE_LIMIT = 2000  # the most the API allows

_ORDER_FIELDS = (
    "number", "state", "amount_fen", "listing_id", "listing_name", "market", "billing_mode",
    "buyer_account_id", "buyer_name", "buyer_contact", "virtual_number", "created_at", "paid_at",
)  # fmt: skip


def fetch_pages(client: MarketplaceClient, folder: Path) -> list[Path]:
    """Every page of ``/sync/changes`` from the start, each saved as the server sent it."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    cursor: str | None = None
    session = requests.Session()
    token = client.refresh().access_token
    while True:
        params: dict[str, Any] = {"limit": PAGE_LIMIT}
        if cursor is not None:
            params["cursor"] = cursor
        response = session.get(
            client.api_url + "/sync/changes",
            params=params,
            headers={"Authorization": f"Bearer {token}"},
            timeout=120,
        )
        if response.status_code == 401:  # the access token's short life ended: refresh, same page again
            token = client.refresh().access_token
            continue
        response.raise_for_status()
        path = folder / f"{len(files):05d}.json"
        path.write_bytes(response.content)
        files.append(path)
        body = json.loads(response.content)
        cursor = body["cursor"]
        if not body["has_more"]:
            return files


def run_baseline(pages: list[Path], database: Path) -> dict[str, float]:
    """Decode every page and insert its rows into a fresh file: one transaction, ``executemany``.

    Same pragmas as the cache (WAL, synchronous=FULL); a primary key but no secondary index.
    """
    conn = sqlite3.connect(str(database), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    columns = ", ".join(_ORDER_FIELDS)
    conn.execute(f"CREATE TABLE orders (id TEXT PRIMARY KEY, version INTEGER NOT NULL, {columns}, data TEXT NOT NULL)")
    conn.execute("CREATE TABLE entities (entity TEXT, id TEXT, version INTEGER, data TEXT, PRIMARY KEY (entity, id))")
    insert_order = f"INSERT INTO orders VALUES (?, ?, {', '.join('?' * len(_ORDER_FIELDS))}, ?)"
    rows = 0
    start = time.perf_counter()
    conn.execute("BEGIN")
    for path in pages:
        changes = json.loads(path.read_bytes())["changes"]
        orders: list[tuple[Any, ...]] = []
        others: list[tuple[Any, ...]] = []
        for c in changes:
            data = c["data"] or {}
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            if c["entity"] == "order":
                orders.append((c["id"], c["version"], *(data.get(f) for f in _ORDER_FIELDS), text))
            else:
                others.append((c["entity"], c["id"], c["version"], text))
        conn.executemany(insert_order, orders)
        conn.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?)", others)
        rows += len(changes)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return {"wall_s": seconds, "rows": rows, "rows_per_s": rows / seconds if seconds else 0.0}
