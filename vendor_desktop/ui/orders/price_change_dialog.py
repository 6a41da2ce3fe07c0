"""The price-change dialog (订单改价): current price, new price in yuan, and a reason. R-ORD-3."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.saving import SaveFeedback
from vendor_desktop.ui.core.widgets import Retranslating, error_label, stacked
from vendor_desktop.viewmodels.orders.price_change import PriceChangeForm, PriceChangeViewModel


class PriceChangeDialog(Retranslating, QDialog):
    def __init__(self, vm: PriceChangeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setMinimumWidth(480)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.number = QLineEdit()
        self.number.setMaxLength(64)
        self.listing = QLabel()
        self.listing.setWordWrap(True)
        self.current = QLabel()
        self.current.setObjectName("money")
        self.new_price = QLineEdit()
        self.new_price.setMaxLength(20)
        self.new_price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.errors = {name: error_label() for name in ("order", "new_price", "reason")}
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        rows = [
            (self.labels[0], stacked(self.number, self.errors["order"])),
            (self.labels[1], self.listing),
            (self.labels[2], self.current),
            (self.labels[3], stacked(self.new_price, self.errors["new_price"])),
            (self.labels[4], stacked(self.reason, self.errors["reason"])),
        ]
        for label, field in rows:
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.saving = SaveFeedback(self, self.buttons.button(QDialogButtonBox.StandardButton.Ok))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.saving.message)
        layout.addWidget(self.buttons)

        self.number.editingFinished.connect(self._find)
        vm.problems_changed.connect(self.show_problems)
        vm.queued.connect(self.saving.saved)
        vm.save_failed.connect(self.saving.failed)
        self.retranslate()
        self._show_order()

    def _find(self) -> None:
        if self.vm.order is not None and self.vm.order.number == self.number.text().strip():
            return
        problem = self.vm.find(self.number.text())
        self._show_order()
        self.show_problems({"order": problem} if problem else {})

    def _show_order(self) -> None:
        order = self.vm.order
        if order is not None:
            self.number.setText(order.number or "")
        self.listing.setText(order.listing_name or "" if order else "—")
        self.current.setText(self.vm.current_price() or "—")
        if order is not None and not self.new_price.text():
            self.new_price.setFocus()

    def show_problems(self, problems: dict) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        if self.vm.order is None or self.vm.order.number != self.number.text().strip():
            self._find()
        self.saving.start()
        if not self.vm.submit(PriceChangeForm(self.new_price.text(), self.reason.text())):
            self.saving.not_sent()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change order price"))
        self.title.setText(self.tr("Change the price of an unpaid order"))
        for label, text in zip(
            self.labels,
            [
                self.tr("Order number"),
                self.tr("Listing"),
                self.tr("Current price"),
                self.tr("New price (¥)"),
                self.tr("Reason"),
            ],
            strict=True,
        ):
            label.setText(text)
        self.new_price.setPlaceholderText(self.tr("e.g. 88.00"))
        self.reason.setPlaceholderText(self.tr("e.g. agreed bulk price with the buyer"))
        self.note.setText(
            self.tr(
                "The change is saved on this computer and sent to the marketplace as soon as it can be reached. If the buyer pays first, the marketplace does not accept it and the order keeps its price."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change price"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
