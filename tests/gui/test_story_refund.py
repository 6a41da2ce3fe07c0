"""A refund over real HTTP, through the GUI (issue 14's "Done when"):

a buyer pays for a manual service (R-REF-3: refundable in full or in part until the service is
confirmed complete) and asks for a refund through the marketplace. The main account sees the
request arrive in Refunds, with the rule in words and the decide-by date (R-REF-4); the
connection drops; it decides a partial refund, which waits on this computer, honestly marked;
back online it is sent once and applied: the refund shows 部分退款 with the amount, the order
keeps its state with what was refunded (R-REF-5), and the market's earnings go down by exactly
the partial amount (R-WDR-1), as the Money area shows them. Finance reads the refund but has no
decision to make; operations does not see Refunds at all (SPEC §11).
"""

from __future__ import annotations

import pytest

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.domain.money import format_fen
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.changes.viewmodel import describe
from vendor_desktop.viewmodels.refunds.table import COLUMNS

from .apphelpers import Marketplace, closed, go_offline, outbox_once_written, server_changes, sign_in, tried_offline

pytestmark = pytest.mark.usefixtures("english")

MARKET = "custom_service"  # 定制服务市场: delivered by the vendor (manual service)
REASON = "服务只完成了一半"


def on_sale_listing(market: Marketplace, market_id: str) -> dict:
    return next(
        c for c in server_changes(market)
        if c["entity"] == "listing" and c["data"]["market"] == market_id and c["data"]["state"] == "on_sale"
    )  # fmt: skip


def paid_order(market: Marketplace, listing: dict, buyer: str) -> dict:
    placed = market.operator(
        "POST", "/orders",
        json={"account_id": market.vendor["account_id"], "listing_id": listing["id"], "buyer_account_id": buyer},
    )  # fmt: skip
    assert placed.status_code == 201, placed.text
    paid = market.operator("POST", f"/orders/{placed.json()['id']}/pay")
    assert paid.status_code == 200, paid.text
    return paid.json()


def ask_for_refund(market: Marketplace, order: dict) -> dict:
    """The buyer asks for everything back (no amount: the whole paid amount)."""
    asked = market.operator("POST", "/refunds", json={"order_id": order["id"], "reason": REASON})
    assert asked.status_code == 201, asked.text
    refund = asked.json()
    assert refund["data"]["state"] == "requested"  # R-REF-3: the vendor decides
    return refund


@pytest.fixture
def vendor(tmp_path):
    """A vendor with a manual-service order paid and a refund requested for it."""
    market = Marketplace(tmp_path, orders=0, listings=40, seed=14)
    order = paid_order(market, on_sale_listing(market, MARKET), "B-REFUND-1")
    yield market, order
    market.stop()


def earnings_left(money_vm) -> int:
    """What the market's earnings come to for the vendor: pending, withdrawable, less what is owed."""
    e = next((e for e in money_vm.figures.earnings if e.get("market") == MARKET), {})
    return int(e.get("pending_fen", 0)) + int(e.get("withdrawable_fen", 0)) - int(e.get("owed_fen", 0) or 0)


