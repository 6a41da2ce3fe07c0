"""The Account area over real HTTP (SPEC §9, §11): the main account changes its customer-service
phone and its bank account while the revenue supplementary agreement is unsigned, both applied
by the marketplace; once the agreement is signed a bank-account edit on its way is refused
(BANK_ACCOUNT_LOCKED) and stays with the marketplace's reason, and the page offers a ticket
instead of *Edit…* (R-ACC-2). Finance reads the number masked and cannot edit; support does not
see the bank account at all."""

from __future__ import annotations

import pytest

from vendor_desktop.cache.core.outbox import CommandState

from .apphelpers import Marketplace, closed, server_changes, sign_in

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def market(tmp_path):
    """A vendor that has signed the access agreement only: its bank account is still editable."""
    m = Marketplace(tmp_path, orders=10, listings=4)
    m.vendor = m.sandbox.seed(orders=10, listings=4, seed=31, agreements=["access"])
    yield m
    m.stop()


def on_server(market: Marketplace, entity: str) -> dict:
    return next(c["data"] for c in server_changes(market) if c["entity"] == entity)


def account_page(qtbot, center):
    center.window.show_area("account")
    view = center.window.account_view
    qtbot.waitUntil(lambda: view.vm.synced, timeout=10_000)
    return view


def shown(section) -> dict[str, str]:
    grid = section.grid
    rows = {}
    for row in range(grid.rowCount()):
        name, value = grid.itemAtPosition(row, 0), grid.itemAtPosition(row, 1)
        if name is not None and value is not None and hasattr(value.widget(), "text"):
            rows[name.widget().text()] = value.widget().text()
    return rows


def sync(qtbot, center) -> None:
    with qtbot.waitSignal(center.sync.last_synced_changed, timeout=20_000):
        center.window.sync_button.click()


def test_the_main_account_edits_until_the_revenue_agreement_locks_the_bank_account(qtbot, tmp_path, market):
    account_id = market.vendor["account_id"]
    center = sign_in(qtbot, tmp_path, market)
    try:
        view = account_page(qtbot, center)
        assert view.account_id.text() == account_id  # R-ACC-3

        # R-ACC-1: the customer-service phone, applied by the marketplace and shown after sync.
        dialog = view.open_profile_edit()
        dialog.boxes["cs_phone"].setText("400 820 8899")
        dialog.submit()
        qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
        qtbot.waitUntil(lambda: shown(view.profile).get("Customer-service phone") == "4008208899", timeout=20_000)
        assert on_server(market, "vendor_profile")["cs_phone"] == "4008208899"
        qtbot.waitUntil(lambda: not view.profile.notice.isVisible(), timeout=10_000)

        # R-ACC-2: unsigned revenue agreement, so the bank account is the main account's to edit.
        assert view.edit_bank.isVisible() and not view.request_change.isVisible()
        dialog = view.open_bank_edit()
        dialog.boxes["branch"].setText("杭州西湖支行")
        dialog.boxes["account_number"].setText("6214 8301 0000 1234")
        dialog.submit()
        qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
        qtbot.waitUntil(lambda: shown(view.bank).get("Branch") == "杭州西湖支行", timeout=20_000)
        assert shown(view.bank)["Account number"] == "6214 8301 0000 1234"  # the owner reads it whole
        assert on_server(market, "bank_account")["account_number"] == "6214830100001234"

        # The marketplace records the revenue agreement; the app has not heard yet and queues an edit.
        signed = market.operator("POST", "/agreements/revenue/sign", json={"account_id": account_id})
        assert signed.status_code == 200, signed.text
        assert view.edit_bank.isVisible()
        dialog = view.open_bank_edit()
        dialog.boxes["branch"].setText("杭州滨江支行")
        dialog.submit()
        qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)

        # Refused with the marketplace's reason, kept on the page (and in Pending changes).
        qtbot.waitUntil(lambda: view.bank.notice.isVisible() and view.vm.loaded.bank_change is not None
                        and view.vm.loaded.bank_change.state == CommandState.REJECTED, timeout=20_000)  # fmt: skip
        assert view.vm.loaded.bank_change.error_code == "BANK_ACCOUNT_LOCKED"
        assert view.bank.notice.text().startswith("The marketplace did not accept this change:")
        assert view.bank.tag.text() == "Not accepted" and view.bank.discard.isVisible()
        assert on_server(market, "bank_account")["branch"] == "杭州西湖支行"  # nothing changed there

        # After sync: locked, with why, and a ticket instead of Edit….
        sync(qtbot, center)
        qtbot.waitUntil(lambda: view.request_change.isVisible(), timeout=10_000)
        assert not view.edit_bank.isVisible()
        assert view.lock_reason.text() == (
            "The revenue supplementary agreement is signed: the bank account can be changed only through a ticket."
        )
        assert view.bank.notice.isVisible()  # still there, until the main account acts on it
        assert center.window.changes_vm.rejected_count == 1
        draft = view.open_ticket_draft()
        assert "杭州滨江支行" in draft.description.toPlainText()  # what the refused edit asked for
        draft.reject()
    finally:
        center.shutdown()


def test_finance_reads_the_number_masked_and_support_no_bank_account(qtbot, tmp_path, market):
    number = on_server(market, "bank_account")["account_number"]
    center = sign_in(qtbot, tmp_path, market, username="finance")
    try:
        view = account_page(qtbot, center)
        qtbot.waitUntil(lambda: "Account number" in shown(view.bank), timeout=10_000)
        assert shown(view.bank)["Account number"] == f"**** {number[-4:]}"
        assert not view.edit_bank.isVisible() and not view.request_change.isVisible()
        assert not view.edit_profile.isEnabled()
        assert view.profile_why.text() == "Only the main account can change the account information."
    finally:
        center.shutdown()
    center = sign_in(qtbot, tmp_path / "support", market, username="support")
    try:
        view = account_page(qtbot, center)
        assert view.no_bank.isVisible()
        assert view.no_bank.text() == "Only the main account and finance see the bank account."
        assert shown(view.bank) == {} and view.vm.loaded.bank is None  # never synced to support
        assert shown(view.profile)["Company name"]  # every role reads the profile
    finally:
        center.shutdown()
