"""*Withdraw…* (提现), R-WDR-2..5: the amount (all that can be withdrawn, by default), the bank
account it goes to, and when it should arrive, as dates. What would be refused says why before
anything is queued; the request is queued on this computer and sent when online."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, stacked
from vendor_desktop.ui.money.amount_dialog import AmountDialogMixin
from vendor_desktop.viewmodels.money.withdrawal import WithdrawalViewModel


class WithdrawDialog(AmountDialogMixin, Retranslating, QDialog):
    def __init__(self, vm: WithdrawalViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.withdrawable = QLabel()
        self.on_hold = QLabel()
        self.on_hold.setWordWrap(True)
        self.amount = QLineEdit(vm.default_amount())
        self.amount.setMaxLength(20)
        self.bank_account = QLabel()
        self.bank_account.setWordWrap(True)
        self.arrival = QLabel()
        self.arrival.setWordWrap(True)
        self.errors = {name: error_label() for name in ("form", "amount")}
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.labels = [QLabel() for _ in range(5)]
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.errors["form"])
        for label, field in zip(
            self.labels,
            (
                self.withdrawable,
                self.on_hold,
                stacked(self.amount, self.errors["amount"]),
                self.bank_account,
                self.arrival,
            ),
            strict=True,
        ):
            self.form.addRow(label, field)
        self.buttons, self.saving = change_form(self, vm, self.submit, self.title, self.form, self.note, width_chars=72)
        vm.problems_changed.connect(self.show_problems)
        self.retranslate()
        # R-WDR-2/4: what rules out any withdrawal shows at once, not only after OK.
        if why := vm.why_cannot_withdraw():
            self.show_problems({"form": why})
        self.amount.selectAll()
        self.amount.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Withdraw"))
        self.title.setText(self.tr("Withdraw earnings to the bank account"))
        texts = [
            self.tr("Withdrawable"),
            self.tr("On hold"),
            self.tr("Amount"),
            self.tr("Bank account"),
            self.tr("Expected"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.withdrawable.setText(self.vm.withdrawable_text())
        self.on_hold.setText(self.vm.on_hold_field())
        self.bank_account.setText(self.vm.bank_account())
        self.arrival.setText(self.vm.arrival_text())
        self.amount.setPlaceholderText(self.tr("Amount in yuan"))
        self.note.setText(
            self.tr(
                "The request is saved on this computer and sent to the marketplace as soon as it can be reached. The money goes to the bank account on file."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Withdraw"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
