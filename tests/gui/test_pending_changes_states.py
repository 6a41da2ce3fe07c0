"""What a vendor sees in Pending changes (GLOSSARY "queued change"): each change's state as a
coloured tag, a refused change's reason in words, Send again only where it can succeed and a
reason on every disabled button, and a filter with a count."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.changes.view import ChangesView
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.changes.viewmodel import STATE_COLUMN, ChangesViewModel
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone

pytestmark = pytest.mark.usefixtures("english")

OWNER = SignedInUser("u1", "owner", "Owner", "owner", frozenset(), "acct")
PAID = ("The buyer has already paid; the price did not change.", "买家已支付，改价未生效。原价格保持不变。")


def price_change(s, order: str, new_fen: int) -> int:
    return outbox.enqueue(
        s, kind="order.price_change", entity="order", entity_id=order, base_version=1, method="POST",
        path=f"/orders/{order}/price-change", payload={"new_price_fen": new_fen, "reason": "agreed"},
        summary={"number": f"20261101000000{order[-2:]}", "old_fen": 99_900, "new_fen": new_fen}, created_by="owner",
    ).id  # fmt: skip


@pytest.fixture
def panel(qtbot, tmp_path):
    """Four changes: a price change refused because the buyer paid (can never succeed), the one
    queued after it (held), a listing edit refused on a version conflict (can be sent again) and
    one that could not be sent yet."""
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        paid, held = price_change(s, "o-01", 100), price_change(s, "o-01", 200)
        edited = outbox.enqueue(
            s, kind="listing.update", entity="listing", entity_id="l-1", base_version=1, method="PATCH",
            path="/listings/l-1", payload={}, summary={"name": "云桌面 SaaS 标准版"}, created_by="owner",
        ).id  # fmt: skip
        later = price_change(s, "o-02", 300)
        rows = update(OutboxCommand)
        refused = {"state": "rejected", "error_code": "ORDER_NOT_UNPAID"}
        s.execute(
            rows.where(OutboxCommand.id == paid).values(**refused, error_message=PAID[0], error_message_zh=PAID[1])
        )
        s.execute(rows.where(OutboxCommand.id == held).values(state="held"))
        s.execute(rows.where(OutboxCommand.id == edited).values(
            state="rejected", error_code="VERSION_CONFLICT", error_message="Someone else changed this listing.",
            error_message_zh="该商品已被他人修改。"))  # fmt: skip
        soon = outbox.stamp(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5))
        s.execute(rows.where(OutboxCommand.id == later).values(attempts=1, next_try_at=soon, last_error="offline"))
    writes = BackgroundRunner(name="vendor-desktop-local-writes")
    vm = ChangesViewModel(CommandQueue(db, OWNER, writes), writes)
    view = ChangesView(vm)
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    qtbot.waitUntil(lambda: vm.model.rowCount() == 4)
    yield view
    writes.shutdown()
    db.close()


def cells(view, column: int, role=None) -> list:
    model = view.vm.model
    return [model.index(r, column).data() if role is None else model.index(r, column).data(role)
            for r in range(model.rowCount())]  # fmt: skip


def test_each_change_shows_its_state_as_a_tag_and_a_refusal_in_words(qtbot, panel):
    assert cells(panel, STATE_COLUMN, TAGS_ROLE) == [
        [("Not accepted", Tone.URGENT)],
        [("Waiting for an earlier change", Tone.TODO)],
        [("Not accepted", Tone.URGENT)],
        [("Waiting to send", Tone.WAITING)],
    ]
    answers = cells(panel, STATE_COLUMN + 1)
    assert answers[0] == f"The marketplace did not accept this change: {PAID[0]}"
    assert answers[3].startswith("Could not be sent yet. Will try again at ")

    i18n.install("zh_CN")
    assert [tags[0][0] for tags in cells(panel, STATE_COLUMN, TAGS_ROLE)] == [
        "云市场未接受",
        "等待前一项",
        "云市场未接受",
        "待发送",
    ]
    assert cells(panel, STATE_COLUMN + 1)[0] == f"云市场未接受此修改：{PAID[1]}"
    qtbot.waitUntil(lambda: panel.count.text() == "共 4 项修改")  # the view re-reads its words


def test_send_again_is_offered_only_where_it_can_succeed_and_every_disabled_button_says_why(panel):
    for button in (panel.retry, panel.discard):
        assert not button.isEnabled() and button.toolTip() == "Select a change first."

    panel.table.selectRow(0)  # the buyer paid: sending again can never succeed
    assert not panel.retry.isEnabled()
    assert panel.retry.toolTip() == "The marketplace would not accept it again for the same reason. Discard it."
    assert panel.discard.isEnabled() and panel.discard.toolTip() == ""
    assert panel.notice.isVisible()
    assert panel.notice.text() == (
        f"The marketplace did not accept this change: {PAID[0]} "
        "Sending it again would not be accepted either. Discard it."
    )

    panel.table.selectRow(1)  # held behind it
    assert not panel.retry.isEnabled() and "earlier change" in panel.retry.toolTip()
    assert panel.discard.isEnabled()

    panel.table.selectRow(2)  # a version conflict: sent again on the current version, it can succeed
    assert panel.retry.isEnabled() and panel.retry.toolTip() == ""
    assert panel.notice.text().endswith("Send it again to apply it to the latest version, or discard it.")

    i18n.install("zh_CN")
    panel.table.selectRow(0)
    assert panel.retry.toolTip() == "原因仍然存在，重新发送也不会被接受。请放弃此修改。"
    assert panel.notice.text() == f"云市场未接受此修改：{PAID[1]}重新发送也不会被接受，请放弃此修改。"


def test_the_filter_narrows_the_list_and_the_count(panel):
    assert panel.count.text() == "4 changes"
    assert [panel.state.itemData(i) for i in range(panel.state.count())] == [None, "rejected", "waiting"]

    panel.state.setCurrentIndex(panel.state.findData("rejected"))
    assert [tags[0][0] for tags in cells(panel, STATE_COLUMN, TAGS_ROLE)] == ["Not accepted", "Not accepted"]
    assert panel.count.text() == "2 changes"
    panel.table.selectRow(1)  # the row as shown: the listing edit, which can be sent again
    assert panel.retry.isEnabled()

    panel.state.setCurrentIndex(panel.state.findData("waiting"))
    assert [tags[0][0] for tags in cells(panel, STATE_COLUMN, TAGS_ROLE)] == [
        "Waiting for an earlier change", "Waiting to send"
    ]  # fmt: skip
    assert panel.vm.open_count == 4  # the badge still counts every open change

    panel.state.setCurrentIndex(0)
    assert panel.count.text() == "4 changes"
