"""The Orders view (订单管理): filters, a paged table, the order's detail, CSV export."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh, set_quietly
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table, refill_combo
from vendor_desktop.ui.orders.price_change_dialog import PriceChangeDialog
from vendor_desktop.viewmodels.orders.viewmodel import COLUMNS, OrdersViewModel, market_choices, state_choices

DETAIL_COLUMNS = 3  # label/value pairs side by side in the detail pane


class OrdersView(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, vm: OrdersViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.search.setMinimumWidth(260)
        self.state = QComboBox()
        self.market = QComboBox()
        self.market.setMinimumContentsLength(12)
        self.use_dates = QCheckBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        today = QDate.currentDate()
        for edit, date in ((self.date_from, today.addDays(-30)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(date)
            edit.setEnabled(False)
        self.clear = QPushButton()
        self.export = QPushButton()
        self.count = QLabel()
        self.count.setObjectName("hint")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.state)
        filters.addWidget(self.market)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        self.dash = QLabel("–")
        filters.addWidget(self.dash)
        filters.addWidget(self.date_to)
        filters.addWidget(self.clear)
        filters.addStretch(1)
        filters.addWidget(self.count)
        filters.addWidget(self.export)

        self.table = list_table(vm.model, widths=(150, 260, 150, 160, 110, 150, 130), delegate=ListDelegate())
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("listing"), QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(COLUMNS.index("created"), Qt.SortOrder.DescendingOrder)

        self.list_stack = ListOrEmpty(self.table)
        self.empty = self.list_stack.empty

        # The detail pane sits under the list so the list keeps the full width for the listing names.
        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionTitle")
        self.change_price = QPushButton()
        self.change_notice = QLabel()
        self.change_notice.setObjectName("changeNotice")
        self.change_notice.setWordWrap(True)
        self.dismiss_change = QPushButton()
        self.retry_change = QPushButton()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.change_notice, 1)
        notice_row.addWidget(self.retry_change)
        notice_row.addWidget(self.dismiss_change)
        title_row = QHBoxLayout()
        title_row.addWidget(self.detail_title)
        title_row.addStretch(1)
        title_row.addWidget(self.change_price)
        self.detail_grid = QGridLayout()
        self.detail_grid.setHorizontalSpacing(12)
        self.detail_grid.setVerticalSpacing(6)
        self.detail_values: dict[str, QLabel] = {}
        self.detail_placeholder = QLabel()
        self.detail_placeholder.setObjectName("hint")
        self.detail_placeholder.setWordWrap(True)
        detail = QFrame()
        detail.setObjectName("detailPane")
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(title_row)
        detail_layout.addLayout(notice_row)
        detail_layout.addWidget(self.detail_placeholder)
        detail_layout.addLayout(self.detail_grid)
        detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setMinimumHeight(120)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 190])

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(vm.set_search_text)
        self.state.currentIndexChanged.connect(self._state_chosen)
        self.market.currentIndexChanged.connect(self._market_chosen)
        self.use_dates.toggled.connect(self._dates_changed)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.clear.clicked.connect(self.clear_filters)
        self.export.clicked.connect(self.choose_export_file)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        vm.model.modelReset.connect(self._reselect)
        self.change_price.clicked.connect(self.open_price_change)
        self.dismiss_change.clicked.connect(vm.dismiss_change)
        self.retry_change.clicked.connect(vm.retry_change)
        connect_refresh(vm.count_changed, self, self._show_count)
        connect_refresh(vm.selected_changed, self, self._show_detail)
        connect_refresh(vm.model.modelReset, self, self._show_count)
        vm.export_finished.connect(self._exported)
        vm.export_failed.connect(self._export_failed)
        self.retranslate()

    # -- filters -------------------------------------------------------------------------------
    def _state_chosen(self, index: int) -> None:
        state = self.state.itemData(index)
        self.vm.set_states([state] if state else [])

    def _market_chosen(self, index: int) -> None:
        market = self.market.itemData(index)
        self.vm.set_markets([market] if market else [])

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
        set_quietly(self.market, self.market.setCurrentIndex, 0)
        set_quietly(self.use_dates, self.use_dates.setChecked, False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.vm.clear_filters()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- list and detail -----------------------------------------------------------------------
    def _show_count(self) -> None:
        n = self.vm.count
        self.count.setText(self.tr("%Ln orders", "", n))
        self.list_stack.show_list(n > 0)
        self.export.setEnabled(n > 0)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.vm.select(self.vm.model.id_at(rows[0].row()) if rows else None)

    def _reselect(self) -> None:
        """A pull or a queued change reloaded the list: keep the same order selected."""
        if self.vm.selected is None:
            return
        row = self.vm.model.row_of(self.vm.selected.id)
        while row >= self.vm.model.rowCount() and self.vm.model.canFetchMore(QModelIndex()):
            self.vm.model.fetchMore(QModelIndex())
        if row >= 0:
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(blocked)

    def open_price_change(self, *, by_number: bool = False) -> PriceChangeDialog:
        """Change the selected order's price, or any unpaid order's by typing its number."""
        dialog = PriceChangeDialog(self.vm.new_price_change(for_selection=not by_number), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _show_change(self) -> None:
        why_not = self.vm.why_price_cannot_change()
        self.change_price.setEnabled(not why_not)
        self.change_price.setToolTip(why_not)
        notice = self.vm.change_notice()
        self.change_notice.setText(notice)
        self.change_notice.setProperty("rejected", self.vm.change_rejected)
        self.change_notice.style().unpolish(self.change_notice)
        self.change_notice.style().polish(self.change_notice)
        self.change_notice.setVisible(bool(notice))
        self.dismiss_change.setVisible(self.vm.change_rejected)
        self.retry_change.setVisible(self.vm.change_retryable)

    def _show_detail(self) -> None:
        self._show_change()
        while self.detail_grid.count():
            item = self.detail_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        self.detail_values.clear()
        fields = self.vm.detail_fields()
        self.detail_placeholder.setVisible(not fields)
        self.detail_title.setText(self.tr("Order details"))
        per_column = (len(fields) + DETAIL_COLUMNS - 1) // DETAIL_COLUMNS
        for i, (label, value) in enumerate(fields):
            row, column = i % per_column, 2 * (i // per_column)
            name = QLabel(label)
            name.setObjectName("fieldName")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_grid.addWidget(name, row, column)
            self.detail_grid.addWidget(shown, row, column + 1)
            self.detail_values[label] = shown
        for column in range(DETAIL_COLUMNS):
            self.detail_grid.setColumnStretch(2 * column + 1, 1)

    # -- export --------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        default = f"orders-{dt.date.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export orders"), default, self.tr("CSV (*.csv)"))
        if path:
            self.vm.export_csv(path)

    def _exported(self, path: str, rows: int) -> None:
        self.status_message.emit(self.tr("Exported %Ln orders to %1", "", rows).replace("%1", path))

    def _export_failed(self, reason: str) -> None:
        self.status_message.emit(self.tr("Export failed: %1").replace("%1", reason))

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search order number, buyer or listing"))
        refill_combo(self.state, self.tr("All states"), state_choices())
        refill_combo(self.market, self.tr("All markets"), market_choices())
        self.use_dates.setText(self.tr("Created between"))
        self.clear.setText(self.tr("Clear filters"))
        self.export.setText(self.tr("Export CSV…"))
        self.empty.setText(self.tr("No orders match these filters.\nClear the filters or search for something else."))
        self.detail_placeholder.setText(self.tr("Select an order to see its details."))
        self.change_price.setText(self.tr("Change price…"))
        self.dismiss_change.setText(self.tr("Dismiss"))
        self.retry_change.setText(self.tr("Send again"))
        self.vm.model.relabel()
        self._show_count()
        self._show_detail()

    # -- opened from a Workbench card ----------------------------------------------------------
    def show_preset(self, name: str) -> None:
        """Only the orders a Workbench card counts: "unpaid" (待支付) or "to_deliver" (待交付, state
        paid). Search, market and dates are cleared so the list matches the card."""
        state = {"unpaid": "unpaid", "to_deliver": "paid"}.get(name)
        self.clear_filters()
        if state is not None:
            self.state.setCurrentIndex(max(0, self.state.findData(state)))  # filters, as if chosen


def _to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())
