"""The monthly statement (对账单), R-DEP-6 / R-WDR-1: per book — the account balance (账户余额) and
each market's earnings (收益) — the opening balance, the month's movements and the closing
balance (opening + movements); the sums are SQL's (``cache.money.ledger.statement``).

A month with no movements says so and shows opening = closing. Exported as CSV or .xlsx (by the
file name) off the GUI thread: the summary, then every movement of the month, oldest first;
headers in the user's language (taken on the GUI thread), money as numbers Excel can sum, and
long digit strings (order numbers) kept as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.money.ledger import LedgerRow, StatementLine, month_entries, statement
from vendor_desktop.domain.earnings import LedgerBook, LedgerKind
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import ledger_kind_label, local_time, market_label
from vendor_desktop.viewmodels.core.spreadsheet import write_csv_rows, write_xlsx_sheets, yuan
from vendor_desktop.viewmodels.money.ledger_table import headers as ledger_headers
from vendor_desktop.viewmodels.money.ledger_table import reference, signed_money

Index = QModelIndex | QPersistentModelIndex
Cell = str | Decimal


def months_since(first: str | None, today: dt.date) -> list[str]:
    """Every month (YYYY-MM) from this one back to the ledger's first, newest first — months
    without a movement too: their statement is still a statement (opening = closing)."""
    current = today.replace(day=1)
    start = current
    if first:
        try:
            start = min(current, dt.date.fromisoformat(first + "-01"))
        except ValueError:
            start = current
    months = []
    while current >= start:
        months.append(current.strftime("%Y-%m"))
        current = (current - dt.timedelta(days=1)).replace(day=1)
    return months


def book_label(line: StatementLine) -> str:
    """账户余额, or 收益 · 镜像市场."""
    if line.book == LedgerBook.BALANCE:
        return QCoreApplication.translate("StatementViewModel", "Balance")
    return QCoreApplication.translate("StatementViewModel", "Earnings · %1").replace(
        "%1", market_label(line.market or "")
    )


def summary_headers() -> list[str]:
    return [
        QCoreApplication.translate("StatementViewModel", "Account"),
        QCoreApplication.translate("StatementViewModel", "Opening balance"),
        QCoreApplication.translate("StatementViewModel", "Movements"),
        QCoreApplication.translate("StatementViewModel", "Entries"),
        QCoreApplication.translate("StatementViewModel", "Closing balance"),
    ]


def summary_cells(line: StatementLine) -> list[str]:
    return [
        book_label(line),
        format_fen(line.opening_fen),
        signed_money(line.movements_fen),
        f"{line.count:,}",
        format_fen(line.closing_fen),
    ]


@dataclass(frozen=True)
class Words:
    """Everything an export writes in the user's language, taken on the GUI thread."""

    month: str
    title: str
    summary_sheet: str
    movements_sheet: str
    summary_headers: list[str]
    movement_headers: list[str]
    kinds: dict[str, str]
    markets: dict[str, str]
    books: dict[tuple[str, str | None], str]
    no_movements: str


def words(month: str, lines: Sequence[StatementLine]) -> Words:
    return Words(
        month=month,
        title=QCoreApplication.translate("StatementViewModel", "Statement %1").replace("%1", month),
        summary_sheet=QCoreApplication.translate("StatementViewModel", "Statement"),
        movements_sheet=QCoreApplication.translate("StatementViewModel", "Movements"),
        summary_headers=summary_headers(),
        movement_headers=ledger_headers(),
        kinds={k.value: ledger_kind_label(k.value) for k in LedgerKind},
        markets={m: market_label(m) for m in MARKETS},
        books={(line.book, line.market): book_label(line) for line in lines},
        no_movements=no_movements_text(),
    )


def no_movements_text() -> str:
    return QCoreApplication.translate(
        "StatementViewModel", "No money moved this month: each closing balance is its opening balance."
    )


def _summary_rows(lines: Sequence[StatementLine], w: Words) -> Iterator[list[Cell]]:
    yield [w.title]
    yield w.summary_headers
    for line in lines:
        label = w.books[(line.book, line.market)]
        yield [label, yuan(line.opening_fen), yuan(line.movements_fen), str(line.count), yuan(line.closing_fen)]
    if not any(line.count for line in lines):
        yield [w.no_movements]


def _movement_rows(db: CacheDatabase, w: Words) -> Iterator[list[Cell]]:
    yield w.movement_headers
    with db.session() as session:
        for row in month_entries(session, w.month):
            yield _movement_cells(row, w)


def _movement_cells(row: LedgerRow, w: Words) -> list[Cell]:
    account = w.markets.get(row.market, row.market) if row.market else "—"  # as the ledger shows it
    after = yuan(row.balance_after_fen) if row.balance_after_fen is not None else ""
    return [local_time(row.at), w.kinds.get(row.kind, row.kind), account, yuan(row.amount_fen), after, reference(row)]


def write_statement(db: CacheDatabase, lines: Sequence[StatementLine], w: Words, path: Path) -> int:
    """The statement of ``w.month`` to ``path`` (.xlsx: two sheets; else CSV: the summary, a blank
    row, the movements). Returns how many movements were written."""
    written = 0

    def counted(rows: Iterator[list[Cell]]) -> Iterator[list[Cell]]:
        nonlocal written
        for row in rows:
            yield row
            written += 1

    movements = counted(_movement_rows(db, w))
    if path.suffix.lower() == ".xlsx":
        write_xlsx_sheets(path, [(w.summary_sheet, _summary_rows(lines, w)), (w.movements_sheet, movements)])
    else:
        write_csv_rows(path, _chain(_summary_rows(lines, w), iter([[]]), movements))
    return max(0, written - 1)  # the header row is not a movement


def _chain(*parts: Iterator[list[Cell]]) -> Iterator[list[Cell]]:
    for part in parts:
        yield from part


def read_statement(db: CacheDatabase, month: str) -> list[StatementLine]:
    with db.session() as session:
        return statement(session, month)


class StatementTableModel(QAbstractTableModel):
    """The month's few lines (a book each): opening, movements, entries, closing."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[StatementLine] = []

    def set_lines(self, lines: list[StatementLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def relabel(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return summary_headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return summary_cells(self.lines[index.row()])[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
