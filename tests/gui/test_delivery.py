"""Starting the delivery of a manual service from Orders (开始交付, R-ORD-5) over a real SQLite
cache: who may, for which orders, the delivery note the buyer sees, the change queued with the
order's version and shown as waiting; the order's delivery and refund in its detail (SPEC §11:
the refund only for roles that read refunds); the list of orders to deliver."""

from __future__ import annotations

import pytest

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.orders.view import OrdersView
from vendor_desktop.viewmodels.changes.viewmodel import describe
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.orders.viewmodel import OrdersViewModel

from .apphelpers import closed
from .conftest import make_order

pytestmark = pytest.mark.usefixtures("english")

NOTE = "工程师王工今天 14:00 前电话联系您，远程完成安装。\n如需改时间请回复。"


def orders() -> list[dict]:
    manual = make_order(1, state="paid", market="custom_service", listing="等保测评咨询")
    delivering = make_order(2, state="delivering", market="ops_troubleshooting", listing="数据库排障")
    delivering["data"].update(
        delivery_note="远程排障，今晚 20:00 开始。",
        delivering_at="2026-11-02T09:30:00+08:00",
        completes_by="2026-11-09T09:30:00+08:00",
        refunded_fen=3_000,
    )
    saas = make_order(3, state="paid", market="saas")
    unpaid_manual = make_order(4, state="unpaid", market="security", listing="渗透测试")
    return [manual, delivering, saas, unpaid_manual]


REFUND = {
    "entity": "refund",
    "id": "r1",
    "version": 1,
    "deleted": False,
    "data": {
        "order_id": "o00002",
        "order_number": "2026110100000002",
        "state": "partial",
        "amount_fen": 5_000,
        "refunded_fen": 3_000,
        "requested_at": "2026-11-03T10:00:00+08:00",
        "decide_by": "2026-11-06",
        "decision_reason": "已完成一半工作",
        "market": "ops_troubleshooting",
    },
}


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [*orders(), REFUND])
    yield db
    db.close()


@pytest.fixture
def view_as(qtbot, db, runner):
    writes = BackgroundRunner(name="vendor-desktop-local-writes")

    def make(role: Role) -> OrdersView:
        permissions = frozenset(p.value for p in permissions_for(role))
        user = SignedInUser("u1", role.value, "Staff", role.value, permissions, "acct")
        queue = CommandQueue(db, user, writes)
        vm = OrdersViewModel(db, runner, queue=queue, reads=runner)
        queue.published.connect(vm.on_data_changed)  # as the shell delivers a local write
        w = OrdersView(vm)
        qtbot.addWidget(w)
        w.resize(1100, 800)
        w.show()
        return w

    yield make
    writes.shutdown()


def select(qtbot, view: OrdersView, order_id: str) -> None:
    view.clear_filters()
    row = view.vm.model.row_of(order_id)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.id == order_id)


def written(qtbot, view: OrdersView) -> list:
    """The outbox's open order commands once every write asked for so far is on disk."""
    with qtbot.waitCallback(timeout=10_000) as done:
        view.vm._queue._writes.submit(lambda: None, on_done=done)
    with view.vm._db.session() as s:
        return [c for cs in outbox.open_commands_for(s, "order", ["o00001", "o00002", "o00003"]).values() for c in cs]


@pytest.mark.parametrize("role", [Role.OWNER, Role.OPERATIONS, Role.SUPPORT])
def test_support_operations_and_owner_start_delivery_with_a_note(qtbot, view_as, role):
    """R-ORD-5: the delivery note is queued with the order's version; the list says it waits."""
    view = view_as(role)
    select(qtbot, view, "o00001")
    assert view.deliver.isVisible() and view.deliver.isEnabled()
    dialog = view.open_delivery()
    dialog.note.setPlainText(NOTE)
    assert dialog.note_count.text() == f"{len(NOTE)}/500"
    with qtbot.waitSignal(dialog.vm.queued):
        dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    [command] = written(qtbot, view)
    assert (command.kind, command.path, command.base_version) == ("order.deliver", "/orders/o00001/deliver", 1)
    assert command.payload == {"note": NOTE}  # several lines, as typed
    # Pending changes says it in one line.
    assert describe(command) == f"Start delivering order 2026110100000001: {' '.join(NOTE.split())}"
    row = view.vm.model.row_of("o00001")
    qtbot.waitUntil(lambda: "delivery waiting to send" in view.vm.model.index(row, 5).data())
    qtbot.waitUntil(lambda: "waiting to send" in view.change_notice.text())
    assert not view.deliver.isEnabled()  # once is enough, and the tooltip says so
    assert view.deliver.toolTip() == "Its delivery is already waiting to send."


