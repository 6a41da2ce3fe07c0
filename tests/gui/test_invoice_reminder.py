"""The desktop reminder the working day before an invoice falls due (issue 12, R-INV-3), and the
notification of a buyer's invoice request: once per invoice per day, remembered across a
restart, and only for the roles that read invoices (SPEC §11)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from tests.cache.test_invoices_dashboard import INVOICES, WEDNESDAY_BEFORE_THE_HOLIDAY, invoice_change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.dashboard.invoice_reminder import InvoiceReminder, RemindedToday
from vendor_desktop.viewmodels.messages.viewmodel import (
    KIND_COLUMN,
    MessagesViewModel,
    kind_choices,
    message_kind_label,
)

pytestmark = pytest.mark.usefixtures("english")

SINGULAR_TITLE = "1 invoice is due on the next working day"


@pytest.fixture
def invoices_db(tmp_path, qapp):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [invoice_change(i, state, due) for i, state, due in INVOICES])
    yield db
    db.close()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def reads_done(qtbot, reads: BackgroundRunner) -> None:
    """Every look asked for so far has run and its result reached the GUI thread (one worker,
    first in first out): what is asserted after it is final."""
    with qtbot.waitCallback(timeout=10_000) as done:
        reads.submit(lambda: None, on_done=done)


def reminder(db, runner, settings, today: dt.date = WEDNESDAY_BEFORE_THE_HOLIDAY) -> InvoiceReminder:
    return InvoiceReminder(db, runner, lambda: today, RemindedToday(settings, "invoice_reminders/acct/owner"))


def test_reminds_once_of_the_invoice_due_the_next_working_day(qtbot, invoices_db, runner, settings):
    """On Wednesday 09-30 the next working day is Thursday 10-08, after the holiday week: the
    pending invoice due then is named, not the one due 10-09 nor the issued one due 10-08."""
    with qtbot.waitSignal(reminder(invoices_db, runner, settings).due_next_working_day, timeout=10_000) as shown:
        pass
    assert shown.args == [SINGULAR_TITLE, "Order 2026092900oct8: issue the invoice by 2026-10-08."]


def test_a_shown_reminder_is_not_repeated_that_day_even_after_a_restart(qtbot, invoices_db, runner, settings):
    """Once per invoice per day: remembered in the user's settings."""
    first = reminder(invoices_db, runner, settings)
    with qtbot.waitSignal(first.due_next_working_day, timeout=10_000):
        pass
    first.remember()  # the notification was shown
    with qtbot.assertNotEmitted(first.due_next_working_day):
        first.check()  # after a pull, or the next look of the timer
        reads_done(qtbot, runner)
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # the app started again
    restarted = reminder(invoices_db, runner, again)
    with qtbot.assertNotEmitted(restarted.due_next_working_day):
        reads_done(qtbot, runner)
    # The next working day has its own invoice to remind of.
    next_day = reminder(invoices_db, runner, again, today=dt.date(2026, 10, 8))
    with qtbot.waitSignal(next_day.due_next_working_day, timeout=10_000) as shown:
        pass
    assert shown.args[1] == "Order 2026092900oct9: issue the invoice by 2026-10-09."


def test_a_reminder_not_shown_is_offered_again(qtbot, invoices_db, runner, settings):
    """While the window is in front no notification is shown (the shell does not call
    ``remember``): the next look offers it again."""
    looks = reminder(invoices_db, runner, settings)
    with qtbot.waitSignal(looks.due_next_working_day, timeout=10_000):
        pass
    with qtbot.waitSignal(looks.due_next_working_day, timeout=10_000) as again:
        looks.check()
    assert again.args[0] == SINGULAR_TITLE


def test_no_reminder_for_invoices_due_later_issued_or_on_a_holiday(qtbot, invoices_db, runner, settings):
    """10-12: nothing pending is due 10-13 (10-12's own invoice is due today, past reminding);
    10-05: a holiday is not the working day before anything."""
    for day in (dt.date(2026, 10, 12), dt.date(2026, 10, 5)):
        quiet = reminder(invoices_db, runner, settings, today=day)
        with qtbot.assertNotEmitted(quiet.due_next_working_day):
            reads_done(qtbot, runner)


def test_several_invoices_in_one_notification(qtbot, invoices_db, runner, settings):
    with invoices_db.session(write=True) as s, s.begin():
        apply_changes(s, [invoice_change(f"n{n}", "pending", "2026-10-08") for n in range(4)])
    many = reminder(invoices_db, runner, settings)
    with qtbot.waitSignal(many.due_next_working_day, timeout=10_000) as shown:
        pass
    assert shown.args == [
        "5 invoices are due on the next working day",
        "Orders 2026092900n0, 2026092900n1, 2026092900n2 …: issue the invoices by 2026-10-08.",
    ]


