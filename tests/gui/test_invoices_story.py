"""Invoices over real HTTP, through the GUI (issue 12's "Done when"):

a buyer asks for an invoice of a ¥88.00 order; support issues it offline; the connection
returns and the marketplace applies it; the shipment is recorded — cash on delivery refused in
the dialog before anything is sent (R-INV-5), postage paid accepted; the buyer side sees it
shipped with the carrier and the tracking number (R-INV-4). And the race the buyer wins: a
revoke while support's issue waits offline shows as not accepted, with the marketplace's
reason, and the invoice as revoked (R-INV-2).
"""

from __future__ import annotations

import uuid

import pytest

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.viewmodels.core.states import TAGS_ROLE

from .apphelpers import (
    Marketplace,
    an_unpaid_order,
    closed,
    go_offline,
    outbox_once_written,
    server_changes,
    sign_in,
    tried_offline,
)

pytestmark = pytest.mark.usefixtures("english")


def a_requested_invoice(market: Marketplace, amount_fen: int) -> dict:
    """A buyer pays an order of ``amount_fen`` and asks for its invoice: the invoice envelope."""
    order = an_unpaid_order(market)
    with market.as_user() as api:  # the owner agrees the price with the buyer first (R-ORD-3)
        changed = api.post(
            f"/orders/{order['id']}/price-change",
            json={"new_price_fen": amount_fen, "reason": "agreed with the buyer"},
            headers={"Idempotency-Key": str(uuid.uuid4()), "If-Match": str(order["version"])},
        )
        assert changed.status_code == 200, changed.text
    paid = market.operator("POST", f"/orders/{order['id']}/pay")
    assert paid.status_code == 200, paid.text
    requested = market.operator("POST", "/invoices", json={"order_id": order["id"]})
    assert requested.status_code == 201, requested.text
    return requested.json()


def open_invoice(qtbot, center, number: str):
    center.window.show_area("invoices")
    view = center.window.invoices_view
    view.clear_filters()
    view.search.setText(number)
    qtbot.waitUntil(lambda: view.vm.count == 1, timeout=10_000)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.order_number == number)
    return view


def issue_offline(qtbot, center, market, view, number: str) -> None:
    go_offline(qtbot, center, market)
    dialog = view.open_issue()
    dialog.invoice_number.setText(number)
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    tried_offline(qtbot, center)
    qtbot.waitUntil(lambda: "change waiting to send" in view.vm.model.index(0, 4).data())
    assert view.vm.selected.state == "pending"  # nothing is applied before the marketplace says so


