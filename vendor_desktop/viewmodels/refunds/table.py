"""The refund list as a table: ordered ids from one query, rows paged in, sorting in SQL.

Each row's state is a tag — amber while the request awaits a decision, red once its decide-by
date has passed (R-REF-4) — with a second tag for the vendor's queued decision (waiting to send,
or not accepted).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from sqlalchemy.orm import Session

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.refunds.queries import RefundQuery, RefundRow, count_refunds, refund_ids, refunds_by_id
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, business_time
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel, head_then_rest
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.refunds import words

DECIDE_KIND = "refund.decide"
# The columns, as sort keys of ``cache.refunds.queries.SORT_COLUMNS``.
COLUMNS = ("requested", "order_number", "listing", "buyer", "amount", "refunded", "state", "decide_by", "rule")
STATE_COLUMN = COLUMNS.index("state")
DECIDE_BY_COLUMN = COLUMNS.index("decide_by")
REFUNDED_COLUMN = COLUMNS.index("refunded")
MONEY_COLUMNS = frozenset({COLUMNS.index("amount"), COLUMNS.index("refunded")})


def headers() -> list[str]:
    return [
        QCoreApplication.translate("RefundsViewModel", "Requested"),
        QCoreApplication.translate("RefundsViewModel", "Order number"),
        QCoreApplication.translate("RefundsViewModel", "Listing"),
        QCoreApplication.translate("RefundsViewModel", "Buyer account ID"),
        QCoreApplication.translate("RefundsViewModel", "Asked / paid"),
        QCoreApplication.translate("RefundsViewModel", "Refunded"),
        QCoreApplication.translate("RefundsViewModel", "State"),
        QCoreApplication.translate("RefundsViewModel", "Decide by"),
        QCoreApplication.translate("RefundsViewModel", "Rule"),
    ]


@dataclass(frozen=True)
class RefundLine:
    """A refund as the list shows it: the cached request and the vendor's open decision, if any."""

    refund: RefundRow
    change: Command | None = None


def open_decisions(session: Session, ids: Sequence[str]) -> dict[str, Command]:
    """The newest open decision of each refund among ``ids``."""
    found = outbox.open_commands_for(session, "refund", ids)
    return {
        refund_id: decisions[-1]
        for refund_id, commands in found.items()
        if (decisions := [c for c in commands if c.kind == DECIDE_KIND])
    }


def line_tags(line: RefundLine, today: dt.date) -> list[tuple[str, Tone]]:
    tags = [words.state_tag(line.refund, today)]
    if line.change is not None:
        tags.append(words.change_tag(line.change))
    return tags


class RefundsTableModel(PagedTableModel[RefundLine]):
    """The refund list, paged from SQLite; filtering and sorting are pushed into SQL."""

    sort_changed = Signal()

    def __init__(self, db: CacheDatabase, parent: QObject | None = None, *, today: dt.date) -> None:
        self._db = db
        self.query = RefundQuery()
        self.today = today
        super().__init__(None, self._rows_by_id, parent)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        query = self.query  # as filtered and sorted now, wherever the query runs
        return lambda: head_then_rest(
            self._db, lambda s, limit: refund_ids(s, query, limit=limit), lambda s: count_refunds(s, query)
        )

    def _rows_by_id(self, ids: Sequence[str]) -> dict[str, RefundLine]:
        with self._db.session() as session:
            refunds = refunds_by_id(session, ids)
            changes = open_decisions(session, list(refunds))
        return {i: RefundLine(r, changes.get(i)) for i, r in refunds.items()}

    def headers(self) -> list[str]:
        return headers()

    def display(self, row: RefundLine, column: int) -> Any:
        return self.cells(row)[column]

    def cells(self, row: RefundLine) -> list[Any]:
        r = row.refund
        return [
            business_time(r.requested_at),
            r.order_number or "—",
            r.listing_name or "—",
            r.buyer_account_id or "—",
            words.amounts_text(r),
            words.refunded_text(r),
            " · ".join(text for text, _tone in line_tags(row, self.today)),
            # The time left says what to do; the date itself is in the tooltip and the detail.
            words.time_left(r, self.today) or "—",
            words.rule_text(r),
        ]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in MONEY_COLUMNS:  # money lines up on the decimal point
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def row_data(self, row: RefundLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.refund.id
        if role == CHANGE_ROLE:
            if row.change is None:
                return None
            return "rejected" if row.change.state in (CommandState.REJECTED, CommandState.HELD) else "pending"
        if role == TAGS_ROLE and column == STATE_COLUMN:
            return line_tags(row, self.today)
        if role == Qt.ItemDataRole.ToolTipRole and column == DECIDE_BY_COLUMN:
            return words.decide_by_text(row.refund, self.today, long=True)
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
