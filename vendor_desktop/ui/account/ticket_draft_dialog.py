"""*Request a change…* of a locked bank account (R-ACC-2): the ticket's draft — its type, subject
and a description naming the current account with a line for each new detail. Tickets come in
the next version: the dialog says so plainly and keeps the draft on this computer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.fitting import fit_to_layout
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, stacked
from vendor_desktop.viewmodels.account.ticket_draft import MAX_SUBJECT, TicketDraftViewModel

DESCRIPTION_LINES = 18


class TicketDraftDialog(Retranslating, QDialog):
    def __init__(self, vm: TicketDraftViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.notice = QLabel()
        self.notice.setObjectName("changeNotice")
        self.notice.setWordWrap(True)
        self.ticket_type = QLabel()
        self.subject = QLineEdit()
        self.subject.setMaxLength(MAX_SUBJECT)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * DESCRIPTION_LINES)
        self.errors = {name: error_label() for name in ("subject", "description")}
        self.labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.labels[0], self.ticket_type)
        form.addRow(self.labels[1], stacked(self.subject, self.errors["subject"]))
        form.addRow(self.labels[2], stacked(self.description, self.errors["description"]))
        self.kept = QLabel()
        self.kept.setObjectName("hint")
        self.kept.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.start_over = QPushButton()
        self.buttons.addButton(self.start_over, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.start_over.clicked.connect(self._start_over)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.notice):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)
        fit_to_layout(self, width=self.fontMetrics().averageCharWidth() * 80)
        self._show(self.vm.draft.subject, self.vm.draft.description)
        self.retranslate()

    def _show(self, subject: str, description: str) -> None:
        self.subject.setText(subject)
        self.description.setPlainText(description)

    def _start_over(self) -> None:
        draft = self.vm.start_over()
        self._show(draft.subject, draft.description)
        self.retranslate()

    def save(self) -> None:
        problems = self.vm.save(self.subject.text(), self.description.toPlainText())
        show_problems(self.errors, problems)
        if not problems:
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Request a bank account change"))
        self.title.setText(self.tr("Ask the marketplace to change the bank account"))
        self.notice.setText(
            self.tr(
                "The bank account is locked because the revenue supplementary agreement is signed: only the marketplace can change it, through a ticket. Tickets are not available in this version yet, so this draft is kept on this computer. It will be sent as a ticket once tickets are available; until then you can also contact the marketplace's support."
            )
        )
        for label, text in zip(
            self.labels, (self.tr("Ticket type"), self.tr("Subject"), self.tr("Description")), strict=True
        ):
            label.setText(text)
        self.ticket_type.setText(self.tr("Account"))
        self.kept.setText(
            self.tr("A draft saved earlier on this computer is shown. Start over for a fresh one.")
            if self.vm.kept
            else self.tr("Fill in the new account's details and why, then save the draft.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save draft"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.start_over.setText(self.tr("Start over"))
