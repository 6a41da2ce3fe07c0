"""*Pay deposit…* (缴纳保证金), R-DEP-1..5: up to a tier, or an amount; what it does shows as it is
chosen (the tier it reaches, the markets it opens, the balance left), and what would be refused
says why under the amount. The payment is queued on this computer and sent when online."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from vendor_desktop.ui.core.binding import set_quietly
from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, stacked
from vendor_desktop.ui.money.amount_dialog import AmountDialogMixin
from vendor_desktop.viewmodels.core.amounts import amount_problem
from vendor_desktop.viewmodels.money.deposit_payment import DepositPaymentViewModel

TYPED = -1  # the tier combo's value for an amount the user typed


class PayDepositDialog(AmountDialogMixin, Retranslating, QDialog):
    def __init__(self, vm: DepositPaymentViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.balance = QLabel()
        self.deposit = QLabel()
        self.tier = QComboBox()
        self.amount = QLineEdit()
        self.amount.setMaxLength(20)
        self.deposit_after = QLabel()
        self.markets_opened = QLabel()
        self.markets_opened.setWordWrap(True)
        self.balance_after = QLabel()
        self.errors = {name: error_label() for name in ("form", "amount")}
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.labels = [QLabel() for _ in range(7)]
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.errors["form"])
        for label, field in zip(
            self.labels,
            (
                self.balance,
                self.deposit,
                self.tier,
                stacked(self.amount, self.errors["amount"]),
                self.deposit_after,
                self.markets_opened,
                self.balance_after,
            ),
            strict=True,
        ):
            self.form.addRow(label, field)
        self.buttons, self.saving = change_form(self, vm, self.submit, self.title, self.form, self.note, width_chars=72)
        vm.problems_changed.connect(self.show_problems)
        self.tier.currentIndexChanged.connect(self._tier_chosen)
        self.amount.textChanged.connect(self._typed)
        self.retranslate()
        self._tier_chosen()
        # What rules out any payment (the role, tier 3 already reached) shows at once, not after OK.
        if why := vm.why_cannot_pay():
            self.show_problems({"form": why})
        self.amount.setFocus()

    def choose_tier(self, tier: int) -> None:
        self.tier.setCurrentIndex(max(0, self.tier.findData(tier)))

    def _tier_chosen(self, *_: object) -> None:
        tier = self.tier.currentData()
        if tier is not None and tier != TYPED:
            set_quietly(self.amount, self.amount.setText, self.vm.amount_text_for_tier(tier))
        self._show_preview()

    def _typed(self, _text: str) -> None:
        fen, _ = amount_problem(self.amount.text())
        tiers = [t for i in range(self.tier.count()) if (t := self.tier.itemData(i)) not in (None, TYPED)]
        matching = self.vm.tier_for_amount(fen, tiers)
        set_quietly(self.tier, self.tier.setCurrentIndex, self.tier.findData(TYPED if matching is None else matching))
        self._show_preview()

    def _show_preview(self) -> None:
        fen, _ = amount_problem(self.amount.text())
        preview = self.vm.preview(fen)
        self.deposit_after.setText(preview.deposit_after if preview else "—")
        self.markets_opened.setText(preview.markets_opened if preview else "—")
        self.balance_after.setText(preview.balance_after if preview else "—")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pay deposit"))
        self.title.setText(self.tr("Pay the deposit from the balance"))
        texts = [
            self.tr("Balance"),
            self.tr("Deposit now"),
            self.tr("Pay up to"),
            self.tr("Amount"),
            self.tr("Deposit after"),
            self.tr("Markets opened"),
            self.tr("Balance after"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.balance.setText(self.vm.balance_text())
        self.deposit.setText(self.vm.deposit_text())
        chosen = self.tier.currentData()
        blocked = self.tier.blockSignals(True)  # the same choice in the new words: no change to hear
        self.tier.clear()
        for tier, text in self.vm.tier_choices():
            self.tier.addItem(text, tier)
        self.tier.addItem(self.tr("An amount I type"), TYPED)
        self.tier.setCurrentIndex(max(0, self.tier.findData(chosen)) if chosen is not None else 0)
        self.tier.blockSignals(blocked)
        self.amount.setPlaceholderText(self.tr("Amount in yuan, e.g. 2000.00"))
        self.note.setText(
            self.tr(
                "The payment is saved on this computer and sent to the marketplace as soon as it can be reached. The deposit is paid from the balance, in full or not at all: top up first if the balance is short."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Pay"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._show_preview()