def test_a_delivery_without_a_note_is_refused_and_nothing_is_queued(qtbot, view_as):
    view = view_as(Role.SUPPORT)
    select(qtbot, view, "o00001")
    dialog = view.open_delivery()
    dialog.note.setPlainText("   \n ")
    dialog.submit()
    assert dialog.isVisible() and dialog.errors["note"].isVisible()
    assert "delivery note" in dialog.errors["note"].text()
    assert written(qtbot, view) == []
    dialog.note.setPlainText("长" * 600)  # capped as typed: 500 at most (API.md)
    assert len(dialog.note.text()) == 500 and dialog.note_count.text() == "500/500"


def test_start_delivery_says_why_it_is_not_possible(qtbot, view_as):
    view = view_as(Role.OPERATIONS)
    assert view.deliver.toolTip() == "Select an order to deliver first."
    select(qtbot, view, "o00003")  # SaaS delivers itself
    assert not view.deliver.isEnabled()
    assert view.deliver.toolTip() == "Orders of this market are delivered automatically."
    select(qtbot, view, "o00004")
    assert view.deliver.toolTip() == "Only orders to deliver can start delivery; this one is Unpaid."
    assert view.open_delivery() is None
    viewer = view_as(Role.VIEWER)  # reads orders, delivers nothing (SPEC §11)
    assert not viewer.deliver.isVisible()


def test_the_detail_shows_the_delivery_and_to_support_the_refund(qtbot, view_as):
    """R-ORD-5 and SPEC §11: support reads refunds and sees the order's; operations does not."""
    support = view_as(Role.SUPPORT)
    select(qtbot, support, "o00002")
    values = {name: label.text() for name, label in support.detail_values.items()}
    assert values["Delivery note"] == "远程排障，今晚 20:00 开始。"
    assert values["Delivery started"] == "2026-11-02 09:30"
    assert values["Completes without an answer on"] == "2026-11-09 09:30"
    assert values["Refunded"] == "¥30.00"  # for everyone who reads orders
    assert values["Refund"] == (
        "Partly refunded · ¥30.00 refunded of ¥50.00 asked · requested 2026-11-03 10:00 · 已完成一半工作"
    )
    assert support.detail_values["Delivery note"].wordWrap()  # a long note wraps, never cut

    operations = view_as(Role.OPERATIONS)
    select(qtbot, operations, "o00002")
    assert "Refund" not in operations.detail_values
    assert operations.detail_values["Refunded"].text() == "¥30.00"


def test_the_to_deliver_preset_lists_the_paid_manual_services(qtbot, view_as):
    """The Workbench's 待交付 card: paid orders of manual-service markets, said in the filters."""
    view = view_as(Role.OPERATIONS)
    view.show_preset("to_deliver")
    qtbot.waitUntil(lambda: view.vm.count == 1)
    assert view.vm.model.id_at(0) == "o00001"
    assert view.state.currentText() == "To deliver"
    assert view.market.currentText() == "All manual services"
    view.show_preset("open")  # what blocks leaving the marketplace (R-EXT-1)
    qtbot.waitUntil(lambda: view.vm.count == 4)
    assert view.market.currentText() == "All markets"


def test_the_dialog_in_chinese(qtbot, view_as, qapp):
    i18n.install(i18n.CHINESE)
    try:
        view = view_as(Role.SUPPORT)
        select(qtbot, view, "o00001")
        assert view.deliver.text() == "开始交付…"
        dialog = view.open_delivery()
        assert dialog.labels[1].text() == "交付说明"
        assert "发货" not in dialog.explain.text()  # GLOSSARY: never 发货
        dialog.reject()
    finally:
        i18n.install(i18n.ENGLISH)
