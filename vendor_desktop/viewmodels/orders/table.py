"""The order list as a table: ordered ids from one query, rows paged in, sorting in SQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from sqlalchemy.orm import Session

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.orders.queries import OrderQuery, OrderRow, count_orders, order_ids, orders_by_id
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, order_state_label, price_with_unit, server_message
from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP, HeadIds, PagedTableModel
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone, tone
from vendor_desktop.viewmodels.orders.delivery import KIND as DELIVER
from vendor_desktop.viewmodels.orders.delivery import delivery_notice, delivery_tag
from vendor_desktop.viewmodels.orders.export import AMOUNT_COLUMN, COLUMNS, order_cells

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


# The changes of an order the list and the detail show: a price change (R-ORD-3) and the start
# of a delivery (R-ORD-5).
ORDER_CHANGE_KINDS = frozenset({"order.price_change", DELIVER})


def latest_order_changes(session: Session, ids: Sequence[str]) -> dict[str, Command]:
    """The newest open price change or delivery of each order among ``ids``."""
    found = outbox.open_commands_for(session, "order", ids)
    return {
        order_id: changes[-1]
        for order_id, commands in found.items()
        if (changes := [c for c in commands if c.kind in ORDER_CHANGE_KINDS])
    }


class OrdersTableModel(PagedTableModel[OrderLine]):
    """The order list, paged from SQLite; sorting is pushed into SQL."""

    sort_changed = Signal()

    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.query = OrderQuery()
        super().__init__(None, self._rows_by_id, parent)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        query = self.query  # as filtered and sorted now, wherever the query runs
        return lambda: self._query_ids(query)

    def _query_ids(self, query: OrderQuery) -> Sequence[str]:
        """The first screenfuls of ids and the count, in one read transaction; the rest on demand."""
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
            changes = latest_order_changes(session, list(orders))
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
        return self.cells(row)[column]

    def cells(self, row: OrderLine) -> list[Any]:
        cells: list[Any] = order_cells(row.order)
        if row.change_state == "pending":
            cells[AMOUNT_COLUMN] = price_with_unit(row.shown_amount_fen, row.order.billing_mode)
        if (change := change_tag(row)) is not None:
            cells[STATE_COLUMN] += " · " + change[0]
        return cells

    def tags(self, row: OrderLine) -> list[tuple[str, Tone]]:
        """The order's state as a tag, and its open price change as a second one."""
        state = row.order.state or ""
        tags = [(order_state_label(state), tone("order", state))]
        if (change := change_tag(row)) is not None:
            tags.append(change)
        return tags

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
        if role == TAGS_ROLE and column == STATE_COLUMN:
            return self.tags(row)
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


def change_tag(row: OrderLine) -> tuple[str, Tone] | None:
    if row.change is not None and row.change.kind == DELIVER:
        return delivery_tag(row.change)
    if row.change_state == "pending":
        return QCoreApplication.translate("OrdersViewModel", "price change waiting to send"), Tone.WAITING
    if row.change_state == "rejected":
        return QCoreApplication.translate("OrdersViewModel", "price change not accepted"), Tone.URGENT
    return None


def change_notice(order: OrderRow, change: Command) -> str:
    """A price change in a sentence: waiting, or not accepted and why (in the user's language;
    GLOSSARY: 云市场未接受此修改：原因); a delivery likewise."""
    if change.kind == DELIVER:
        return delivery_notice(change)
    s = change.summary or {}
    new = format_fen(int(s.get("new_fen", 0)))
    old = format_fen(int(s.get("old_fen", order.amount_fen or 0)))
    if change.state == CommandState.REJECTED:
        reason = server_message(change.error_message or "", change.error_message_zh or "") or change.error_code or ""
        return (
            QCoreApplication.translate(
                "OrdersViewModel",
                "The marketplace did not accept this change (new price %1): %2 The price is still %3.",
            )
            .replace("%1", new)
            .replace("%2", reason)
            .replace("%3", old)
        )
    if change.state == CommandState.HELD:
        return QCoreApplication.translate(
            "OrdersViewModel",
            "The price change to %1 is waiting for an earlier change of this order, which the marketplace did not accept.",
        ).replace("%1", new)
    return (
        QCoreApplication.translate("OrdersViewModel", "Price change from %1 to %2 is waiting to send.")
        .replace("%1", old)
        .replace("%2", new)
    )
