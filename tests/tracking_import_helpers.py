"""Invoices in the cache and couriers' spreadsheets, for the tracking-number import's tests."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase

SH = dt.timezone(dt.timedelta(hours=8))


def invoice_change(n: int, *, state: str = "issued", amount_fen: int = 12_800, version: int = 3) -> dict[str, Any]:
    """A synced invoice of order ``number(n)`` (as ``/sync/changes`` sends it)."""
    requested = dt.datetime(2026, 11, 20, 9, 0, tzinfo=SH) + dt.timedelta(minutes=n)
    return {
        "entity": "invoice",
        "id": invoice_id(n),
        "version": version,
        "deleted": False,
        "data": {
            "order_id": f"o{n:05d}",
            "order_number": number(n),
            "amount_fen": amount_fen,
            "listing_name": "云桌面 SaaS 标准版",
            "buyer_account_id": f"B{n:06d}",
            "state": state,
            "type": "ordinary",
            "title": "杭州某某科技有限公司",
            "tax_id": "91330100MA2XXXXX0X",
            "mailing": {"recipient": "张*", "address": "杭州市西湖区某路 1 号", "virtual_number": "170 0000 0000-0001"},
            "requested_at": requested.isoformat(),
            "due_date": "2026-12-04",
            "due_date_approximate": False,
            "invoice_number": "12345678" if state in ("issued", "shipped") else None,
            "carrier": "顺丰" if state == "shipped" else None,
            "tracking_number": "SF1000000000001" if state == "shipped" else None,
            "postage": "vendor_paid" if state == "shipped" else None,
            "history": [],
        },
    }


def number(n: int) -> str:
    return f"20261120{n:08d}"


def invoice_id(n: int) -> str:
    return f"inv-{n:05d}"


def put_invoices(db: CacheDatabase, changes: Sequence[dict[str, Any]]) -> None:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, list(changes))


def write_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path
