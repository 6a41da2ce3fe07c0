"""The Orders view over a real SQLite cache: page, filter, search, sort, detail, export; the total
of what is listed, quick date ranges, prices with their unit, states with their meaning, and
disabled actions that say why."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView
from pytestqt.exceptions import TimeoutError as QtTimeout

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core.tag_label import TagLabel
from vendor_desktop.ui.orders.view import OrdersView
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.date_ranges import QuickRange
from vendor_desktop.viewmodels.core.labels import order_state_label
from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP
from vendor_desktop.viewmodels.core.states import Tone
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


def test_the_list_pages_rather_than_loading_every_order(view, qtbot):
    model = view.vm.model
    assert view.vm.count == 1201
    assert model.rowCount() == FETCH_STEP  # only the first page is exposed to the view
    assert model.canFetchMore(model.index(-1, -1))
    view.table.scrollToBottom()
    assert model.rowCount() > FETCH_STEP  # scrolling fetches more
    # 1,200 orders of ¥10.00 + n fen, and one of ¥999,999.00: summed in SQL, off the GUI thread.
    shows_count(qtbot, view, "1,201 orders · total ¥1,019,193.00")


def shows_count(qtbot, view: OrdersView, text: str) -> None:
    """The count shows at once; the total joins it when the reads runner has summed it."""
    try:
        qtbot.waitUntil(lambda: view.count.text() == text)
    except QtTimeout:
        assert view.count.text() == text  # says what it showed instead


def test_newest_orders_come_first_with_money_right_aligned_and_its_unit(view):
    model = view.vm.model
    first = model.index(0, COLUMNS.index("created"))
    second = model.index(1, COLUMNS.index("created"))
    assert first.data() >= second.data()
    amount = model.index(0, COLUMNS.index("amount"))
    assert amount.data() == "¥999,999.00/month"  # GLOSSARY: a price says what it buys
    assert amount.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_filter_by_state_and_market(view, qtbot):
    view.state.setCurrentIndex(view.state.findData("unpaid"))
    assert view.vm.count == 400
    assert {view.vm.model.index(r, COLUMNS.index("state")).data() for r in range(50)} == {"Unpaid"}
    # orders 0, 3, … 1197: 400 × ¥10.00 + 3 × (0 + … + 399) fen
    shows_count(qtbot, view, "400 orders · total ¥6,394.00")
    view.state.setCurrentIndex(0)
    view.market.setCurrentIndex(view.market.findData("image"))
    assert view.vm.count == 1
    assert view.vm.model.index(0, COLUMNS.index("market")).data() == "Image market"


def test_search_by_order_number_buyer_or_listing(view, qtbot):
    qtbot.keyClicks(view.search, "2026110100000042")
    assert view.vm.count == 1
    shows_count(qtbot, view, "1 order · total ¥10.42")  # one, not "1 orders"
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


def test_quick_ranges_set_the_date_filter_in_beijing_days(view):
    # Orders 0–13 were placed on 11-01 (Beijing), 14–37 on 11-02, 38–61 on 11-03, …
    view.vm.today = lambda: dt.date(2026, 11, 3)
    view.quick[QuickRange.TODAY].click()
    assert view.use_dates.isChecked() and view.date_from.isEnabled()
    assert (view.date_from.text(), view.date_to.text()) == ("2026-11-03", "2026-11-03")
    assert view.vm.count == 24
    assert view.quick[QuickRange.TODAY].isChecked()

    view.quick[QuickRange.LAST_7_DAYS].click()
    assert (view.date_from.text(), view.date_to.text()) == ("2026-10-28", "2026-11-03")
    assert view.vm.count == 62
    assert [b.isChecked() for b in view.quick.values()] == [False, True, False]

    view.quick[QuickRange.LAST_30_DAYS].click()
    assert view.date_from.text() == "2026-10-05"
    assert view.vm.count == 62

    view.date_from.setDate(dt.date(2026, 11, 2))  # picked by hand: no longer a quick range
    assert view.vm.count == 48
    assert not any(b.isChecked() for b in view.quick.values())

    view.clear.click()
    assert view.vm.count == 1201 and not view.use_dates.isChecked()


def test_sort_by_amount_from_the_header(view):
    column = COLUMNS.index("amount")
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert view.vm.model.index(0, column).data() == "¥999,999.00/month"
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert view.vm.model.index(0, column).data() == "¥10.00/month"


def test_detail_pane_shows_the_whole_order_with_the_virtual_number(view, qtbot):
    view.market.setCurrentIndex(view.market.findData("image"))
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(view.detail_values))
    labels = {name: label.text() for name, label in view.detail_values.items()}
    assert labels["Virtual number"] == "170 0000 5000 ext. 0001"  # R-ORD-4, written as the glossary does
    assert labels["Contact (masked)"] == "138****5678"
    assert labels["State"] == "Refunding"
    assert labels["Amount"] == "¥999,999.00/month"
    assert view.detail_hints["State"].text() == "The buyer asked for a refund; it awaits a decision."


@pytest.mark.parametrize(
    ("market", "hint"),
    [
        ("custom_service", "The buyer has paid; waiting for you to deliver."),  # R-ORD-5: the vendor delivers
        ("saas", "The buyer has paid; it is delivered automatically."),
    ],
)
def test_a_paid_order_reads_as_a_tag_that_says_what_the_vendor_does_next(qtbot, tmp_path, runner, market, hint):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [make_order(1, state="paid", market=market)])
    view = OrdersView(OrdersViewModel(db, runner))
    qtbot.addWidget(view)
    view.show()
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(view.detail_values))
    state = view.detail_values["State"]
    assert isinstance(state, TagLabel)  # drawn like the tags of the list
    assert (state.text(), state.tone) == (order_state_label("paid"), Tone.TODO)
    assert view.detail_hints["State"].text() == hint
    assert not view.detail_hints["State"].isHidden()
    db.close()


def _signed_in(role: Role) -> SignedInUser:
    permissions = frozenset(p.value for p in permissions_for(role))
    return SignedInUser("u1", role.value, "Staff", role.value, permissions, "acct")


@pytest.fixture
def view_as(qtbot, orders_db, runner):
    writes = BackgroundRunner(name="vendor-desktop-local-writes")

    def make(role: Role) -> OrdersView:
        vm = OrdersViewModel(orders_db, runner, queue=CommandQueue(orders_db, _signed_in(role), writes))
        w = OrdersView(vm)
        qtbot.addWidget(w)
        w.show()
        return w

    yield make
    writes.shutdown()


def test_change_price_says_why_it_is_disabled(view_as, qtbot):
    view = view_as(Role.OPERATIONS)
    assert not view.change_price.isEnabled()
    assert view.change_price.toolTip() == "Select an unpaid order first."
    view.state.setCurrentIndex(view.state.findData("paid"))
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.vm.selected is not None)
    assert not view.change_price.isEnabled()
    paid = order_state_label("paid")
    assert view.change_price.toolTip() == f"Only unpaid orders can change price; this one is {paid}."
    view.state.setCurrentIndex(view.state.findData("unpaid"))
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.state == "unpaid")
    assert view.change_price.isEnabled()

    support = view_as(Role.SUPPORT)  # reads orders, may not change prices (SPEC §11)
    support.table.selectRow(0)
    qtbot.waitUntil(lambda: support.vm.selected is not None)
    assert not support.change_price.isEnabled()
    assert "Your role cannot change prices" in support.change_price.toolTip()


def test_export_and_clear_say_why_they_are_disabled(view_as, qtbot):
    view = view_as(Role.OWNER)
    assert not view.clear.isEnabled()
    assert view.clear.toolTip() == "No filter is set."
    assert view.export.isEnabled()
    view.search.setText("no such order")
    assert view.clear.isEnabled()
    assert not view.export.isEnabled()
    assert view.export.toolTip() == "No orders to export: no order matches these filters."
    with qtbot.waitSignal(view.status_message) as said:  # Ctrl+E says so too
        view.choose_export_file()
    assert said.args == ["No orders to export: no order matches these filters."]

    reader = view_as(Role.VIEWER)  # SPEC §11: read-only accounts do not export
    assert not reader.export.isEnabled()
    assert reader.export.toolTip() == "Read-only accounts cannot export orders."


def drag_column_edge(header, column: int, by: int) -> None:
    """The user drags the right edge of ``column``'s title by ``by`` px."""
    edge = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) - 2, header.height() // 2)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(header.viewport(), left, none, edge)
    QTest.mouseMove(header.viewport(), edge + QPoint(by, 0))
    QTest.mouseRelease(header.viewport(), left, none, edge + QPoint(by, 0))


