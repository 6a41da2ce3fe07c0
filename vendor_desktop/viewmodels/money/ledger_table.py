"""The ledger (资金流水) as a table: ordered ids from one query, rows paged in (never all rows).

Each row is one money movement: when, what kind, which market's earnings (balance movements
have none), the signed amount, the book's balance after it, and what it refers to — the order,
the deposit receipt (缴纳凭证) or the withdrawal. The cells are shared with the statement export.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.money.ledger import LedgerQuery, LedgerRow, count_ledger, ledger_by_id, ledger_ids
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import ledger_kind_label, local_time, market_label
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel, head_then_rest

COLUMNS = ("time", "kind", "market", "amount", "balance_after", "reference")
AMOUNT_COLUMN = COLUMNS.index("amount")
BALANCE_COLUMN = COLUMNS.index("balance_after")
REFERENCE_COLUMN = COLUMNS.index("reference")
MINUS = "\u2212"  # the minus sign, not a hyphen: −¥88.00


def headers() -> list[str]:
    return [
        QCoreApplication.translate("LedgerViewModel", "Time"),
        QCoreApplication.translate("LedgerViewModel", "Kind"),
        QCoreApplication.translate("LedgerViewModel", "Market"),
        QCoreApplication.translate("LedgerViewModel", "Amount"),
        QCoreApplication.translate("LedgerViewModel", "Balance after"),
        QCoreApplication.translate("LedgerViewModel", "Reference"),
    ]


def signed_money(fen: int) -> str:
    """+¥1,234.50 into the book, −¥88.00 out of it (a sign on every amount: a ledger reads both ways)."""
    if fen == 0:
        return format_fen(0)
    return ("+" if fen > 0 else MINUS) + format_fen(abs(fen))


def reference(row: LedgerRow) -> str:
    """The order number, the deposit receipt or the withdrawal the movement belongs to."""
    return row.order_number or row.receipt_number or row.withdrawal_id or ""


def ledger_cells(row: LedgerRow) -> list[str]:
    return [
        local_time(row.at),
        ledger_kind_label(row.kind),
        market_label(row.market) if row.market else "—",
        signed_money(row.amount_fen),
        format_fen(row.balance_after_fen) if row.balance_after_fen is not None else "—",
        reference(row) or "—",
    ]


class LedgerTableModel(PagedTableModel[LedgerRow]):
    """Newest first; the filters are the viewmodel's (``query``), pushed into SQL."""

    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.query = LedgerQuery()
        super().__init__(None, self._rows_by_id, parent)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        query, db = self.query, self._db  # as filtered now, wherever the query runs
        return lambda: head_then_rest(
            db, lambda s, limit: ledger_ids(s, query, limit=limit), lambda s: count_ledger(s, query)
        )

    def _rows_by_id(self, ids: Sequence[str]) -> dict[str, LedgerRow]:
        with self._db.session() as session:
            return ledger_by_id(session, ids)

    def headers(self) -> list[str]:
        return headers()

    def display(self, row: LedgerRow, column: int) -> Any:
        return self.cells(row)[column]

    def cells(self, row: LedgerRow) -> list[Any]:
        return ledger_cells(row)

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in (AMOUNT_COLUMN, BALANCE_COLUMN):  # money lines up on the decimal point
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def row_data(self, row: LedgerRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
