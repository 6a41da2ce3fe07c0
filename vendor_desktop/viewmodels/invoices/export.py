"""The invoice list's cells, shared by the table and the CSV export, and the export itself.

The export follows the orders' rules (``viewmodels/orders/export.py``): UTF-8 with a BOM so
Excel reads the Chinese, every typed text as text only (``as_text_cell``: a buyer's title may
start with "="), amounts as plain numbers Excel can sum.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.invoices.queries import InvoiceQuery, InvoiceRow, invoice_ids, invoices_by_id
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import (
    carrier_label,
    invoice_state_label,
    invoice_type_label,
    local_time,
    postage_label,
)
from vendor_desktop.viewmodels.core.spreadsheet import as_text_cell

# Column → sort key of cache.invoices.InvoiceQuery, in the order the table shows them.
COLUMNS = ("order_number", "title", "type", "amount", "state", "due", "requested", "shipment")
AMOUNT_COLUMN = COLUMNS.index("amount")
STATE_COLUMN = COLUMNS.index("state")


def headers() -> list[str]:
    return [
        QCoreApplication.translate("InvoicesViewModel", "Order number"),
        QCoreApplication.translate("InvoicesViewModel", "Title"),
        QCoreApplication.translate("InvoicesViewModel", "Invoice type"),
        QCoreApplication.translate("InvoicesViewModel", "Amount"),
        QCoreApplication.translate("InvoicesViewModel", "State"),
        QCoreApplication.translate("InvoicesViewModel", "Due date"),
        QCoreApplication.translate("InvoicesViewModel", "Requested"),
        QCoreApplication.translate("InvoicesViewModel", "Carrier and tracking number"),
    ]


def shipment_text(row: InvoiceRow) -> str:
    """顺丰 SF1234567890123: the carrier and the tracking number, as the buyer will see them."""
    return " ".join(p for p in (carrier_label(row.carrier), row.tracking_number or "") if p)


def invoice_cells(row: InvoiceRow) -> list[str]:
    """The visible cells of one invoice, shared by the table and the CSV export."""
    return [
        row.order_number or "",
        row.title or "",
        invoice_type_label(row.type),
        format_fen(row.amount_fen) if row.amount_fen is not None else "—",
        invoice_state_label(row.state or ""),
        row.due_date.isoformat() if row.due_date else "—",
        local_time(row.requested_at),
        shipment_text(row),
    ]


def export_headers() -> list[str]:
    """The list's columns, then what the bookkeeping needs beside them."""
    return [
        *headers(),
        QCoreApplication.translate("InvoicesViewModel", "Tax ID"),
        QCoreApplication.translate("InvoicesViewModel", "Invoice number"),
        QCoreApplication.translate("InvoicesViewModel", "Postage"),
    ]


def write_invoices_csv(db: CacheDatabase, query: InvoiceQuery, header: list[str], path: Path) -> int:
    """Writes in blocks so memory stays flat; returns the rows written."""
    with db.session() as session:
        ids = invoice_ids(session, query)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for start in range(0, len(ids), 1000):
            block = ids[start : start + 1000]
            with db.session() as session:
                rows = invoices_by_id(session, block)
            for invoice_id in block:
                row = rows.get(invoice_id)
                if row is None:
                    continue
                cells = [*invoice_cells(row), row.tax_id or "", row.invoice_number or "", postage_label(row.postage)]
                cells = [as_text_cell(cell) for cell in cells]
                cells[AMOUNT_COLUMN] = _yuan(row.amount_fen)
                writer.writerow(cells)
    tmp.replace(path)  # never leave a half-written file under the user's name
    return len(ids)


def _yuan(fen: int | None) -> str:
    """Plain yuan with two decimals for spreadsheets (no ¥, no thousands separator)."""
    return "" if fen is None else format_fen(fen, symbol=False).replace(",", "")


def default_file_name(today: dt.date) -> str:
    return f"invoices-{today:%Y%m%d}.csv"
