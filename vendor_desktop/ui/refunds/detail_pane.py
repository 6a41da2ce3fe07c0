"""The Refunds view's detail pane: the selected request's order, the buyer's reason, the rule and
the decide-by date, an invoice already issued for the order, the buyer's refunds with this
vendor, what was decided, and the actions with a queued decision's fate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from vendor_desktop.ui.core.tag_label import TagLabel
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.viewmodels.refunds.viewmodel import Field, RefundsViewModel


def _section() -> QLabel:
    label = QLabel()
    label.setObjectName("sectionTitle")
    return label


def _selectable(label: QLabel, *, wrap: bool = True) -> QLabel:
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _restyle(label: QLabel, name: str) -> None:
    label.setObjectName(name)
    label.style().unpolish(label)
    label.style().polish(label)


class FieldGrid(QGridLayout):
    """Label/value pairs in two columns, names right-aligned, money right-aligned in its cell."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(4)
        self.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}

    def show_fields(self, fields: list[Field]) -> None:
        while self.count():
            item = self.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.values.clear()
        for row, field in enumerate(fields):
            name = QLabel(field.label)
            name.setObjectName("fieldName")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value = _selectable(QLabel(field.value), wrap=False)
            # Chinese names beside Latin figures: both centred on the row, so they line up.
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.addWidget(name, row, 0)
            self.addWidget(value, row, 1)
            self.values[field.label] = value


class RefundDetail(Retranslating, QFrame):
    def __init__(self, vm: RefundsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.detail_title = _section()
        self.tags = [TagLabel(), TagLabel()]
        self.approve, self.reject, self.partial = QPushButton(), QPushButton(), QPushButton()
        title_row = QHBoxLayout()
        for widget in (self.detail_title, *self.tags):
            title_row.addWidget(widget)
        title_row.addStretch(1)
        for widget in (self.approve, self.partial, self.reject):
            title_row.addWidget(widget)
        self.read_only = QLabel()
        self.read_only.setObjectName("hint")

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
        self.invoice_notice = _selectable(QLabel())
        self.invoice_notice.setObjectName("changeNotice")  # a note to act on later, not an error
        self.detail_placeholder = QLabel()
        self.detail_placeholder.setObjectName("hint")

        self.order_title, self.request_title = _section(), _section()
        self.order_fields, self.request_fields = FieldGrid(), FieldGrid()
        self.reason_name = QLabel()
        self.reason_name.setObjectName("fieldName")
        self.reason = _selectable(QLabel())
        self.decision_title, self.history_title = _section(), _section()
        self.decision = _selectable(QLabel())
        self.self_service = _selectable(QLabel())
        self.self_service.setObjectName("hint")
        self.history = _selectable(QLabel())
        order_box, request_box = QWidget(), QWidget()
        for box, grid in ((order_box, self.order_fields), (request_box, self.request_fields)):
            box.setLayout(grid)
            grid.setContentsMargins(0, 0, 0, 0)
        # One grid for the three columns — the order, the request, the decision and the buyer's
        # history — so each column starts at the top and the extra height stays below them all.
        self.body = QWidget()
        body = QGridLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setHorizontalSpacing(24)
        placed = (
            (self.order_title, 0, 0), (order_box, 1, 0),
            (self.request_title, 0, 1), (request_box, 1, 1),
        )  # fmt: skip
        for widget, row, column in placed:
            body.addWidget(widget, row, column, Qt.AlignmentFlag.AlignTop)
        # The buyer's words under the order and the request, as wide as both: they may be long.
        body.addWidget(self.reason_name, 2, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.reason, 3, 0, 2, 2, Qt.AlignmentFlag.AlignTop)
        # The decision and the buyer's history, one under the other whatever the rows' heights.
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(4)
        for widget in (self.decision_title, self.decision, self.history_title, self.self_service, self.history):
            if widget is self.history_title:
                right.addSpacing(12)
            right.addWidget(widget)
        right.addStretch(1)
        body.addLayout(right, 0, 2, 5, 1)
        body.setRowStretch(4, 1)
        for column, stretch in enumerate((3, 4, 4)):
            body.setColumnStretch(column, stretch)

        self.setObjectName("detailPane")
        pane = QVBoxLayout(self)
        pane.addLayout(title_row)
        pane.addWidget(self.read_only)
        pane.addLayout(notice_row)
        pane.addWidget(self.invoice_notice)
        pane.addWidget(self.detail_placeholder)
        pane.addWidget(self.body)
        pane.addStretch(1)
        self.retranslate()

    def _show_actions(self) -> None:
        why_not = self.vm.why_cannot_decide()
        for button in (self.approve, self.reject, self.partial):
            # SPEC §11: a role that cannot decide does not see the buttons; the line above says why.
            button.setVisible(self.vm.may_decide)
            button.setEnabled(not why_not)
            button.setToolTip(why_not)
        self.read_only.setText(self.vm.read_only_text())
        self.read_only.setVisible(bool(self.vm.read_only_text()) and self.vm.selected is not None)
        notice = self.vm.change_notice()
        self.change_notice.setText(notice)
        self.change_notice.setProperty("rejected", self.vm.change_rejected)
        _restyle(self.change_notice, "changeNotice")
        self.change_notice.setVisible(bool(notice))
        self.change_icon.setVisible(bool(notice) and self.vm.change_rejected)
        self.dismiss_change.setVisible(self.vm.change_rejected)
        self.retry_change.setVisible(self.vm.change_retryable)

    def show_refund(self) -> None:
        """The selected request (or the placeholder), its actions and its queued decision."""
        self._show_actions()
        shown = self.vm.selected is not None
        self.detail_placeholder.setVisible(not shown)
        self.body.setVisible(shown)
        self.detail_title.setText(self.vm.title() or self.tr("Refund details"))
        tags = self.vm.state_tags()
        for i, tag in enumerate(self.tags):
            tag.setVisible(i < len(tags))
            if i < len(tags):
                tag.set_tag(*tags[i])
        self.order_fields.show_fields(self.vm.order_fields())
        self.request_fields.show_fields(self.vm.request_fields())
        self.reason.setText(self.vm.buyer_reason())
        notice = self.vm.invoice_notice()
        self.invoice_notice.setText(notice)
        self.invoice_notice.setVisible(bool(notice))
        decision = self.vm.decision_text()
        self.decision.setText(decision or self.tr("Not decided yet."))
        self.self_service.setText(self.vm.self_service_text())
        self.history.setText("\n".join(self.vm.history_lines()) or self.tr("No other refund requests from this buyer."))

    def retranslate(self) -> None:
        self.detail_placeholder.setText(self.tr("Select a refund to see its details."))
        self.approve.setText(self.tr("Approve…"))
        self.reject.setText(self.tr("Reject…"))
        self.partial.setText(self.tr("Partial refund…"))
        self.dismiss_change.setText(self.tr("Dismiss"))
        self.retry_change.setText(self.tr("Send again"))
        self.order_title.setText(self.tr("Order"))
        self.request_title.setText(self.tr("Request"))
        self.reason_name.setText(self.tr("Buyer's reason"))
        self.decision_title.setText(self.tr("Decision"))
        self.history_title.setText(self.tr("This buyer's refunds with you"))
        self.show_refund()