def test_support_issues_offline_then_posts_it_and_the_buyer_sees_it_shipped(qtbot, tmp_path, market):
    invoice = a_requested_invoice(market, 8_800)  # ¥88.00
    number = invoice["data"]["order_number"]
    center = sign_in(qtbot, tmp_path, market, username="support")
    try:
        view = open_invoice(qtbot, center, number)
        assert view.field_values["Amount"].text() == "¥88.00"
        assert view.issue.isEnabled() and not view.ship.isEnabled()

        issue_offline(qtbot, center, market, view, "04400088")
        assert center.window.pending_button.text() == "1 change waiting to send"
        assert not view.issue.isEnabled()  # one change of an invoice at a time, said in the tooltip
        assert view.issue.toolTip()

        # The connection returns: the issue is sent and applied; the detail shows the server's invoice.
        market.restart()
        center.window.sync_button.click()
        qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.state == "issued", timeout=30_000)
        qtbot.waitUntil(lambda: view.field_values["Invoice number"].text() == "04400088")
        assert [t.text() for t in view.tags if t.isVisible()] == ["Issued"]
        qtbot.waitUntil(lambda: not view.change_notice.isVisible())
        assert view.ship.isEnabled()

        # R-INV-5: cash on delivery is refused in the dialog, before anything is sent.
        dialog = view.open_shipment()
        assert not dialog.cod.isEnabled()
        assert dialog.cod_rule.text() == (
            "Cash on delivery is not possible: this invoice is ¥88.00, and from ¥50.00 you pay the postage."
        )
        dialog.choose_carrier("顺丰")
        dialog.tracking_number.setText("SF1234567890123")
        dialog.cod.setEnabled(True)  # forced: the viewmodel still refuses it
        dialog.cod.setChecked(True)
        dialog.submit()
        assert dialog.errors["postage"].isVisible()
        # Nothing was queued: the outbox holds only the issue, applied.
        counts = outbox_once_written(qtbot, center)
        assert counts[CommandState.APPLIED] == 1 and sum(counts.values()) == 1
        dialog.vendor_paid.setChecked(True)
        dialog.submit()
        qtbot.waitUntil(lambda: closed(dialog))
        qtbot.waitUntil(lambda: view.vm.selected.state == "shipped", timeout=30_000)
        qtbot.waitUntil(lambda: view.field_values["Tracking number"].text() == "SF1234567890123")
        assert view.field_values["Postage"].text() == "Postage paid"
        assert view.vm.model.index(0, 7).data() == "SF Express SF1234567890123"

        # The buyer's side (R-INV-4).
        seen = market.operator("GET", f"/invoices/{invoice['id']}").json()
        assert (seen["state"], seen["carrier"], seen["tracking_number"]) == ("shipped", "顺丰", "SF1234567890123")
        assert seen["invoice_number"] == "04400088"

        # Support reads orders too: the invoice's order opens in Orders, selected.
        view.open_order.click()
        orders = center.window.orders_vm
        qtbot.waitUntil(lambda: orders.selected is not None and orders.selected.number == number)
        assert center.window.shell.current == "orders"
    finally:
        center.shutdown()


def test_the_buyer_revokes_while_the_issue_waits_offline(qtbot, tmp_path, market):
    invoice = a_requested_invoice(market, 12_000)
    number = invoice["data"]["order_number"]
    center = sign_in(qtbot, tmp_path, market, username="support")
    try:
        view = open_invoice(qtbot, center, number)
        issue_offline(qtbot, center, market, view, "04400120")

        market.restart()
        revoked = market.operator("POST", f"/invoices/{invoice['id']}/revoke")  # the buyer is faster
        assert revoked.status_code == 200, revoked.text

        center.window.sync_button.click()
        changes = center.window.changes_vm
        qtbot.waitUntil(lambda: changes.rejected_count == 1, timeout=30_000)
        refused = changes.commands[0]
        assert refused.error_code == "INVOICE_STATE" and refused.error_message
        # Pending changes: the change in words, and the marketplace's own reason.
        center.window.show_area("changes")
        qtbot.waitUntil(lambda: changes.model.rowCount() == 1)
        assert changes.model.index(0, 0).data() == f"Issue the invoice for order {number} (invoice number 04400120)"
        assert changes.model.index(0, 4).data() == (
            f"The marketplace did not accept this change: {refused.error_message}"
        )
        # The invoice: revoked, with the refusal first thing in its detail.
        center.window.show_area("invoices")
        qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.state == "revoked", timeout=30_000)
        qtbot.waitUntil(lambda: view.change_notice.isVisible())
        assert view.change_notice.text() == (
            f"The marketplace did not accept this change (issue invoice number 04400120): {refused.error_message}"
        )
        assert view.dismiss_change.isVisible()
        tags = view.vm.model.index(0, 4).data(TAGS_ROLE)
        assert [t[0] for t in tags] == ["Revoked by buyer", "change not accepted"]
        assert center.window.pending_button.text() == "1 change not accepted"

        view.dismiss_change.click()
        qtbot.waitUntil(lambda: changes.open_count == 0)
        qtbot.waitUntil(lambda: not view.change_notice.isVisible())
        assert [t[0] for t in view.vm.model.index(0, 4).data(TAGS_ROLE)] == ["Revoked by buyer"]
        data = next(c for c in server_changes(market) if c["id"] == invoice["id"])["data"]
        assert (data["state"], data["invoice_number"]) == ("revoked", None)
    finally:
        center.shutdown()
