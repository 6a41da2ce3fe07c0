"""The invoice list as a table: ordered ids from one query, rows paged in, sorting in SQL.

Each row's state is a tag, with a second tag for the due date when it needs the vendor soon
(R-INV-3): red "overdue" once the due date has passed, amber "due in N working days" within
``DUE_SOON_DAYS`` — and a third for a queued change of that invoice (waiting, or not accepted).
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
from vendor_desktop.cache.invoices.queries import (
    InvoiceQuery,
    InvoiceRow,
    count_invoices,
    invoice_ids,
    invoices_by_id,
)
from vendor_desktop.domain.invoices import InvoiceState, is_overdue, working_days_left
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, invoice_state_label
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel, head_then_rest
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone, tone
from vendor_desktop.viewmodels.invoices.export import AMOUNT_COLUMN, COLUMNS, STATE_COLUMN, headers, invoice_cells

# "Due soon" (the Workbench's card, the amber tag): pending and due within this many working days.
DUE_SOON_DAYS = 2
INVOICE_KINDS = ("invoice.issue", "invoice.ship", "invoice.correct_shipment")


@dataclass(frozen=True)
class InvoiceLine:
    """An invoice as the list shows it: the cached invoice and its newest open change, if any."""

    invoice: InvoiceRow
    change: Command | None = None

    @property
    def change_state(self) -> str | None:
        if self.change is None:
            return None
        return "rejected" if self.change.state in (CommandState.REJECTED, CommandState.HELD) else "pending"


def latest_invoice_changes(session: Session, ids: Sequence[str]) -> dict[str, Command]:
    """The newest open change (issue, shipment, correction) of each invoice among ``ids``."""
    found = outbox.open_commands_for(session, "invoice", ids)
    return {
        invoice_id: changes[-1]
        for invoice_id, commands in found.items()
        if (changes := [c for c in commands if c.kind in INVOICE_KINDS])
    }


def due_tag(invoice: InvoiceRow, today: dt.date) -> tuple[str, Tone] | None:
    """R-INV-3: "overdue" (red: act now) or "due in N working days" for a pending request."""
    if invoice.state != InvoiceState.PENDING or invoice.due_date is None:
        return None
    if is_overdue(invoice.state, invoice.due_date, today):
        return QCoreApplication.translate("InvoicesViewModel", "overdue"), Tone.URGENT
    left = working_days_left(today, invoice.due_date)
    if left == 0:
        return QCoreApplication.translate("InvoicesViewModel", "due today"), Tone.TODO
    if left <= DUE_SOON_DAYS:
        if left == 1:  # (lupdate finds no plural in a translate() call: one string per form)
            return QCoreApplication.translate("InvoicesViewModel", "due in 1 working day"), Tone.TODO
        return QCoreApplication.translate("InvoicesViewModel", "due in %1 working days").replace(
            "%1", str(left)
        ), Tone.TODO
    return None


def change_tag(line: InvoiceLine) -> tuple[str, Tone] | None:
    if line.change_state == "pending":
        return QCoreApplication.translate("InvoicesViewModel", "change waiting to send"), Tone.WAITING
    if line.change_state == "rejected":
        return QCoreApplication.translate("InvoicesViewModel", "change not accepted"), Tone.URGENT
    return None


class InvoicesTableModel(PagedTableModel[InvoiceLine]):
    """The invoice list, paged from SQLite; sorting is pushed into SQL."""

    sort_changed = Signal()

    def __init__(self, db: CacheDatabase, parent: QObject | None = None, *, today: dt.date | None = None) -> None:
        self._db = db
        self.query = InvoiceQuery(today=today) if today is not None else InvoiceQuery()
        super().__init__(None, self._rows_by_id, parent)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        query = self.query  # as filtered and sorted now, wherever the query runs
        return lambda: self._query_ids(query)

    def _query_ids(self, query: InvoiceQuery) -> Sequence[str]:
        """The first screenfuls of ids and the count, in one read transaction; the rest on demand."""
        return head_then_rest(
            self._db, lambda s, limit: invoice_ids(s, query, limit=limit), lambda s: count_invoices(s, query)
        )

    def _rows_by_id(self, ids: Sequence[str]) -> dict[str, InvoiceLine]:
        with self._db.session() as session:
            invoices = invoices_by_id(session, ids)
            changes = latest_invoice_changes(session, list(invoices))
        return {i: InvoiceLine(inv, changes.get(i)) for i, inv in invoices.items()}

    def headers(self) -> list[str]:
        return headers()

    def display(self, row: InvoiceLine, column: int) -> Any:
        return self.cells(row)[column]

    def cells(self, row: InvoiceLine) -> list[Any]:
        cells: list[Any] = invoice_cells(row.invoice)
        cells[STATE_COLUMN] = " · ".join(text for text, _tone in self.tags(row))
        return cells

    def tags(self, row: InvoiceLine) -> list[tuple[str, Tone]]:
        """The state as a tag, then how soon it is due, then an open change."""
        state = row.invoice.state or ""
        tags = [(invoice_state_label(state), tone("invoice", state))]
        for extra in (due_tag(row.invoice, self.query.today), change_tag(row)):
            if extra is not None:
                tags.append(extra)
        return tags

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == AMOUNT_COLUMN:  # money lines up on the decimal point
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def row_data(self, row: InvoiceLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.invoice.id
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
