"""Granting a buyer-specific discount (指定商品折扣): listing, buyer, percent paid, period. R-DSC-1."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.saving import SaveFeedback
from vendor_desktop.ui.core.widgets import Retranslating, error_label, side_by_side, stacked
from vendor_desktop.viewmodels.discounts.viewmodel import DiscountForm, DiscountsViewModel, percent_hint

SHANGHAI = QTimeZone(b"Asia/Shanghai")  # business dates are Beijing time, wherever the laptop is


class DiscountDialog(Retranslating, QDialog):
    def __init__(self, vm: DiscountsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setMinimumWidth(520)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.listing = QComboBox()
        for listing_id, name in vm.listings():
            self.listing.addItem(name, listing_id)
        self.buyer = QLineEdit()
        self.buyer.setMaxLength(64)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)  # 0 and 100 get a clear message rather than a silent clamp
        self.percent.setValue(80)
        self.percent.setSuffix(" %")
        self.percent_hint = QLabel()
        self.percent_hint.setObjectName("hint")
        now = QDateTime.currentDateTime().toTimeZone(SHANGHAI)
        self.valid_from = _datetime_edit(now)
        self.valid_until = _datetime_edit(now.addDays(30))
        self.errors = {
            name: error_label()
            for name in ("form", "listing_id", "buyer_account_id", "percent", "valid_from", "valid_until")
        }
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field, error in (
            (self.labels[0], self.listing, "listing_id"),
            (self.labels[1], self.buyer, "buyer_account_id"),
            (self.labels[2], side_by_side(self.percent, self.percent_hint), "percent"),
            (self.labels[3], self.valid_from, "valid_from"),
            (self.labels[4], self.valid_until, "valid_until"),
        ):
            form.addRow(label, stacked(field, self.errors[error]))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.saving = SaveFeedback(self, self.buttons.button(QDialogButtonBox.StandardButton.Ok))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.errors["form"])
        layout.addLayout(form)
        layout.addWidget(self.saving.message)
        layout.addWidget(self.buttons)
        self.percent.valueChanged.connect(self._percent_hint)
        vm.problems_changed.connect(self.show_problems)
        # Bound methods, not lambdas: the viewmodel outlives this dialog (deleted on close), and
        # Qt disconnects a destroyed receiver's slots.
        vm.queued.connect(self.saving.saved)
        vm.save_failed.connect(self.saving.failed)
        self.retranslate()

    def form(self) -> DiscountForm:
        return DiscountForm(
            listing_id=self.listing.currentData() or "",
            buyer_account_id=self.buyer.text(),
            percent=self.percent.value(),
            valid_from=_aware(self.valid_from.dateTime()),
            valid_until=_aware(self.valid_until.dateTime()),
        )

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self.vm.grant(self.form()):
            self.saving.not_sent()

    def show_problems(self, problems: dict) -> None:
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)

    def _percent_hint(self) -> None:
        value = self.percent.value()
        self.percent_hint.setText(percent_hint(value) if 1 <= value <= 99 else "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Give a buyer a discount"))
        self.title.setText(self.tr("Give a buyer a discount on one listing"))
        texts = [
            self.tr("Listing"),
            self.tr("Buyer account ID"),
            self.tr("Buyer pays"),
            self.tr("Valid from"),
            self.tr("Valid until"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.buyer.setPlaceholderText(self.tr("the buyer's marketplace account ID"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Give discount"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._percent_hint()


def _datetime_edit(value: QDateTime) -> QDateTimeEdit:
    edit = QDateTimeEdit(value)
    edit.setTimeZone(SHANGHAI)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def _aware(value: QDateTime) -> dt.datetime:
    """Qt's date-time as an aware Python datetime (UTC), without a float on the way."""
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)
