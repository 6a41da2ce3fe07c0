"""The Orders view (订单管理): filters, a paged table, the order's detail, CSV export.

Filters on top (wrapping in a narrow window), then the results bar — how many orders and what
they add up to (合计), Clear filters, Export — then the list, whose columns fit what they show,
and the selected order's detail. Every action that is disabled says why in its tooltip.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh, set_quietly
from vendor_desktop.ui.core.flow_layout import flow_bar
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.saved_columns import SavedColumns
from vendor_desktop.ui.core.tag_label import TagLabel
from vendor_desktop.ui.core.widgets import (
    ListOrEmpty,
    Retranslating,
    list_over_detail,
    list_table,
    refill_combo,
    side_by_side,
)
from vendor_desktop.ui.orders.delivery_dialog import DeliveryDialog
from vendor_desktop.ui.orders.price_change_dialog import PriceChangeDialog
from vendor_desktop.viewmodels.core.date_ranges import QuickRange, quick_range_label
from vendor_desktop.viewmodels.orders.viewmodel import (
    COLUMNS,
    MANUAL,
    OPEN,
    DetailField,
    OrdersViewModel,
    markets_of,
    order_market_choices,
    order_state_choices,
    states_of,
)

DETAIL_COLUMNS = 3  # label/value pairs side by side in the detail pane
DAYS_SHOWN_BY_DEFAULT = 30  # what the date edits show before the user picks a range


class OrdersView(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, vm: OrdersViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.state = QComboBox()
        self.market = QComboBox()
        for combo in (self.state, self.market):  # as wide as their longest choice, in either language
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.use_dates = QCheckBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        today = _to_qdate(vm.today())
        for edit, date in ((self.date_from, today.addDays(1 - DAYS_SHOWN_BY_DEFAULT)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # GLOSSARY "date"
            edit.setDate(date)
            edit.setEnabled(False)
        self.dash = QLabel("–")
        # 今天 · 近 7 天 · 近 30 天 beside the date filter: one click sets it (Beijing days).
        self.quick: dict[QuickRange, QPushButton] = {}
        for which in QuickRange:
            button = QPushButton()
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, w=which: self.choose_quick_range(w))
            self.quick[which] = button
        self.clear = QPushButton()
        self.export = QPushButton()
        self.count = QLabel()
        self.count.setObjectName("resultSummary")
        self.count.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        dates = side_by_side(self.use_dates, self.date_from, self.dash, self.date_to)
        quick = side_by_side(*self.quick.values())
        for box in (dates, quick):
            box.layout().setSpacing(4)
        self.filter_bar = flow_bar(self.search, self.state, self.market, dates, quick)
        results = QHBoxLayout()
        results.addWidget(self.count)
        results.addSpacing(8)
        results.addWidget(self.clear)
        results.addStretch(1)
        results.addWidget(self.export)

        self.table = list_table(vm.model, delegate=ListDelegate())
        # Columns as wide as what they show; the listing takes the rest (issue 11: nothing cut).
        self.columns = SavedColumns(self.table, stretch=COLUMNS.index("listing"))
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.columns.setSortIndicator(COLUMNS.index("created"), Qt.SortOrder.DescendingOrder)

        self.list_stack = ListOrEmpty(self.table)
        self.empty = self.list_stack.empty

        # The detail pane sits under the list so the list keeps the full width for the listing names.
        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionTitle")
        self.change_price = QPushButton()
        self.deliver = QPushButton()  # R-ORD-5: only for the roles that deliver
        self.deliver.setVisible(vm.may_deliver)
        # A price change the marketplace did not accept: its reason, first thing in the pane.
        self.change_icon = QLabel()
        size = self.fontMetrics().height()
        self.change_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        self.change_notice = QLabel()
        self.change_notice.setObjectName("changeNotice")
        self.change_notice.setWordWrap(True)
        self.change_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_change = QPushButton()
        self.retry_change = QPushButton()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.change_icon)
        notice_row.addWidget(self.change_notice, 1)
        notice_row.addWidget(self.retry_change)
        notice_row.addWidget(self.dismiss_change)
        title_row = QHBoxLayout()
        title_row.addWidget(self.detail_title)
        title_row.addStretch(1)
        title_row.addWidget(self.deliver)
        title_row.addWidget(self.change_price)
        # The state first, as the tag the list shows, with what it asks of the vendor (待交付 ·
        # 买家已支付，等待您交付。) in a line of its own, so a long sentence wraps rather than being cut.
        self.state_name = QLabel()
        self.state_name.setObjectName("fieldName")
        self.state_tag = TagLabel()
        self.state_hint = QLabel()
        self.state_hint.setObjectName("hint")
        self.state_hint.setWordWrap(True)
        self.state_row = QWidget()
        state_layout = QHBoxLayout(self.state_row)
        state_layout.setContentsMargins(0, 0, 0, 0)
        state_layout.addWidget(self.state_name)
        state_layout.addWidget(self.state_tag)
        state_layout.addWidget(self.state_hint, 1)
        self.state_row.hide()
        self.detail_grid = QGridLayout()
        self.detail_grid.setHorizontalSpacing(12)
        self.detail_grid.setVerticalSpacing(6)
        self.detail_values: dict[str, QLabel] = {}
        self.detail_hints: dict[str, QLabel] = {}
        self.detail_placeholder = QLabel()
        self.detail_placeholder.setObjectName("hint")
        self.detail_placeholder.setWordWrap(True)
        detail = QFrame()
        detail.setObjectName("detailPane")
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(title_row)
        detail_layout.addWidget(self.state_row)
        detail_layout.addLayout(notice_row)
        detail_layout.addWidget(self.detail_placeholder)
        detail_layout.addLayout(self.detail_grid)
        # Texts of their own line (the delivery note, the refund): wrapped, never cut.
        self.wide_fields = QFormLayout()
        self.wide_fields.setHorizontalSpacing(12)
        detail_layout.addLayout(self.wide_fields)
        detail_layout.addStretch(1)
        self.splitter = list_over_detail(self.list_stack, detail, sizes=(560, 190))

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(results)
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
        self.deliver.clicked.connect(self.open_delivery)
        self.dismiss_change.clicked.connect(vm.dismiss_change)
        self.retry_change.clicked.connect(vm.retry_change)
        connect_refresh(vm.count_changed, self, self._show_count)
        connect_refresh(vm.totals_changed, self, self._show_count)
        connect_refresh(vm.selected_changed, self, self._show_detail)
        connect_refresh(vm.model.modelReset, self, self._show_count)
        vm.export_finished.connect(self._exported)
        vm.export_failed.connect(self._export_failed)
        self.retranslate()

    # -- filters -------------------------------------------------------------------------------
    def _state_chosen(self, index: int) -> None:
        self.vm.set_states(states_of(self.state.itemData(index)))

    def _market_chosen(self, index: int) -> None:
        self.vm.set_markets(markets_of(self.market.itemData(index)))

    def _dates_changed(self, *_: object) -> None:
        on = self.use_dates.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if on:
            self.vm.set_date_range(_to_date(self.date_from.date()), _to_date(self.date_to.date()))
        else:
            self.vm.set_date_range(None, None)
        self._show_quick_range()

    def choose_quick_range(self, which: QuickRange) -> None:
        """Today, the last 7 or the last 30 days: the date filter on, with those dates."""
        date_from, date_to = self.vm.set_quick_range(which)
        set_quietly(self.use_dates, self.use_dates.setChecked, True)
        set_quietly(self.date_from, self.date_from.setDate, _to_qdate(date_from))
        set_quietly(self.date_to, self.date_to.setDate, _to_qdate(date_to))
        self.date_from.setEnabled(True)
        self.date_to.setEnabled(True)
        self._show_quick_range()

    def _show_quick_range(self) -> None:
        """The quick range the dates are now, if they are one, shows pressed."""
        chosen = self.vm.quick_range
        for which, button in self.quick.items():
            button.setChecked(which == chosen)

    def clear_filters(self) -> None:
        set_quietly(self.search, self.search.setText, "")
        set_quietly(self.state, self.state.setCurrentIndex, 0)
        set_quietly(self.market, self.market.setCurrentIndex, 0)
        set_quietly(self.use_dates, self.use_dates.setChecked, False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.vm.clear_filters()
        self._show_quick_range()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- list and detail -----------------------------------------------------------------------
    def _show_count(self) -> None:
        """共 205 个订单 · 合计 ¥123,456.00: the total shows once it is summed (a moment later)."""
        n = self.vm.count
        total = self.vm.total_text()
        if total:
            self.count.setText(self.tr("%Ln orders · total %1", "", n).replace("%1", total))
        else:
            self.count.setText(self.tr("%Ln orders", "", n))
        self.count.setToolTip(
            self.tr("The total adds up the amounts of the orders listed, as last synced with the marketplace.")
        )
        self.list_stack.show_list(n > 0)
        self._show_actions()

    def _show_actions(self) -> None:
        """Export and Clear filters: enabled, or disabled with the reason in their tooltip."""
        why_not = self.vm.why_export_disabled()
        self.export.setEnabled(not why_not)
        self.export.setToolTip(why_not or self.tr("Write the orders listed to a CSV file."))
        why_not = self.vm.why_clear_disabled()
        self.clear.setEnabled(not why_not)
        self.clear.setToolTip(why_not or self.tr("Show every order again."))

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

    def open_delivery(self) -> DeliveryDialog | None:
        """Start delivering the selected order (R-ORD-5): the note the buyer sees, then queued."""
        if self.vm.why_cannot_deliver():
            return None
        dialog = DeliveryDialog(self.vm.new_delivery(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _show_change(self) -> None:
        why_not = self.vm.why_cannot_deliver()
        self.deliver.setEnabled(not why_not)
        self.deliver.setToolTip(why_not or self.tr("Write the delivery note the buyer sees and start delivering."))
        why_not = self.vm.why_price_cannot_change()
        self.change_price.setEnabled(not why_not)
        self.change_price.setToolTip(why_not)
        notice = self.vm.change_notice()
        self.change_notice.setText(notice)
        self.change_notice.setProperty("rejected", self.vm.change_rejected)
        self.change_notice.style().unpolish(self.change_notice)
        self.change_notice.style().polish(self.change_notice)
        self.change_notice.setVisible(bool(notice))
        self.change_icon.setVisible(bool(notice) and self.vm.change_rejected)
        self.dismiss_change.setVisible(self.vm.change_rejected)
        self.retry_change.setVisible(self.vm.change_retryable)

    def _show_detail(self) -> None:
        self._show_change()
        while self.detail_grid.count():
            item = self.detail_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        while self.wide_fields.rowCount():
            self.wide_fields.removeRow(0)
        self.detail_values.clear()
        self.detail_hints.clear()
        fields = self.vm.detail_fields()
        for field in (f for f in fields if f.wide):
            name = QLabel(field.label)
            name.setObjectName("fieldName")
            shown = QLabel(field.value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.wide_fields.addRow(name, shown)
            self.detail_values[field.label] = shown
        fields = [f for f in fields if not f.wide]
        self.detail_placeholder.setVisible(not fields)
        self.detail_title.setText(self.tr("Order details"))
        states = [f for f in fields if f.tone is not None]
        self._show_state(states[0] if states else None)
        fields = [f for f in fields if f.tone is None]
        per_column = (len(fields) + DETAIL_COLUMNS - 1) // DETAIL_COLUMNS
        for i, field in enumerate(fields):
            row, column = i % per_column, 2 * (i // per_column)
            name = QLabel(field.label)
            name.setObjectName("fieldName")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            shown = QLabel(field.value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_grid.addWidget(name, row, column)
            self.detail_grid.addWidget(shown, row, column + 1)
            self.detail_values[field.label] = shown
        for column in range(DETAIL_COLUMNS):
            self.detail_grid.setColumnStretch(2 * column + 1, 1)

    def _show_state(self, field: DetailField | None) -> None:
        """The state line: its tag, and what it means for the vendor."""
        self.state_row.setVisible(field is not None)
        if field is None or field.tone is None:
            return
        self.state_name.setText(field.label)
        self.state_tag.set_tag(field.value, field.tone)
        self.state_hint.setText(field.hint)
        self.state_hint.setVisible(bool(field.hint))
        self.detail_values[field.label] = self.state_tag
        self.detail_hints[field.label] = self.state_hint

    # -- export --------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        if why_not := self.vm.why_export_disabled():  # Ctrl+E while the button is disabled
            self.status_message.emit(why_not)
            return
        default = f"orders-{self.vm.today():%Y%m%d}.csv"
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
        # The whole hint shows, with room for the clear button.
        metrics = self.search.fontMetrics()
        hint_width = metrics.horizontalAdvance(self.search.placeholderText()) + 3 * metrics.height()
        self.search.setMinimumWidth(max(hint_width, metrics.averageCharWidth() * 34))
        refill_combo(self.state, self.tr("All states"), order_state_choices())
        refill_combo(self.market, self.tr("All markets"), order_market_choices())
        self.use_dates.setText(self.tr("Created between"))
        for which, button in self.quick.items():
            button.setText(quick_range_label(which))
        self.clear.setText(self.tr("Clear filters"))
        self.export.setText(self.tr("Export CSV…"))
        self.empty.setText(self.tr("No orders match these filters.\nClear the filters or search for something else."))
        self.detail_placeholder.setText(self.tr("Select an order to see its details."))
        self.change_price.setText(self.tr("Change price…"))
        self.deliver.setText(self.tr("Start delivery…"))
        self.dismiss_change.setText(self.tr("Dismiss"))
        self.retry_change.setText(self.tr("Send again"))
        self.vm.model.relabel()
        self._show_count()
        self._show_detail()

    # -- opened from a Workbench card ----------------------------------------------------------
    def show_preset(self, name: str) -> None:
        """Only the orders a Workbench card counts: "unpaid" (待支付), "to_deliver" (待交付 of the
        manual services, R-ORD-5: the vendor's to deliver) or "today" (created today, Beijing
        time); or "open", those that block leaving the marketplace (R-EXT-1). What was filtered before is cleared so the list matches the card."""
        state = {"unpaid": "unpaid", "to_deliver": "paid", OPEN: OPEN}.get(name)
        self.clear_filters()
        if name == "to_deliver":
            self.market.setCurrentIndex(max(0, self.market.findData(MANUAL)))
        if state is not None:
            self.state.setCurrentIndex(max(0, self.state.findData(state)))  # filters, as if chosen
        elif name == QuickRange.TODAY:
            self.choose_quick_range(QuickRange.TODAY)


def _to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def _to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
