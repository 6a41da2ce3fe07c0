"""*Edit…* of the account information (R-ACC-1) or the bank account (R-ACC-2): a box per field,
each checked as it is typed (the viewmodel's checks, worded under the field), OK queues the
change on this computer and closes once it is written."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, stacked
from vendor_desktop.viewmodels.account.edit import PROFILE, AccountEditViewModel
from vendor_desktop.viewmodels.account.fields import field_hint, field_label

MAX_TYPED = 260  # a little over the longest field the marketplace accepts (an e-mail: 254)


class AccountEditDialog(Retranslating, QDialog):
    def __init__(self, vm: AccountEditViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.boxes: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        initial = vm.initial()
        for name in vm.kind.fields:
            box = QLineEdit(initial.get(name, ""))
            box.setMaxLength(MAX_TYPED)
            box.textEdited.connect(lambda _text, name=name: self._typed(name))
            self.boxes[name], self.errors[name], self.labels[name] = box, error_label(), QLabel()
            self.form.addRow(self.labels[name], stacked(box, self.errors[name]))
        self.errors["form"] = error_label()
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.buttons, self.saving = change_form(
            self, vm, self.submit, self.title, self.form, stacked(self.errors["form"], self.note), width_chars=84
        )
        vm.problems_changed.connect(self.show_problems)
        self.retranslate()
        if read_only := vm.why_read_only():
            self.show_problems({"form": read_only})
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def values(self) -> dict[str, str]:
        return {name: box.text() for name, box in self.boxes.items()}

    def _typed(self, name: str) -> None:
        self.touched.add(name)
        self.vm.check(self.values(), only=frozenset(self.touched))

    def show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        self.touched.update(self.boxes)
        if not self.vm.submit(self.values()):
            self.saving.not_sent()

    def retranslate(self) -> None:
        profile = self.vm.kind is PROFILE
        self.setWindowTitle(self.tr("Edit account information") if profile else self.tr("Edit bank account"))
        self.title.setText(
            self.tr("Company, contact and customer-service details") if profile else self.tr("Where withdrawals go")
        )
        for name in self.boxes:
            self.labels[name].setText(field_label(name))
            self.boxes[name].setPlaceholderText(field_hint(name))
        if profile:
            note = self.tr(
                "Buyers see the customer-service phone, e-mail and QQ. The change is saved on this computer and sent to the marketplace as soon as it can be reached."
            )
        else:
            note = self.tr(
                "Withdrawals go to this account. Once the revenue supplementary agreement is signed, it can be changed only through a ticket. The change is saved on this computer and sent to the marketplace as soon as it can be reached."
            )
        self.note.setText(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self.touched:
            self.vm.check(self.values(), only=frozenset(self.touched))
