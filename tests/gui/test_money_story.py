"""Money over real HTTP, through the GUI (issue 13's "Done when"):

a vendor with revenue in the API and SaaS markets owes tier 3 (R-DEP-2) and has paid nothing.
Finance pays tier 2 from the balance: first refused in the dialog for a short balance, with
nothing queued (R-DEP-5); after a top-up it is applied. The API market's earnings are then
withdrawable while the SaaS market's stay on hold, saying why (R-WDR-2, R-DEP-3); paying up
to tier 3 releases them. A withdrawal requested offline is sent once on reconnect (the
Idempotency-Key: the marketplace holds exactly one), settled paid by the marketplace, and
shows as paid in the history (R-WDR-3..5).
"""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.domain.money import format_fen, parse_yuan
from vendor_desktop.viewmodels.changes.viewmodel import describe

from .apphelpers import Marketplace, closed, go_offline, outbox_once_written, server_changes, sign_in, tried_offline

pytestmark = pytest.mark.usefixtures("english")

BALANCE_FEN = 150_000  # ¥1,500.00: ¥500.00 short of tier 2


def on_sale_listing(market: Marketplace, market_id: str) -> dict:
    return next(
        c for c in server_changes(market)
        if c["entity"] == "listing" and c["data"]["market"] == market_id and c["data"]["state"] == "on_sale"
    )  # fmt: skip


def paid_order(market: Marketplace, listing: dict, buyer: str) -> dict:
    """A buyer orders the listing and pays: the order's money becomes earnings in its market."""
    placed = market.operator(
        "POST", "/orders",
        json={"account_id": market.vendor["account_id"], "listing_id": listing["id"], "buyer_account_id": buyer},
    )  # fmt: skip
    assert placed.status_code == 201, placed.text
    paid = market.operator("POST", f"/orders/{placed.json()['id']}/pay")
    assert paid.status_code == 200, paid.text
    return paid.json()


def set_clock(market: Marketplace, moment: dt.datetime) -> None:
    answer = market.operator("POST", "/clock", json={"now": moment.isoformat()})
    assert answer.status_code in (200, 204), answer.text


@pytest.fixture
def vendor(tmp_path):
    """Revenue in the API market (withdrawable when paid) and the SaaS market (withdrawable once
    its review period is over: the order was paid six days ago), no deposit, ¥1,500.00 balance."""
    market = Marketplace(tmp_path, orders=0, listings=40, seed=13, balance_fen=BALANCE_FEN, deposit_paid_fen=0)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    set_clock(market, now - dt.timedelta(days=6))  # R-REF-1: the SaaS review period is over by now
    saas = paid_order(market, on_sale_listing(market, "saas"), "B-SAAS-1")
    set_clock(market, now)
    api = paid_order(market, on_sale_listing(market, "api"), "B-API-1")
    yield market, api["data"]["amount_fen"], saas["data"]["amount_fen"]
    market.stop()


def earning(vm, market_id: str) -> dict:
    return next((e for e in vm.figures.earnings if e.get("market") == market_id), {})


def pay_tier(qtbot, view, tier: int):
    dialog = view.open_pay_deposit()
    dialog.choose_tier(tier)
    dialog.submit()
    return dialog


