"""The Orders view (订单管理): filter, search, sort and review orders from the cache, offline too.

R-ORD-2: orders can be queried by number, buyer, listing, state and date.
R-ORD-4: the buyer shows masked, with the marketplace's virtual number, never a real phone.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from sqlalchemy.orm import Session

from vendor_desktop.cache import outbox
from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.database import CacheDatabase
from vendor_desktop.cache.orders import OrderQuery, OrderRow, count_orders, order_detail, order_ids, orders_by_id
from vendor_desktop.cache.outbox import Command, CommandState
from vendor_desktop.domain.discounts import zhe
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import OrderState

from .background import BackgroundRunner
from .changes import can_retry
from .commands import CommandQueue
from .labels import (
    CHANGE_ROLE,
    billing_mode_label,
    is_chinese,
    local_time,
    market_label,
    order_state_label,
    server_message,
)
from .paged_table import FETCH_STEP, HeadIds, PagedTableModel
from .price_change import PriceChangeViewModel, why_price_cannot_change
from .spreadsheet import as_text_cell

# Column → sort key of cache.orders.OrderQuery, in the order the table shows them.
COLUMNS = ("number", "listing", "market", "buyer", "amount", "state", "created")
AMOUNT_COLUMN = COLUMNS.index("amount")
# A search matching at least 1 in this many orders is broad: walk the sort order for a screenful.
BROAD_SEARCH = 20
STATE_COLUMN = COLUMNS.index("state")


@dataclass(frozen=True)
class OrderLine:
    """An order as the list shows it: the cached order and its open price change, if any."""

    order: OrderRow
    change: Command | None = None

    @property
    def change_state(self) -> str | None:
        if self.change is None:
            return None
        return "rejected" if self.change.state in (CommandState.REJECTED, CommandState.HELD) else "pending"

    @property
    def shown_amount_fen(self) -> int:
        """A queued price shows right away (pending); a rejected one does not (nothing changed)."""
        if self.change_state == "pending":
            return int((self.change.summary or {}).get("new_fen", self.order.amount_fen or 0))  # type: ignore[union-attr]
        return self.order.amount_fen or 0


def latest_price_changes(session: Session, ids: Sequence[str]) -> dict[str, Command]:
    """The newest open price change of each order among ``ids``."""
    found = outbox.open_commands_for(session, "order", ids)
    return {
        order_id: changes[-1]
        for order_id, commands in found.items()
        if (changes := [c for c in commands if c.kind == "order.price_change"])
    }


class OrdersTableModel(PagedTableModel[OrderLine]):
    """The order list, paged from SQLite; sorting is pushed into SQL."""

    sort_changed = Signal()

    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.query = OrderQuery()
        super().__init__(self._ids, self._rows_by_id, parent)

    def _ids(self) -> Sequence[str]:
        """The first screenfuls of ids and the count, in one read transaction; the rest on demand."""
        query = self.query
        with self._db.session() as session:
            if query.text.strip():
                # A search counts over its narrow index first. Few matches: all of them, sorted.
                # Many: walking the sort order finds a screenful quickly, the rest comes on demand.
                total = count_orders(session, query)
                if total <= FETCH_STEP or total * BROAD_SEARCH < count_orders(session, OrderQuery()):
                    return order_ids(session, query)
                head = order_ids(session, query, limit=FETCH_STEP)
            else:
                head = order_ids(session, query, limit=FETCH_STEP)
                if len(head) < FETCH_STEP:
                    return head
                total = count_orders(session, query)
        return HeadIds(head, total, lambda: self._all_ids(query))

    def _all_ids(self, query: OrderQuery) -> list[str]:
        with self._db.session() as session:
            return order_ids(session, query)

    def _rows_by_id(self, ids: Sequence[str]) -> dict[str, OrderLine]:
        with self._db.session() as session:
            orders = orders_by_id(session, ids)
            changes = latest_price_changes(session, list(orders))
        return {i: OrderLine(o, changes.get(i)) for i, o in orders.items()}

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

    def display(self, row: OrderLine, column: int) -> Any:
        cells = order_cells(row.order)
        if row.change_state == "pending":
            cells[AMOUNT_COLUMN] = format_fen(row.shown_amount_fen)
            cells[STATE_COLUMN] += " · " + QCoreApplication.translate("OrdersViewModel", "price change pending")
        elif row.change_state == "rejected":
            cells[STATE_COLUMN] += " · " + QCoreApplication.translate("OrdersViewModel", "price change rejected")
        return cells[column]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == AMOUNT_COLUMN:  # money lines up on the decimal point
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def row_data(self, row: OrderLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text where a narrow column cuts it
            if row.change is not None and column in (AMOUNT_COLUMN, STATE_COLUMN):
                return change_notice(row.order, row.change)
            return self.display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.order.id
        if role == CHANGE_ROLE:
            return row.change_state
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        query = dataclasses.replace(self.query, sort=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
        if query == self.query:  # the view repeats the current sort when it turns sorting on
            return
        self.query = query
        self.reload()
        self.sort_changed.emit()


def change_notice(order: OrderRow, change: Command) -> str:
    """A price change in a sentence: waiting, or refused and why (in the user's language)."""
    s = change.summary or {}
    new = format_fen(int(s.get("new_fen", 0)))
    old = format_fen(int(s.get("old_fen", order.amount_fen or 0)))
    if change.state == CommandState.REJECTED:
        reason = server_message(change.error_message or "", change.error_message_zh or "") or change.error_code or ""
        return (
            QCoreApplication.translate(
                "OrdersViewModel", "The price change to %1 was rejected: %2 The price is still %3."
            )
            .replace("%1", new)
            .replace("%2", reason)
            .replace("%3", old)
        )
    if change.state == CommandState.HELD:
        return QCoreApplication.translate(
            "OrdersViewModel", "The price change to %1 waits: an earlier change of this order was rejected."
        ).replace("%1", new)
    return (
        QCoreApplication.translate("OrdersViewModel", "Price change from %1 to %2 is waiting to be sent.")
        .replace("%1", old)
        .replace("%2", new)
    )


def discount_text(order: OrderRow) -> str:
    """The buyer-specific discount this order got (R-DSC-2), as 折 or % off by language."""
    percent = order.discount_percent
    if not percent:
        return "—"
    text = (
        zhe(percent)
        if is_chinese()
        else QCoreApplication.translate("OrdersViewModel", "%1% off").replace("%1", str(100 - percent))
    )
    if order.list_price_fen:
        text += " · " + QCoreApplication.translate("OrdersViewModel", "list price %1").replace(
            "%1", format_fen(order.list_price_fen)
        )
    return text


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

    def __init__(
        self,
        db: CacheDatabase,
        runner: BackgroundRunner,
        parent: QObject | None = None,
        *,
        queue: CommandQueue | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._queue = queue  # None: a read-only list (no signed-in user to act as)
        self.model = OrdersTableModel(db, self)
        self.selected: OrderRow | None = None
        self.selected_change: Command | None = None
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
        self.selected, self.selected_change = None, None
        if order_id is not None:
            with self._db.session() as session:
                self.selected = order_detail(session, order_id)
                self.selected_change = latest_price_changes(session, [order_id]).get(order_id)
        self.selected_changed.emit()

    def change_notice(self) -> str:
        """What happened to the selected order's price change, if one is open."""
        if self.selected is None or self.selected_change is None:
            return ""
        return change_notice(self.selected, self.selected_change)

    # -- price change (R-ORD-3) ------------------------------------------------------------------
    def why_price_cannot_change(self) -> str:
        """Why "Change price" is disabled for the selection ("" when it is enabled)."""
        if self._queue is None:
            return QCoreApplication.translate("OrdersViewModel", "Sign in to change prices.")
        return why_price_cannot_change(self.selected, self._queue.user)

    def new_price_change(self, *, for_selection: bool = True) -> PriceChangeViewModel:
        """A price change for the selected order, or one to fill in by order number."""
        assert self._queue is not None
        order = self.selected if for_selection and not self.why_price_cannot_change() else None
        return PriceChangeViewModel(self._queue, order, self)

    def dismiss_change(self) -> None:
        """The user has read why the change was refused: forget it (the order never changed)."""
        if self._queue is not None and self.selected_change is not None:
            self._queue.discard(self.selected_change.id)

    def retry_change(self) -> None:
        """Send the refused change again, based on the order as it is now."""
        if self._queue is not None and self.selected_change is not None and self.selected is not None:
            self._queue.retry(self.selected_change.id, base_version=self.selected.version)

    @property
    def change_retryable(self) -> bool:
        """Only a refusal that another try can cure (the order moved on under the change)."""
        return self.selected_change is not None and can_retry(self.selected_change)

    @property
    def change_rejected(self) -> bool:
        return self.selected_change is not None and self.selected_change.state == CommandState.REJECTED

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
            (QCoreApplication.translate("OrdersViewModel", "Discount"), discount_text(o)),
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
