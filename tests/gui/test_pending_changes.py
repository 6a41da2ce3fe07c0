"""The pending-changes panel, the quit warning, messages read offline, and new-order notifications."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from vendor_desktop.viewmodels.core.labels import price_with_unit
from vendor_desktop.viewmodels.core.sync_status import Connection

from .apphelpers import (
    amount_and_state,
    an_unpaid_order,
    change_price,
    go_offline,
    listed,
    restart,
    select_order,
    server_amount_fen,
    server_changes,
    sign_in,
    tried_offline,
)

pytestmark = pytest.mark.usefixtures("english")


def test_panel_lists_queued_changes_and_quitting_warns_then_they_are_sent_at_next_start(qtbot, tmp_path, market):
    order = an_unpaid_order(market)
    center = sign_in(qtbot, tmp_path, market)
    select_order(qtbot, center, order["data"]["number"])
    go_offline(qtbot, center, market)
    change_price(center, "66.00", "promised on the phone")
    qtbot.waitUntil(lambda: center.window.changes_vm.open_count == 1)

    center.window.show_area("changes")
    panel = center.window.changes_view
    model = panel.vm.model
    assert (
        model.index(0, 0).data() == f"Change the price of order {order['data']['number']} from "
        f"¥{order['data']['amount_fen'] / 100:,.2f} to ¥66.00"
    )
    assert model.index(0, 2).data() == center.session.user.display_name  # the person, not the user name "owner"
    # Offline, it waits (while an attempt is on the wire it shows "Sending").
    qtbot.waitUntil(lambda: model.index(0, 3).data() == "Waiting to send")
    assert center.window.nav.item(center.window.area_ids.index("changes")).text() == "Pending changes  (1)"

    asked = []
    center.window.confirm_quit = lambda unsent: asked.append(unsent) or False
    center.window.close()
    assert asked == [1] and center.window.isVisible()  # the user chose to stay

    market.restart()
    center = restart(qtbot, center, market.base_url)  # quits anyway (confirmed)
    # The outcome, not "nothing open": a fresh window counts nothing before it has read the outbox.
    select_order(qtbot, center, order["data"]["number"])
    new = price_with_unit(6600, order["data"]["billing_mode"])  # ¥66.00/month, pay-as-you-go ¥66.00/call…
    qtbot.waitUntil(lambda: amount_and_state(center) == (new, "Unpaid"), timeout=30_000)
    qtbot.waitUntil(lambda: center.window.changes_vm.open_count == 0)
    assert server_amount_fen(market, order["id"]) == 6600
    assert (
        panel is not center.window.changes_view
        and center.window.changes_view.stack.currentWidget() is center.window.changes_view.empty
    )
    center.shutdown()


def test_a_discarded_change_is_never_sent(qtbot, tmp_path, market):
    order = an_unpaid_order(market)
    center = sign_in(qtbot, tmp_path, market)
    select_order(qtbot, center, order["data"]["number"])
    go_offline(qtbot, center, market)
    change_price(center, "5.00", "typo")
    tried_offline(qtbot, center)
    center.window.show_area("changes")
    panel = center.window.changes_view
    panel.table.selectRow(0)
    assert panel.discard.isEnabled()
    panel.discard.click()
    qtbot.waitUntil(lambda: center.window.changes_vm.open_count == 0)
    market.restart()
    center.window.sync_button.click()
    qtbot.waitUntil(lambda: center.sync.state == Connection.ONLINE, timeout=30_000)
    assert server_amount_fen(market, order["id"]) == order["data"]["amount_fen"]
    center.shutdown()


def test_messages_are_marked_read_offline_and_the_server_learns_it(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    messages = center.window.messages_view
    unread = sum(1 for c in server_changes(market) if c["entity"] == "message" and not c["data"]["read"])
    assert unread > 0
    qtbot.waitUntil(lambda: messages.vm.unread == unread)  # the badge, once the first sync is read
    go_offline(qtbot, center, market)
    center.window.show_area("messages")
    listed(qtbot, messages.vm.model)
    row = next(r for r in range(messages.vm.model.rowCount()) if messages.vm.model.row_at(r).read is False)
    message_id = messages.vm.model.row_at(row).id
    messages.table.selectRow(row)
    qtbot.waitUntil(lambda: messages.vm.unread == unread - 1)  # read at once, though offline
    market.restart()
    center.window.sync_button.click()
    # Online again after a round that pushed before it pulled: the outcome is on the server.
    qtbot.waitUntil(lambda: center.sync.state == Connection.ONLINE, timeout=30_000)
    assert next(c for c in server_changes(market) if c["id"] == message_id)["data"]["read"] is True
    assert messages.vm.unread == unread - 1
    center.shutdown()


def test_a_new_order_notifies_while_the_window_is_in_the_background(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    window = center.window
    listing = next(iter(center.window.discounts_view.vm.listings()))[0]
    with qtbot.waitSignal(window.messages_vm.new_orders_arrived, timeout=30_000) as arrived:
        placed = market.operator(
            "POST",
            "/orders",
            json={"account_id": market.vendor["account_id"], "listing_id": listing, "buyer_account_id": "B-NOTIFY"},
        )
        assert placed.status_code == 201
        window.sync_button.click()
    title, body = arrived.args
    assert placed.json()["data"]["number"] in body
    # In front, the new order is already in sight: no notification.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.notify(title, body) is False
    # Behind another window it notifies, unless turned off.
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    assert window.notify(title, body) is True
    assert window.last_notification == (title, body)
    window.notifications_action.setChecked(False)
    assert window.notify(title, body) is False
    assert center.settings.value("notifications") in (False, "false")
    center.shutdown()
