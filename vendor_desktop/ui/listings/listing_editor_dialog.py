"""The listing editor (商品编辑): the form changes with the market's delivery type (R-LST-1).

Its labels sit right-aligned in one column beside their fields; hints and errors wrap; it is as
wide as its form needs (never a sideways scroll bar) and scrolls only up and down on a small
screen. A rejected listing shows the review's reason above the form (R-LST-3)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.saving import SaveFeedback
from vendor_desktop.ui.core.widgets import Retranslating, error_label, stacked
from vendor_desktop.viewmodels.core.labels import billing_mode_label
from vendor_desktop.viewmodels.listings.listing_editor import (
    CONFIG_FIELDS,
    ListingEditorViewModel,
    config_label,
    market_choices,
)
from vendor_desktop.viewmodels.listings.prices import MODES, unit_label

# Fields are at least this many average characters wide, so a URL or a name is readable.
FIELD_CHARS = 64


class ListingEditorDialog(Retranslating, QDialog):
    def __init__(self, vm: ListingEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.title.setWordWrap(True)
        self.rejection = QLabel()  # R-LST-3: what the review said, while the vendor fixes it
        self.rejection.setObjectName("changeNotice")
        self.rejection.setProperty("rejected", True)
        self.rejection.setWordWrap(True)
        self.rejection.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.market = QComboBox()
        for market_id, label in market_choices():
            self.market.addItem(label, market_id)
        self.deposit = QLabel()
        self.deposit.setObjectName("hint")
        self.deposit.setWordWrap(True)
        self.name = QLineEdit()
        self.summary = QLineEdit()
        self.description = _text_box(lines=4)
        self.modes = {m: QCheckBox() for m in MODES}
        self.prices = {m: QLineEdit() for m in MODES}
        self.units = {m: QLabel() for m in MODES}
        for price in self.prices.values():
            price.setMaximumWidth(price.fontMetrics().averageCharWidth() * 16)
        self.config: dict[str, QWidget] = {
            "image_id": QLineEdit(),
            "os": QLineEdit(),
            "callback_url": QLineEdit(),
            "base_url": QLineEdit(),
            "quota_per_plan": _spin(0, 1_000_000_000, 100_000),
            "service_scope": QLineEdit(),
            "response_hours": _spin(0, 1000, 24),
        }
        self.agreement = _text_box(lines=6)
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        line_height = QLineEdit().sizeHint().height()

        def row(key: str, field: QWidget, *, error_key: str | None = None) -> None:
            label = QLabel()
            # Centred on a one-line field's height, at the top of a taller one: each label sits
            # level with the first line of its field.
            label.setMinimumHeight(line_height)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.labels[key] = label
            box = stacked(field, self._error(error_key or key))
            box.setMinimumWidth(box.fontMetrics().averageCharWidth() * FIELD_CHARS)
            self.rows[key] = box
            self.form.addRow(label, box)

        row("market", stacked(self.market, self.deposit))
        row("name", self.name)
        row("summary", self.summary)
        row("description", self.description)
        billing = QGridLayout()
        billing.setContentsMargins(0, 0, 0, 0)
        billing.setVerticalSpacing(2)
        for i, mode in enumerate(MODES):
            billing.addWidget(self.modes[mode], 2 * i, 0)
            billing.addWidget(self.prices[mode], 2 * i, 1)
            billing.addWidget(self.units[mode], 2 * i, 2)
            billing.addWidget(self._error(f"billing.{mode}"), 2 * i + 1, 1, 1, 3)
        billing.setColumnStretch(3, 1)
        billing_box = QWidget()
        billing_box.setLayout(billing)
        row("billing", billing_box)
        for key, widget in self.config.items():
            row(key, widget, error_key=f"delivery_config.{key}")
        row("agreement", self.agreement)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self._error("form"))
        body_layout.addLayout(self.form)
        body_layout.addStretch(1)  # spare height below the form, not between its rows
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.saving = SaveFeedback(self, self.buttons.button(QDialogButtonBox.StandardButton.Save))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never narrower than the form
        layout.addWidget(self.title)
        layout.addWidget(self.rejection)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.saving.message)
        layout.addWidget(self.buttons)

        # Errors show for fields the user has touched, and for all once they try to save: a new
        # form full of red "Required." before anything was typed reads as scolding.
        self.touched: set[str] = set()
        self.tried = False
        self._load(vm.initial())
        self.market.setEnabled(vm.is_new)  # R-MKT-1: a listing belongs to one market for good
        self.market.currentIndexChanged.connect(self._market_changed)
        watched: dict[str, QWidget] = {"name": self.name, "summary": self.summary, "agreement": self.agreement}
        watched.update({f"billing.{m}": w for m, w in self.prices.items()})
        watched.update({f"delivery_config.{k}": w for k, w in self.config.items()})
        for key, widget in watched.items():
            signal = getattr(widget, "textChanged", None) or widget.valueChanged  # type: ignore[attr-defined]
            signal.connect(partial(self._touch, key))
        for box in self.modes.values():
            box.toggled.connect(self._modes_changed)
        vm.problems_changed.connect(self.show_problems)
        vm.queued.connect(self.saving.saved)
        vm.save_failed.connect(self.saving.failed)
        vm.deposit_changed.connect(self._deposit_changed)
        self.retranslate()
        self._modes_changed()
        self._fit()

    def _fit(self) -> None:
        """As wide as the form needs and as tall as it is, within the screen; taller forms scroll."""
        body = self.scroll.widget()
        frame = 2 * self.scroll.frameWidth()
        # The width with every delivery row shown: switching markets then never cuts a field.
        for key in self.config:
            self.form.setRowVisible(self.rows[key], True)
        body.adjustSize()
        self.scroll.setMinimumWidth(
            body.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + frame
        )
        self._market_changed()
        self.scroll.setMinimumHeight(min(body.sizeHint().height() + frame, 240))
        self.resize(self.minimumSizeHint().width(), 0)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Taller when the form is (another market's fields), up to nine tenths of the screen."""
        body = self.scroll.widget()
        body.adjustSize()
        around = self.sizeHint().height() - self.scroll.sizeHint().height()  # title, buttons, margins
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        height = min(around + body.sizeHint().height() + 2 * self.scroll.frameWidth(), int(screen.height() * 0.9))
        self.resize(min(self.width(), screen.width()), max(self.height(), height))

    def _error(self, key: str) -> QLabel:
        label = error_label()
        self.errors[key] = label
        return label

    # -- data ----------------------------------------------------------------------------------
    def _load(self, content: dict[str, Any]) -> None:
        self.market.setCurrentIndex(max(0, self.market.findData(content.get("market"))))
        self.name.setText(content.get("name", ""))
        self.summary.setText(content.get("summary", ""))
        for line in (self.name, self.summary):
            line.setCursorPosition(0)  # show the start of a long text, not its end
        self.description.setPlainText(content.get("description", ""))
        billing = content.get("billing") or {}
        for mode in MODES:
            self.modes[mode].setChecked(mode in billing)
            self.prices[mode].setText(f"{billing[mode] / 100:.2f}" if mode in billing else "")
        config = content.get("delivery_config") or {}
        for key, widget in self.config.items():
            value = config.get(key)
            if isinstance(widget, QSpinBox):
                if isinstance(value, dict) and value:
                    widget.setValue(int(next(iter(value.values()))))
                elif isinstance(value, int):
                    widget.setValue(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value or ""))
        self.agreement.setPlainText(content.get("agreement", ""))

    def fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The content typed so far, and the typed prices of the offered billing modes."""
        market = self.market.currentData()
        delivery = self.vm.delivery_of(market)
        offered = [m for m in MODES if self.modes[m].isChecked()]
        config: dict[str, Any] = {}
        for key in CONFIG_FIELDS.get(delivery, ()) if delivery else ():
            widget = self.config[key]
            if key == "quota_per_plan":
                config[key] = {mode: self.config[key].value() for mode in offered}  # type: ignore[attr-defined]
            elif isinstance(widget, QSpinBox):
                config[key] = widget.value()
            elif isinstance(widget, QLineEdit):
                config[key] = widget.text().strip()
        content = {
            "market": market,
            "name": self.name.text().strip(),
            "summary": self.summary.text().strip(),
            "description": self.description.toPlainText().strip(),
            "delivery_config": config,
            "agreement": self.agreement.toPlainText().strip(),
        }
        return content, {m: self.prices[m].text() for m in offered}

    def check(self, *_: object) -> dict[str, str]:
        return self.vm.check(*self.fields())

    def _touch(self, key: str, *_: object) -> None:
        self.touched.add(key)
        self.check()

    def save(self) -> None:
        if self.saving.saving:
            return
        self.tried = True
        self.saving.start()
        if not self.vm.save(*self.fields()):
            self.saving.not_sent()

    def show_problems(self, problems: dict) -> None:
        for key, label in self.errors.items():
            shown = key in problems and (self.tried or key in self.touched or key in ("form", "market"))
            label.setText(problems.get(key, ""))
            label.setVisible(shown)

    def _market_changed(self, *_: object) -> None:
        market = self.market.currentData()
        self.deposit.setText(self.vm.deposit_note(market))
        delivery = self.vm.delivery_of(market)
        shown = set(CONFIG_FIELDS.get(delivery, ())) if delivery else set()
        for key in self.config:
            self.form.setRowVisible(self.rows[key], key in shown)  # no gap where a hidden row was
            self.errors[f"delivery_config.{key}"].setVisible(False)
        if self.isVisible():
            self._grow_to_fit()
        self.check()

    def _deposit_changed(self) -> None:
        """A pull brought another deposit summary: the preview follows (it may take a line more)."""
        self.deposit.setText(self.vm.deposit_note(self.market.currentData()))
        if self.isVisible():
            self._grow_to_fit()

    def _modes_changed(self, *_: object) -> None:
        for mode in MODES:
            self.prices[mode].setEnabled(self.modes[mode].isChecked())
        if self.isVisible():
            self.touched.add("billing")
        self.check()

    def retranslate(self) -> None:
        if self.vm.is_new:
            title = self.tr("New listing")
        elif self.vm.editing_revision:
            title = self.tr("Edit an on-sale listing (the changes go to review; the listing stays on sale meanwhile)")
        else:
            title = self.tr("Edit listing")
        self.setWindowTitle(self.tr("Listing"))
        self.title.setText(title)
        reason = self.vm.rejection_reason()
        self.rejection.setText(self.tr("Rejected · reason: %1").replace("%1", reason))
        self.rejection.setVisible(bool(reason))
        texts = {
            "market": self.tr("Market"),
            "name": self.tr("Name"),
            "summary": self.tr("Summary"),
            "description": self.tr("Description"),
            "billing": self.tr("Billing and prices (¥)"),
            "agreement": self.tr("Listing service agreement"),
        }
        for key, label in self.labels.items():
            label.setText(texts.get(key) or config_label(key))
        for mode in MODES:
            self.modes[mode].setText(billing_mode_label(mode))
            self.prices[mode].setPlaceholderText(self.tr("e.g. 99.00"))
            self.units[mode].setText(unit_label(mode))
        self.config["callback_url"].setPlaceholderText("https://")  # type: ignore[attr-defined]
        self.config["base_url"].setPlaceholderText("https://")  # type: ignore[attr-defined]
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save draft") if self.vm.is_new else self.tr("Save changes"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self.isVisible():  # another language: other widths
            self._fit()


def _text_box(*, lines: int) -> QPlainTextEdit:
    """A text box ``lines`` lines tall that wraps its text at its width (never scrolls sideways)."""
    box = QPlainTextEdit()
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    margins = box.contentsMargins()
    height = box.fontMetrics().lineSpacing() * lines + 2 * box.document().documentMargin()
    box.setFixedHeight(int(height) + margins.top() + margins.bottom() + 2 * box.frameWidth())
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def _spin(low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setGroupSeparatorShown(True)
    return spin
