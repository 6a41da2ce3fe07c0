"""The Refunds view (退款): filters, a paged table, the selected request's detail and decisions.

Filters on top (state: awaiting decision by default; search by order number or buyer account
ID), then how many requests are listed and as of which sync, then the list — what awaits a
decision first, the nearest decide-by date first — and the selected request's detail.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from vendor_desktop.ui.core.binding import connect_refresh, set_quietly
from vendor_desktop.ui.core.flow_layout import flow_bar
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.saved_columns import SavedColumns
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_over_detail, list_table, refill_combo
from vendor_desktop.ui.refunds.decision_dialog import DecisionDialog
from vendor_desktop.ui.refunds.detail_pane import RefundDetail
from vendor_desktop.viewmodels.refunds.table import COLUMNS, REFUNDED_COLUMN
from vendor_desktop.viewmodels.refunds.viewmodel import DEFAULT_STATES, RefundsViewModel, state_choices


class RefundsView(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, vm: RefundsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.state = QComboBox()
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_bar = flow_bar(self.search, self.state)

        self.count = QLabel()
        self.count.setObjectName("resultSummary")
        self.synced = QLabel()
        self.synced.setObjectName("hint")
        self.clear = QPushButton()
        results = QHBoxLayout()
        for widget in (self.count, self.clear):
            results.addWidget(widget)
        results.addStretch(1)
        results.addWidget(self.synced)

        self.table = list_table(vm.model, delegate=ListDelegate())
        self.columns = SavedColumns(self.table, stretch=COLUMNS.index("rule"))
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.columns.setSortIndicator(COLUMNS.index("decide_by"), Qt.SortOrder.AscendingOrder)
        self.list_stack = ListOrEmpty(self.table)
        self.empty = self.list_stack.empty

        self.detail = RefundDetail(vm)
        d = self.detail  # what tests and the screenshots reach for
        self.approve, self.reject, self.partial = d.approve, d.reject, d.partial
        self.change_notice, self.retry_change, self.dismiss_change = d.change_notice, d.retry_change, d.dismiss_change
        self.splitter = list_over_detail(self.list_stack, self.detail, sizes=(380, 360), detail_stretch=2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(results)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(vm.set_search_text)
        self.state.currentIndexChanged.connect(self._state_chosen)
        self.clear.clicked.connect(self.clear_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        vm.model.modelReset.connect(self._reselect)
        self.approve.clicked.connect(lambda: self.open_decision("approve"))
        self.reject.clicked.connect(lambda: self.open_decision("reject"))
        self.partial.clicked.connect(lambda: self.open_decision("partial"))
        self.dismiss_change.clicked.connect(vm.dismiss_change)
        self.retry_change.clicked.connect(vm.retry_change)
        connect_refresh(vm.count_changed, self, self._show_count)
        connect_refresh(vm.model.modelReset, self, self._show_count)
        connect_refresh(vm.selected_changed, self, self.detail.show_refund)
        self.retranslate()

    # -- filters -------------------------------------------------------------------------------
    def _state_chosen(self, index: int) -> None:
        state = self.state.itemData(index)
        self.vm.set_states([state] if state else [])

    def clear_filters(self) -> None:
        set_quietly(self.search, self.search.setText, "")
        set_quietly(self.state, self.state.setCurrentIndex, 0)
        self.vm.clear_filters()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- list and detail -----------------------------------------------------------------------
    def _show_count(self) -> None:
        self.count.setText(self.vm.count_text())
        self.synced.setText(self.vm.synced_text())
        self.empty.setText(self.vm.empty_text())
        self.list_stack.show_list(self.vm.count > 0)
        # Nothing is refunded yet while a request awaits a decision: the column would be all "—".
        self.table.setColumnHidden(REFUNDED_COLUMN, self.vm.awaiting_only)
        why_not = self.vm.why_clear_disabled()
        self.clear.setEnabled(not why_not)
        self.clear.setToolTip(why_not or self.tr("Show every refund request, whatever its state."))

    def _selection_changed(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.vm.select(self.vm.model.id_at(rows[0].row()))

    def select_refund(self, refund_id: str) -> None:
        """Select a request listed now (tests, and a link from elsewhere)."""
        row = self.vm.model.row_of(refund_id)
        while row >= self.vm.model.rowCount() and self.vm.model.canFetchMore(QModelIndex()):
            self.vm.model.fetchMore(QModelIndex())
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.vm.select(refund_id)

    def _reselect(self) -> None:
        """A pull or a queued decision reloaded the list: keep the same request selected (a
        decided one may have left the list; its detail stays to show what became of it)."""
        if self.vm.selected is None:
            return
        row = self.vm.model.row_of(self.vm.selected.id)
        while row >= self.vm.model.rowCount() and self.vm.model.canFetchMore(QModelIndex()):
            self.vm.model.fetchMore(QModelIndex())
        if row >= 0:
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(blocked)

    # -- actions -------------------------------------------------------------------------------
    def open_decision(self, decision: str) -> DecisionDialog:
        dialog = DecisionDialog(self.vm.new_decision(decision), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search order number or buyer account ID"))
        metrics = self.search.fontMetrics()
        hint_width = metrics.horizontalAdvance(self.search.placeholderText()) + 3 * metrics.height()
        self.search.setMinimumWidth(max(hint_width, metrics.averageCharWidth() * 34))
        refill_combo(self.state, self.tr("All states"), state_choices())
        if self.vm.query.states == DEFAULT_STATES and self.state.currentData() is None:
            set_quietly(self.state, self.state.setCurrentIndex, self.state.findData(DEFAULT_STATES[0]))
        self.clear.setText(self.tr("Clear filters"))
        self.vm.model.relabel()
        self._show_count()
        self.detail.retranslate()
