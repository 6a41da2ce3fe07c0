"""Delivering a manual service over real HTTP, through the GUI (issue 14, R-ORD-5): a buyer pays
an order of a manual-service listing; support starts the delivery with a note; the marketplace
applies it (交付中, with the date silence completes it); the buyer confirms and the order is 已完成."""

from __future__ import annotations

import pytest

from vendor_desktop.domain.exit import delivered_by_vendor

from .apphelpers import Marketplace, closed, select_order, server_changes, sign_in

pytestmark = pytest.mark.usefixtures("english")

NOTE = "Engineer Wang calls you before 14:00 today.\nRemote installation, about 2 hours."


def a_paid_manual_order(market: Marketplace) -> dict:
    """A buyer orders a manual service on sale and pays it: the order envelope."""
    listing = next(
        c for c in server_changes(market)
        if c["entity"] == "listing" and c["data"]["state"] == "on_sale" and delivered_by_vendor(c["data"]["market"])
    )  # fmt: skip
    placed = market.operator(
        "POST", "/orders",
        json={"account_id": market.vendor["account_id"], "listing_id": listing["id"], "buyer_account_id": "buyer-77"},
    )  # fmt: skip
    assert placed.status_code == 201, placed.text
    paid = market.operator("POST", f"/orders/{placed.json()['id']}/pay")
    assert paid.status_code == 200, paid.text
    return paid.json()


@pytest.fixture
def small_market(tmp_path):
    """A vendor with listings on sale and no orders yet."""
    m = Marketplace(tmp_path, orders=0, listings=6)
    yield m
    m.stop()


def test_support_starts_delivery_and_the_buyer_confirms(qtbot, tmp_path, small_market):
    market = small_market
    order = a_paid_manual_order(market)
    number = order["data"]["number"]
    center = sign_in(qtbot, tmp_path, market, username="support")
    try:
        center.window.show_area("orders")
        view = center.window.orders_view
        select_order(qtbot, center, number)
        assert view.deliver.isEnabled(), view.deliver.toolTip()
        dialog = view.open_delivery()
        dialog.note.setPlainText(NOTE)
        dialog.submit()
        qtbot.waitUntil(lambda: closed(dialog))

        # Applied by the marketplace: 交付中, with the note and the date silence completes it.
        qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.state == "delivering", timeout=30_000)
        qtbot.waitUntil(lambda: "Delivery note" in view.detail_values)
        assert view.detail_values["Delivery note"].text() == NOTE
        assert view.detail_values["Delivery started"].text()
        assert view.detail_values["Completes without an answer on"].text()
        assert view.state_tag.text() == "Delivering"
        assert not view.change_notice.isVisible()
        seen = next(c for c in server_changes(market) if c["id"] == order["id"])["data"]
        assert (seen["state"], seen["delivery_note"]) == ("delivering", NOTE)

        # The buyer confirms (R-ORD-5): 已完成 at the next sync.
        done = market.operator("POST", f"/orders/{order['id']}/complete")
        assert done.status_code == 200, done.text
        center.window.sync_button.click()
        qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.state == "completed", timeout=30_000)
        qtbot.waitUntil(lambda: view.state_tag.text() == "Completed")
        assert "Completes without an answer on" not in view.detail_values  # nothing left to wait for
        assert not view.deliver.isEnabled()
    finally:
        center.shutdown()
