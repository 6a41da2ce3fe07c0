"""The Invoices view (发票管理): filters, a paged table, the invoice's detail, its actions, export.

Filters on top (wrapping in a narrow window), then how many invoices are listed, Clear filters,
Import tracking numbers… and Export CSV…; then the list, sorted by due date, and the selected
invoice's detail: the request, the mailing details as one block with *Copy*, the order it
belongs to, the history, and the actions — each disabled with its reason in the tooltip.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh, set_quietly
from vendor_desktop.ui.core.flow_layout import flow_bar
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.saved_columns import SavedColumns
from vendor_desktop.ui.core.widgets import (
    ListOrEmpty,
    Retranslating,
    list_over_detail,
    list_table,
    refill_combo,
    side_by_side,
)
from vendor_desktop.ui.invoices.detail_pane import InvoiceDetail
from vendor_desktop.ui.invoices.issue_dialog import IssueDialog
from vendor_desktop.ui.invoices.shipment_dialog import ShipmentDialog
from vendor_desktop.viewmodels.invoices.export import COLUMNS
from vendor_desktop.viewmodels.invoices.viewmodel import InvoicesViewModel, due_choices, state_choices

DAYS_SHOWN_BY_DEFAULT = 30  # what the date edits show before the user picks a range


class InvoicesView(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, vm: InvoicesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.state = QComboBox()
        self.due = QComboBox()
        for combo in (self.state, self.due):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.use_dates = QCheckBox()
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        today = _to_qdate(vm.today())
        for edit, date in ((self.date_from, today.addDays(1 - DAYS_SHOWN_BY_DEFAULT)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # GLOSSARY "date"
            edit.setDate(date)
            edit.setEnabled(False)
        dates = side_by_side(self.use_dates, self.date_from, QLabel("–"), self.date_to)
        dates.layout().setSpacing(4)
        self.filter_bar = flow_bar(self.search, self.state, self.due, dates)

        self.count = QLabel()
        self.count.setObjectName("resultSummary")
        self.clear = QPushButton()
        self.import_button = QPushButton()
        self.import_button.setVisible(vm.may_issue)
        self.export = QPushButton()
        results = QHBoxLayout()
        for widget in (self.count, self.clear):
            results.addWidget(widget)
        results.addStretch(1)
        results.addWidget(self.import_button)
        results.addWidget(self.export)

        self.table = list_table(vm.model, delegate=ListDelegate())
        # Columns as wide as what they show; the title takes the rest. Kept between runs.
        self.columns = SavedColumns(self.table, stretch=COLUMNS.index("title"))
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.columns.setSortIndicator(COLUMNS.index("due"), Qt.SortOrder.AscendingOrder)
        self.list_stack = ListOrEmpty(self.table)
        self.empty = self.list_stack.empty

        self.detail = InvoiceDetail(vm)
        d = self.detail  # what tests and the tour reach for, on the view as on the Orders view
        self.issue, self.ship, self.correct = d.issue, d.ship, d.correct
        self.change_notice, self.change_icon = d.change_notice, d.change_icon
        self.retry_change, self.dismiss_change = d.retry_change, d.dismiss_change
        self.mailing, self.copy_mailing, self.contact, self.history = d.mailing, d.copy_mailing, d.contact, d.history
        self.open_order, self.order, self.field_values, self.tags = d.open_order, d.order, d.field_values, d.tags
        self.splitter = list_over_detail(self.list_stack, self.detail, sizes=(420, 330), detail_stretch=2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(results)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(vm.set_search_text)
        self.state.currentIndexChanged.connect(self._state_chosen)
        self.due.currentIndexChanged.connect(lambda i: vm.set_due(self.due.itemData(i)))
        for signal in (self.use_dates.toggled, self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self._dates_changed)
        self.clear.clicked.connect(self.clear_filters)
        self.export.clicked.connect(self.choose_export_file)
        self.import_button.clicked.connect(self._open_import)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        vm.model.modelReset.connect(self._reselect)
        self.issue.clicked.connect(self.open_issue)
        self.ship.clicked.connect(lambda: self.open_shipment())
        self.correct.clicked.connect(lambda: self.open_shipment(correction=True))
        self.dismiss_change.clicked.connect(vm.dismiss_change)
        self.retry_change.clicked.connect(vm.retry_change)
        self.copy_mailing.clicked.connect(self.copy_mailing_details)
        self.open_order.clicked.connect(vm.open_order)
        connect_refresh(vm.count_changed, self, self._show_count)
        connect_refresh(vm.model.modelReset, self, self._show_count)
        connect_refresh(vm.selected_changed, self, self._show_detail)
        vm.export_finished.connect(self._exported)
        vm.export_failed.connect(lambda why: self.status_message.emit(self.tr("Export failed: %1").replace("%1", why)))
        self.retranslate()

    # -- filters -------------------------------------------------------------------------------
    def _state_chosen(self, index: int) -> None:
        state = self.state.itemData(index)
        self.vm.set_states([state] if state else [])

    def _dates_changed(self, *_: object) -> None:
        on = self.use_dates.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if on:
            self.vm.set_date_range(_to_date(self.date_from.date()), _to_date(self.date_to.date()))
        else:
            self.vm.set_date_range(None, None)

    def clear_filters(self) -> None:
        set_quietly(self.search, self.search.setText, "")
        set_quietly(self.state, self.state.setCurrentIndex, 0)
        set_quietly(self.due, self.due.setCurrentIndex, 0)
        set_quietly(self.use_dates, self.use_dates.setChecked, False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.vm.clear_filters()

    def show_preset(self, name: str) -> None:
        """Only the invoices a Workbench card counts: "pending", "overdue" or "due_soon" (pending
        and due within 2 working days). What was filtered before is cleared so the list matches."""
        filters = self.vm.preset_filters(name)
        self.clear_filters()
        if "states" in filters:
            self.state.setCurrentIndex(max(0, self.state.findData(filters["states"][0])))
        elif filters.get("overdue"):
            self.due.setCurrentIndex(max(0, self.due.findData("overdue")))
        else:
            self.due.setCurrentIndex(max(0, self.due.findData(str(filters["due_within"]))))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- list and detail -----------------------------------------------------------------------
    def _show_count(self) -> None:
        n = self.vm.count
        self.count.setText(self.tr("%Ln invoices", "", n))
        self.list_stack.show_list(n > 0)
        why_not = self.vm.why_export_disabled()
        self.export.setEnabled(not why_not)
        self.export.setToolTip(why_not or self.tr("Write the invoices listed to a CSV file."))
        why_not = self.vm.why_clear_disabled()
        self.clear.setEnabled(not why_not)
        self.clear.setToolTip(why_not or self.tr("Show every invoice again."))

    def _selection_changed(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.vm.select(self.vm.model.id_at(rows[0].row()) if rows else None)

    def _reselect(self) -> None:
        """A pull or a queued change reloaded the list: keep the same invoice selected."""
        if self.vm.selected is None:
            return
        row = self.vm.model.row_of(self.vm.selected.id)
        while row >= self.vm.model.rowCount() and self.vm.model.canFetchMore(QModelIndex()):
            self.vm.model.fetchMore(QModelIndex())
        if row >= 0:
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(blocked)

    def _show_detail(self) -> None:
        self.detail.show_invoice()

    def copy_mailing_details(self) -> None:
        """The recipient, address and virtual number as one block, for the courier's waybill."""
        QGuiApplication.clipboard().setText(self.vm.mailing_block())
        self.status_message.emit(self.tr("Mailing details copied."))

    # -- actions -------------------------------------------------------------------------------
    def open_issue(self) -> IssueDialog:
        dialog = IssueDialog(self.vm.new_issue(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_shipment(self, *, correction: bool = False) -> ShipmentDialog:
        dialog = ShipmentDialog(self.vm.new_shipment(correction=correction), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_import(self) -> QWidget:
        """*Import tracking numbers…*: the import helper's dialog over this area's cache and queue."""
        from vendor_desktop.ui.invoices.import_dialog import TrackingImportDialog
        from vendor_desktop.viewmodels.invoices.tracking_import import TrackingImportViewModel

        vm = self.vm
        dialog = TrackingImportDialog(TrackingImportViewModel(vm.db, vm.queue, vm.reads, parent=self), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- export --------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        if why_not := self.vm.why_export_disabled():
            self.status_message.emit(why_not)
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export invoices"), self.vm.default_export_name(), self.tr("CSV (*.csv)")
        )
        if path:
            self.vm.export_csv(path)

    def _exported(self, path: str, rows: int) -> None:
        self.status_message.emit(self.tr("Exported %Ln invoices to %1", "", rows).replace("%1", path))

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search order number, title, tax ID or tracking number"))
        metrics = self.search.fontMetrics()
        hint_width = metrics.horizontalAdvance(self.search.placeholderText()) + 3 * metrics.height()
        self.search.setMinimumWidth(max(hint_width, metrics.averageCharWidth() * 34))
        refill_combo(self.state, self.tr("All states"), state_choices())
        refill_combo(self.due, self.tr("Any due date"), due_choices())
        self.use_dates.setText(self.tr("Requested between"))
        self.clear.setText(self.tr("Clear filters"))
        self.import_button.setText(self.tr("Import tracking numbers…"))
        self.export.setText(self.tr("Export CSV…"))
        self.empty.setText(self.tr("No invoices match these filters.\nClear the filters or search for something else."))
        self.vm.model.relabel()
        self._show_count()
        self._show_detail()


def _to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def _to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
