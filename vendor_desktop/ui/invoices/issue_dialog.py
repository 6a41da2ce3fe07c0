"""*Issue…* (开票): the invoice number printed on the paper invoice and its optional code.

The checks are the viewmodel's (8–20 digits; a code of 10 or 12); each message shows under its
field. The change is queued on this computer and sent when the marketplace can be reached.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, stacked
from vendor_desktop.viewmodels.invoices.actions import IssueForm, IssueViewModel
from vendor_desktop.viewmodels.invoices.detail import amount_text


class IssueDialog(Retranslating, QDialog):
    def __init__(self, vm: IssueViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.request = QLabel()
        self.request.setWordWrap(True)
        self.amount = QLabel()
        self.amount.setObjectName("money")
        self.invoice_number = QLineEdit()
        self.invoice_number.setMaxLength(40)
        self.invoice_code = QLineEdit()
        self.invoice_code.setMaxLength(40)
        self.errors = {name: error_label() for name in ("invoice_number", "invoice_code")}
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.labels = [QLabel() for _ in range(4)]
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, field in (
            (self.labels[0], self.request),
            (self.labels[1], self.amount),
            (self.labels[2], stacked(self.invoice_number, self.errors["invoice_number"])),
            (self.labels[3], stacked(self.invoice_code, self.errors["invoice_code"])),
        ):
            self.form.addRow(label, field)
        self.buttons, self.saving = change_form(
            self, vm, self.submit, self.title, self.form, self.note, width_chars=70
        )
        vm.problems_changed.connect(self.show_problems)
        self.retranslate()
        self.invoice_number.setFocus()

    def show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self.vm.submit(IssueForm(self.invoice_number.text(), self.invoice_code.text())):
            self.saving.not_sent()

    def retranslate(self) -> None:
        inv = self.vm.invoice
        self.setWindowTitle(self.tr("Issue invoice"))
        self.title.setText(self.tr("Issue the invoice for order %1").replace("%1", inv.order_number or "—"))
        for label, text in zip(
            self.labels,
            [self.tr("Title"), self.tr("Amount"), self.tr("Invoice number"), self.tr("Invoice code")],
            strict=True,
        ):
            label.setText(text)
        tax = f" · {inv.tax_id}" if inv.tax_id else ""
        self.request.setText(f"{inv.title or '—'}{tax}")
        self.amount.setText(amount_text(inv))
        self.invoice_number.setPlaceholderText(self.tr("8 to 20 digits, as printed"))
        self.invoice_code.setPlaceholderText(self.tr("Optional: 10 or 12 digits"))
        self.note.setText(
            self.tr(
                "The invoice number is saved on this computer and sent to the marketplace as soon as it can be reached. If the buyer revokes the request first, the marketplace does not accept it."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Issue"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
