"""The Workbench (工作台, issue 11): to-do cards with the counts the marketplace has, each opening
its list already filtered; only the cards of areas the role may read."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.outbox_results import mark_rejected
from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.dashboard.viewmodel import DashboardViewModel, versus_yesterday

from .apphelpers import Marketplace, server_changes, sign_in


@pytest.fixture
def market(tmp_path):
    """Listings 10–13 of the seed are draft, in review, rejected and delisted: 14 shows them all."""
    m = Marketplace(tmp_path, listings=14)
    yield m
    m.stop()


def states_on_server(market: Marketplace, entity: str) -> list[str]:
    return [c["data"]["state"] for c in server_changes(market) if c["entity"] == entity and not c["deleted"]]


def to_deliver_on_server(market: Marketplace) -> int:
    """R-ORD-5: paid orders of the manual services wait for the vendor; the others deliver themselves."""
    found = [c["data"] for c in server_changes(market) if c["entity"] == "order" and not c["deleted"]]
    return sum(1 for o in found if o["state"] == "paid" and delivered_by_vendor(o["market"]))


def rejected_on_server(market: Marketplace) -> int:
    """Rejected listings, and on-sale ones whose changes were rejected (the 审核未通过 filter)."""
    listings = [c["data"] for c in server_changes(market) if c["entity"] == "listing" and not c["deleted"]]
    return sum(1 for x in listings if x["state"] == "rejected" or (x.get("revision") or {}).get("state") == "rejected")


def workbench(qtbot, center):
    window = center.window
    window.show_area("dashboard")
    view = window.dashboard_view
    qtbot.waitUntil(lambda: view.cards["unpaid"].value.text() != "0")
    return window, view


def test_the_to_dos_show_what_the_marketplace_has(qtbot, tmp_path, market):
    orders, listings = states_on_server(market, "order"), states_on_server(market, "listing")
    center = sign_in(qtbot, tmp_path, market)
    try:
        _window, view = workbench(qtbot, center)
        expected = {
            "unpaid": orders.count("unpaid"),
            "to_deliver": to_deliver_on_server(market),
            "rejected_listings": rejected_on_server(market),
            "on_sale": listings.count("on_sale"),
            "refused_changes": 0,
        }
        assert expected["unpaid"] and expected["to_deliver"] and expected["rejected_listings"]  # something to count
        assert {key: int(view.cards[key].value.text()) for key in expected} == expected
        # A to-do with nothing to do reads calm; one that needs the vendor now says so.
        assert view.cards["refused_changes"].property("tone") == "closed"
        assert view.cards["refused_changes"].caption.text() == "Nothing to do"
        assert view.cards["rejected_listings"].property("tone") == "urgent"
        assert view.cards["unpaid"].caption.text() == "Waiting for the buyer to pay; you can change the price"
        assert view.cards["today"].comparison.text().startswith("Yesterday ")
        # A card is a button: a screen reader reads its title and count.
        assert view.cards["to_deliver"].accessibleName() == f"To deliver {expected['to_deliver']}"
        assert view.cards["to_deliver"].focusPolicy() & Qt.FocusPolicy.TabFocus
    finally:
        center.shutdown()


def test_the_unpaid_card_opens_only_the_unpaid_orders(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window, view = workbench(qtbot, center)
        window.view("orders").search.setText("zzz")  # whatever was searched before goes
        shown = int(view.cards["unpaid"].value.text())
        qtbot.mouseClick(view.cards["unpaid"], Qt.MouseButton.LeftButton)
        orders = window.orders_view
        assert window.shell.current == "orders" and orders.isVisible()

        def only_unpaid() -> bool:
            model = orders.vm.model
            states = [model.row_at(row).order.state for row in range(model.rowCount())]
            return orders.vm.count == shown == len(states) and set(states) == {"unpaid"}

        qtbot.waitUntil(only_unpaid)
        assert orders.state.currentText() == "Unpaid" and orders.search.text() == ""
    finally:
        center.shutdown()


def test_enter_on_the_to_deliver_card_opens_the_paid_orders(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window, view = workbench(qtbot, center)
        shown = int(view.cards["to_deliver"].value.text())
        view.cards["to_deliver"].setFocus()
        qtbot.keyClick(view.cards["to_deliver"], Qt.Key.Key_Return)
        orders = window.orders_view
        assert window.shell.current == "orders"
        qtbot.waitUntil(
            lambda: (
                orders.vm.count == shown
                and {orders.vm.model.row_at(r).order.state for r in range(orders.vm.model.rowCount())} == {"paid"}
            )
        )
    finally:
        center.shutdown()


def test_the_rejected_card_opens_only_the_rejected_listings(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window, view = workbench(qtbot, center)
        shown = int(view.cards["rejected_listings"].value.text())
        view.cards["rejected_listings"].setFocus()
        qtbot.keyClick(view.cards["rejected_listings"], Qt.Key.Key_Space)  # Space, as on any button
        listings = window.listings_view
        assert window.shell.current == "listings" and listings.isVisible()

        def only_rejected() -> bool:
            model = listings.vm.model
            lines = [model.row_at(row) for row in range(model.rowCount())]
            rejected = {"rejected"}
            return len(lines) == shown and all(
                line.listing.state in rejected or (line.listing.data.get("revision") or {}).get("state") in rejected
                for line in lines
            )

        qtbot.waitUntil(only_rejected)
        assert listings.state.currentText() == "Rejected"
    finally:
        center.shutdown()


def test_a_role_without_listings_has_no_listings_cards(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market, username=Role.SUPPORT.value)  # 客服: orders, no listings
    try:
        window, view = workbench(qtbot, center)
        assert "rejected_listings" not in view.cards and "on_sale" not in view.cards
        assert {"unpaid", "to_deliver", "refused_changes", "unread"} <= set(view.cards)
        assert all(card.isVisible() for card in view.cards.values())
        # The other to-dos open their areas too.
        for key, area in (("refused_changes", "changes"), ("unread", "messages")):
            window.show_area("dashboard")
            qtbot.mouseClick(view.cards[key], Qt.MouseButton.LeftButton)
            assert window.shell.current == area and window.view(area).isVisible()
    finally:
        center.shutdown()


def test_yesterday_is_said_in_both_languages(qapp, english):
    assert versus_yesterday(15, 12, str) == "Yesterday 12 · +3"
    assert versus_yesterday(9, 12, str) == "Yesterday 12 · −3"
    assert versus_yesterday(12, 12, str) == "Yesterday 12 · same"
    assert versus_yesterday(0, 300000, format_fen) == "Yesterday ¥3,000.00 · −¥3,000.00"
    i18n.install(i18n.CHINESE)
    assert versus_yesterday(15, 12, str) == "昨日 12 · ↑3"
    assert versus_yesterday(12, 12, str) == "昨日 12 · 持平"


def test_a_new_beijing_day_recounts_when_the_workbench_is_shown(qtbot, orders_db, runner):
    day = [dt.date(2026, 11, 1)]
    vm = DashboardViewModel(orders_db, reads=runner, today=lambda: day[0])
    assert vm.counts.today_orders > 0
    vm.set_shown(False)
    day[0] = dt.date(2027, 6, 1)  # a later day, and no order came in since
    vm.set_shown(True)
    qtbot.waitUntil(lambda: vm.counts.today_orders == 0)
    assert {c.key: c.comparison for c in vm.cards()}["today"] == "Yesterday 0 · same"


def test_the_unread_card_opens_only_the_unread_messages(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window, view = workbench(qtbot, center)
        shown = int(view.cards["unread"].value.text())
        assert shown > 0
        qtbot.mouseClick(view.cards["unread"], Qt.MouseButton.LeftButton)
        messages = window.messages_view
        assert window.shell.current == "messages" and messages.isVisible()
        model = messages.vm.model
        qtbot.waitUntil(lambda: model.rowCount() == shown and all(model.row_at(r).read is False for r in range(shown)))
        assert messages.unread_only.isChecked()
    finally:
        center.shutdown()


def test_a_refused_change_is_an_urgent_to_do_that_opens_the_refused_changes(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window, view = workbench(qtbot, center)
        now = dt.datetime.now(dt.UTC)
        with center.session.db.session(write=True) as s, s.begin():  # two changes; the marketplace refused one
            queued = [
                outbox.enqueue(s, kind="message.read", entity="message", entity_id=f"m-{n}", base_version=None,
                               method="POST", path=f"/messages/m-{n}/read", payload=None, summary={},
                               created_by="owner", now=now)
                for n in (1, 2)
            ]  # fmt: skip
            changes = mark_rejected(
                s, queued[0].id, code="NOT_FOUND", message="No such message.", message_zh="站内信不存在。",
                details={}, now=now,
            )  # fmt: skip
        window.shell.deliver(changes)
        card = view.cards["refused_changes"]
        qtbot.waitUntil(lambda: card.value.text() == "1" and card.property("tone") == "urgent")
        assert card.caption.text() == "The marketplace did not accept them: send again or discard"
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
        changes_view = window.changes_view
        assert window.shell.current == "changes" and changes_view.isVisible()
        qtbot.waitUntil(lambda: changes_view.vm.count == 1 and changes_view.vm.command_at(0).state == "rejected")
    finally:
        center.shutdown()


def test_the_orders_today_card_opens_todays_orders(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window, view = workbench(qtbot, center)
        before = int(view.cards["today"].value.text())
        listing = next(
            c for c in server_changes(market) if c["entity"] == "listing" and c["data"]["state"] == "on_sale"
        )
        placed = market.operator(
            "POST",
            "/orders",
            json={
                "account_id": market.vendor["account_id"],
                "listing_id": listing["id"],
                "buyer_account_id": "B-TODAY",
            },
        )
        assert placed.status_code == 201, placed.text
        window.sync_button.click()
        qtbot.waitUntil(lambda: view.cards["today"].value.text() == str(before + 1), timeout=30_000)
        qtbot.mouseClick(view.cards["today"], Qt.MouseButton.LeftButton)
        orders = window.orders_view
        assert window.shell.current == "orders"
        qtbot.waitUntil(lambda: orders.vm.count == before + 1)
        assert orders.use_dates.isChecked() and orders.date_from.date() == orders.date_to.date()
    finally:
        center.shutdown()
