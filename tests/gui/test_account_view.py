"""The Account page and its dialogs bound to real viewmodels (SPEC §9, §11): who sees which
action and why not, a field's problem under it as it is typed, an edit that closes its dialog and
shows as waiting on the page, and the ticket draft of a locked bank account."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.account.view import AccountView
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.account.viewmodel import AccountAreaViewModel

from .account_fixtures import ACCOUNT, Context, account_db, bank, open_commands, user, write
from .apphelpers import closed

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def db(tmp_path):
    db = account_db(tmp_path / "cache.sqlite3")
    yield db
    db.close()


@pytest.fixture
def page(qtbot, db, tmp_path):
    made, views = [], []
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    def make(role: Role = Role.OWNER) -> AccountView:
        context = Context(db, user(role), settings)
        made.append(context)
        vm = AccountAreaViewModel(context.context)
        context.queue.published.connect(vm.on_data_changed)  # as the shell delivers a local write
        view = AccountView(vm)
        qtbot.addWidget(view)
        view.resize(1100, 760)
        view.show()
        views.append(view)
        return view

    yield make
    for view in views:
        shiboken6.delete(view)  # before its viewmodel goes: a language change must not reach it then
    for context in made:
        context.close()


def test_a_sub_account_sees_why_it_cannot_edit(page):
    view = page(Role.VIEWER)
    assert not view.edit_profile.isEnabled()
    assert view.profile_why.isVisible()
    assert view.profile_why.text() == "Only the main account can change the account information."
    assert view.no_bank.isVisible() and view.no_bank.text() == "Only the main account and finance see the bank account."
    assert not view.edit_bank.isVisible() and not view.request_change.isVisible()


def test_chinese_says_why_in_chinese(page):
    i18n.install(i18n.CHINESE)
    view = page(Role.SUPPORT)
    assert view.profile_why.text() == "只有主账号可以修改账户信息。"
    assert view.no_bank.text() == "只有主账号和财务可以查看银行账户。"
    assert view.profile.title.text() == "账户信息" and view.bank.title.text() == "银行账户"


def test_the_account_id_is_copied(qtbot, page):
    view = page(Role.VIEWER)
    assert view.account_id.text() == ACCOUNT
    with qtbot.waitSignal(view.status_message) as said:
        view.copy_id.click()
    assert QGuiApplication.clipboard().text() == ACCOUNT and said.args == ["Account ID copied."]


def test_a_problem_shows_under_its_field_as_typed_and_nothing_is_queued(qtbot, page, db):
    view = page()
    dialog = view.open_profile_edit()
    qtbot.waitUntil(dialog.isVisible)
    qq = dialog.boxes["cs_qq"]
    qq.clear()
    qtbot.keyClicks(qq, "0123")
    error = dialog.errors["cs_qq"]
    assert error.isVisible() and "5–12 digits" in error.text()
    assert not dialog.errors["cs_email"].isVisible()  # untouched fields say nothing yet
    dialog.submit()
    assert dialog.isVisible() and open_commands(db) == []


def test_a_valid_edit_closes_the_dialog_and_the_page_shows_it_waiting(qtbot, page, db):
    view = page()
    dialog = view.open_profile_edit()
    qtbot.waitUntil(dialog.isVisible)
    dialog.boxes["cs_phone"].setText("400 820 8821")
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    qtbot.waitUntil(lambda: view.profile.notice.isVisible(), timeout=10_000)
    assert "Customer-service phone: 4008208821" in view.profile.notice.text()
    assert view.profile.tag.text() == "Waiting to send"
    assert [c.kind for c in open_commands(db)] == ["profile.update"]


def test_a_locked_account_offers_a_ticket_draft_kept_on_this_computer(qtbot, page, db):
    write(db, [bank(locked=True, version=3)])
    view = page()
    assert not view.edit_bank.isVisible() and view.request_change.isVisible()
    assert view.lock_reason.isVisible() and "only through a ticket" in view.lock_reason.text()
    assert view.bank.tag.text() == "Locked"
    dialog = view.open_ticket_draft()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.subject.text() == "Change the bank account"
    assert "**** 6789" in dialog.description.toPlainText()
    assert "follow the marketplace's answer in Tickets" in dialog.notice.text()
    dialog.description.setPlainText(dialog.description.toPlainText() + "\nThe branch moved.")
    with qtbot.waitSignal(view.status_message):
        dialog.save()
    again = view.open_ticket_draft()
    assert again.description.toPlainText().endswith("The branch moved.")
    assert again.kept.text().startswith("A draft saved earlier")


def test_the_bank_account_change_is_submitted_as_a_ticket_and_the_draft_forgotten(qtbot, page, db):
    """R-ACC-2 through R-TKT-1: a real ``account`` ticket, queued; the kept draft goes once it is."""
    write(db, [bank(locked=True, version=3)])
    view = page()
    dialog = view.open_ticket_draft()
    qtbot.waitUntil(dialog.isVisible)
    dialog.description.setPlainText(dialog.description.toPlainText() + "\nThe branch moved.")
    with qtbot.waitSignal(view.status_message):
        dialog.save()  # kept first, to show it is forgotten after
    dialog = view.open_ticket_draft()
    assert dialog.vm.kept
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    (ticket,) = open_commands(db)
    assert (ticket.kind, ticket.method, ticket.path) == ("ticket.open", "POST", "/tickets")
    assert ticket.payload["type"] == "account" and ticket.payload["subject"] == "Change the bank account"
    assert ticket.payload["description"].endswith("The branch moved.") and ticket.entity_id.startswith("local-")
    assert not view.open_ticket_draft().vm.kept


def test_finance_sees_the_masked_number_and_no_action(page, db):
    write(db, [bank(number="**** 6789", version=3)])
    view = page(Role.FINANCE)
    values = [view.bank.grid.itemAtPosition(r, 1).widget().text() for r in range(view.bank.grid.rowCount())]
    assert "**** 6789" in values
    assert not view.edit_bank.isVisible() and not view.request_change.isVisible()
