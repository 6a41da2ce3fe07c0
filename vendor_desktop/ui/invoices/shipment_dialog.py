"""*Record shipment…* (R-INV-4, R-INV-5) and *Correct shipment…* (R-INV-6).

The carrier comes from the common Chinese couriers, or "Other" with its name typed; a tracking
number that does not look like the carrier's gets a warning under it, never a refusal. The
postage rule is said before anything is sent: cash on delivery is disabled, with the reason
beside it, for an invoice of ¥50.00 or more. A correction asks for a reason instead of postage.
Every rule is the viewmodel's.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from vendor_desktop.ui.core.reason_box import ReasonBox
from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, side_by_side, stacked
from vendor_desktop.viewmodels.core.labels import carrier_label
from vendor_desktop.viewmodels.invoices.actions import OTHER, ShipmentForm, ShipmentViewModel, carrier_choices, cod_rule
from vendor_desktop.viewmodels.invoices.detail import amount_text

VENDOR_PAID, COD = "vendor_paid", "cod"


class ShipmentDialog(Retranslating, QDialog):
    def __init__(self, vm: ShipmentViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.amount = QLabel()
        self.amount.setObjectName("money")
        self.current = QLabel()  # a correction: what the buyer sees now
        self.carrier = QComboBox()
        self.carrier.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.other_carrier = QLineEdit()
        self.other_carrier.setMaxLength(40)
        self.tracking_number = QLineEdit()
        self.tracking_number.setMaxLength(60)
        self.warning = QLabel()
        self.warning.setObjectName("hint")
        self.warning.setWordWrap(True)
        self.vendor_paid = QRadioButton()
        self.cod = QRadioButton()
        self.postage_group = QButtonGroup(self)
        self.postage_group.addButton(self.vendor_paid)
        self.postage_group.addButton(self.cod)
        self.vendor_paid.setChecked(True)
        self.cod_rule = QLabel()
        self.cod_rule.setObjectName("hint")
        self.cod_rule.setWordWrap(True)
        self.reason = ReasonBox(vm.reason_limit)
        self.errors = {name: error_label() for name in ("carrier", "tracking_number", "postage", "reason")}
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

        self.labels = [QLabel() for _ in range(5)]
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.labels[0], self.amount if not vm.correction else self.current)
        self.form.addRow(
            self.labels[1], stacked(side_by_side(self.carrier, self.other_carrier), self.errors["carrier"])
        )
        self.form.addRow(self.labels[2], stacked(self.tracking_number, self.warning, self.errors["tracking_number"]))
        if vm.correction:
            self.form.addRow(self.labels[4], stacked(self.reason, self.errors["reason"]))
            self.amount.hide()
            for widget in (self.vendor_paid, self.cod, self.cod_rule, self.labels[3]):
                widget.hide()
        else:
            postage = stacked(side_by_side(self.vendor_paid, self.cod), self.cod_rule, self.errors["postage"])
            self.form.addRow(self.labels[3], postage)
            self.current.hide()
            self.reason.hide()
            self.labels[4].hide()
        self.buttons, self.saving = change_form(
            self, vm, self.submit, self.title, self.form, self.note, width_chars=80
        )

        self.carrier.currentIndexChanged.connect(self._carrier_chosen)
        self.other_carrier.textChanged.connect(self._warn)
        self.tracking_number.textChanged.connect(self._warn)
        vm.problems_changed.connect(self.show_problems)
        self.retranslate()
        if vm.correction and vm.invoice.carrier:
            self.choose_carrier(vm.invoice.carrier)
            self.tracking_number.setText(vm.invoice.tracking_number or "")
        self._carrier_chosen()
        self.tracking_number.setFocus()

    def choose_carrier(self, name: str) -> None:
        """A common courier by name; any other name as "Other" with the name typed."""
        index = self.carrier.findData(name)
        if index < 0:
            self.carrier.setCurrentIndex(self.carrier.findData(OTHER))
            self.other_carrier.setText(name)
        else:
            self.carrier.setCurrentIndex(index)

    def _carrier_chosen(self, *_: object) -> None:
        self.other_carrier.setVisible(self.carrier.currentData() == OTHER)
        self._warn()

    def form_now(self) -> ShipmentForm:
        return ShipmentForm(
            carrier=self.carrier.currentData() or OTHER,
            tracking_number=self.tracking_number.text(),
            postage=COD if self.cod.isChecked() else VENDOR_PAID,
            other_carrier=self.other_carrier.text(),
            reason=self.reason.text(),
        )

    def _warn(self, *_: object) -> None:
        form = self.form_now()
        text = self.vm.tracking_warning(form.carrier_name, form.tracking_number)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self.vm.submit(self.form_now()):
            self.saving.not_sent()

    def retranslate(self) -> None:
        inv = self.vm.invoice
        correction = self.vm.correction
        self.setWindowTitle(self.tr("Correct shipment") if correction else self.tr("Record shipment"))
        title = (
            self.tr("Correct the shipment of the invoice for order %1")
            if correction
            else self.tr("Record the shipment of the invoice for order %1")
        )
        self.title.setText(title.replace("%1", inv.order_number or "—"))
        chosen = self.carrier.currentData()
        self.carrier.blockSignals(True)
        self.carrier.clear()
        for value, text in carrier_choices():
            self.carrier.addItem(text, value)
        self.carrier.setCurrentIndex(max(0, self.carrier.findData(chosen)) if chosen is not None else 0)
        self.carrier.blockSignals(False)
        for label, text in zip(
            self.labels,
            [
                self.tr("Now") if correction else self.tr("Amount"),
                self.tr("Carrier"),
                self.tr("Tracking number"),
                self.tr("Postage"),
                self.tr("Reason"),
            ],
            strict=True,
        ):
            label.setText(text)
        self.amount.setText(amount_text(inv))
        self.current.setText(f"{carrier_label(inv.carrier) or '—'} {inv.tracking_number or ''}".strip())
        self.other_carrier.setPlaceholderText(self.tr("Carrier's name"))
        self.tracking_number.setPlaceholderText(self.tr("As on the waybill"))
        self.vendor_paid.setText(self.tr("Postage paid"))
        self.cod.setText(self.tr("Cash on delivery"))
        why_not = self.vm.why_cod_disabled()
        self.cod.setEnabled(not why_not)
        self.cod.setToolTip(why_not)
        self.cod_rule.setText(why_not or cod_rule())  # the rule, before anything is sent (R-INV-5)
        self.reason.setPlaceholderText(self.tr("e.g. the courier re-labelled the parcel"))
        self.note.setText(
            self.tr(
                "The buyer sees the latest carrier and tracking number; the history keeps the one it replaces. Saved on this computer and sent as soon as the marketplace can be reached."
            )
            if correction
            else self.tr(
                "The buyer sees the carrier and the tracking number once the marketplace has them. Saved on this computer and sent as soon as the marketplace can be reached."
            )
        )
        ok = self.tr("Correct shipment") if correction else self.tr("Record shipment")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._warn()