def test_columns_fit_what_they_show_and_the_listing_takes_the_rest(view, qtbot):
    view.resize(1440, 700)
    fitter = view.columns.fitter
    qtbot.waitUntil(lambda: view.table.rowAt(0) == 0 and fitter.idle and bool(fitter.contents))
    header, model = view.columns, view.vm.model
    listing = COLUMNS.index("listing")
    for column in range(len(COLUMNS)):
        if column == listing:
            continue
        for row in range(20):
            index = model.index(row, column)
            needed, cell = view.table.sizeHintForIndex(index).width(), view.table.visualRect(index).width()
            assert needed <= cell, (COLUMNS[column], index.data())
        assert header.sectionSize(column) < header.sectionSize(listing)
    # A text cut anyway (the user narrowed the column) is whole in its tooltip.
    buyer = COLUMNS.index("buyer")
    drag_column_edge(header, buyer, 40 - header.sectionSize(buyer))
    narrowed = header.sectionSize(buyer)
    assert narrowed < view.table.sizeHintForIndex(model.index(1, buyer)).width()
    assert model.index(1, buyer).data(Qt.ItemDataRole.ToolTipRole) == "杭州**科技有限公司"
    view.search.setText("2026110100000042")  # the user's width is kept across filters
    qtbot.waitUntil(lambda: fitter.idle)
    assert header.sectionSize(buyer) == narrowed


def test_the_columns_the_user_sized_are_kept_for_the_next_run_and_old_fixed_widths_are_not(view, qtbot):
    fitter = view.columns.fitter
    qtbot.waitUntil(lambda: fitter.idle and bool(fitter.contents))
    header = view.columns
    number, buyer = COLUMNS.index("number"), COLUMNS.index("buyer")
    fitted = header.sectionSize(buyer)
    drag_column_edge(header, number, 60)
    chosen = header.sectionSize(number)
    saved = header.saveState()

    header.resizeSection(buyer, 400)  # as an older version saved it: fixed widths, no "by hand"
    old = QHeaderView(Qt.Orientation.Horizontal)
    old.setModel(view.vm.model)
    for column in range(header.count()):
        old.resizeSection(column, header.sectionSize(column))
    old_state = old.saveState()

    header.restoreState(saved)
    qtbot.waitUntil(lambda: fitter.idle)
    assert (header.sectionSize(number), header.sectionSize(buyer)) == (chosen, fitted)
    header.restoreState(old_state)
    qtbot.waitUntil(lambda: fitter.idle and header.sectionSize(buyer) == fitted)
    assert header.resizeContentsPrecision() == 0  # a fit reads the rows on screen, not 1,000
