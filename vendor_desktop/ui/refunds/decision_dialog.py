"""*Approve…*, *Reject…* and *Partial refund…* of a refund request (R-REF-4): one dialog, the
fields its decision needs. Approving confirms the amount the buyer asked; rejecting needs a
reason the buyer reads; a partial refund takes an amount, at most what was paid and not yet
refunded, said before anything is typed. The checks are the viewmodel's; each message shows
under its field. The decision is queued on this computer and sent when the marketplace can be
reached.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from vendor_desktop.ui.core.reason_box import ReasonBox
from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, stacked
from vendor_desktop.viewmodels.refunds.decision import DecisionViewModel
from vendor_desktop.viewmodels.refunds.words import amounts_text


class DecisionDialog(Retranslating, QDialog):
    def __init__(self, vm: DecisionViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.title.setWordWrap(True)
        self.asked = QLabel()
        self.amount = QLineEdit()
        self.amount.setMaxLength(20)
        self.limit = QLabel()
        self.limit.setObjectName("hint")
        self.limit.setWordWrap(True)
        self.reason = ReasonBox(vm.reason_limit)
        self.errors = {name: error_label() for name in ("amount", "reason")}
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.labels = [QLabel() for _ in range(3)]
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.labels[0], self.asked)
        if vm.wants_amount:
            self.form.addRow(self.labels[1], stacked(self.amount, self.limit, self.errors["amount"]))
        if vm.wants_reason:
            self.form.addRow(self.labels[2], stacked(self.reason, self.errors["reason"]))
        self.buttons, self.saving = change_form(self, vm, self.submit, self.title, self.form, self.note, width_chars=72)
        vm.problems_changed.connect(self.show_problems)
        self.retranslate()
        (self.amount if vm.wants_amount else self.reason).setFocus()

    def show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self.vm.submit(self.amount.text(), self.reason.text()):
            self.saving.not_sent()

    def retranslate(self) -> None:
        vm, refund = self.vm, self.vm.refund
        order = refund.order_number or "—"
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if vm.decision == "approve":
            self.setWindowTitle(self.tr("Approve refund"))
            self.title.setText(self.tr("Approve the refund for order %1?").replace("%1", order))
            self.note.setText(vm.approve_text())
            ok.setText(self.tr("Approve"))
        elif vm.decision == "reject":
            self.setWindowTitle(self.tr("Reject refund"))
            self.title.setText(self.tr("Reject the refund for order %1").replace("%1", order))
            self.note.setText(self.tr("The buyer reads your reason. The order goes back to the state it had before."))
            ok.setText(self.tr("Reject"))
        else:
            self.setWindowTitle(self.tr("Partial refund"))
            self.title.setText(self.tr("Refund part of order %1").replace("%1", order))
            self.note.setText(
                self.tr(
                    "Refund the amount you agreed with the buyer. The order keeps its state; your earnings of its market go down by that amount."
                )
            )
            ok.setText(self.tr("Refund"))
        self.note.setText(
            self.note.text()
            + "\n"
            + self.tr(
                "Your decision is saved on this computer and sent to the marketplace as soon as it can be reached. If the buyer withdraws the request or a colleague decides first, the marketplace does not accept it."
            )
        )
        self.labels[0].setText(self.tr("Asked / paid"))
        self.asked.setText(amounts_text(refund))
        self.labels[1].setText(self.tr("Amount to refund"))
        self.amount.setPlaceholderText(self.tr("In yuan, e.g. 300 or 300.00"))
        self.limit.setText(vm.limit_text())
        self.labels[2].setText(self.tr("Reason") if vm.reason_required else self.tr("Reason (optional)"))
        self.reason.setPlaceholderText(
            self.tr("Why you reject it, for the buyer")
            if vm.reason_required
            else self.tr("What the amount is for, for the buyer")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
