"""The Account page (账户信息): the account ID and information, the bank account, the agreements
and the onboarding steps — one page, a card per section, scrolling when the window is short.

Every action says why it is not there for this user (a sub-account sees "only the main account
can…" beside the disabled *Edit…*); an edit on its way or refused shows in its card with the
marketplace's reason, and *Send again* / *Discard* where they apply.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.account.edit_dialog import AccountEditDialog
from vendor_desktop.ui.account.exit_page import ExitPanel
from vendor_desktop.ui.account.ticket_draft_dialog import TicketDraftDialog
from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.tag_label import TagLabel
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.viewmodels.account.viewmodel import AccountAreaViewModel, ChangeNotice

D = TypeVar("D", bound=QDialog)
CHECK = "\u2713"  # ✓ before a finished onboarding step


def _label(name: str = "", *, selectable: bool = False) -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Section(QFrame):
    """A card: its title (with a tag and buttons on the right), a notice, then a grid of rows."""

    def __init__(self, *buttons: QWidget) -> None:
        super().__init__()
        self.setObjectName("detailPane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _label("sectionTitle")
        self.tag = TagLabel()
        self.tag.hide()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.tag)
        head.addStretch(1)
        for button in buttons:
            head.addWidget(button)
        self.notice = _label("changeNotice", selectable=True)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.retry, self.discard = QPushButton(), QPushButton()
        self.retry.hide()
        self.discard.hide()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignTop)
        notice_row.addWidget(self.discard, 0, Qt.AlignmentFlag.AlignTop)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(head)
        self.layout_.addLayout(notice_row)
        self.layout_.addLayout(self.grid)

    def show_notice(self, notice: ChangeNotice | None) -> None:
        self.notice.setVisible(notice is not None)
        self.tag.setVisible(notice is not None)
        self.retry.setVisible(notice is not None and notice.retryable)
        self.discard.setVisible(notice is not None and notice.rejected)
        if notice is None:
            return
        self.notice.setText(notice.text)
        self.notice.setProperty("rejected", "true" if notice.rejected else "false")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.tag.set_tag(*notice.tag)

    def set_rows(self, rows: list[tuple[str, QWidget]]) -> None:
        """Replace the grid's rows: a field name and its value (a widget) each."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and not widget.property("kept"):  # built once, shown again
                widget.deleteLater()
        for row, (name, value) in enumerate(rows):
            label = _label("fieldName")
            label.setText(name)
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignVCenter)


def _value(text: str) -> QLabel:
    label = _label(selectable=True)
    label.setText(text)
    label.setWordWrap(True)
    return label


