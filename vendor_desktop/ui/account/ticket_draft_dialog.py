"""*Request a change…* of a locked bank account (R-ACC-2): a ticket (工单, R-TKT-1) of type account —
its subject and a description naming the current account with a line for each new detail.
*Submit ticket* queues it (the dialog closes once it is on this computer's disk and the Tickets
area follows it); *Save draft* keeps it here to finish later."""

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
from vendor_desktop.ui.core.saving import SaveFeedback
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.save_draft = QPushButton()
        self.start_over = QPushButton()
        self.buttons.addButton(self.save_draft, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.start_over, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.save_draft.clicked.connect(self.save)
        self.start_over.clicked.connect(self._start_over)
        self.saving = SaveFeedback(self, self.buttons.button(QDialogButtonBox.StandardButton.Ok))
        vm.queued.connect(self.saving.saved)
        vm.save_failed.connect(self.saving.failed)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.notice):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.kept)
        layout.addWidget(self.saving.message)
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

    def submit(self) -> None:
        """Send it as a ticket: queued in the outbox, sent with the next sync."""
        if self.saving.saving:
            return
        self.saving.start()
        problems = self.vm.submit(self.subject.text(), self.description.toPlainText())
        show_problems(self.errors, problems)
        if problems:
            self.saving.not_sent()

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
                "The bank account is locked because the revenue supplementary agreement is signed: only the marketplace can change it, through a ticket. Submit it and follow the marketplace's answer in Tickets; or save the draft on this computer to finish it later."
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
            else self.tr("Fill in the new account's details and why, then submit the ticket.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Submit ticket"))
        self.save_draft.setText(self.tr("Save draft"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.start_over.setText(self.tr("Start over"))
