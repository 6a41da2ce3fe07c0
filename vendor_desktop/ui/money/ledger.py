"""The ledger tab of the Money area (资金流水 · 对账单): filters, how many entries, the paged list of
money movements, and under it the statement of a chosen month with *Export…* (CSV or Excel).

Self-contained, so the Money area puts it in a tab: ``LedgerView(LedgerViewModel(context))``.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh, set_quietly
from vendor_desktop.ui.core.flow_layout import flow_bar
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_over_detail, list_table, refill_combo
from vendor_desktop.viewmodels.money.ledger import LedgerViewModel, book_choices, kind_choices, range_choices
from vendor_desktop.viewmodels.money.ledger_table import COLUMNS


class LedgerView(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, vm: LedgerViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.range, self.kind, self.book, self.market = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for combo in (self.range, self.kind, self.book, self.market):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_bar = flow_bar(self.range, self.kind, self.book, self.market)
        self.count = QLabel()
        self.count.setObjectName("resultSummary")
        self.clear = QPushButton()
        results = QHBoxLayout()
        results.addWidget(self.count)
        results.addWidget(self.clear)
        results.addStretch(1)

        self.table = list_table(vm.model, delegate=ListDelegate(), stretch=COLUMNS.index("reference"))
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.list_stack = ListOrEmpty(self.table)
        self.empty = self.list_stack.empty

        self.statement_title = QLabel()
        self.statement_title.setObjectName("sectionTitle")
        self.month = QComboBox()
        self.month.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_csv, self.export_xlsx = QPushButton(), QPushButton()
        head = QHBoxLayout()
        for widget in (self.statement_title, self.month):
            head.addWidget(widget)
        head.addStretch(1)
        head.addWidget(self.export_csv)
        head.addWidget(self.export_xlsx)
        self.statement = list_table(vm.statement_model, stretch=0)
        self.statement.setSortingEnabled(False)
        self.statement_note = QLabel()
        self.statement_note.setObjectName("hint")
        self.statement_note.setWordWrap(True)
        statement = QWidget()
        statement_layout = QVBoxLayout(statement)
        statement_layout.setContentsMargins(0, 0, 0, 0)
        statement_layout.addLayout(head)
        statement_layout.addWidget(self.statement_note)
        statement_layout.addWidget(self.statement, 1)

        self.splitter = list_over_detail(self.list_stack, statement, sizes=(440, 260))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(results)
        layout.addWidget(self.splitter, 1)

        self.range.currentIndexChanged.connect(lambda i: vm.set_range(self.range.itemData(i)))
        self.kind.currentIndexChanged.connect(lambda i: vm.set_kind(self.kind.itemData(i)))
        self.book.currentIndexChanged.connect(lambda i: vm.set_book(self.book.itemData(i)))
        self.market.currentIndexChanged.connect(lambda i: vm.set_market(self.market.itemData(i)))
        self.month.currentIndexChanged.connect(lambda i: vm.set_month(self.month.itemData(i) or ""))
        self.clear.clicked.connect(self.clear_filters)
        self.export_csv.clicked.connect(lambda: self.choose_export_file(".csv"))
        self.export_xlsx.clicked.connect(lambda: self.choose_export_file(".xlsx"))
        connect_refresh(vm.count_changed, self, self._show_count)
        connect_refresh(vm.choices_changed, self, self._fill_choices)
        connect_refresh(vm.statement_changed, self, self._show_statement)
        vm.export_finished.connect(self._exported)
        vm.export_failed.connect(lambda why: self.status_message.emit(self.tr("Export failed: %1").replace("%1", why)))
        self.retranslate()

    # -- filters -----------------------------------------------------------------------------------
    def clear_filters(self) -> None:
        for combo in (self.range, self.kind, self.book, self.market):
            set_quietly(combo, combo.setCurrentIndex, 0)
        self.vm.clear_filters()

    def _fill_choices(self) -> None:
        refill_combo(self.market, self.tr("All markets"), self.vm.market_choices())
        chosen = self.month.currentData() or self.vm.month

        def fill(_: object) -> None:
            self.month.clear()
            for month in self.vm.months:
                self.month.addItem(month, month)
            self.month.setCurrentIndex(max(0, self.month.findData(chosen)))

        set_quietly(self.month, fill, None)
        _fit_choices(self.market)
        _fit_choices(self.month)

    def _show_count(self) -> None:
        n = self.vm.count
        self.count.setText("" if self.vm.loading else self.tr("%Ln entries", "", n))
        self.list_stack.show_list(n > 0)
        self.empty.setText(self.vm.empty_text())
        self.clear.setEnabled(self.vm.filtered)
        self.clear.setToolTip("" if self.vm.filtered else self.tr("No filter is set."))

    # -- the statement -----------------------------------------------------------------------------
    def _show_statement(self) -> None:
        note = self.vm.statement_note()
        self.statement_note.setText(note)
        self.statement_note.setVisible(bool(note))
        why_not = self.vm.why_export_disabled()
        for button in (self.export_csv, self.export_xlsx):
            button.setEnabled(not why_not)
            button.setToolTip(why_not or self.tr("The summary and every movement of the month."))

    def choose_export_file(self, suffix: str) -> None:
        if why_not := self.vm.why_export_disabled():
            self.status_message.emit(why_not)
            return
        kinds = self.tr("Excel (*.xlsx)") if suffix == ".xlsx" else self.tr("CSV (*.csv)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export statement"), self.vm.default_export_name(suffix), kinds
        )
        if path:
            self.vm.export(path if path.lower().endswith(suffix) else path + suffix)

    def _exported(self, path: str, rows: int) -> None:
        self.status_message.emit(
            self.tr("Exported the statement with %Ln movements to %1", "", rows).replace("%1", path)
        )

    # -- language ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        refill_combo(self.range, self.tr("Any time"), range_choices())
        refill_combo(self.kind, self.tr("All kinds"), kind_choices())
        refill_combo(self.book, self.tr("Balance and earnings"), book_choices())
        self._fill_choices()
        for combo in (self.range, self.kind, self.book, self.market, self.month):
            _fit_choices(combo)
        self.clear.setText(self.tr("Clear filters"))
        self.statement_title.setText(self.tr("Monthly statement"))
        self.export_csv.setText(self.tr("Export CSV…"))
        self.export_xlsx.setText(self.tr("Export Excel…"))
        self.vm.model.relabel()
        self.vm.statement_model.relabel()
        self._show_count()
        self._show_statement()


def _fit_choices(combo: QComboBox) -> None:
    """At least as wide as its longest choice in this language, measured by each character's
    advance: Qt's own size hint measures the ink, a pixel short of "Balance and earnings"."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    longest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    size = QSize(longest, metrics.height())
    combo.setMinimumWidth(combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, size, combo).width())
