"""The Messages area (站内信, issue 11): unread dots, search, a kind filter, a count, an empty state
that says why, "mark all read" as one queued command (POST /messages/read-all) that works offline
and survives a restart, and a link from a message to its order or listing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.core.palette import colours
from vendor_desktop.ui.messages.view import MessagesView
from vendor_desktop.viewmodels.changes.viewmodel import describe
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.core.sync_status import Connection
from vendor_desktop.viewmodels.messages.viewmodel import MessagesViewModel

from .apphelpers import go_offline, listed, restart, server_changes, sign_in

pytestmark = pytest.mark.usefixtures("english")

SH = dt.timezone(dt.timedelta(hours=8))


def _message(n: int, kind: str, title: str, body: str, *, read: bool, hour: int, **about) -> dict:
    return {
        "entity": "message",
        "id": f"m{n}",
        "version": 1,
        "deleted": False,
        "data": {
            "kind": kind,
            "title": title,
            "body": body,
            "title_en": title,
            "body_en": body,
            "read": read,
            # Stored in UTC here: the list shows Beijing time all the same.
            "created_at": dt.datetime(2026, 11, 26, hour, 3, tzinfo=SH).astimezone(dt.UTC).isoformat(),
            "order_id": about.get("order_id"),
            "listing_id": about.get("listing_id"),
        },
    }


@pytest.fixture
def inbox(qapp, tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [
            _message(1, "new_order", "新订单 NO1001", "买家下单：云盘 标准版", read=True, hour=9, order_id="o1"),
            _message(2, "order_paid", "订单已支付 NO1001", "订单 NO1001 已支付，请交付", read=False, hour=10,
                     order_id="o1"),
            _message(3, "listing_rejected", "审核未通过", "云盘 标准版：截图不清晰", read=False, hour=11,
                     listing_id="l1"),
            _message(4, "listing_approved", "审核通过", "安全加固镜像 已上架", read=True, hour=12, listing_id="l2"),
            _message(5, "new_order", "新订单 NO1002", "买家下单：安全加固镜像", read=False, hour=14, order_id="o2"),
        ])  # fmt: skip
    vm = MessagesViewModel(db)
    view = MessagesView(vm)
    view.resize(1000, 700)
    yield view
    view.deleteLater()
    db.close()


def _texts(view: MessagesView, column: int = 2) -> list[str]:
    model = view.vm.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _option(view: MessagesView, row: int, column: int = 0) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view.table)
    view.table.itemDelegate().initStyleOption(option, view.vm.model.index(row, column))
    return option


def _dot_colour(option: QStyleOptionViewItem) -> QColor:
    image = option.icon.pixmap(option.decorationSize).toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_unread_messages_have_an_accent_dot_not_bold_text(inbox):
    assert _texts(inbox, 0)[0] == "2026-11-26 14:03"  # newest first, Beijing time to the minute
    accent = QColor(colours().accent)
    for row, unread in enumerate([True, False, True, True, False]):
        option = _option(inbox, row)
        assert not option.font.bold()
        assert (
            inbox.vm.model.index(row, 0).data(TAGS_ROLE) is None
            and option.decorationSize.width() == option.fontMetrics.height()
        )
        centre = _dot_colour(option)
        if unread:
            assert centre.alpha() == 255 and centre.rgb() == accent.rgb(), row
            assert inbox.vm.model.index(row, 0).data(0x03) == "Unread"  # the tooltip says it in words
        else:
            assert centre.alpha() == 0, row  # the same room, empty: the times line up
    # The kind is a tag: a refused review is the one red thing.
    assert inbox.vm.model.index(2, 1).data(TAGS_ROLE) == [("Review failed", Tone.URGENT)]
    assert inbox.vm.model.index(0, 1).data(TAGS_ROLE) == [("New order", Tone.WAITING)]


def test_search_kind_and_unread_filters_with_a_count_and_an_empty_state(inbox):
    assert inbox.count.text() == "5 messages" and inbox.stack.currentWidget() is inbox.table
    assert not inbox.clear.isEnabled() and inbox.clear.toolTip()
    inbox.search.setText("NO1002")
    assert inbox.count.text() == "1 message" and _texts(inbox) == ["买家下单：安全加固镜像"]
    inbox.search.setText("云盘")
    assert _texts(inbox) == ["云盘 标准版：截图不清晰", "买家下单：云盘 标准版"]
    inbox.search.setText("")
    kinds = [inbox.kind.itemText(i) for i in range(inbox.kind.count())]
    assert kinds == [
        "All kinds", "New order", "Order paid", "Review passed", "Review failed",
        "Invoice requested", "Invoice request revoked", "Delivery confirmed", "Refund requested",
        "Refunded automatically", "Ticket replied", "Ticket closed", "Deposit refunded",
    ]  # fmt: skip
    inbox.kind.setCurrentIndex(inbox.kind.findData("new_order"))
    assert inbox.count.text() == "2 messages" and set(_texts(inbox, 1)) == {"New order"}
    inbox.unread_only.setChecked(True)
    assert _texts(inbox) == ["买家下单：安全加固镜像"]
    inbox.search.setText("截图")  # a refused review is not a new order
    assert inbox.count.text() == "0 messages" and inbox.stack.currentWidget() is inbox.empty
    assert inbox.empty.text() == "No messages match these filters.\nClear the filters or search for something else."
    assert inbox.clear.isEnabled()
    inbox.clear.click()
    assert inbox.count.text() == "5 messages" and inbox.stack.currentWidget() is inbox.table
    assert inbox.search.text() == "" and inbox.kind.currentIndex() == 0 and not inbox.unread_only.isChecked()


def test_an_empty_inbox_says_where_messages_come_from(qapp, tmp_path):
    db = CacheDatabase.open(tmp_path / "empty.sqlite3")
    view = MessagesView(MessagesViewModel(db))
    assert view.stack.currentWidget() is view.empty
    assert view.empty.text() == "No messages yet. New orders and payments will show up here."
    assert not view.mark_all_read.isEnabled() and view.mark_all_read.toolTip() == "Sign in to mark messages as read."
    view.deleteLater()
    db.close()


def test_the_list_in_chinese(qtbot, inbox):
    i18n.install(i18n.CHINESE)
    qtbot.waitUntil(lambda: inbox.count.text() == "共 5 条站内信")  # the language changes live
    assert inbox.mark_all_read.text() == "全部标为已读"
    assert inbox.unread_only.text() == "只看未读" and inbox.kind.itemText(0) == "全部类型"
    assert [inbox.kind.itemText(i) for i in range(1, inbox.kind.count())] == [
        "新订单",
        "订单已支付",
        "审核通过",
        "审核未通过",
        "买家申请开票",
        "买家撤销开票申请",
        "买家已确认交付",
        "退款申请",
        "已自动退款",
        "工单已回复",
        "工单已完成",
        "保证金已退还",
    ]
    assert inbox.vm.model.headerData(0, Qt.Orientation.Horizontal) == "接收时间"
    inbox.kind.setCurrentIndex(inbox.kind.findData("order_paid"))
    assert inbox.mark_all_read.text() == "本类全部标为已读"
    inbox.search.setText("没有这个词")
    assert inbox.count.text() == "共 0 条站内信"
    assert inbox.empty.text() == "没有符合筛选条件的站内信。\n清除筛选或换个关键词搜索。"


def test_the_detail_shows_the_message_with_its_time_and_kind(inbox):
    assert inbox.detail_placeholder.isVisibleTo(inbox) and not inbox.open_link.isVisibleTo(inbox)
    inbox.table.selectRow(2)  # the refused review, about listing l1
    assert inbox.detail_title.text() == "审核未通过"
    assert inbox.detail_meta.text() == "2026-11-26 11:03"
    assert inbox.detail_body.text() == "云盘 标准版：截图不清晰"
    # Signed out (no queue) the user may open nothing: no link.
    assert not inbox.open_link.isVisibleTo(inbox)


def test_pending_changes_names_a_mark_all_read():
    def command(summary: dict) -> Command:
        now = dt.datetime.now(dt.UTC)
        return Command(
            1, "k", "message.read_all", "message", "read-all", None, "POST", "/messages/read-all", {}, summary, now,
            "owner", CommandState.REJECTED, 0, None, "VALIDATION_FAILED", "bad", "错误", {}, None, now,
        )  # fmt: skip

    assert describe(command({"kind": None})) == "Mark all messages as read"
    assert describe(command({"kind": "order_paid"})) == "Mark all “Order paid” messages as read"


# --- over HTTP, as the vendor uses it ------------------------------------------------------------


def _place_order(market, buyer: str) -> dict:
    listing = f"lst-{market.vendor['account_id']}-0"  # seeded on sale
    placed = market.operator(
        "POST", "/orders", json={"account_id": market.vendor["account_id"], "listing_id": listing,
                                 "buyer_account_id": buyer},
    )  # fmt: skip
    assert placed.status_code == 201, placed.text
    return placed.json()


def _server_unread(market) -> list[str]:
    return [c["id"] for c in server_changes(market) if c["entity"] == "message" and not c["data"]["read"]]


def _nav_text(center, area: str) -> str:
    return center.window.nav.item(center.window.area_ids.index(area)).text()


def _queued_kinds(center) -> list[str]:
    with center.session.db.session() as s:
        return [row.kind for row in s.query(OutboxCommand).all()]


def test_mark_all_read_is_one_command_and_the_server_has_every_message_read(qtbot, tmp_path, market):
    _place_order(market, "B-1")
    _place_order(market, "B-2")
    unread = _server_unread(market)
    assert len(unread) >= 2
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("messages")
    view = center.window.messages_view
    listed(qtbot, view.vm.model)
    qtbot.waitUntil(lambda: view.vm.unread == len(unread))
    assert _nav_text(center, "messages") == f"Messages  ({len(unread)})"
    assert view.mark_all_read.isEnabled() and view.mark_all_read.text() == "Mark all read"
    assert view.mark_all_read.toolTip() == f"Mark {len(unread)} unread messages as read"

    view.mark_all_read.click()
    model = view.vm.model
    qtbot.waitUntil(lambda: all(model.row_at(r).read for r in range(model.rowCount())))
    qtbot.waitUntil(lambda: _nav_text(center, "messages") == "Messages")
    qtbot.waitUntil(lambda: not _server_unread(market), timeout=30_000)
    assert _queued_kinds(center) == ["message.read_all"]  # one command, not one per message
    assert not view.mark_all_read.isEnabled() and view.mark_all_read.toolTip() == "No unread messages."
    assert center.window.changes_vm.open_count == 0  # sent: nothing pending to show
    center.shutdown()


def test_mark_all_read_offline_shows_at_once_and_reaches_the_server_after_a_restart(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("messages")
    view = center.window.messages_view
    listed(qtbot, view.vm.model)
    qtbot.waitUntil(lambda: view.vm.unread > 0)
    go_offline(qtbot, center, market)
    view.mark_all_read.click()
    qtbot.waitUntil(lambda: view.vm.unread == 0 and _nav_text(center, "messages") == "Messages")
    model = view.vm.model
    assert all(model.row_at(r).read for r in range(model.rowCount()))

    # Closed and opened again, still offline: still read, the command still queued.
    center = restart(qtbot, center, market.base_url)
    assert center.sync.state == Connection.OFFLINE
    qtbot.waitUntil(lambda: center.window.messages_vm.unread == 0)
    assert _queued_kinds(center) == ["message.read_all"]

    # A buyer orders after the button was pressed: that message stays unread.
    market.restart()
    later = _place_order(market, "B-LATER")
    center.window.sync_button.click()
    qtbot.waitUntil(lambda: _server_unread_orders(market) == {later["id"]}, timeout=30_000)
    qtbot.waitUntil(lambda: center.window.messages_vm.unread == 1)
    center.shutdown()


def _server_unread_orders(market) -> set[str | None]:
    return {c["data"]["order_id"] for c in server_changes(market) if c["entity"] == "message" and not c["data"]["read"]}


def test_a_message_links_to_its_order_and_its_listing(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    window = center.window
    window.show_area("messages")
    view = window.messages_view
    listed(qtbot, view.vm.model)
    model = view.vm.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    about_order = next(r for r, m in enumerate(rows) if m.order_id)
    view.table.selectRow(about_order)
    assert view.open_link.isVisible() and view.open_link.text() == "View order"
    view.open_link.click()
    assert window.shell.current == "orders"
    qtbot.waitUntil(lambda: window.orders_vm.selected is not None)
    assert window.orders_vm.selected.id == rows[about_order].order_id

    window.show_area("messages")
    about_listing = next(r for r, m in enumerate(rows) if m.listing_id)
    view.table.selectRow(about_listing)
    assert view.open_link.text() == "View listing"
    view.open_link.click()
    assert window.shell.current == "listings"
    qtbot.waitUntil(lambda: window.listings_vm.current is not None)
    assert window.listings_vm.current.id == rows[about_listing].listing_id
    center.shutdown()
