"""Granting a buyer-specific discount (指定商品折扣): listing, buyer, percent paid, period. R-DSC-1.

What the discount means shows as it is typed: the buyer's name (from this computer's orders), the
discount in the glossary's words, and each billing mode's price after it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTimer, QTimeZone
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
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, side_by_side, stacked
from vendor_desktop.viewmodels.discounts.viewmodel import DiscountForm, DiscountsViewModel, percent_hint, price_lines

SHANGHAI = QTimeZone(b"Asia/Shanghai")  # business dates are Beijing time, wherever the laptop is
LOOK_UP_AFTER_MS = 250  # the buyer's name is looked up once typing pauses


class DiscountDialog(Retranslating, QDialog):
    def __init__(self, vm: DiscountsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setMinimumWidth(520)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.intro = QLabel()
        self.intro.setObjectName("hint")
        self.intro.setWordWrap(True)
        self.listing = QComboBox()
        for listing_id, name in vm.listings():
            self.listing.addItem(name, listing_id)
        self.buyer = QLineEdit()
        self.buyer.setMaxLength(64)
        self.buyer_name = QLabel()  # who that is, as this computer knows them; a hint, not an error
        self.buyer_name.setWordWrap(True)
        self.buyer_name.hide()
        self._look_up = QTimer(self)
        self._look_up.setSingleShot(True)
        self._look_up.setInterval(LOOK_UP_AFTER_MS)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)  # 0 and 100 get a clear message rather than a silent clamp
        self.percent.setValue(80)
        self.percent.setSuffix(" %")
        self.percent_hint = QLabel()
        self.percent_hint.setObjectName("hint")
        self.prices = QLabel()  # each billing mode's price → the price after the discount
        self.prices.setWordWrap(True)
        self._listing_prices: dict[str, int] = {}
        now = QDateTime.currentDateTime().toTimeZone(SHANGHAI)
        self.valid_from = _datetime_edit(now)
        self.valid_until = _datetime_edit(now.addDays(30))
        self.errors = {
            name: error_label()
            for name in ("form", "listing_id", "buyer_account_id", "percent", "valid_from", "valid_until")
        }
        self.labels = [QLabel() for _ in range(6)]
        form = QFormLayout()
        for label, fields in (
            (self.labels[0], (self.listing, self.errors["listing_id"])),
            (self.labels[1], (self.buyer, self.buyer_name, self.errors["buyer_account_id"])),
            (self.labels[2], (side_by_side(self.percent, self.percent_hint), self.errors["percent"])),
            (self.labels[3], (self.prices,)),
            (self.labels[4], (self.valid_from, self.errors["valid_from"])),
            (self.labels[5], (self.valid_until, self.errors["valid_until"])),
        ):
            form.addRow(label, stacked(*fields))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.saving = SaveFeedback(self, self.buttons.button(QDialogButtonBox.StandardButton.Ok))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.errors["form"])
        layout.addLayout(form)
        layout.addWidget(self.saving.message)
        layout.addWidget(self.buttons)
        self.percent.valueChanged.connect(self._percent_hint)
        self.listing.currentIndexChanged.connect(self._listing_chosen)
        self.buyer.textChanged.connect(self._look_up.start)
        self._look_up.timeout.connect(lambda: vm.look_up_buyer(self.buyer.text()))
        vm.buyer_looked_up.connect(self._show_buyer)
        vm.problems_changed.connect(self.show_problems)
        # Bound methods, not lambdas: the viewmodel outlives this dialog (deleted on close), and
        # Qt disconnects a destroyed receiver's slots.
        vm.queued.connect(self.saving.saved)
        vm.save_failed.connect(self.saving.failed)
        self._listing_chosen()
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
        show_problems(self.errors, problems)

    def _show_buyer(self, account_id: str, text: str, known: bool) -> None:
        if account_id != self.buyer.text():
            return  # an answer for what was typed before
        self.buyer_name.setText(text)
        self.buyer_name.setObjectName("" if known else "hint")
        self.buyer_name.style().unpolish(self.buyer_name)
        self.buyer_name.style().polish(self.buyer_name)
        self.buyer_name.setVisible(bool(text))

    def _listing_chosen(self) -> None:
        self._listing_prices = self.vm.prices(self.listing.currentData() or "")
        self._percent_hint()
        if self.buyer.text().strip():
            self.vm.look_up_buyer(self.buyer.text())  # the hint in the new language

    def _percent_hint(self) -> None:
        value = self.percent.value()
        valid = 1 <= value <= 99
        self.percent_hint.setText(percent_hint(value) if valid else "")
        lines = price_lines(self._listing_prices, value) if valid else []
        self.prices.setText("\n".join(lines) or "—")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Give a buyer a discount"))
        self.title.setText(self.tr("Give a buyer a discount"))
        self.intro.setText(self.tr("While the discount is valid, this buyer pays less for this listing."))
        texts = [
            self.tr("Listing"),
            self.tr("Buyer account ID"),
            self.tr("Buyer pays"),
            self.tr("Price after discount"),
            self.tr("Valid from"),
            self.tr("Valid until"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.buyer.setPlaceholderText(self.tr("the buyer's marketplace account ID"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Give discount"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._percent_hint()
        if self.buyer.text().strip():
            self.vm.look_up_buyer(self.buyer.text())  # the hint in the new language


def _datetime_edit(value: QDateTime) -> QDateTimeEdit:
    edit = QDateTimeEdit(value)
    edit.setTimeZone(SHANGHAI)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def _aware(value: QDateTime) -> dt.datetime:
    """Qt's date-time as an aware Python datetime (UTC), without a float on the way."""
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)
