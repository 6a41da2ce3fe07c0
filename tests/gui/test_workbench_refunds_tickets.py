"""The Workbench's issue-14 cards over a real SQLite cache: refund requests awaiting a decision
with the nearest decide-by date and how many are late (R-REF-4; red once one is late), tickets
awaiting the vendor's reply (R-TKT-1), each only for the roles that read them (SPEC §11), and the
desktop reminder the working day before a decide-by date, once per request per day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.cache.conftest import change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.dashboard.view import DashboardView
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.core.states import Tone
from vendor_desktop.viewmodels.dashboard.refund_reminder import RefundReminder
from vendor_desktop.viewmodels.dashboard.reminder import RemindedToday
from vendor_desktop.viewmodels.dashboard.viewmodel import DashboardViewModel

pytestmark = pytest.mark.usefixtures("english")

WEDNESDAY_BEFORE_THE_HOLIDAY = dt.date(2026, 9, 30)  # the next working day is Thursday 10-08


def refund(id_: str, state: str, decide_by: str, number: str) -> dict:
    return change(
        "refund", id_, 1, order_id=f"o-{id_}", order_number=number, state=state, amount_fen=100,
        refunded_fen=0, requested_at="2026-09-25T10:00:00+08:00", decide_by=decide_by, market="custom_service",
    )  # fmt: skip


def ticket(id_: str, state: str) -> dict:
    return change("ticket", id_, 1, state=state, subject="银行账户变更", updated_at="2026-09-25T10:00:00+08:00")


@pytest.fixture
def db(tmp_path, qapp):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            refund("r1", "requested", "2026-09-29", "2026092500late"),
            refund("r2", "requested", "2026-10-08", "2026092500oct8"),
            refund("r3", "requested", "2026-10-09", "2026092500oct9"),
            refund("r4", "approved", "2026-10-08", "2026092500done"),
            ticket("t1", "replied"), ticket("t2", "replied"), ticket("t3", "open"), ticket("t4", "closed"),
        ])  # fmt: skip
    yield db
    db.close()


def permissions(role: Role) -> frozenset[str]:
    return frozenset(p.value for p in permissions_for(role))


def workbench(qtbot, db, runner, role: Role = Role.OWNER, *, opens=None):
    vm = DashboardViewModel(db, reads=runner, permissions=permissions(role), today=lambda: WEDNESDAY_BEFORE_THE_HOLIDAY)
    user = SignedInUser("u1", role.value, role.value, role.value, permissions(role), "acct")
    view = DashboardView(vm, AccountViewModel(db, user, reads=runner), opens=opens)
    qtbot.addWidget(view)
    view.resize(960, 800)
    view.show()
    return vm, view


@pytest.mark.parametrize("role", list(Role))
def test_each_card_only_for_the_roles_that_read_it(qapp, db, runner, role):
    """SPEC §11: refunds are read by owner, finance and support; tickets by all but viewer."""
    vm = DashboardViewModel(db, reads=runner, permissions=permissions(role))
    keys = {s.key for s in vm.specs()}
    assert ("refunds_awaiting" in keys) is (role in (Role.OWNER, Role.FINANCE, Role.SUPPORT))
    assert ("tickets_awaiting" in keys) is (role is not Role.VIEWER)
    assert (vm.refund_reminder is not None) is ("refunds_awaiting" in keys)
    # R-ORD-5: the 待交付 card is for who reads orders (finance does not).
    assert ("to_deliver" in keys) is (role is not Role.FINANCE)


def test_refunds_awaiting_with_the_nearest_decide_by_and_the_late_one_in_red(qtbot, db, runner):
    _vm, view = workbench(qtbot, db, runner)
    card = view.cards["refunds_awaiting"]
    assert card.title.text() == "Refunds awaiting decision"
    assert card.value.text() == "3"  # the approved one is decided
    assert card.caption.text() == "Nearest decide-by date 2026-09-29 · 1 late"
    assert card.property("tone") == Tone.URGENT.value
    tickets = view.cards["tickets_awaiting"]
    assert (tickets.title.text(), tickets.value.text()) == ("Tickets awaiting you", "2")
    assert tickets.caption.text() == "The marketplace answered: reply or close them"


def test_nothing_late_is_amber_and_nothing_at_all_is_calm(qtbot, tmp_path, runner):
    db = CacheDatabase.open(tmp_path / "calm.sqlite3")
    try:
        _vm, view = workbench(qtbot, db, runner)
        card = view.cards["refunds_awaiting"]
        assert (card.value.text(), card.caption.text()) == ("0", "Nothing to do")
        assert card.property("tone") == Tone.CLOSED.value
        with db.session(write=True) as s, s.begin():
            apply_changes(s, [refund("r9", "requested", "2026-10-09", "N9")])
        view.vm.refresh()
        assert card.caption.text() == "Nearest decide-by date 2026-10-09"
        assert card.property("tone") == Tone.TODO.value
    finally:
        db.close()


def test_the_cards_open_refunds_and_tickets_when_the_areas_are_there(qtbot, db, runner):
    """A card asks the shell to open its area, filtered; without the area it is a figure."""
    _vm, view = workbench(qtbot, db, runner, opens={"refunds", "tickets"})
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseClick(view.cards["refunds_awaiting"], Qt.MouseButton.LeftButton)
    assert opened.args == ["refunds", "requested"]
    with qtbot.waitSignal(view.open_requested) as opened:
        view.cards["tickets_awaiting"].click()
    assert opened.args == ["tickets", "replied"]
    _vm, without = workbench(qtbot, db, runner, opens={"orders"})
    assert type(without.cards["refunds_awaiting"]).__name__ == "_FigureCard"


def test_the_cards_in_chinese(qtbot, db, runner, qapp):
    i18n.install(i18n.CHINESE)
    try:
        _vm, view = workbench(qtbot, db, runner)
        assert view.cards["refunds_awaiting"].title.text() == "待处理退款"
        assert view.cards["refunds_awaiting"].caption.text() == "最近处理截止 2026-09-29 · 1 个已逾期"
        assert view.cards["tickets_awaiting"].title.text() == "待您回复的工单"
    finally:
        i18n.install(i18n.ENGLISH)


def reads_done(qtbot, reads) -> None:
    with qtbot.waitCallback(timeout=10_000) as done:
        reads.submit(lambda: None, on_done=done)


def test_reminds_once_the_working_day_before_a_decide_by_date(qtbot, tmp_path, db, runner):
    """R-REF-4: on Wednesday 09-30 the request to decide by Thursday 10-08 (after the holiday) is
    named — not the late one, not the one due 10-09, not the decided one — and once shown, not
    again that day, even after a restart."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    key = "refund_reminders/acct/support"
    first = RefundReminder(db, runner, lambda: WEDNESDAY_BEFORE_THE_HOLIDAY, RemindedToday(settings, key))
    with qtbot.waitSignal(first.due_next_working_day, timeout=10_000) as shown:
        pass
    assert shown.args == [
        "1 refund request must be decided by the next working day",
        "Order 2026092500oct8: approve, refuse or refund part of it by 2026-10-08.",
    ]
    first.remember()
    settings.sync()
    again = RefundReminder(
        db,
        runner,
        lambda: WEDNESDAY_BEFORE_THE_HOLIDAY,
        RemindedToday(QSettings(settings.fileName(), QSettings.Format.IniFormat), key),
    )
    with qtbot.assertNotEmitted(again.due_next_working_day):
        reads_done(qtbot, runner)
    first.stop()
    again.stop()