def test_a_partial_refund_decided_offline_is_applied_on_reconnect_and_reduces_earnings(qtbot, tmp_path, vendor):
    market, order = vendor
    paid_fen = order["data"]["amount_fen"]
    partial_fen = paid_fen * 3 // 10 // 100 * 100 or 100  # 30 %, whole yuan
    center = sign_in(qtbot, tmp_path, market)
    try:
        window = center.window
        window.show_area("money")
        money = window.money_view.vm
        qtbot.waitUntil(lambda: money.figures.synced and earnings_left(money) > 0, timeout=30_000)
        before = earnings_left(money)

        # The buyer asks; at the next sync the request is in Refunds, awaiting a decision.
        refund = ask_for_refund(market, order)
        window.show_area("refunds")
        view = window.refunds_view
        vm = view.vm
        center.window.sync_button.click()
        qtbot.waitUntil(lambda: vm.model.row_of(refund["id"]) >= 0, timeout=30_000)
        row = vm.model.row_of(refund["id"])
        cell = lambda name: vm.model.index(vm.model.row_of(refund["id"]), COLUMNS.index(name)).data()  # noqa: E731
        assert cell("state") == "Awaiting decision"
        assert cell("rule") == "Manual service, before completion: full or partial refund"
        assert cell("decide_by").endswith("3 working days left")  # R-REF-4: 3 working days after the request
        assert cell("amount") == f"{format_fen(paid_fen)} / {format_fen(paid_fen)}"
        view.table.selectRow(row)
        qtbot.waitUntil(lambda: vm.selected is not None and vm.selected.id == refund["id"])
        assert vm.buyer_reason() == REASON

        # Offline: the partial refund waits on this computer, marked on the row and in Pending changes.
        go_offline(qtbot, center, market)
        dialog = view.open_decision("partial")
        dialog.amount.setText(str(partial_fen // 100))
        dialog.reason.setText("按完成比例退款")
        dialog.submit()
        qtbot.waitUntil(lambda: closed(dialog))
        tried_offline(qtbot, center)
        [waiting] = window.changes_vm.commands
        assert describe(waiting) == f"Partial refund of {format_fen(partial_fen)} (order {order['data']['number']})"
        qtbot.waitUntil(lambda: cell("state") == "Awaiting decision · Waiting to send")
        assert not view.partial.isEnabled()  # no second decision while the first waits

        # Back online: sent once and applied. The request leaves the list of what awaits a
        # decision; its detail stays, saying what became of it.
        market.restart()
        window.sync_button.click()
        qtbot.waitUntil(lambda: vm.selected is not None and vm.selected.state == "partial", timeout=30_000)
        assert outbox_once_written(qtbot, center)[CommandState.APPLIED] == 1
        assert vm.selected.refunded_fen == partial_fen
        qtbot.waitUntil(lambda: view.detail.tags[0].text() == "Partly refunded")
        assert view.detail.decision.text().endswith(f": {format_fen(partial_fen)}\nReason: 按完成比例退款")
        view.state.setCurrentIndex(0)  # All states
        qtbot.waitUntil(lambda: vm.model.row_of(refund["id"]) >= 0)
        assert cell("refunded") == format_fen(partial_fen)
        center.set_language(i18n.CHINESE)
        qtbot.waitUntil(lambda: view.detail.tags[0].text() == "部分退款")
        assert cell("state") == "部分退款"
        center.set_language(i18n.ENGLISH)

        # R-REF-5: the order keeps its state and records what was refunded; R-WDR-1: the
        # market's earnings went down by exactly the partial amount.
        server_order = next(c for c in server_changes(market) if c["id"] == order["id"])
        assert server_order["data"]["state"] == order["data"]["state"]
        assert server_order["data"]["refunded_fen"] == partial_fen
        window.show_area("money")
        qtbot.waitUntil(lambda: earnings_left(money) == before - partial_fen, timeout=30_000)
    finally:
        center.shutdown()


def test_finance_reads_the_refund_and_operations_does_not_see_refunds(qtbot, tmp_path, vendor):
    market, order = vendor
    refund = ask_for_refund(market, order)
    for who in ("finance", "operations"):
        (tmp_path / who).mkdir()
    center = sign_in(qtbot, tmp_path / "finance", market, username="finance")
    try:
        window = center.window
        assert "refunds" in window.area_ids
        window.show_area("refunds")
        view = window.refunds_view
        qtbot.waitUntil(lambda: view.vm.model.row_of(refund["id"]) >= 0, timeout=30_000)
        assert view.count.text() == "1 refund awaiting decision"
        view.select_refund(refund["id"])
        qtbot.waitUntil(lambda: view.vm.selected is not None)
        assert not any(b.isVisible() for b in (view.approve, view.reject, view.partial))
        assert view.detail.read_only.text() == "Your role reads refunds. The main account and support decide them."
    finally:
        center.shutdown()
    center = sign_in(qtbot, tmp_path / "operations", market, username="operations")
    try:
        assert "refunds" not in center.window.area_ids
        assert center.window.refunds_view is None
    finally:
        center.shutdown()
