"""The price-change dialog says what a new price means before it is queued (R-ORD-3, issue 11):
the difference to the current price as the user types, and an explicit confirmation for a price
below half of it — ¥3,000.00 cut to ¥12.35 no longer goes through without a word."""

from __future__ import annotations

import pytest

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.queries import order_detail
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.core.reason_box import REASON_LINES
from vendor_desktop.ui.orders.price_change_dialog import PriceChangeDialog
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.orders.price_change import (
    PriceChangeViewModel,
    difference_text,
    needs_confirmation,
    percent_change,
)

from .conftest import make_order

pytestmark = pytest.mark.usefixtures("english")

OPERATIONS = SignedInUser(
    "u2", "yunying", "运营 小王", "operations", frozenset(p.value for p in permissions_for(Role.OPERATIONS)), "acct"
)


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [make_order(1, state="unpaid", amount_fen=300_000)])  # ¥3,000.00 a month
    yield db
    db.close()


@pytest.fixture
def dialog(qtbot, db):
    writes = BackgroundRunner(name="vendor-desktop-local-writes")
    queue = CommandQueue(db, OPERATIONS, writes)
    with db.session() as session:
        order = order_detail(session, "o00001")
    d = PriceChangeDialog(PriceChangeViewModel(queue, order))
    qtbot.addWidget(d)
    d.show()
    yield d
    writes.shutdown()


def queued(qtbot, dialog, db) -> list[dict]:
    """What the outbox holds once every write asked for so far is on disk."""
    with qtbot.waitCallback(timeout=10_000) as written:
        dialog.vm._queue._writes.submit(lambda: None, on_done=written)
    with db.session() as session:
        return [c.summary for c in outbox.open_commands_for(session, "order", ["o00001"]).get("o00001", [])]


def test_the_rule_is_half_the_current_price():
    assert needs_confirmation(300_000, 1_235)
    assert needs_confirmation(300_000, 149_999)
    assert not needs_confirmation(300_000, 150_000)  # exactly half: a real discount, no question
    assert not needs_confirmation(300_000, 450_000)
    assert percent_change(300_000, 1_235) == "−99.6%"
    assert percent_change(300_000, 330_000) == "+10.0%"
    assert percent_change(300_000, 299_999) == "−<0.1%"
    assert difference_text(300_000, 300_000) == ""


def test_typing_a_price_shows_the_difference_to_the_current_price(dialog):
    assert dialog.current.text() == "¥3,000.00/month"  # the price with what it buys
    dialog.new_price.setText("12.35")
    assert dialog.difference.text() == "¥2,987.65 less than now (−99.6%)"
    dialog.new_price.setText("3,300")
    assert dialog.difference.text() == "¥300.00 more than now (+10.0%)"
    assert not dialog.confirm.isVisible()
    dialog.new_price.setText("12.345")  # not a price yet: nothing to compare
    assert dialog.difference.text() == ""


def test_the_difference_in_chinese(dialog, qapp):
    i18n.install(i18n.CHINESE)
    qapp.processEvents()  # the dialog hears of the language change
    dialog.new_price.setText("12.35")
    assert dialog.difference.text() == "比原价低 ¥2,987.65（−99.6%）"
    assert dialog.current.text() == "¥3,000.00/月"
    assert dialog.confirm.text() == "我已确认新价格"


def test_a_price_below_half_is_queued_only_once_confirmed(qtbot, dialog, db):
    dialog.new_price.setText("12.35")
    dialog.reason.setText("老客户续费")
    assert dialog.confirm.isVisible() and not dialog.confirm.isChecked()
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.errors["confirm"].isVisible()
    assert "less than half the current price" in dialog.errors["confirm"].text()
    assert queued(qtbot, dialog, db) == []

    dialog.confirm.setChecked(True)
    dialog.new_price.setText("1.35")  # another price: the tick was for the one before
    assert not dialog.confirm.isChecked()
    dialog.new_price.setText("12.35")
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(dialog.vm.queued):
        dialog.submit()
    [change] = queued(qtbot, dialog, db)
    assert (change["old_fen"], change["new_fen"], change["reason"]) == (300_000, 1_235, "老客户续费")


def test_a_price_above_half_needs_no_confirmation(qtbot, dialog, db):
    dialog.new_price.setText("1,500.00")  # half: a big discount, but not a slip of the decimal point
    dialog.reason.setText("agreed bulk price")
    assert dialog.difference.text() == "¥1,500.00 less than now (−50.0%)"
    assert not dialog.confirm.isVisible()
    with qtbot.waitSignal(dialog.vm.queued):
        dialog.submit()
    [change] = queued(qtbot, dialog, db)
    assert change["new_fen"] == 150_000


def test_the_price_and_reason_boxes_have_room(dialog):
    dialog.new_price.setText("100,000,000.00")
    metrics = dialog.new_price.fontMetrics()
    assert dialog.new_price.width() > metrics.horizontalAdvance("100,000,000.00")
    assert dialog.reason.height() >= REASON_LINES * dialog.reason.fontMetrics().lineSpacing()  # several lines
    assert dialog.reason.width() >= dialog.new_price.width()
    dialog.reason.setText("长" * 300)
    assert len(dialog.reason.text()) == 200  # MAX_REASON
    assert dialog.reason_count.text() == "200/200"