def test_the_reminder_in_chinese(qtbot, invoices_db, runner, settings):
    i18n.install(i18n.CHINESE)
    zh = reminder(invoices_db, runner, settings)
    with qtbot.waitSignal(zh.due_next_working_day, timeout=10_000) as shown:
        pass
    assert shown.args == ["1 张发票下一个工作日截止", "订单 2026092900oct8 的发票最晚 2026-10-08 开票。"]


# -- a buyer's invoice request ---------------------------------------------------------------------
def request_message(n: int, created: dt.datetime) -> dict:
    return {
        "entity": "message",
        "id": f"inv-msg-{n}",
        "version": 1,
        "deleted": False,
        "data": {
            "kind": "invoice_requested",
            "title": "新的开票申请",
            "title_en": "New invoice request",
            "body": f"订单 {n} 的买家申请开票",
            "body_en": f"The buyer of order {n} asked for an invoice",
            "read": False,
            "created_at": created.isoformat(),
            "order_id": None,
            "invoice_id": f"inv-{n}",
        },
    }


def inbox_for(db, role: Role, writes: BackgroundRunner, reads: BackgroundRunner) -> MessagesViewModel:
    who = SignedInUser("u1", role.value, role.value, role.value, frozenset(p.value for p in permissions_for(role)), "a")
    return MessagesViewModel(db, queue=CommandQueue(db, who, writes), reads=reads)


@pytest.fixture
def writes(qapp):
    w = BackgroundRunner(name="vendor-desktop-local-writes")
    yield w
    w.shutdown()


def test_a_buyers_invoice_request_raises_a_notification(qtbot, invoices_db, runner, writes):
    inbox = inbox_for(invoices_db, Role.FINANCE, writes, runner)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    with invoices_db.session(write=True) as s, s.begin():
        changes = apply_changes(s, [request_message(1, soon)])
    new_orders: list[tuple[str, str]] = []
    inbox.new_orders_arrived.connect(lambda *args: new_orders.append(args))
    with qtbot.waitSignal(inbox.invoice_requests_arrived, timeout=10_000) as arrived:
        inbox.on_data_changed(changes)
    assert arrived.args == ["New invoice request", "The buyer of order 1 asked for an invoice"]
    with invoices_db.session(write=True) as s, s.begin():
        changes = apply_changes(s, [request_message(n, soon + dt.timedelta(seconds=n)) for n in (2, 3)])
    with qtbot.waitSignal(inbox.invoice_requests_arrived, timeout=10_000) as arrived:
        inbox.on_data_changed(changes)
    assert arrived.args == ["2 new invoice requests", "The buyer of order 3 asked for an invoice"]
    reads_done(qtbot, runner)
    assert new_orders == []  # an invoice request is not a new order


def test_a_role_that_does_not_read_invoices_is_not_told(qtbot, invoices_db, runner, writes):
    """Operations reads no invoices (SPEC §11): such a message, were it to arrive, is not announced."""
    inbox = inbox_for(invoices_db, Role.OPERATIONS, writes, runner)
    with invoices_db.session(write=True) as s, s.begin():
        changes = apply_changes(s, [request_message(1, dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1))])
    with qtbot.assertNotEmitted(inbox.invoice_requests_arrived):
        inbox.on_data_changed(changes)
        reads_done(qtbot, runner)


def test_a_stopped_reminder_looks_no_more(qtbot, invoices_db, runner, settings):
    """The window closes (sign-out, quit): the session's cache is about to close, and the
    viewmodel outlives the window; neither the timer nor a look under way announces anything."""
    stopped = reminder(invoices_db, runner, settings)
    assert stopped.timer.isActive()
    stopped.stop()
    assert not stopped.timer.isActive()
    with qtbot.assertNotEmitted(stopped.due_next_working_day):
        reads_done(qtbot, runner)


def test_an_invoice_message_says_what_it_is_and_links_to_its_invoice(qtbot, invoices_db, runner, writes):
    """In Messages, a request reads "Invoice requested" and its link opens the invoice, for
    finance too, who reads no orders (SPEC §11)."""
    with invoices_db.session(write=True) as s, s.begin():
        apply_changes(s, [request_message(1, dt.datetime.now(dt.UTC))])
    inbox = inbox_for(invoices_db, Role.FINANCE, writes, runner)
    assert inbox.model.index(0, KIND_COLUMN).data() == "Invoice requested"
    assert ("invoice_requested", "Invoice requested") in kind_choices()
    inbox.select("inv-msg-1")
    assert inbox.link() == ("invoices", "inv-1") and inbox.link_text() == "View invoice"
    with qtbot.waitSignal(inbox.open_requested, timeout=2_000) as opened:
        inbox.open_link()
    assert opened.args == ["invoices", "inv-1"]
    i18n.install(i18n.CHINESE)
    assert message_kind_label("invoice_requested") == "买家申请开票" and inbox.link_text() == "查看发票"
    # A role that does not read invoices gets no link to them.
    viewer = inbox_for(invoices_db, Role.OPERATIONS, writes, runner)
    viewer.select("inv-msg-1")
    assert viewer.link() is None and viewer.link_text() == ""
