"""The ledger tab (资金流水 · 对账单) bound to its viewmodel: the count in both languages with real
plurals, the filters driving the list, the statement and its export buttons."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.money.ledger import LedgerView
from vendor_desktop.viewmodels.money.ledger import LedgerViewModel

from .account_fixtures import SH, Context, entry, user, write
from .test_ledger_viewmodel import TODAY, ledger, loaded

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def view(qtbot, tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    write(db, ledger(1_232))
    context = Context(db, user())
    view = LedgerView(loaded(qtbot, LedgerViewModel(context.context, today=lambda: TODAY)))
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    yield view
    shiboken6.delete(view)  # before its viewmodel goes: a language change must not reach it then
    context.close()
    db.close()


def test_the_count_is_plural_correct_in_both_languages(qtbot, view):
    assert view.count.text() == "1,235 entries"
    view.kind.setCurrentIndex(view.kind.findData("deposit_payment"))
    assert view.count.text() == "1 entry"
    i18n.install(i18n.CHINESE)
    qtbot.waitUntil(lambda: view.count.text() == "共 1 笔资金流水")
    view.clear_filters()
    assert view.count.text() == "共 1,235 笔资金流水"


def test_the_filters_drive_the_list_and_an_empty_one_says_why(view):
    view.book.setCurrentIndex(view.book.findData("balance"))
    assert view.vm.count == 2 and view.clear.isEnabled()
    view.market.setCurrentIndex(view.market.findData("api"))
    assert view.vm.count == 0
    assert view.list_stack.currentWidget() is view.empty
    assert view.empty.text().startswith("No money movements match these filters.")
    view.clear.click()
    assert view.vm.count == 1_235 and view.book.currentIndex() == 0 and not view.clear.isEnabled()


def test_choosing_a_month_shows_its_statement(qtbot, view):
    assert view.month.itemData(0) == "2026-11"
    with qtbot.waitSignal(view.vm.statement_changed, timeout=10_000):
        view.month.setCurrentIndex(view.month.findData("2026-09"))
    model = view.statement.model()
    assert model.rowCount() == 4  # the balance and three markets' earnings
    assert [model.index(0, c).data() for c in range(5)] == ["Balance", "¥0.00", "+¥4,000.00", "2", "¥4,000.00"]
    assert view.export_csv.isEnabled() and view.export_xlsx.isEnabled()


def test_a_ledger_that_never_moved_has_nothing_to_export(qtbot, tmp_path):
    db = CacheDatabase.open(tmp_path / "empty.sqlite3")
    context = Context(db, user())
    try:
        vm = LedgerViewModel(context.context, today=lambda: TODAY)
        view = LedgerView(vm)  # built before the first read is back: says so, then shows it
        qtbot.addWidget(view)
        assert view.empty.text() == "Reading the ledger on this computer…" and not view.export_csv.isEnabled()
        loaded(qtbot, vm)
        assert view.vm.count == 0 and view.empty.text().startswith("No money has moved yet.")
        assert not view.export_csv.isEnabled()
        assert view.export_csv.toolTip().startswith("Nothing to export")
        assert view.statement_note.text() == "No money had moved by the end of this month."
        write(db, [entry(1, "top_up", 100, dt.datetime(2026, 11, 1, tzinfo=SH))])
        view.vm.reload()
        assert view.export_csv.isEnabled() and view.count.text() == "1 entry"
        shiboken6.delete(view)
    finally:
        context.close()
        db.close()
