"""The ledger tab's viewmodel (资金流水 · 对账单) on a real cache file: paging, filters, the count,
the monthly statement, and its CSV and XLSX export (read back with csv and openpyxl)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP
from vendor_desktop.viewmodels.money.ledger import LedgerViewModel

from .account_fixtures import SH, Context, entry, user, write

pytestmark = pytest.mark.usefixtures("english")

TODAY = dt.date(2026, 11, 20)
MARKETS = ("saas", "api", "image")


def ledger(n_settled: int) -> list[dict]:
    """A top-up on 2026-09-01, a deposit payment on 09-02, then ``n_settled`` settled orders, one an
    hour from 09-03 on, across three markets (1,200 end on 10-22 23:00), and the newest movement,
    a withdrawal on 11-02."""
    rows = [
        entry(0, "top_up", 500_000, dt.datetime(2026, 9, 1, 9, 0, tzinfo=SH), after=500_000),
        entry(1, "deposit_payment", -100_000, dt.datetime(2026, 9, 2, 9, 0, tzinfo=SH), after=400_000,
              receipt="BZJ20260902000001"),
    ]  # fmt: skip
    start = dt.datetime(2026, 9, 3, 0, 0, tzinfo=SH)
    for n in range(n_settled):
        rows.append(
            entry(
                n + 2,
                "order_settled",
                1_000 + n,
                start + dt.timedelta(hours=n),
                market=MARKETS[n % 3],
                number=f"2026090{n:09d}",
                after=n,
            )
        )
    rows.append(
        entry(9_999, "withdrawal", -30_000, dt.datetime(2026, 11, 2, 9, 0, tzinfo=SH), market="saas",
              withdrawal="wd-1")
    )  # fmt: skip
    return rows


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    write(db, ledger(1_200))
    yield db
    db.close()


def loaded(qtbot, vm: LedgerViewModel) -> LedgerViewModel:
    """The tab reads on the reads runner, from the start too: wait until what it read is shown."""
    qtbot.waitUntil(lambda: not vm.refreshing, timeout=10_000)
    return vm


@pytest.fixture
def vm(qtbot, db):
    context = Context(db, user())
    yield loaded(qtbot, LedgerViewModel(context.context, today=lambda: TODAY))
    context.close()


def test_the_ledger_pages_instead_of_loading_everything(vm):
    model = vm.model
    assert vm.count == 1_203
    assert model.rowCount() == FETCH_STEP and model.canFetchMore(QModelIndex())
    assert model.index(0, 1).data() == "Withdrawal"  # newest first
    assert model.index(0, 3).data() == "\u2212¥300.00"
    assert model.index(0, 5).data() == "wd-1"
    assert model.index(1, 3).data() == "+¥21.99"  # the newest settled order: 1,000 + 1,199 fen
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * FETCH_STEP


@pytest.mark.parametrize(
    ("setter", "value", "count"),
    [
        ("set_book", "balance", 2),
        ("set_book", "earnings", 1_201),
        ("set_kind", "deposit_payment", 1),
        ("set_market", "saas", 401),  # 400 settled orders and the withdrawal
        ("set_range", "last_7_days", 0),  # nothing moved in the week before 11-20
    ],
)
def test_each_filter_changes_the_list_and_its_count(qtbot, vm, setter, value, count):
    with qtbot.waitSignal(vm.count_changed) as signal:
        getattr(vm, setter)(value)
    assert signal.args == [count] and vm.count == count and vm.filtered
    vm.clear_filters()
    assert vm.count == 1_203 and not vm.filtered


def test_filters_add_up(vm):
    vm.set_book("earnings")
    vm.set_market("image")
    vm.set_kind("order_settled")
    assert vm.count == 400
    assert {vm.model.row_at(r).market for r in range(vm.model.rowCount())} == {"image"}


def test_the_empty_list_says_why(vm):
    vm.set_market("api")
    vm.set_kind("withdrawal")
    assert vm.count == 0
    assert vm.empty_text().startswith("No money movements match these filters.")


def test_the_market_and_month_choices_come_from_the_ledger(vm):
    assert vm.markets == ["image", "api", "saas"]  # SPEC §1 order
    assert vm.months == ["2026-11", "2026-10", "2026-09"]  # November has no movement, and is there


def _lines(vm):
    return {(line.book, line.market): line for line in vm.lines}


def test_the_statement_of_a_month_opens_moves_and_closes(qtbot, vm):
    """September: the balance moves (top-up, deposit payment) and the orders up to 09-30 23:00;
    October: the rest of the 1,200 hourly orders (to 10-22 23:00)."""
    with qtbot.waitSignal(vm.statement_changed, timeout=10_000):
        vm.set_month("2026-09")
    september = _lines(vm)
    balance = september[("balance", None)]
    assert (balance.opening_fen, balance.movements_fen, balance.closing_fen, balance.count) == (0, 400_000, 400_000, 2)
    with qtbot.waitSignal(vm.statement_changed, timeout=10_000):
        vm.set_month("2026-10")
    october = _lines(vm)
    assert october[("balance", None)].count == 0
    assert october[("balance", None)].opening_fen == october[("balance", None)].closing_fen == 400_000
    for key, line in october.items():
        assert line.opening_fen + line.movements_fen == line.closing_fen
        if key != ("balance", None):
            assert line.opening_fen == september[key].closing_fen
    september_orders = 28 * 24  # 09-03 00:00 to 09-30 23:00
    assert sum(line.count for line in september.values()) == 2 + september_orders
    assert sum(line.count for line in october.values()) == 1_200 - september_orders
    assert vm.statement_note() == ""


def test_a_month_without_movements_says_so_honestly(qtbot, vm, db):
    write(db, [entry(9_999, "withdrawal", -30_000, dt.datetime(2026, 12, 2, 9, 0, tzinfo=SH), market="saas")])
    vm.reload()  # the withdrawal moved to December: November has no movement
    assert vm.month == "2026-11"
    assert vm.lines and all(line.count == 0 and line.opening_fen == line.closing_fen for line in vm.lines)
    assert vm.statement_note() == "No money moved this month: each closing balance is its opening balance."
    assert vm.why_export_disabled() == ""


def test_a_month_before_any_movement_has_nothing_to_export(qtbot, vm):
    vm.months = [*vm.months, "2026-08"]
    with qtbot.waitSignal(vm.statement_changed, timeout=10_000):
        vm.set_month("2026-08")
    assert vm.lines == []
    assert vm.statement_note() == "No money had moved by the end of this month."
    assert vm.why_export_disabled().startswith("Nothing to export")


def _export(qtbot, vm, path):
    with qtbot.waitSignal(vm.export_finished, timeout=20_000) as finished:
        vm.export(str(path))
    return finished.args


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_statement_exports_as_csv_with_long_numbers_kept_as_text(qtbot, vm, tmp_path, language):
    i18n.install(i18n.CHINESE if language == "zh" else i18n.ENGLISH)
    with qtbot.waitSignal(vm.statement_changed, timeout=10_000):
        vm.set_month("2026-09")
    path = tmp_path / "statement.csv"
    assert _export(qtbot, vm, path) == [str(path), 2 + 28 * 24]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads the Chinese right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    summary_header = ["Account", "Opening balance", "Movements", "Entries", "Closing balance"]
    if language == "zh":
        summary_header = ["账户", "期初余额", "本月发生额", "笔数", "期末余额"]
    assert rows[0] == (["Statement 2026-09"] if language == "en" else ["对账单 2026-09"])
    assert rows[1] == summary_header
    balance_name = "Balance" if language == "en" else "账户余额"
    assert rows[2] == [balance_name, "0.00", "4000.00", "2", "4000.00"]
    blank = rows.index([])
    movements = rows[blank + 1 :]
    assert movements[0][0] == ("Time" if language == "en" else "时间")
    assert movements[1][:4] == ["2026-09-01 09:00", "Top-up" if language == "en" else "充值", "—", "5000.00"]
    assert movements[2][3] == "-1000.00" and movements[2][5] == "BZJ20260902000001"
    assert movements[3][5] == '="2026090000000000"'  # Excel keeps every digit of an order number
    assert len(movements) == 1 + 2 + 28 * 24


def test_the_statement_exports_as_xlsx_with_numbers_and_text(qtbot, vm, tmp_path):
    with qtbot.waitSignal(vm.statement_changed, timeout=10_000):
        vm.set_month("2026-10")
    path = tmp_path / "statement.xlsx"
    _export(qtbot, vm, path)
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Statement", "Movements"]
    summary = [list(r) for r in book["Statement"].iter_rows(values_only=True)]
    assert summary[1] == ["Account", "Opening balance", "Movements", "Entries", "Closing balance"]
    for label, opening, moved, _count, closing in summary[2:]:
        assert Decimal(str(opening)) + Decimal(str(moved)) == Decimal(str(closing)), label
    assert summary[2][0] == "Balance" and summary[2][2] == 0  # a book that did not move, shown
    movements = [list(r) for r in book["Movements"].iter_rows(values_only=True)]
    first = movements[1]
    assert first[1] == "Order settled" and isinstance(first[3], (int, float))
    assert isinstance(first[5], str) and first[5].isdigit() and len(first[5]) == 16  # text, all its digits
    assert movements[-1][0] == "2026-10-22 23:00"  # oldest first, to the month's last
    assert len(movements) == 1 + 1_200 - 28 * 24
    book.close()


def test_an_export_that_cannot_be_written_says_why(qtbot, vm, tmp_path):
    with qtbot.waitSignal(vm.export_failed, timeout=20_000) as failed:
        vm.export(str(tmp_path / "no-such-folder" / "statement.csv"))
    assert "No such file" in failed.args[0] or "no-such-folder" in failed.args[0]
    assert not vm.exporting and not (tmp_path / "no-such-folder").exists()


def test_a_pull_with_ledger_entries_reloads_the_tab(qtbot, vm, db):
    from vendor_desktop.cache.core.changes import ChangeSet

    write(db, [entry(20_000, "top_up", 10_000, dt.datetime(2026, 11, 19, 9, 0, tzinfo=SH))])
    changes = ChangeSet()
    changes.add("ledger_entry", "le020000")
    with qtbot.waitSignal(vm.count_changed, timeout=10_000):
        vm.on_data_changed(changes)
    assert vm.count == 1_204
    assert vm.model.index(0, 1).data() == "Top-up"