class AccountView(Retranslating, QWidget):
    status_message = Signal(str)
    # An area to open, filtered (area id, preset): what blocks an exit (R-EXT-1).
    open_requested = Signal(str, object)

    def __init__(self, vm: AccountAreaViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.heading = _label("pageTitle")
        self.edit_profile = QPushButton()
        self.profile = Section(self.edit_profile)
        self.profile_why = _label("hint")
        self.profile_why.setWordWrap(True)
        self.profile.layout_.insertWidget(1, self.profile_why)
        self.account_id = _label(selectable=True)
        self.copy_id = QPushButton()
        self.id_row = QWidget()
        self.id_row.setProperty("kept", True)
        id_layout = QHBoxLayout(self.id_row)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.addWidget(self.account_id)
        id_layout.addWidget(self.copy_id)
        id_layout.addStretch(1)
        self.edit_bank = QPushButton()
        self.request_change = QPushButton()
        self.bank = Section(self.edit_bank, self.request_change)
        self.lock_reason = _label("hint")
        self.lock_reason.setWordWrap(True)
        self.bank.layout_.insertWidget(1, self.lock_reason)
        self.no_bank = _label("hint")
        self.no_bank.setWordWrap(True)
        self.bank.layout_.addWidget(self.no_bank)
        self.agreements = Section()
        self.onboarding = Section()
        self.onboarding_summary = _label("hint")
        self.onboarding.layout_.insertWidget(1, self.onboarding_summary)

        # One column: at 150 % on a laptop the page is some 650 px wide, and every section fits.
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.heading)
        for section in (self.profile, self.bank, self.agreements, self.onboarding):
            page_layout.addWidget(section)
        # R-EXT-1: leaving the marketplace, for the main account only (exit_page.py).
        self.exit: ExitPanel | None = None
        if vm.exit is not None:
            self.apply_exit = QPushButton()
            self.exit_section = Section(self.apply_exit)
            page_layout.addWidget(self.exit_section)
            self.exit = ExitPanel(vm.exit, self.exit_section, self.apply_exit, self)
            self.exit.open_requested.connect(self.open_requested)
        page_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

        self.edit_profile.clicked.connect(self.open_profile_edit)
        self.edit_bank.clicked.connect(self.open_bank_edit)
        self.request_change.clicked.connect(self.open_ticket_draft)
        self.copy_id.clicked.connect(self.copy_account_id)
        self.profile.retry.clicked.connect(lambda: vm.retry_change("profile"))
        self.profile.discard.clicked.connect(lambda: vm.discard_change("profile"))
        self.bank.retry.clicked.connect(lambda: vm.retry_change("bank"))
        self.bank.discard.clicked.connect(lambda: vm.discard_change("bank"))
        connect_refresh(vm.changed, self, self.show_account)
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------------
    def show_account(self) -> None:
        vm = self.vm
        self.account_id.setText(vm.account_id)
        self.profile.set_rows([(self.tr("Account ID"), self.id_row)] + [(n, _value(v)) for n, v in vm.profile_rows()])
        why_not = vm.why_cannot_edit_profile()
        self.edit_profile.setEnabled(not why_not)
        self.edit_profile.setToolTip(why_not or self.tr("Change the company, contact and customer-service details."))
        self.profile_why.setText(why_not)
        self.profile_why.setVisible(bool(why_not))
        self.profile.show_notice(vm.profile_notice())

        rows = vm.bank_rows()
        self.bank.set_rows([(n, _value(v)) for n, v in rows])
        self.no_bank.setText(vm.no_bank_account_text())
        self.no_bank.setVisible(not rows)
        state = vm.bank_state()
        self.edit_bank.setVisible(vm.may_edit_bank)
        self.request_change.setVisible(vm.may_request_bank_change)
        self.lock_reason.setText(vm.lock_reason())
        self.lock_reason.setVisible(bool(vm.lock_reason()))
        self.bank.show_notice(vm.bank_notice())
        if state is not None and vm.bank_notice() is None:
            self.bank.tag.set_tag(*state)
            self.bank.tag.show()

        self.agreements.set_rows([(name, self._tag_and_time(tag, at)) for name, tag, at in vm.agreement_rows()])
        steps = vm.onboarding_rows()
        self.onboarding.set_rows(
            [(f"{n}. {label}", self._step_tag(done)) for n, (label, done) in enumerate(steps, start=1)]
        )
        self.onboarding_summary.setText(vm.onboarding_summary())

    def _tag_and_time(self, tag: tuple, at: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(TagLabel(*tag))
        when = _label("hint")
        when.setText(self.tr("signed %1").replace("%1", at) if at != "—" else "")
        row.addWidget(when)
        row.addStretch(1)
        return box

    def _step_tag(self, done: bool) -> QWidget:
        text, tone = self.vm.step_tag(done)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(TagLabel(f"{CHECK} {text}" if done else text, tone))
        row.addStretch(1)
        return box

    # -- actions ------------------------------------------------------------------------------------
    def copy_account_id(self) -> None:
        QGuiApplication.clipboard().setText(self.vm.account_id)
        self.status_message.emit(self.tr("Account ID copied."))

    def open_profile_edit(self) -> AccountEditDialog:
        return self._open(AccountEditDialog(self.vm.new_profile_edit(), self))

    def open_bank_edit(self) -> AccountEditDialog:
        return self._open(AccountEditDialog(self.vm.new_bank_edit(), self))

    def open_ticket_draft(self) -> TicketDraftDialog:
        dialog = self._open(TicketDraftDialog(self.vm.new_ticket_draft(), self))
        dialog.vm.saved.connect(lambda: self.status_message.emit(self.tr("Draft kept on this computer.")))
        return dialog

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- language -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Account"))
        self.profile.title.setText(self.tr("Account information"))
        self.bank.title.setText(self.tr("Bank account"))
        self.agreements.title.setText(self.tr("Agreements"))
        self.onboarding.title.setText(self.tr("Onboarding"))
        self.edit_profile.setText(self.tr("Edit…"))
        self.edit_bank.setText(self.tr("Edit…"))
        self.request_change.setText(self.tr("Request a change…"))
        self.copy_id.setText(self.tr("Copy"))
        self.copy_id.setToolTip(self.tr("Copy the account ID, e.g. for a ticket or a call to the marketplace."))
        self.request_change.setToolTip(
            self.tr("Prepare the ticket that asks the marketplace to change the bank account.")
        )
        for section in (self.profile, self.bank):
            section.retry.setText(self.tr("Send again"))
            section.discard.setText(self.tr("Discard"))
        if self.exit is not None:
            self.exit.retranslate()
        self.show_account()
