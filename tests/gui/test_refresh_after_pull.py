"""After a pull, areas re-read the cache off the GUI thread and show the result (DESIGN "Areas").

A 100,000-order first sync must not freeze the window: the id queries, counts and the search
for new orders run on the reads runner; only the swap happens on the GUI thread. An area not on
screen does not read at all until shown, except what shows outside it (the unread badge, a
new-order notification, the pending-changes count).
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.orders.view import OrdersView
from vendor_desktop.viewmodels.changes.viewmodel import ChangesViewModel
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.dashboard import viewmodel as dashboard
from vendor_desktop.viewmodels.dashboard.viewmodel import DashboardViewModel
from vendor_desktop.viewmodels.messages import viewmodel as messages
from vendor_desktop.viewmodels.messages.viewmodel import MessagesViewModel
from vendor_desktop.viewmodels.orders import table as orders_table
from vendor_desktop.viewmodels.orders import viewmodel as orders_viewmodel
from vendor_desktop.viewmodels.orders.viewmodel import OrdersViewModel

from .conftest import make_order

pytestmark = pytest.mark.usefixtures("english")

OWNER = SignedInUser("u1", "owner", "Owner", "owner", frozenset(), "acct")


@pytest.fixture
def reads(qapp):
    r = BackgroundRunner(name="vendor-desktop-reads")
    yield r
    r.shutdown()


def new_order_message(n: int, created: dt.datetime) -> dict:
    return {
        "entity": "message",
        "id": f"m{n:05d}",
        "version": 1,
        "deleted": False,
        "data": {
            "kind": "new_order",
            "title": f"新订单 {n}",
            "title_en": f"New order {n}",
            "body": f"订单 {n} 已下单",
            "body_en": f"Order 20261101{n:08d} was placed",
            "read": False,
            "created_at": created.isoformat(),
            "order_id": f"o{n:05d}",
        },
    }


def pull(db, changes: list[dict]) -> ChangeSet:
    """What the sync engine does on its worker: write a page, report what it touched."""
    with db.session() as s, s.begin():
        return apply_changes(s, changes)


def new_orders(first: int, count: int) -> list[dict]:
    return [make_order(n, state="unpaid") for n in range(first, first + count)]


def reads_done(qtbot, reads: BackgroundRunner) -> None:
    """Every read asked for so far has run and its result reached the GUI thread (one worker
    thread, first in first out; results come back in the order they were sent). Not a wait on a
    passing state: what is asserted after it is final."""
    with qtbot.waitCallback(timeout=10_000) as done:
        reads.submit(lambda: None, on_done=done)


class QueryThreads:
    """Records the thread of every call to the given query functions of a viewmodel module."""

    def __init__(self, monkeypatch, *targets: tuple[object, str]) -> None:
        self.threads: list[threading.Thread] = []
        for module, name in targets:
            real = getattr(module, name)
            monkeypatch.setattr(module, name, self._recording(real))

    def _recording(self, real):
        def call(*args, **kwargs):
            self.threads.append(threading.current_thread())
            return real(*args, **kwargs)

        return call

    @property
    def on_gui_thread(self) -> bool:
        return threading.main_thread() in self.threads


def test_a_pulls_refresh_queries_off_the_gui_thread_and_shows_the_new_orders_and_figures(
    qtbot, orders_db, runner, reads, monkeypatch
):
    orders_vm = OrdersViewModel(orders_db, runner, reads=reads)
    view = OrdersView(orders_vm)
    qtbot.addWidget(view)
    view.show()
    board = DashboardViewModel(orders_db, reads=reads)
    inbox = MessagesViewModel(orders_db, reads=reads)
    before = orders_vm.count
    assert board.counts.total_orders == before and inbox.unread == 0
    queries = QueryThreads(
        monkeypatch,
        (orders_table, "order_ids"),
        (orders_table, "count_orders"),
        (orders_viewmodel, "order_totals"),  # the total (合计) beside the count
        (dashboard, "dashboard_counts"),
        (messages, "message_ids"),
        (messages, "unread_count"),
        (messages, "new_order_messages"),
    )

    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    changes = pull(orders_db, [*new_orders(7000, 30), new_order_message(7000, soon)])
    for vm in (orders_vm, board, inbox):
        vm.on_data_changed(changes)

    qtbot.waitUntil(lambda: orders_vm.count == before + 30 and f"{before + 30:,} orders · total" in view.count.text())
    qtbot.waitUntil(lambda: board.counts.total_orders == before + 30 and board.counts.unread_messages == 1)
    qtbot.waitUntil(lambda: inbox.unread == 1 and inbox.model.total == 1)
    assert queries.threads, "the refresh read nothing"
    assert not queries.on_gui_thread
    assert {t.name.split("_")[0] for t in queries.threads} == {"vendor-desktop-reads"}


def test_a_hidden_area_does_not_read_on_a_pull_and_shows_the_new_data_when_shown(
    qtbot, orders_db, runner, reads, monkeypatch
):
    orders_vm = OrdersViewModel(orders_db, runner, reads=reads)
    board = DashboardViewModel(orders_db, reads=reads)
    before = orders_vm.count
    orders_vm.set_shown(False)
    board.set_shown(False)
    queries = QueryThreads(
        monkeypatch, (orders_table, "order_ids"), (orders_table, "count_orders"), (dashboard, "dashboard_counts")
    )

    changes = pull(orders_db, new_orders(7000, 5))
    orders_vm.on_data_changed(changes)
    board.on_data_changed(changes)
    reads_done(qtbot, reads)
    assert queries.threads == []  # not a single query while hidden
    assert orders_vm.count == before and board.counts.total_orders == before

    orders_vm.set_shown(True)
    board.set_shown(True)
    qtbot.waitUntil(lambda: orders_vm.count == before + 5 and board.counts.total_orders == before + 5)
    assert not queries.on_gui_thread

    # Shown again with nothing new: nothing to read.
    orders_vm.set_shown(False)
    orders_vm.set_shown(True)
    reads_done(qtbot, reads)
    assert len(queries.threads) == 3  # the id query, the count and the dashboard's figures, once each


def test_a_search_typed_while_a_pulls_reload_runs_is_not_undone_by_it(qtbot, orders_db, runner, reads, monkeypatch):
    vm = OrdersViewModel(orders_db, runner, reads=reads)
    released = threading.Event()
    started = threading.Event()
    real_ids = orders_table.order_ids

    def slow_off_the_gui_thread(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            started.set()
            released.wait(10)  # a pull's reload over a big cache: still running when the user types
        return real_ids(*args, **kwargs)

    monkeypatch.setattr(orders_table, "order_ids", slow_off_the_gui_thread)
    vm.on_data_changed(pull(orders_db, new_orders(7000, 5)))
    assert started.wait(10)
    vm.set_search_text("2026110100005000")  # the user searches: the list answers at once
    assert vm.count == 1
    released.set()
    reads_done(qtbot, reads)  # the older reload has finished and come back
    assert vm.count == 1
    assert vm.model.index(0, 0).data() == "2026110100005000"


def test_of_two_reloads_only_the_newer_result_is_shown_whatever_finishes_last(qtbot):
    """The generation rule itself, with a runner whose tasks finish in the order the test says."""

    class HeldRunner:
        def __init__(self) -> None:
            self.tasks: list[tuple] = []

        def submit(self, fn, on_done=None, on_error=None):
            self.tasks.append((fn, on_done))
            return object()

    held = HeldRunner()
    reads_of = iter(["older figures", "newer figures"])
    shown: list[str] = []

    def prepare():
        value = next(reads_of)  # what this reload will read
        return lambda: value

    refresher: Refresher[str] = Refresher(held, prepare, shown.append)  # type: ignore[arg-type]

    refresher.request()
    older_fn, older_done = held.tasks[0]
    older = older_fn()  # the older reload has read, and is slow to come back
    refresher.request()  # a newer change: a newer reload
    newer_fn, newer_done = held.tasks[1]
    newer_done(newer_fn())
    older_done(older)
    assert shown == ["newer figures"]
    assert not refresher.busy


def test_the_unread_badge_and_a_new_order_notification_arrive_while_messages_is_hidden(
    qtbot, orders_db, reads, monkeypatch
):
    inbox = MessagesViewModel(orders_db, reads=reads)
    inbox.set_shown(False)
    listed = QueryThreads(monkeypatch, (messages, "message_ids"))
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)

    changes = pull(orders_db, [new_order_message(7001, soon)])
    with qtbot.waitSignal(inbox.new_orders_arrived, timeout=10_000) as arrived:
        inbox.on_data_changed(changes)
    assert arrived.args == ["New order 7001", "Order 2026110100007001 was placed"]
    qtbot.waitUntil(lambda: inbox.unread == 1)  # the navigation badge
    reads_done(qtbot, reads)
    assert listed.threads == [] and inbox.model.total == 0  # the list itself waits to be shown

    # The same message again (a later pull touching it) is not news twice.
    with qtbot.assertNotEmitted(inbox.new_orders_arrived):
        inbox.on_data_changed(changes)
        reads_done(qtbot, reads)

    inbox.set_shown(True)
    qtbot.waitUntil(lambda: inbox.model.total == 1)
    assert inbox.model.index(0, 2).data() == "Order 2026110100007001 was placed"


def test_pending_changes_keep_their_count_while_hidden_and_fill_the_table_when_shown(qtbot, orders_db):
    writes = BackgroundRunner(name="vendor-desktop-local-writes")
    try:
        queue = CommandQueue(orders_db, OWNER, writes)
        panel = ChangesViewModel(queue, writes)
        panel.set_shown(False)
        queue.published.connect(panel.on_data_changed)
        queue.enqueue(
            kind="order.price_change",
            entity="order",
            entity_id="o00001",
            base_version=1,
            method="POST",
            path="/orders/o00001/price-change",
            payload={"new_price_fen": 900, "reason": "agreed"},
            summary={"number": "2026110100000001", "old_fen": 1001, "new_fen": 900},
        )
        qtbot.waitUntil(lambda: panel.open_count == 1 and panel.unsent == 1)  # status bar, quit warning
        assert panel.model.rowCount() == 0

        panel.set_shown(True)
        assert panel.model.rowCount() == 1  # from what the count already read: no wait
        assert "Change the price of order 2026110100000001" in panel.model.index(0, 0).data()
    finally:
        writes.shutdown()
