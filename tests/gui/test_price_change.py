"""Price changes on unpaid orders (R-ORD-3), queued in the outbox, through the GUI over real HTTP."""

from __future__ import annotations

import pytest

from vendor_desktop.viewmodels.core.labels import price_with_unit
from vendor_desktop.viewmodels.core.sync_status import Connection

from .apphelpers import (
    amount_and_state,
    an_unpaid_order,
    change_price,
    closed,
    go_offline,
    listed,
    outbox_once_written,
    restart,
    select_order,
    server_amount_fen,
    sign_in,
)

pytestmark = pytest.mark.usefixtures("english")


def test_buyer_paid_while_i_was_offline_shows_the_rejection_and_keeps_the_price(qtbot, tmp_path, market):
    order = an_unpaid_order(market, manual=True)  # paid, it waits for the vendor: 待交付
    price, mode = order["data"]["amount_fen"], order["data"]["billing_mode"]
    center = sign_in(qtbot, tmp_path, market)
    select_order(qtbot, center, order["data"]["number"])

    go_offline(qtbot, center, market)  # the train enters a tunnel
    dialog = change_price(center, "1.00", "loyal customer", confirm=True)  # far below half: confirmed
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: "price change waiting to send" in amount_and_state(center)[1])
    assert amount_and_state(center)[0] == price_with_unit(100, mode)  # shown as pending right away
    assert "waiting to send" in center.window.orders_view.change_notice.text()
    qtbot.waitUntil(lambda: center.window.pending_button.text() == "1 change waiting to send")

    # The app is closed and opened again, still offline: the change is still queued.
    center = restart(qtbot, center, market.base_url)
    assert center.sync.state == Connection.OFFLINE
    qtbot.waitUntil(lambda: center.window.changes_vm.open_count == 1)

    # Meanwhile the buyer pays the old price.
    market.restart()
    assert market.operator("POST", f"/orders/{order['id']}/pay").status_code == 200

    center.window.sync_button.click()
    qtbot.waitUntil(lambda: center.window.changes_vm.rejected_count == 1, timeout=30_000)
    select_order(qtbot, center, order["data"]["number"])
    amount, state = amount_and_state(center)
    assert state == "To deliver · price change not accepted"
    assert amount == price_with_unit(price, mode)  # the price did not change
    notice = center.window.orders_view.change_notice.text()
    # GLOSSARY: 云市场未接受此修改：原因 — with the server's own reason, shown first in the detail pane
    assert notice.startswith("The marketplace did not accept this change") and "already paid" in notice
    assert center.window.orders_view.change_icon.isVisible()
    assert center.window.orders_view.dismiss_change.isVisible()
    assert center.window.pending_button.text() == "1 change not accepted"

    # The rejection stays until the user acts.
    center.window.orders_view.dismiss_change.click()
    qtbot.waitUntil(lambda: center.window.changes_vm.open_count == 0)
    qtbot.waitUntil(lambda: not center.window.orders_view.change_notice.isVisible())
    assert amount_and_state(center)[1] == "To deliver"
    assert not center.window.pending_button.isVisible()
    assert server_amount_fen(market, order["id"]) == price
    center.shutdown()


def test_online_price_change_is_applied_and_confirmed(qtbot, tmp_path, market):
    order = an_unpaid_order(market)
    center = sign_in(qtbot, tmp_path, market)
    select_order(qtbot, center, order["data"]["number"])
    change_price(center, "1,234.50", confirm=True)
    # Applied, not pending: "Unpaid · price change waiting to send" shows the new amount too.
    new = price_with_unit(123450, order["data"]["billing_mode"])
    qtbot.waitUntil(lambda: amount_and_state(center) == (new, "Unpaid"), timeout=30_000)
    assert not center.window.orders_view.change_notice.isVisible()
    assert server_amount_fen(market, order["id"]) == 123450
    center.shutdown()


@pytest.mark.parametrize(
    ("price", "reason", "field", "message"),
    [
        ("0", "x", "new_price", "more than ¥0.00"),
        ("-5", "x", "new_price", "Enter the new price"),
        ("12.345", "x", "new_price", "two decimals"),
        ("abc", "x", "new_price", "Enter the new price"),
        ("10.00", "", "reason", "Say why"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_queued(qtbot, tmp_path, market, price, reason, field, message):
    order = an_unpaid_order(market)
    center = sign_in(qtbot, tmp_path, market)
    select_order(qtbot, center, order["data"]["number"])
    dialog = change_price(center, price, reason)
    assert dialog.isVisible()
    assert message in dialog.errors[field].text()
    assert dialog.errors[field].isVisible()
    dialog.reject()
    assert sum(outbox_once_written(qtbot, center).values()) == 0  # not even sent and applied
    center.shutdown()


def test_price_change_by_order_number_and_unknown_numbers(qtbot, tmp_path, market):
    order = an_unpaid_order(market)
    center = sign_in(qtbot, tmp_path, market)
    assert center.window.price_action.shortcut().toString() == "Ctrl+P"
    dialog = center.window.orders_view.open_price_change(by_number=True)  # what Ctrl+P opens
    assert dialog.number.text() == ""
    dialog.number.setText("9999999999999999")
    dialog.number.editingFinished.emit()
    assert "No order 9999999999999999" in dialog.errors["order"].text()
    dialog.number.setText(order["data"]["number"])
    dialog.number.editingFinished.emit()
    assert not dialog.errors["order"].isVisible()
    assert dialog.current.text().startswith("¥")
    center.shutdown()


def test_the_action_says_why_it_is_disabled(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market, username="support")  # support reads orders, cannot change prices
    orders = center.window.orders_view
    listed(qtbot, orders.vm.model)
    orders.table.selectRow(0)
    qtbot.waitUntil(lambda: orders.vm.selected is not None)
    assert not orders.change_price.isEnabled()
    assert "Your role cannot change prices" in orders.change_price.toolTip()
    center.shutdown()

    center = sign_in(qtbot, tmp_path / "owner", market)
    orders = center.window.orders_view
    orders.state.setCurrentIndex(orders.state.findData("completed"))
    orders.table.selectRow(0)
    qtbot.waitUntil(lambda: orders.vm.selected is not None)
    assert not orders.change_price.isEnabled()
    assert orders.change_price.toolTip() == "Only unpaid orders can change price; this one is Completed."
    center.shutdown()
