"""The Money area (资金管理): a tab widget whose first tab is the Overview (概览); the ledger and
statement tab (资金流水 · 对账单) joins ``tabs`` beside it. The dialogs open from here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QTabWidget, QVBoxLayout, QWidget

from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.ui.money.deposit_dialog import PayDepositDialog
from vendor_desktop.ui.money.ledger import LedgerView
from vendor_desktop.ui.money.overview import OverviewTab
from vendor_desktop.ui.money.receipts import print_receipt, save_receipt_pdf
from vendor_desktop.ui.money.withdraw_dialog import WithdrawDialog
from vendor_desktop.viewmodels.money.viewmodel import MoneyViewModel


class MoneyView(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, vm: MoneyViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.overview = OverviewTab(vm)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.overview, "")
        self.ledger: LedgerView | None = None
        if vm.ledger is not None:
            self.ledger = LedgerView(vm.ledger)
            self.tabs.addTab(self.ledger, "")
            self.ledger.status_message.connect(self.status_message)  # export results
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        o = self.overview  # what tests and the tour reach for
        self.pay, self.withdraw = o.pay, o.withdraw
        self.earnings_table, self.withdrawals_table, self.payments_table = (
            o.earnings_table,
            o.withdrawals_table,
            o.payments_table,
        )
        o.pay.clicked.connect(self.open_pay_deposit)
        o.withdraw.clicked.connect(self.open_withdraw)
        o.print_receipt.clicked.connect(self.print_selected_receipt)
        o.save_receipt.clicked.connect(self.choose_receipt_file)
        self.retranslate()

    def open_pay_deposit(self) -> PayDepositDialog:
        dialog = PayDepositDialog(self.vm.new_deposit_payment(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_withdraw(self) -> WithdrawDialog:
        dialog = WithdrawDialog(self.vm.new_withdrawal(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def save_selected_receipt(self, path: str) -> bool:
        receipt = self.vm.receipt(self.overview.selected_payment_row())
        if receipt is None:
            return False
        try:
            save_receipt_pdf(receipt, path)
        except OSError as error:
            self.status_message.emit(
                self.tr("The receipt was not saved: %1").replace("%1", error.strerror or str(error))
            )
            return False
        self.status_message.emit(self.tr("Receipt saved to %1").replace("%1", path))
        return True

    def choose_receipt_file(self) -> None:
        receipt = self.vm.receipt(self.overview.selected_payment_row())
        if receipt is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt"), receipt.file_name(), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_selected_receipt(path)

    def print_selected_receipt(self) -> None:
        receipt = self.vm.receipt(self.overview.selected_payment_row())
        if receipt is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_receipt(receipt, printer)

    def retranslate(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.overview), self.tr("Overview"))
        if self.ledger is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.ledger), self.tr("Ledger · Statement"))
