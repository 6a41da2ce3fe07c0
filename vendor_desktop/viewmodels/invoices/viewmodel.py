"""The Invoices view (发票管理): the request queue from the cache, offline too (issue 12).

R-INV-3: sorted by due date by default, overdue and due-soon requests flagged; filters by state,
due date (overdue, due within N working days), request date and text (order number, title, tax
ID, tracking number). The selected invoice's detail, its actions (queued through the outbox) and
the CSV export of what is listed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.invoices.queries import InvoiceRow, invoice_detail
from vendor_desktop.domain.invoices import InvoiceState
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue, can_retry
from vendor_desktop.viewmodels.core.date_ranges import beijing_today
from vendor_desktop.viewmodels.core.labels import invoice_state_label
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import Tone, tone
from vendor_desktop.viewmodels.invoices import actions, detail
from vendor_desktop.viewmodels.invoices.export import default_file_name, export_headers, write_invoices_csv
from vendor_desktop.viewmodels.invoices.table import DUE_SOON_DAYS, InvoicesTableModel, due_tag, latest_invoice_changes

# The due-date filter's choices: "overdue", or pending and due within this many working days.
DUE_CHOICES = ("overdue", 1, 2, 3, 5, 10)
# The Workbench's cards (``show_preset``).
PRESETS = ("pending", "overdue", "due_soon")


def state_choices() -> list[tuple[str, str]]:
    """(value, label) for the state filter, in the order of R-INV-1."""
    return [(s.value, invoice_state_label(s.value)) for s in InvoiceState]


def due_choices() -> list[tuple[str, str]]:
    """(value, label) for the due-date filter; the value is "overdue" or a number of working days."""
    out = [("overdue", QCoreApplication.translate("InvoicesViewModel", "Overdue"))]
    for days in DUE_CHOICES[1:]:
        text = (
            QCoreApplication.translate("InvoicesViewModel", "Due within 1 working day")
            if days == 1
            else QCoreApplication.translate("InvoicesViewModel", "Due within %1 working days").replace("%1", str(days))
        )
        out.append((str(days), text))
    return out


@dataclass(frozen=True)
class _Reloaded:
    ids: Sequence[str]
    rows: dict[str, Any]
    selected: str | None
    detail: InvoiceRow | None
    change: Command | None


class InvoicesViewModel(QObject):
    """Filters and the selected invoice; the table model does the listing."""

    count_changed = Signal(int)
    selected_changed = Signal()
    export_finished = Signal(str, int)  # path, rows written
    export_failed = Signal(str)
    # The user asked to see the invoice's order: area id, entity id (the shell opens Orders).
    open_requested = Signal(str, str)

    def __init__(
        self,
        db: CacheDatabase,
        queue: CommandQueue | None,
        reads: BackgroundRunner | None = None,
        writes: BackgroundRunner | None = None,
        runner: BackgroundRunner | None = None,
        permissions: Collection[str] = (),
        parent: QObject | None = None,
        *,
        today: Callable[[], dt.date] = beijing_today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.queue = queue
        self.reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self.writes = writes
        self._runner = runner if runner is not None else self.reads  # exports: bulk disk work
        self.permissions = frozenset(permissions)
        # Today in Beijing: due dates and "overdue" are Beijing dates (tests set another day).
        self.today = today
        self.model = InvoicesTableModel(db, self, today=today())
        self.selected: InvoiceRow | None = None
        self.selected_change: Command | None = None
        self.exporting = False
        self._refresh: Refresher[_Reloaded] = Refresher(self.reads, self._prepare_reload, self._reloaded)
        self.model.sort_changed.connect(self._refresh.supersede)
        self.model.reload()

    # -- filters -----------------------------------------------------------------------------
    @property
    def query(self) -> Any:
        return self.model.query

    def _set_query(self, **changes: Any) -> None:
        changes.setdefault("today", self.today())  # a list left open overnight counts from today
        query = dataclasses.replace(self.model.query, **changes)
        if query == self.model.query:
            return
        self.model.query = query
        self.model.reload()
        self._refresh.supersede()
        self.count_changed.emit(self.model.total)
        if self.selected is not None:
            self.select(self.selected.id if self.model.row_of(self.selected.id) >= 0 else None)

    @Slot(str)
    def set_search_text(self, text: str) -> None:
        self._set_query(text=text.strip()[:200])

    def set_states(self, states: Sequence[str]) -> None:
        self._set_query(states=tuple(InvoiceState(s).value for s in states))

    def set_due(self, choice: str | None) -> None:
        """None: any due date; "overdue"; or a number of working days (pending and due within)."""
        if choice == "overdue":
            self._set_query(overdue=True, due_within=None)
        elif choice:
            self._set_query(overdue=False, due_within=int(choice))
        else:
            self._set_query(overdue=False, due_within=None)

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if date_from and date_to and date_from > date_to:  # a reversed range means the same days
            date_from, date_to = date_to, date_from
        self._set_query(date_from=date_from, date_to=date_to)

    def clear_filters(self) -> None:
        self._set_query(states=(), overdue=False, due_within=None, date_from=None, date_to=None, text="")

    def preset_filters(self, name: str) -> dict[str, Any]:
        """What a Workbench card's list is: "pending", "overdue" or "due_soon" (pending and due
        within DUE_SOON_DAYS working days, not overdue)."""
        if name == "pending":
            return {"states": (InvoiceState.PENDING.value,)}
        if name == "overdue":
            return {"overdue": True}
        if name == "due_soon":
            return {"due_within": DUE_SOON_DAYS}
        raise ValueError(f"unknown preset {name!r}; expected one of {PRESETS}")

    @property
    def filtered(self) -> bool:
        q = self.model.query
        return bool(q.states or q.overdue or q.due_within is not None or q.date_from or q.date_to or q.text.strip())

    def why_clear_disabled(self) -> str:
        return "" if self.filtered else QCoreApplication.translate("InvoicesViewModel", "No filter is set.")

    @property
    def count(self) -> int:
        return self.model.total

    # -- selection and detail ----------------------------------------------------------------
    def select(self, invoice_id: str | None) -> None:
        self.selected, self.selected_change = None, None
        if invoice_id is not None:
            with self.db.session() as session:
                self.selected = invoice_detail(session, invoice_id)
                self.selected_change = latest_invoice_changes(session, [invoice_id]).get(invoice_id)
        self.selected_changed.emit()

    def state_tags(self) -> list[tuple[str, Tone]]:
        """The selected invoice's state, and how soon it is due, as the list's tags."""
        inv = self.selected
        if inv is None:
            return []
        tags = [(invoice_state_label(inv.state or ""), tone("invoice", inv.state or ""))]
        if (due := due_tag(inv, self.today())) is not None:
            tags.append(due)
        return tags

    def request_fields(self) -> list[detail.Field]:
        return detail.request_fields(self.selected, self.today()) if self.selected else []

    def mailing_block(self) -> str:
        return detail.mailing_block(self.selected) if self.selected else ""

    def contact_hint(self) -> tuple[str, bool]:
        return detail.contact_hint(self.selected) if self.selected else ("", False)

    def history_lines(self) -> list[str]:
        return detail.history_lines(self.selected) if self.selected else []

    def order_text(self) -> str:
        """The order the invoice belongs to: its number and amount (what finance works with)."""
        inv = self.selected
        if inv is None:
            return ""
        text = f"{inv.order_number or '—'} · {detail.amount_text(inv)}"
        listing = inv.data.get("listing_name")
        return f"{text} · {listing}" if listing else text

    @property
    def can_open_order(self) -> bool:
        """Only roles that read orders (finance does not, SPEC §11) get the link to it."""
        return Permission.ORDERS_READ.value in self.permissions and bool(self.selected and self.selected.order_id)

    def open_order(self) -> None:
        if self.can_open_order and self.selected is not None and self.selected.order_id:
            self.open_requested.emit("orders", self.selected.order_id)

    # -- a queued change of the selected invoice ------------------------------------------------
    def change_notice(self) -> str:
        return detail.change_notice(self.selected_change) if self.selected_change is not None else ""

    @property
    def change_rejected(self) -> bool:
        return self.selected_change is not None and self.selected_change.state == CommandState.REJECTED

    @property
    def change_retryable(self) -> bool:
        return self.selected_change is not None and can_retry(self.selected_change)

    def dismiss_change(self) -> None:
        """The user has read why the change was refused: forget it (the invoice never changed)."""
        if self.queue is not None and self.selected_change is not None:
            self.queue.discard(self.selected_change.id)

    def retry_change(self) -> None:
        if self.queue is not None and self.selected_change is not None and self.selected is not None:
            self.queue.retry(self.selected_change.id, base_version=self.selected.version)

    # -- actions -----------------------------------------------------------------------------
    @property
    def may_issue(self) -> bool:
        """Whether this role issues and posts invoices at all (the toolbar's import is theirs)."""
        return self.queue is not None and Permission.INVOICES_ISSUE.value in self.permissions

    def why_cannot_issue(self) -> str:
        return actions.why_cannot_issue(self.selected, self._acting(), self.selected_change)

    def why_cannot_ship(self) -> str:
        return actions.why_cannot_ship(self.selected, self._acting(), self.selected_change)

    def why_cannot_correct(self) -> str:
        return actions.why_cannot_correct(self.selected, self._acting(), self.selected_change)

    def _acting(self) -> frozenset[str]:
        return self.permissions if self.queue is not None else frozenset()

    def new_issue(self) -> actions.IssueViewModel:
        assert self.queue is not None and self.selected is not None
        return actions.IssueViewModel(self.queue, self.selected, self)

    def new_shipment(self, *, correction: bool = False) -> actions.ShipmentViewModel:
        assert self.queue is not None and self.selected is not None
        return actions.ShipmentViewModel(self.queue, self.selected, self, correction=correction)

    # -- changes from a pull or a queued change ------------------------------------------------
    def on_data_changed(self, changes: ChangeSet) -> None:
        if {"invoice", "command"} & changes.entities():
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the Invoices page is on screen: hidden, a pull only marks the list stale."""
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], _Reloaded]:
        self.model.query = dataclasses.replace(self.model.query, today=self.today())
        list_loader = self.model.loader()
        selected = self.selected.id if self.selected else None
        db = self.db

        def load() -> _Reloaded:
            found, rows = list_loader()
            if selected is None:
                return _Reloaded(found, rows, None, None, None)
            with db.session() as session:
                inv = invoice_detail(session, selected)
                change = latest_invoice_changes(session, [selected]).get(selected)
            return _Reloaded(found, rows, selected, inv, change)

        return load

    def _reloaded(self, result: _Reloaded) -> None:
        keep = self.selected is not None and self.selected.id == result.selected
        if keep:
            self.selected, self.selected_change = result.detail, result.change
        self.model.apply_ids(result.ids, result.rows)
        self.count_changed.emit(self.model.total)
        if keep:
            self.selected_changed.emit()

    # -- export ------------------------------------------------------------------------------
    def why_export_disabled(self) -> str:
        if self.exporting:
            return QCoreApplication.translate("InvoicesViewModel", "An export is being written.")
        if self.model.total == 0:
            return QCoreApplication.translate(
                "InvoicesViewModel", "No invoices to export: no invoice matches these filters."
            )
        return ""

    def default_export_name(self) -> str:
        return default_file_name(self.today())

    def export_csv(self, path: str) -> None:
        """The filtered, sorted list as CSV that Excel opens correctly (UTF-8 with BOM)."""
        query, header = self.model.query, export_headers()
        self.exporting = True
        self.count_changed.emit(self.model.total)

        def done(n: int) -> None:
            self.exporting = False
            self.count_changed.emit(self.model.total)
            self.export_finished.emit(path, n)

        def failed(exc: BaseException) -> None:
            self.exporting = False
            self.count_changed.emit(self.model.total)
            self.export_failed.emit(str(exc))

        self._runner.submit(
            lambda: write_invoices_csv(self.db, query, header, Path(path)), on_done=done, on_error=failed
        )
