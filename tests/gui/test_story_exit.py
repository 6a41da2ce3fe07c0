"""Leaving the marketplace over real HTTP, through the GUI (issue 14's "Done when": an exit blocked
by an open invoice, then applied; R-EXT-1, R-DEP-7).

A vendor whose one order is completed: the main account's exit page says nothing blocks. The
buyer asks for an invoice meanwhile, which this computer has not synced: the owner applies, and
the marketplace refuses (409 EXIT_BLOCKED) — the page shows the refusal with its blocker, the
invoice, and a link to it. The owner follows the link, issues the invoice, and applies again: the
exit is applied (the date shows), every listing is delisted in Listings. The operator receives the
deposit receipt: the page shows the expected refund date; the sandbox clock passes it: the deposit
is refunded into the balance, with its ledger entry.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from vendor_desktop.cache.core.models import LedgerEntry, Listing
from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.domain.workdays import SHANGHAI
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.sync_status import Connection

from .apphelpers import Marketplace, closed, server_changes, sign_in

pytestmark = pytest.mark.usefixtures("english")

DEPOSIT_FEN = 100_000  # ¥1,000.00, tier 1 (R-DEP-1)
# Set to a folder to keep pictures of the exit page (blocked, left) in both languages.
SHOTS = os.environ.get("VENDOR_DESKTOP_STORY_SHOTS", "")


@pytest.fixture
def vendor(tmp_path):
    """Listings on sale, a paid deposit, and no orders, invoices or withdrawals yet."""
    m = Marketplace(tmp_path, orders=0, listings=6, deposit_paid_fen=DEPOSIT_FEN, balance_fen=0)
    yield m
    m.stop()


def a_completed_manual_order(market: Marketplace) -> dict:
    listing = next(
        c for c in server_changes(market)
        if c["entity"] == "listing" and c["data"]["state"] == "on_sale" and delivered_by_vendor(c["data"]["market"])
    )  # fmt: skip
    placed = market.operator(
        "POST", "/orders",
        json={"account_id": market.vendor["account_id"], "listing_id": listing["id"], "buyer_account_id": "buyer-9"},
    )  # fmt: skip
    assert placed.status_code == 201, placed.text
    order_id = placed.json()["id"]
    for step in ("pay", "complete"):
        moved = market.operator("POST", f"/orders/{order_id}/{step}")
        assert moved.status_code == 200, moved.text
    return moved.json()


def set_clock(market: Marketplace, moment: dt.datetime) -> None:
    answer = market.operator("POST", "/clock", json={"now": moment.isoformat()})
    assert answer.status_code == 200, answer.text


def shoot(qtbot, center, name: str) -> None:
    """A picture of the Account page scrolled to the exit section, in Chinese and English."""
    if not SHOTS:
        return
    view = center.window.account_view
    for code, language in (("zh", i18n.CHINESE), ("en", i18n.ENGLISH)):
        center.set_language(language)
        QApplication.processEvents()  # the language change, then the rows it replaced gone
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        view.scroll.widget().adjustSize()  # the page's new height in this language
        QApplication.processEvents()
        view.scroll.ensureWidgetVisible(view.exit_section)
        view.grab().save(str(Path(SHOTS) / f"{name}-{code}.png"))


def apply_to_leave(qtbot, center, company: str) -> None:
    panel = center.window.account_view.exit
    dialog = panel.open_application()
    assert dialog is not None, panel.apply.toolTip()
    dialog.typed.setText(company)
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))


def test_an_exit_blocked_by_an_open_invoice_then_applied(qtbot, tmp_path, vendor):
    market = vendor
    order = a_completed_manual_order(market)
    company = market.vendor["company_name"]
    center = sign_in(qtbot, tmp_path, market)
    try:
        window = center.window
        window.show_area("account")
        page = window.account_view
        exit_vm = page.vm.exit
        qtbot.waitUntil(lambda: exit_vm.stage == "ready")
        assert page.exit_section.tag.text() == "Nothing blocks"

        # The buyer asks for an invoice; this computer does not know yet.
        asked = market.operator("POST", "/invoices", json={"order_id": order["id"]})
        assert asked.status_code == 201, asked.text
        invoice = asked.json()
        apply_to_leave(qtbot, center, company)

        # R-EXT-1: the marketplace refuses and says what blocks; the pull brings the invoice too.
        qtbot.waitUntil(lambda: exit_vm.stage == "refused", timeout=30_000)
        assert window.changes_vm.rejected_count == 1
        assert window.changes_vm.commands[0].error_code == "EXIT_BLOCKED"
        assert page.exit_section.tag.text() == "Not accepted"
        qtbot.waitUntil(lambda: "invoices" in page.exit.links)
        assert page.exit_section.grid.itemAtPosition(0, 0).widget().text() == "1 invoice not issued yet"
        assert not page.apply_exit.isEnabled()  # the cache knows the invoice now
        shoot(qtbot, center, "account-exit-blocked")

        # The link opens Invoices, pending; the owner issues it there.
        page.exit.links["invoices"].click()
        assert window.shell.current == "invoices"
        invoices = window.invoices_view
        qtbot.waitUntil(lambda: invoices.vm.count == 1, timeout=10_000)
        invoices.table.selectRow(0)
        qtbot.waitUntil(lambda: invoices.vm.selected is not None and invoices.vm.selected.id == invoice["id"])
        issue = invoices.open_issue()
        issue.invoice_number.setText("04400001")
        issue.submit()
        qtbot.waitUntil(lambda: closed(issue))
        qtbot.waitUntil(lambda: invoices.vm.selected.state == "issued", timeout=30_000)

        # Nothing blocks now: apply again, and the marketplace applies it.
        window.show_area("account")
        qtbot.waitUntil(lambda: page.apply_exit.isEnabled(), timeout=10_000)
        assert page.apply_exit.text() == "Apply again…"
        apply_to_leave(qtbot, center, company)
        qtbot.waitUntil(lambda: exit_vm.stage == "exited", timeout=30_000)
        assert page.exit_section.tag.text() == "Left the marketplace"
        rows = dict(exit_vm.after_rows())
        assert rows["Left on"] != "—"
        assert rows["Deposit refund"].startswith("Waiting for the receipt")
        assert not page.apply_exit.isVisible()
        assert window.changes_vm.rejected_count == 0

        # Every listing is delisted (synced from the marketplace).
        window.sync_button.click()
        db = center.session.db

        def listing_states() -> set[str | None]:
            with db.session() as s:
                return set(s.scalars(select(Listing.state)))

        qtbot.waitUntil(lambda: listing_states() == {"delisted"}, timeout=30_000)
        window.show_area("listings")
        listings = window.listings_view
        listings.show_preset("on_sale")
        qtbot.waitUntil(lambda: listings.vm.model.total == 0)

        # R-DEP-7: the receipt is returned; about 45 days later the deposit is refunded.
        returned = market.operator(
            "POST", "/deposit/receipt-returned", json={"account_id": market.vendor["account_id"]}
        )
        assert returned.status_code == 200, returned.text
        refund_on = dt.date.fromisoformat(returned.json()["data"]["deposit_refund_on"])
        window.show_area("account")
        window.sync_button.click()
        qtbot.waitUntil(lambda: exit_vm.deposit_text().startswith("Expected on"), timeout=30_000)
        assert refund_on.isoformat() in exit_vm.deposit_text()
        shoot(qtbot, center, "account-exit-left")

        # The sandbox clock passes the date. Two hops: the session's refresh token lasts 30 days
        # (sandbox clock), and a sync in between renews it, as a vendor opening the app would.
        synced_once = center.sync.last_synced
        set_clock(market, dt.datetime.now(dt.UTC) + dt.timedelta(days=25))
        window.sync_button.click()
        qtbot.waitUntil(
            lambda: center.sync.last_synced != synced_once and center.sync.state == Connection.ONLINE, timeout=30_000
        )
        assert exit_vm.deposit_text().startswith("Expected on")  # not yet
        set_clock(market, dt.datetime.combine(refund_on + dt.timedelta(days=1), dt.time(9), tzinfo=SHANGHAI))
        window.sync_button.click()
        qtbot.waitUntil(lambda: exit_vm.deposit_text().startswith("Refunded"), timeout=30_000)
        assert f"on {refund_on.isoformat()} 00:00" in exit_vm.deposit_text()  # paid back that day

        def refunded() -> list[int]:
            with db.session() as s:
                return list(s.scalars(select(LedgerEntry.amount_fen).where(LedgerEntry.kind == "deposit_refund")))

        qtbot.waitUntil(lambda: refunded() == [DEPOSIT_FEN], timeout=10_000)
    finally:
        center.shutdown()
