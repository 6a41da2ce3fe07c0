"""The Account screens of the tour (tools/tour.py), and the Money area's ledger tab on its own: the
Account page as the main account sees it (the demo vendor has signed both agreements, so its bank
account is locked, R-ACC-2), *Edit…* of the account information with a refused QQ number under
its field, *Edit…* of the bank account as it was before the lock with a number too short,
*Request a change…*'s ticket draft, and the ledger (资金流水) with the monthly statement."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

LEDGER_SIZE = (1000, 620)  # within the display at 150 % (1280×720 logical)


def account_page(tour: Any) -> QWidget:
    account = tour.show_area("account")
    account.vm.reload()
    tour.settle()
    return tour.window


def _profile_edit(tour: Any) -> QWidget:
    dialog = tour.show_area("account").open_profile_edit()
    qq = dialog.boxes["cs_qq"]
    qq.setText("0123")  # a leading 0: the message shows under the field, in the user's words
    dialog._typed("cs_qq")
    return dialog


def _bank_edit(tour: Any) -> QWidget:
    """The form as the main account saw it before the revenue agreement was signed."""
    from vendor_desktop.ui.account.edit_dialog import AccountEditDialog
    from vendor_desktop.viewmodels.account.edit import BANK_ACCOUNT, AccountEditViewModel

    view = tour.show_area("account")
    bank = view.vm.loaded.bank
    unlocked = dataclasses.replace(bank, data={**bank.data, "locked": False}) if bank is not None else None
    vm = AccountEditViewModel(view.vm.queue, BANK_ACCOUNT, unlocked, parent=view)
    dialog = AccountEditDialog(vm, view)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.boxes["account_number"].setText("6225 88")
    dialog._typed("account_number")
    return dialog


def _ticket_draft(tour: Any) -> QWidget:
    dialog = tour.show_area("account").open_ticket_draft()
    dialog._start_over()  # the template, not a draft an earlier tour kept
    return dialog


def _ledger(tour: Any) -> QWidget:
    """The ledger tab in a window of its own, as the Money area will hold it."""
    from vendor_desktop.ui.money.ledger import LedgerView
    from vendor_desktop.viewmodels.money.ledger import LedgerViewModel

    window = QWidget(tour.window, Qt.WindowType.Window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view = LedgerView(LedgerViewModel(tour.window.shell.context), window)
    QVBoxLayout(window).addWidget(view)
    window.setWindowTitle(view.tr("Monthly statement"))
    window.resize(*LEDGER_SIZE)
    window.show()
    tour.wait_until(lambda: not view.vm.loading, "the ledger")
    if view.vm.months[1:]:  # last month: a statement with movements, if the demo has any
        view.month.setCurrentIndex(1)
    tour.wait_until(lambda: not view.vm.refreshing, "the statement")
    return window


def close_account_screen(tour: Any, widget: QWidget) -> None:
    if widget is not tour.window:  # a dialog, or the ledger's own window
        widget.close()


def account_screens() -> Iterator[tuple[str, Callable[[Any], QWidget], bool]]:
    """(name, open, dialog) of each screen."""
    yield "account", account_page, False
    yield "account-edit-dialog", _profile_edit, True
    yield "bank-account-edit-dialog", _bank_edit, True
    yield "bank-account-ticket-draft", _ticket_draft, True
    yield "ledger", _ledger, True
