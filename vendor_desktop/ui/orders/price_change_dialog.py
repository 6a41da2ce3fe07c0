"""The price-change dialog (订单改价): current price, new price in yuan, and a reason. R-ORD-3.

As the user types, the dialog says how far the new price is from the current one; a price below
half of it asks for a tick in "I have checked the new price" before the change is queued (the
rule is the viewmodel's). The boxes take their room from the font, not from fixed pixels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from vendor_desktop.ui.core.reason_box import ReasonBox
from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, side_by_side, stacked
from vendor_desktop.viewmodels.orders.price_change import MAX_REASON, PriceChangeForm, PriceChangeViewModel


class PriceChangeDialog(Retranslating, QDialog):
    def __init__(self, vm: PriceChangeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        metrics = self.fontMetrics()
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
        # Room for ¥100,000,000.00 (the most the marketplace accepts) and the cursor.
        self.new_price.setMinimumWidth(metrics.horizontalAdvance("100,000,000.00") + 4 * metrics.averageCharWidth())
        self.difference = QLabel()
        self.difference.setObjectName("hint")
        self.confirm = QCheckBox()
        self.confirm.hide()
        self.reason = ReasonBox(MAX_REASON)
        self.reason_count = QLabel()
        self.reason_count.setObjectName("hint")
        self.reason_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.errors = {name: error_label() for name in ("order", "new_price", "confirm", "reason")}
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

        self.form = QFormLayout()
        # Fields take the dialog's width on every platform (macOS keeps them at their size hint).
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(5)]
        price_row = side_by_side(self.new_price, self.difference)
        rows = [
            (self.labels[0], stacked(self.number, self.errors["order"])),
            (self.labels[1], self.listing),
            (self.labels[2], self.current),
            (self.labels[3], stacked(price_row, self.confirm, self.errors["new_price"], self.errors["confirm"])),
            (self.labels[4], stacked(self.reason, self.reason_count, self.errors["reason"])),
        ]
        for label, field in rows:
            self.form.addRow(label, field)
        self.buttons, self.saving = change_form(
            self, vm, self.submit, self.title, self.form, self.note, width_chars=80
        )

        self.number.editingFinished.connect(self._find)
        self.new_price.textChanged.connect(self._preview)
        self.reason.textChanged.connect(self._count_reason)
        vm.problems_changed.connect(self.show_problems)
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
        self._preview()
        if order is not None and not self.new_price.text():
            self.new_price.setFocus()

    def _preview(self, *_: object) -> None:
        """The difference to the current price as the user types; a cut below half asks for a tick."""
        self.confirm.setChecked(False)  # a confirmation is for the price it was given for
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.vm.preview(self.new_price.text())
        self.difference.setText(preview.difference)
        self.difference.setObjectName("error" if preview.needs_confirmation else "hint")
        self.difference.style().unpolish(self.difference)
        self.difference.style().polish(self.difference)
        self.confirm.setVisible(preview.needs_confirmation)
        if not preview.needs_confirmation:
            self.errors["confirm"].hide()

    def _count_reason(self) -> None:
        self.reason_count.setText(f"{len(self.reason.text())}/{MAX_REASON}")

    def show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        if self.vm.order is None or self.vm.order.number != self.number.text().strip():
            self._find()
        self.saving.start()
        form = PriceChangeForm(self.new_price.text(), self.reason.text(), confirmed=self.confirm.isChecked())
        if not self.vm.submit(form):
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
        self.confirm.setText(self.tr("I have checked the new price"))
        self.note.setText(
            self.tr(
                "The change is saved on this computer and sent to the marketplace as soon as it can be reached. If the buyer pays first, the marketplace does not accept it and the order keeps its price."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change price"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.current.setText(self.vm.current_price() or "—")  # its unit is in words
        self._show_preview()
        self._count_reason()
