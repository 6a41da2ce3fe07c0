"""The orders list's cells, shared by the table and the CSV export, and the export itself."""

from __future__ import annotations

import csv
from pathlib import Path

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.queries import OrderQuery, OrderRow, order_ids, orders_by_id
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import local_time, market_label, order_state_label, price_with_unit
from vendor_desktop.viewmodels.core.spreadsheet import as_text_cell

# Column → sort key of cache.orders.OrderQuery, in the order the table shows them.
COLUMNS = ("number", "listing", "market", "buyer", "amount", "state", "created")
AMOUNT_COLUMN = COLUMNS.index("amount")


def order_cells(row: OrderRow) -> list[str]:
    """The visible cells of one order, shared by the table and the CSV export (which writes the
    amount as a plain number instead)."""
    return [
        row.number,
        row.listing_name,
        market_label(row.market),
        row.buyer_name,
        price_with_unit(row.amount_fen, row.billing_mode),
        order_state_label(row.state),
        local_time(row.created_at),
    ]


def write_orders_csv(db: CacheDatabase, query: OrderQuery, headers: list[str], path: Path) -> int:
    """Writes in blocks so memory stays flat for 100,000 orders; returns the rows written."""
    with db.session() as session:
        ids = order_ids(session, query)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(headers)
        for start in range(0, len(ids), 1000):
            block = ids[start : start + 1000]
            with db.session() as session:
                rows = orders_by_id(session, block)
            for order_id in block:
                row = rows.get(order_id)
                if row is not None:
                    # Every text cell (buyer and listing names are typed by others) as text only;
                    # the amount, written here from integer fen, stays a number Excel can sum.
                    cells = [as_text_cell(cell) for cell in order_cells(row)]
                    cells[AMOUNT_COLUMN] = _yuan(row.amount_fen)
                    writer.writerow(cells)
    tmp.replace(path)  # never leave a half-written file under the user's name
    return len(ids)


def _yuan(fen: int) -> str:
    """Plain yuan with two decimals for spreadsheets (no ¥, no thousands separator)."""
    return format_fen(fen, symbol=False).replace(",", "")
