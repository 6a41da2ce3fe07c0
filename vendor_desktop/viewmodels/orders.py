"""The Orders view (订单管理): filter, search, sort and review orders from the cache, offline too.

R-ORD-2: orders can be queried by number, buyer, listing, state and date.
R-ORD-4: the buyer shows masked, with the marketplace's virtual number, never a real phone.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.database import CacheDatabase
from vendor_desktop.cache.orders import OrderQuery, OrderRow, order_detail, order_ids, orders_by_id
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.workdays import SHANGHAI

from .background import BackgroundRunner
from .labels import billing_mode_label, market_label, order_state_label
from .paged_table import PagedTableModel

# Column → sort key of cache.orders.OrderQuery, in the order the table shows them.
COLUMNS = ("number", "listing", "market", "buyer", "amount", "state", "created")
AMOUNT_COLUMN = COLUMNS.index("amount")


def local_time(moment: dt.datetime | None) -> str:
    """A timestamp as the vendor reads it: Beijing time, to the minute."""
    if moment is None:
        return ""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


class OrdersTableModel(PagedTableModel[OrderRow]):
    """The order list, paged from SQLite; sorting is pushed into SQL."""

    sort_changed = Signal()

    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.query = OrderQuery()
        super().__init__(self._ids, self._rows_by_id, parent)

    def _ids(self) -> list[str]:
        with self._db.session() as session:
            return order_ids(session, self.query)

    def _rows_by_id(self, ids: Sequence[str]) -> dict[str, OrderRow]:
        with self._db.session() as session:
            return orders_by_id(session, ids)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("OrdersViewModel", "Order number"),
            QCoreApplication.translate("OrdersViewModel", "Listing"),
            QCoreApplication.translate("OrdersViewModel", "Market"),
            QCoreApplication.translate("OrdersViewModel", "Buyer"),
            QCoreApplication.translate("OrdersViewModel", "Amount"),
            QCoreApplication.translate("OrdersViewModel", "State"),
            QCoreApplication.translate("OrdersViewModel", "Created"),
        ]

    def display(self, row: OrderRow, column: int) -> Any:
        return order_cells(row)[column]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == AMOUNT_COLUMN:  # money lines up on the decimal point
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def row_data(self, row: OrderRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text where a narrow column cuts it
            return self.display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.query = dataclasses.replace(
            self.query, sort=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder
        )
        self.reload()
        self.sort_changed.emit()


def order_cells(row: OrderRow) -> list[str]:
    """The visible cells of one order, shared by the table and the CSV export."""
    return [
        row.number,
        row.listing_name,
        market_label(row.market),
        row.buyer_name,
        format_fen(row.amount_fen),
        order_state_label(row.state),
        local_time(row.created_at),
    ]


def state_choices() -> list[tuple[str, str]]:
    """(value, label) for the state filter, in the order of R-ORD-1."""
    return [(s.value, order_state_label(s.value)) for s in OrderState]


def market_choices() -> list[tuple[str, str]]:
    """(value, label) for the market filter, in the order of SPEC §1."""
    return [(m, market_label(m)) for m in MARKETS]


class OrdersViewModel(QObject):
    """Filters and the selected order; the table model does the listing."""

    count_changed = Signal(int)
    selected_changed = Signal()
    export_finished = Signal(str, int)  # path, rows written
    export_failed = Signal(str)

    def __init__(self, db: CacheDatabase, runner: BackgroundRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.model = OrdersTableModel(db, self)
        self.selected: OrderRow | None = None
        self.model.reload()

    # -- filters -----------------------------------------------------------------------------
    @property
    def query(self) -> OrderQuery:
        return self.model.query

    def _set_query(self, **changes: Any) -> None:
        query = dataclasses.replace(self.model.query, **changes)
        if query == self.model.query:
            return
        self.model.query = query
        self.model.reload()
        self.count_changed.emit(self.model.total)
        if self.selected is not None and self.model.row_of(self.selected.id) < 0:
            self.select(None)

    @Slot(str)
    def set_search_text(self, text: str) -> None:
        self._set_query(text=text.strip()[:200])

    def set_states(self, states: Sequence[str]) -> None:
        self._set_query(states=tuple(OrderState(s).value for s in states))

    def set_markets(self, markets: Sequence[str]) -> None:
        self._set_query(markets=tuple(markets))

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if date_from and date_to and date_from > date_to:  # a reversed range means the same days
            date_from, date_to = date_to, date_from
        self._set_query(date_from=date_from, date_to=date_to)

    def clear_filters(self) -> None:
        self._set_query(states=(), markets=(), date_from=None, date_to=None, text="")

    @property
    def count(self) -> int:
        return self.model.total

    # -- selection and detail ----------------------------------------------------------------
    def select(self, order_id: str | None) -> None:
        if order_id is None:
            self.selected = None
        else:
            with self._db.session() as session:
                self.selected = order_detail(session, order_id)
        self.selected_changed.emit()

    def detail_fields(self) -> list[tuple[str, str]]:
        """The whole order as label/value pairs for the detail pane."""
        o = self.selected
        if o is None:
            return []
        return [
            (QCoreApplication.translate("OrdersViewModel", "Order number"), o.number),
            (QCoreApplication.translate("OrdersViewModel", "State"), order_state_label(o.state)),
            (QCoreApplication.translate("OrdersViewModel", "Amount"), format_fen(o.amount_fen)),
            (QCoreApplication.translate("OrdersViewModel", "Listing"), o.listing_name),
            (QCoreApplication.translate("OrdersViewModel", "Market"), market_label(o.market)),
            (
                QCoreApplication.translate("OrdersViewModel", "Billing mode"),
                billing_mode_label(o.billing_mode),
            ),
            (QCoreApplication.translate("OrdersViewModel", "Buyer"), o.buyer_name),
            (QCoreApplication.translate("OrdersViewModel", "Buyer account"), o.buyer_account_id),
            (QCoreApplication.translate("OrdersViewModel", "Contact (masked)"), o.buyer_contact),
            # R-ORD-4 号码隐私保护: the only number a vendor may call
            (QCoreApplication.translate("OrdersViewModel", "Virtual number"), o.virtual_number),
            (QCoreApplication.translate("OrdersViewModel", "Created"), local_time(o.created_at)),
            (QCoreApplication.translate("OrdersViewModel", "Paid at"), local_time(o.paid_at) or "—"),
        ]

    # -- changes from a pull -----------------------------------------------------------------
    def on_data_changed(self, changes: ChangeSet) -> None:
        if "order" not in changes.entities():
            return
        selected = self.selected.id if self.selected else None
        self.model.reload()
        self.count_changed.emit(self.model.total)
        if selected is not None:
            self.select(selected if self.model.row_of(selected) >= 0 else None)

    # -- export ------------------------------------------------------------------------------
    def export_csv(self, path: str) -> None:
        """The filtered, sorted list as CSV that Excel opens correctly (UTF-8 with BOM)."""
        query = self.model.query
        headers = self.model.headers()
        self._runner.submit(
            lambda: write_orders_csv(self._db, query, headers, Path(path)),
            on_done=lambda n: self.export_finished.emit(path, n),
            on_error=lambda exc: self.export_failed.emit(str(exc)),
        )


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
                    cells = order_cells(row)
                    cells[AMOUNT_COLUMN] = _yuan(row.amount_fen)
                    writer.writerow(cells)
    tmp.replace(path)  # never leave a half-written file under the user's name
    return len(ids)


def _yuan(fen: int) -> str:
    """Plain yuan with two decimals for spreadsheets (no ¥, no thousands separator)."""
    return format_fen(fen, symbol=False).replace(",", "")
