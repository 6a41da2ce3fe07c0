"""The Refunds view bound to its viewmodel on a real cache (issue 14): what a support agent sees
and does — the list of what awaits a decision, the selected request's detail, the decision
dialogs saying what is wrong under the field, the row saying a decision waits to be sent — and
what finance sees (no decision buttons, and why), and the empty list saying why it is empty."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.refunds.view import RefundsView
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.refunds.table import COLUMNS
from vendor_desktop.viewmodels.refunds.viewmodel import RefundsViewModel

from . import money_data as md
from . import refund_data as rd
from .apphelpers import closed

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    rd.write(db, [
        rd.refund(1, amount_fen=60_000, paid_fen=120_000, invoice_issued=True),
        rd.refund(2, requested=dt.datetime(2026, 11, 18, 9, 0, tzinfo=rd.SH), buyer="B-2044"),
        rd.refund(3, state="partial", refunded_fen=20_000, decided_by="客服 小李"),
    ])  # fmt: skip
    yield db
    db.close()


@pytest.fixture
def writes(qapp):
    runner = BackgroundRunner(name="vendor-desktop-local-writes")
    yield runner
    runner.shutdown()


def view_for(qtbot, db, writes, role: Role = Role.SUPPORT) -> RefundsView:
    user = md.user(role)
    queue = CommandQueue(db, user, writes)
    vm = RefundsViewModel(db, queue, permissions=user.permissions, today=lambda: rd.TODAY)
    queue.published.connect(vm.on_data_changed)  # what the shell does with a queued change
    view = RefundsView(vm)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    return view


def test_support_sees_what_awaits_a_decision_and_the_selected_request(qtbot, db, writes):
    view = view_for(qtbot, db, writes)
    assert view.state.currentText() == "Awaiting decision"
    assert view.count.text() == "2 refunds await your decision"
    assert view.list_stack.currentWidget() is view.table
    view.select_refund("r00001")
    detail = view.detail
    assert detail.detail_title.text() == "Refund for order 20261120000001"
    assert detail.tags[0].text() == "Awaiting decision" and detail.tags[0].isVisible()
    assert detail.invoice_notice.isVisible()
    assert detail.invoice_notice.text().startswith("An invoice was already issued for this order")
    assert detail.order_fields.values["Paid"].text() == "¥1,200.00"
    assert detail.request_fields.values["Rule"].text() == "Manual service, before completion: full or partial refund"
    assert "20261120000003 · ¥300.00 · Partly refunded · ¥200.00" in detail.history.text()
    for button in (view.approve, view.reject, view.partial):
        assert button.isVisible() and button.isEnabled()

    refunded = COLUMNS.index("refunded")
    assert view.table.isColumnHidden(refunded)  # nothing is refunded while awaiting a decision
    view.state.setCurrentIndex(0)  # All states
    assert view.count.text() == "3 refunds"
    assert not view.table.isColumnHidden(refunded)


def test_a_partial_refund_above_what_was_paid_is_refused_in_the_dialog_then_one_waits_on_the_row(qtbot, db, writes):
    view = view_for(qtbot, db, writes)
    view.select_refund("r00001")
    dialog = view.open_decision("partial")
    assert dialog.limit.text() == "At most ¥1,200.00, what was paid."
    dialog.amount.setText("1300")
    dialog.submit()
    assert dialog.errors["amount"].isVisible()
    assert dialog.errors["amount"].text() == "At most ¥1,200.00 can be refunded: what was paid and not yet refunded."
    assert dialog.isVisible()  # nothing queued: the vendor corrects the amount

    dialog.amount.setText("500")
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    state = COLUMNS.index("state")
    model = view.vm.model
    qtbot.waitUntil(lambda: model.index(model.row_of("r00001"), state).data() == "Awaiting decision · Waiting to send")
    qtbot.waitUntil(lambda: view.change_notice.isVisible())
    assert not view.partial.isEnabled()
    assert view.partial.toolTip() == "Your decision on this refund has not been accepted by the marketplace yet."


def test_a_rejection_without_a_reason_says_so_under_the_reason(qtbot, db, writes):
    view = view_for(qtbot, db, writes)
    view.select_refund("r00002")
    dialog = view.open_decision("reject")
    dialog.submit()
    assert dialog.errors["reason"].text() == "Say why you reject the refund: the buyer reads it."
    assert dialog.isVisible()
    dialog.reject()


def test_finance_sees_no_decision_buttons_and_is_told_why(qtbot, db, writes):
    view = view_for(qtbot, db, writes, Role.FINANCE)
    assert view.count.text() == "2 refunds awaiting decision"
    view.select_refund("r00002")
    assert not any(b.isVisible() for b in (view.approve, view.reject, view.partial))
    assert view.detail.read_only.isVisible()
    assert view.detail.read_only.text() == "Your role reads refunds. The main account and support decide them."


def test_an_empty_list_says_why_in_chinese(qtbot, tmp_path, writes):
    empty = CacheDatabase.open(tmp_path / "empty.sqlite3")
    try:
        i18n.install(i18n.CHINESE)
        view = view_for(qtbot, empty, writes)
        assert view.list_stack.currentWidget() is view.empty
        assert view.empty.text() == "尚未同步：首次同步后显示退款申请。"
        assert view.count.text() == "0 个退款待您处理"
        assert view.state.currentText() == "待处理"
    finally:
        empty.close()
