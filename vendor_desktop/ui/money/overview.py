"""The Money area's Overview tab (概览): the balance and deposit, the earnings per market, the
withdrawal history and the deposit payments with their receipts. Layout and binding only: the
viewmodel decides every figure and sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table
from vendor_desktop.viewmodels.money.small_tables import HOLD_COLUMN
from vendor_desktop.viewmodels.money.viewmodel import MoneyViewModel

NOTE_COLUMN = 6  # of the withdrawal history: a failure reason, or the marketplace's refusal
PAYMENT_NOTE_COLUMN = 5


def _label(name: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _section(title: QLabel, side: list[QWidget], body: QWidget) -> QWidget:
    """A heading with its figures and buttons on the right, over its list."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 0)
    head = QHBoxLayout()
    head.addWidget(title)
    head.addStretch(1)
    for widget in side:
        head.addWidget(widget)
    layout.addLayout(head)
    layout.addWidget(body, 1)
    return box


class OverviewTab(Retranslating, QWidget):
    def __init__(self, vm: MoneyViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        # -- summary ------------------------------------------------------------------------
        self.synced = _label("hint")
        self.pay = QPushButton()
        self.figure_names = [_label("fieldName") for _ in range(5)]
        self.figure_values = [_label("sectionTitle") for _ in range(5)]
        figures = QGridLayout()
        figures.setHorizontalSpacing(32)
        figures.setVerticalSpacing(0)
        for column, (name, value) in enumerate(zip(self.figure_names, self.figure_values, strict=True)):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            figures.addWidget(name, 0, column)
            figures.addWidget(value, 1, column)
        figures.setColumnStretch(len(self.figure_names), 1)
        figures.addWidget(self.pay, 1, len(self.figure_names) + 1, Qt.AlignmentFlag.AlignRight)
        self.market_names = [_label("fieldName") for _ in range(2)]
        self.market_values = [_label(wrap=True) for _ in range(2)]
        markets = QGridLayout()
        markets.setHorizontalSpacing(12)
        for row, (name, value) in enumerate(zip(self.market_names, self.market_values, strict=True)):
            markets.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            markets.addWidget(value, row, 1)
        markets.setColumnStretch(1, 1)
        self.agreements = _label(wrap=True)
        self.no_figures = _label("emptyState", wrap=True)

        # -- earnings -----------------------------------------------------------------------
        self.earnings_title = _label("sectionTitle")
        self.earnings_figures = _label()
        self.withdraw = QPushButton()
        self.earnings_table = list_table(vm.earnings_model, delegate=ListDelegate(), stretch=HOLD_COLUMN)
        self.earnings_list = ListOrEmpty(self.earnings_table)
        # -- withdrawals ----------------------------------------------------------------------
        self.withdrawals_title = _label("sectionTitle")
        self.withdrawals_count = _label("hint")
        self.withdrawals_table = list_table(vm.withdrawals_model, delegate=ListDelegate(), stretch=NOTE_COLUMN)
        self.withdrawals_list = ListOrEmpty(self.withdrawals_table)
        # -- deposit payments -------------------------------------------------------------------
        self.payments_title = _label("sectionTitle")
        self.print_receipt = QPushButton()
        self.save_receipt = QPushButton()
        self.payments_table = list_table(vm.payments_model, delegate=ListDelegate(), stretch=PAYMENT_NOTE_COLUMN)
        self.payments_list = ListOrEmpty(self.payments_table)

        self.lists = QSplitter(Qt.Orientation.Vertical)
        self.lists.setChildrenCollapsible(False)
        self.lists.addWidget(_section(self.earnings_title, [self.earnings_figures, self.withdraw], self.earnings_list))
        self.lists.addWidget(_section(self.withdrawals_title, [self.withdrawals_count], self.withdrawals_list))
        self.lists.addWidget(_section(self.payments_title, [self.print_receipt, self.save_receipt], self.payments_list))
        # Earnings first (up to ten markets and their total), then the history; a vendor has few payments.
        for index, stretch in enumerate((3, 2, 1)):
            self.lists.setStretchFactor(index, stretch)
        self.lists.setSizes([330, 190, 120])

        layout = QVBoxLayout(self)
        layout.addWidget(self.synced)
        layout.addLayout(figures)
        layout.addLayout(markets)
        layout.addWidget(self.agreements)
        layout.addWidget(self.no_figures)
        layout.addWidget(self.lists, 1)

        self.payments_table.selectionModel().selectionChanged.connect(self._show_receipt_buttons)
        connect_refresh(vm.changed, self, self.show_figures)
        self.retranslate()

    def selected_payment_row(self) -> int:
        rows = self.payments_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    # -- showing -----------------------------------------------------------------------------------
    def show_figures(self) -> None:
        vm = self.vm
        self.synced.setText(vm.synced_text())
        summary = vm.summary()
        for name, value, pair in zip(self.figure_names, self.figure_values, summary or [("", "")] * 5, strict=True):
            name.setText(pair[0])
            value.setText(pair[1])
            name.setVisible(bool(summary))
            value.setVisible(bool(summary))
        lines = vm.markets_lines()
        for name, value, pair in zip(self.market_names, self.market_values, lines or [("", "")] * 2, strict=True):
            name.setText(pair[0])
            value.setText(pair[1])
            name.setVisible(bool(lines))
            value.setVisible(bool(lines))
        self.no_figures.setVisible(not summary)
        self.agreements.setText(vm.agreements_text())
        self.agreements.setObjectName("error" if vm.agreements_missing else "")
        self.agreements.style().unpolish(self.agreements)
        self.agreements.style().polish(self.agreements)
        self.earnings_figures.setText(" · ".join(f"{name} {value}" for name, value in vm.earnings_figures()))
        why_not = vm.why_cannot_pay()
        self.pay.setEnabled(not why_not)
        self.pay.setToolTip(why_not or self.tr("Pay the deposit from the balance, up to a tier or an amount."))
        why_not = vm.why_cannot_withdraw()
        self.withdraw.setEnabled(not why_not)
        self.withdraw.setToolTip(why_not or self.tr("Withdraw earnings to the bank account on file."))
        self.earnings_list.show_list(vm.earnings_model.rowCount() > 0)
        n = vm.withdrawals_model.total
        self.withdrawals_count.setText(self.tr("%n withdrawals", "", n))
        self.withdrawals_list.show_list(n > 0)
        self.payments_list.show_list(vm.payments_model.rowCount() > 0)
        self._show_receipt_buttons()

    def _show_receipt_buttons(self, *_: object) -> None:
        why_not = self.vm.why_no_receipt(self.selected_payment_row())
        for button, tip in (
            (self.print_receipt, self.tr("Print the selected payment's receipt.")),
            (self.save_receipt, self.tr("Save the selected payment's receipt as a PDF file.")),
        ):
            button.setEnabled(not why_not)
            button.setToolTip(why_not or tip)

    def retranslate(self) -> None:
        self.pay.setText(self.tr("Pay deposit…"))
        self.withdraw.setText(self.tr("Withdraw…"))
        self.earnings_title.setText(self.tr("Earnings by market"))
        self.withdrawals_title.setText(self.tr("Withdrawals"))
        self.payments_title.setText(self.tr("Deposit payments"))
        self.print_receipt.setText(self.tr("Print receipt…"))
        self.save_receipt.setText(self.tr("Save receipt as PDF…"))
        self.no_figures.setText(self.tr("No money figures on this computer yet. They arrive with the first sync."))
        self.earnings_list.empty.setText(self.vm.empty_earnings_text())
        self.withdrawals_list.empty.setText(self.vm.empty_withdrawals_text())
        self.payments_list.empty.setText(self.vm.empty_payments_text())
        self.vm.relabel()
