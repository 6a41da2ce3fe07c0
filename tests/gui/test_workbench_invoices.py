"""The Workbench's invoice cards (工作台, issue 12): invoices pending, overdue (red: it needs the
user now, R-INV-3) and due within two working days, counted from the cache, each opening the
Invoices list filtered; only for the roles that read invoices (SPEC §11)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.cache.test_invoices_dashboard import INVOICES, WEDNESDAY_BEFORE_THE_HOLIDAY, invoice_change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.dashboard.view import DashboardView
from vendor_desktop.ui.shell.areas import area
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.dashboard.viewmodel import DashboardViewModel

INVOICE_CARDS = ["invoices_pending", "invoices_overdue", "invoices_due_soon"]


@pytest.fixture
def invoices_db(tmp_path, qapp):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [invoice_change(i, state, due) for i, state, due in INVOICES])
    yield db
    db.close()


def permissions(role: Role) -> frozenset[str]:
    return frozenset(p.value for p in permissions_for(role))


def user(role: Role) -> SignedInUser:
    return SignedInUser("u1", role.value, role.value, role.value, permissions(role), "acct")


def workbench(qtbot, db, runner, role: Role = Role.OWNER, today: dt.date = WEDNESDAY_BEFORE_THE_HOLIDAY):
    vm = DashboardViewModel(db, reads=runner, permissions=permissions(role), today=lambda: today)
    view = DashboardView(vm, AccountViewModel(db, user(role), reads=runner))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return vm, view


@pytest.mark.parametrize("role", list(Role))
def test_only_the_roles_that_read_invoices_have_the_invoice_cards(qapp, invoices_db, runner, role):
    """SPEC §11: owner, finance and support read invoices; operations and viewer do not. Finance
    reads no orders and no listings: its Workbench has no order or listing card."""
    vm = DashboardViewModel(invoices_db, reads=runner, permissions=permissions(role))
    keys = [s.key for s in vm.specs()]
    reads_invoices = role in (Role.OWNER, Role.FINANCE, Role.SUPPORT)
    assert [k for k in keys if k.startswith("invoices_")] == (INVOICE_CARDS if reads_invoices else [])
    assert (vm.reminder is not None) is reads_invoices
    if role is Role.FINANCE:  # and the money (issue 13, tests/gui/test_workbench_money.py)
        money = ["withdrawable", "on_hold", "deposit_outstanding", "withdrawals_in_flight"]
        # Issue 14: finance reads refunds and tickets (tests/gui/test_workbench_refunds_tickets.py).
        assert keys == ["refunds_awaiting", *INVOICE_CARDS, "tickets_awaiting", "refused_changes", "unread", *money]
    # The Workbench itself is there for every role, and never where the window opens.
    assert area("dashboard").allowed(permissions(role))
    assert area("dashboard").landing is False


def test_the_cards_count_the_cache_across_the_national_day_holiday(qtbot, invoices_db, runner):
    """R-INV-3: on 09-30, invoices due 10-08 and 10-09 are due within two working days (the
    holiday week is not counted), the one due 09-29 is overdue, and only that card is red."""
    _vm, view = workbench(qtbot, invoices_db, runner)
    cards = {key: view.cards[key] for key in INVOICE_CARDS}
    assert {key: card.value.text() for key, card in cards.items()} == {
        "invoices_pending": "6",
        "invoices_overdue": "1",
        "invoices_due_soon": "3",
    }
    assert cards["invoices_overdue"].title.text() == "Overdue invoices"
    assert cards["invoices_due_soon"].title.text() == "Due within 2 working days"
    assert cards["invoices_overdue"].caption.text() == "Past the 10 working days: issue them now"
    # Red only for what needs the user now.
    assert cards["invoices_overdue"].property("tone") == "urgent"
    assert cards["invoices_pending"].property("tone") == "todo"
    assert cards["invoices_due_soon"].property("tone") == "todo"
    assert view.cards["invoices_overdue"].accessibleName() == "Overdue invoices 1"


def test_with_nothing_overdue_the_overdue_card_is_calm(qtbot, invoices_db, runner):
    """The day of 09-29 nothing is overdue yet: the card reads calm, not red."""
    _vm, view = workbench(qtbot, invoices_db, runner, today=dt.date(2026, 9, 28))
    card = view.cards["invoices_overdue"]
    assert card.value.text() == "0"
    assert card.property("tone") == "closed"
    assert card.caption.text() == "Nothing to do"


@pytest.mark.parametrize(
    ("key", "preset"),
    [("invoices_pending", "pending"), ("invoices_overdue", "overdue"), ("invoices_due_soon", "due_soon")],
)
def test_each_invoice_card_opens_invoices_filtered(qtbot, invoices_db, runner, key, preset):
    """A card asks the shell to open Invoices with its preset (the view's ``show_preset``)."""
    _vm, view = workbench(qtbot, invoices_db, runner, role=Role.SUPPORT)
    with qtbot.waitSignal(view.open_requested, timeout=2_000) as opened:
        qtbot.mouseClick(view.cards[key], Qt.MouseButton.LeftButton)
    assert opened.args == ["invoices", preset]
    view.cards[key].setFocus()
    with qtbot.waitSignal(view.open_requested, timeout=2_000) as opened:
        qtbot.keyClick(view.cards[key], Qt.Key.Key_Return)
    assert opened.args == ["invoices", preset]


def test_a_pull_that_issues_an_invoice_recounts(qtbot, invoices_db, runner):
    """The Workbench hears invoice changes: once the overdue invoice is issued it is neither
    overdue nor pending."""
    vm, view = workbench(qtbot, invoices_db, runner)
    with invoices_db.session(write=True) as s, s.begin():
        changes = apply_changes(s, [invoice_change("over", "issued", "2026-09-29") | {"version": 2}])
    assert area("dashboard").hears(changes)
    vm.on_data_changed(changes)
    card = view.cards["invoices_overdue"]
    qtbot.waitUntil(lambda: card.value.text() == "0" and card.property("tone") == "closed")
    assert view.cards["invoices_pending"].value.text() == "5"


def test_the_invoice_cards_in_chinese(qtbot, invoices_db, runner):
    i18n.install(i18n.CHINESE)
    try:
        _vm, view = workbench(qtbot, invoices_db, runner, role=Role.FINANCE)
        assert [view.cards[k].title.text() for k in INVOICE_CARDS] == ["待处理发票", "逾期发票", "2 个工作日内截止"]
        assert view.cards["invoices_overdue"].caption.text() == "已超过 10 个工作日，尽快开票"
        # Finance reads no orders nor listings: no "today" figures, and no empty heading for them.
        assert view.figure_cards == [] and view.figures_title.isHidden()
    finally:
        i18n.install(i18n.ENGLISH)
