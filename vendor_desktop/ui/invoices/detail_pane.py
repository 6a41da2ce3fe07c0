"""The Invoices view's detail pane: the selected invoice's request, the mailing details as one
block to copy (R-INV-6: with how to reach the buyer), the order it belongs to (a link for roles
that read orders), the history, and the actions with a queued change's fate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.tag_label import TagLabel
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.viewmodels.invoices.viewmodel import InvoicesViewModel


def _section(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _selectable(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class InvoiceDetail(Retranslating, QFrame):
    def __init__(self, vm: InvoicesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.detail_title = _section()
        self.tags = [TagLabel(), TagLabel()]
        self.issue = QPushButton()
        self.ship = QPushButton()
        self.correct = QPushButton()
        title_row = QHBoxLayout()
        for widget in (self.detail_title, *self.tags):
            title_row.addWidget(widget)
        title_row.addStretch(1)
        for widget in (self.issue, self.ship, self.correct):
            title_row.addWidget(widget)
        self.change_icon = QLabel()
        size = self.fontMetrics().height()
        self.change_icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        self.change_notice = _selectable(QLabel())
        self.change_notice.setObjectName("changeNotice")
        self.retry_change, self.dismiss_change = QPushButton(), QPushButton()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.change_icon)
        notice_row.addWidget(self.change_notice, 1)
        notice_row.addWidget(self.retry_change)
        notice_row.addWidget(self.dismiss_change)
        self.detail_placeholder = QLabel()
        self.detail_placeholder.setObjectName("hint")

        self.fields = QGridLayout()
        self.fields.setHorizontalSpacing(12)
        self.fields.setVerticalSpacing(4)
        self.field_values: dict[str, QLabel] = {}
        self.order_name = QLabel()
        self.order_name.setObjectName("fieldName")
        self.order = _selectable(QLabel())
        self.order.setWordWrap(False)
        self.open_order = QPushButton()
        order_row = QHBoxLayout()
        order_row.addWidget(self.order_name)
        order_row.addWidget(self.order)
        order_row.addWidget(self.open_order)
        order_row.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(self.fields)
        left.addLayout(order_row)
        left.addStretch(1)

        self.mailing_title = _section()
        self.mailing = _selectable(QLabel())
        self.copy_mailing = QPushButton()
        self.contact = _selectable(QLabel())
        self.contact.setObjectName("hint")
        middle = QVBoxLayout()
        middle.addWidget(self.mailing_title)
        middle.addWidget(self.mailing)
        middle.addWidget(self.copy_mailing, 0, Qt.AlignmentFlag.AlignLeft)
        middle.addWidget(self.contact)
        middle.addStretch(1)
        self.history_title = _section()
        self.history = _selectable(QLabel())
        right = QVBoxLayout()
        right.addWidget(self.history_title)
        right.addWidget(self.history)
        right.addStretch(1)
        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 3)
        body.addLayout(middle, 2)
        body.addLayout(right, 3)

        self.setObjectName("detailPane")
        pane_layout = QVBoxLayout(self)
        pane_layout.addLayout(title_row)
        pane_layout.addLayout(notice_row)
        pane_layout.addWidget(self.detail_placeholder)
        pane_layout.addWidget(self.body)
        pane_layout.addStretch(1)
        self.retranslate()

    def _show_actions(self) -> None:
        for button, why_not in (
            (self.issue, self.vm.why_cannot_issue()),
            (self.ship, self.vm.why_cannot_ship()),
            (self.correct, self.vm.why_cannot_correct()),
        ):
            button.setVisible(self.vm.may_issue)
            button.setEnabled(not why_not)
            button.setToolTip(why_not)
        notice = self.vm.change_notice()
        self.change_notice.setText(notice)
        self.change_notice.setProperty("rejected", self.vm.change_rejected)
        self.change_notice.style().unpolish(self.change_notice)
        self.change_notice.style().polish(self.change_notice)
        self.change_notice.setVisible(bool(notice))
        self.change_icon.setVisible(bool(notice) and self.vm.change_rejected)
        self.dismiss_change.setVisible(self.vm.change_rejected)
        self.retry_change.setVisible(self.vm.change_retryable)

    def show_invoice(self) -> None:
        """The selected invoice (or the placeholder), its actions and its change."""
        self._show_actions()
        shown = self.vm.selected is not None
        self.detail_placeholder.setVisible(not shown)
        self.body.setVisible(shown)
        tags = self.vm.state_tags()
        for i, tag in enumerate(self.tags):
            tag.setVisible(i < len(tags))
            if i < len(tags):
                tag.set_tag(*tags[i])
        while self.fields.count():
            item = self.fields.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.field_values.clear()
        fields = self.vm.request_fields()
        per_column = (len(fields) + 1) // 2
        for i, field in enumerate(fields):
            row, column = i % per_column, 2 * (i // per_column)
            name = QLabel(field.label)
            name.setObjectName("fieldName")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value = QLabel(field.value)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addWidget(name, row, column)
            self.fields.addWidget(value, row, column + 1)
            self.field_values[field.label] = value
        for column in (1, 3):
            self.fields.setColumnStretch(column, 1)
        self.order.setText(self.vm.order_text())
        self.open_order.setVisible(self.vm.can_open_order)
        self.mailing.setText(self.vm.mailing_block() or "—")
        self.copy_mailing.setEnabled(bool(self.vm.mailing_block()))
        hint, wrong = self.vm.contact_hint()
        self.contact.setText(hint)
        self.contact.setObjectName("error" if wrong else "hint")
        self.contact.style().unpolish(self.contact)
        self.contact.style().polish(self.contact)
        self.history.setText("\n".join(self.vm.history_lines()) or "—")

    def retranslate(self) -> None:
        self.detail_title.setText(self.tr("Invoice details"))
        self.detail_placeholder.setText(self.tr("Select an invoice to see its details."))
        self.issue.setText(self.tr("Issue…"))
        self.ship.setText(self.tr("Record shipment…"))
        self.correct.setText(self.tr("Correct shipment…"))
        self.dismiss_change.setText(self.tr("Dismiss"))
        self.retry_change.setText(self.tr("Send again"))
        self.order_name.setText(self.tr("Order"))
        self.open_order.setText(self.tr("Open in Orders"))
        self.mailing_title.setText(self.tr("Mailing details"))
        self.copy_mailing.setText(self.tr("Copy"))
        self.copy_mailing.setToolTip(self.tr("Copy the recipient, address and virtual number as one block."))
        self.history_title.setText(self.tr("History"))
        self.show_invoice()