def test_finance_pays_the_deposit_releases_earnings_and_withdraws_offline_once(qtbot, tmp_path, vendor):
    market, api_fen, saas_fen = vendor
    center = sign_in(qtbot, tmp_path, market, username="finance")
    try:
        center.window.show_area("money")
        view = center.window.money_view
        vm = view.vm
        qtbot.waitUntil(lambda: vm.figures.synced and len(vm.figures.earnings) == 2, timeout=30_000)
        assert ("Deposit required", "¥5,000.00 (tier 3)") in vm.summary()  # R-DEP-2: SaaS is tier 3
        assert ("Deposit paid", "¥0.00") in vm.summary()
        assert view.overview.market_values[1].text() == "API market (tier 2), SaaS market (tier 3)"

        # R-DEP-5: ¥1,500.00 cannot pay tier 2 — said in the dialog, nothing queued.
        dialog = pay_tier(qtbot, view, 2)
        assert dialog.errors["amount"].text() == "Balance too low: top up ¥500.00 first."
        assert sum(outbox_once_written(qtbot, center).values()) == 0
        dialog.reject()

        # The vendor tops up; tier 2 is paid and applied.
        topped = market.operator(
            "POST", "/balance/top-up", json={"account_id": market.vendor["account_id"], "amount_fen": 600_000}
        )
        assert topped.status_code in (200, 201), topped.text
        center.window.sync_button.click()
        qtbot.waitUntil(lambda: vm.figures.balance_fen == BALANCE_FEN + 600_000, timeout=30_000)
        dialog = pay_tier(qtbot, view, 2)
        qtbot.waitUntil(lambda: closed(dialog))
        qtbot.waitUntil(lambda: ("Deposit paid", "¥2,000.00") in vm.summary(), timeout=30_000)
        assert outbox_once_written(qtbot, center)[CommandState.APPLIED] == 1
        qtbot.waitUntil(lambda: vm.payments_model.rowCount() == 1 and vm.receipt(0) is not None, timeout=30_000)

        # R-WDR-2: the API market's earnings are withdrawable; the SaaS market's wait for tier 3.
        qtbot.waitUntil(
            lambda: (
                earning(vm, "api").get("blocked_reason") is None
                and earning(vm, "saas").get("blocked_reason") == "deposit_not_covered"
            ),
            timeout=30_000,
        )
        assert earning(vm, "api")["withdrawable_fen"] == api_fen
        assert earning(vm, "saas")["withdrawable_fen"] == saas_fen
        saas_row = vm.earnings_model.row_of("saas")
        assert vm.earnings_model.index(saas_row, 4).data() == "Deposit below tier 3: pay up to tier 3 (¥3,000.00 more)"
        assert view.overview.earnings_figures.text() == (
            f"Withdrawable now {format_fen(api_fen)} · On hold {format_fen(saas_fen)}"
        )

        # Paying up to tier 3 releases them.
        dialog = pay_tier(qtbot, view, 3)
        qtbot.waitUntil(lambda: closed(dialog))
        qtbot.waitUntil(lambda: earning(vm, "saas").get("blocked_reason") is None, timeout=30_000)
        qtbot.waitUntil(lambda: vm.figures.withdrawable_fen == api_fen + saas_fen, timeout=30_000)

        # A withdrawal of everything, requested offline: it waits, pending, at the top of the history.
        go_offline(qtbot, center, market)
        dialog = view.open_withdraw()
        assert parse_yuan(dialog.amount.text()) == api_fen + saas_fen  # everything, by default
        assert dialog.arrival.text().startswith("Expected ")
        dialog.submit()
        qtbot.waitUntil(lambda: closed(dialog))
        tried_offline(qtbot, center)
        [waiting] = center.window.changes_vm.commands
        assert describe(waiting).startswith(f"Withdraw {format_fen(api_fen + saas_fen)} to ")  # Pending changes
        history = vm.withdrawals_model
        qtbot.waitUntil(lambda: history.rowCount() == 1 and history.index(0, 1).data() == "Waiting to send")

        # Back online: sent once, applied, and settled paid by the marketplace.
        market.restart()
        center.window.sync_button.click()
        qtbot.waitUntil(
            lambda: history.rowCount() == 1 and history.index(0, 1).data() in ("Requested", "Processing"),
            timeout=30_000,
        )
        withdrawals = [c for c in server_changes(market) if c["entity"] == "withdrawal"]
        assert len(withdrawals) == 1 and withdrawals[0]["data"]["amount_fen"] == api_fen + saas_fen
        settled = market.operator("POST", f"/withdrawals/{withdrawals[0]['id']}/settle", json={"paid": True})
        assert settled.status_code == 200, settled.text
        center.window.sync_button.click()
        qtbot.waitUntil(lambda: history.index(0, 1).data() == "Paid", timeout=30_000)
        assert history.index(0, 0).data() == format_fen(api_fen + saas_fen)
        assert history.index(0, 4).data() != "—"  # settled at
        assert vm.figures.withdrawable_fen == 0

        # The ledger tab (资金流水) beside the Overview shows where the money went: one movement per
        # market drawn, newest first.
        view.tabs.setCurrentWidget(view.ledger)
        ledger = view.ledger.vm.model
        qtbot.waitUntil(lambda: ledger.rowCount() >= 2 and ledger.index(1, 1).data() == "Withdrawal", timeout=30_000)
        assert {ledger.index(r, 2).data() for r in (0, 1)} == {"API market", "SaaS market"}
        assert {ledger.index(r, 3).data() for r in (0, 1)} == {f"−{format_fen(api_fen)}", f"−{format_fen(saas_fen)}"}
    finally:
        center.shutdown()
