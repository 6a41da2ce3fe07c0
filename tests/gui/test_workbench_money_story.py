"""The Workbench's money over real HTTP (issue 13): a vendor that paid tier 2 (¥2,000.00) and has
revenue in a tier-3 market sees, as finance, the ¥3,000.00 outstanding (R-DEP-2) and the earnings
of its uncovered markets on hold (R-WDR-2) — the figures the marketplace computed, pulled into the
cache and added up on the Workbench."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vendor_desktop.domain.money import format_fen

from .apphelpers import Marketplace, server_changes, sign_in

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def tier_2_vendor(tmp_path):
    """The sandbox with a vendor seeded with ¥2,000.00 of deposit paid, both agreements signed."""
    m = Marketplace(tmp_path, orders=1, listings=1)
    m.vendor = m.sandbox.seed(orders=60, listings=12, seed=8, deposit_paid_fen=200_000)
    yield m
    m.stop()


def test_finance_sees_the_deposit_outstanding_and_the_earnings_on_hold(qtbot, tmp_path, tier_2_vendor):
    changes = server_changes(tier_2_vendor)
    summary = next(c["data"] for c in changes if c["entity"] == "deposit")
    earnings = [c["data"] for c in changes if c["entity"] == "earning" and not c["deleted"]]
    # The seed as this story needs it: tier 2 paid, revenue in a tier-3 market.
    assert (summary["paid_fen"], summary["required_tier"], summary["outstanding_fen"]) == (200_000, 3, 300_000)
    held = [e for e in earnings if e["blocked_reason"] and e["withdrawable_fen"] > 0]
    free = sum(e["withdrawable_fen"] for e in earnings if not e["blocked_reason"])
    assert held and {e["blocked_reason"] for e in held} == {"deposit_not_covered"}

    center = sign_in(qtbot, tmp_path, tier_2_vendor, username="finance")
    try:
        window = center.window
        window.show_area("dashboard")
        view = window.dashboard_view
        deposit = view.cards["deposit_outstanding"]
        qtbot.waitUntil(lambda: deposit.value.text() == "¥3,000.00")
        assert deposit.caption.text() == "Required: tier 3 · paid ¥2,000.00"
        assert deposit.property("tone") == "urgent"  # finance may pay it: it needs them now
        on_hold = view.cards["on_hold"]
        assert on_hold.value.text() == format_fen(sum(e["withdrawable_fen"] for e in held))
        markets = "1 market" if len(held) == 1 else f"{len(held)} markets"
        assert on_hold.caption.text() == f"{markets} · deposit too low"
        assert view.cards["withdrawable"].value.text() == format_fen(free)

        # The card opens Money where this build has it; where it has not, it is a figure, not a
        # button that does nothing.
        if "money" in window.area_ids:
            qtbot.mouseClick(deposit, Qt.MouseButton.LeftButton)
            assert window.shell.current == "money"
        else:
            assert deposit.objectName() == "workbenchFigure"
            qtbot.mouseClick(deposit, Qt.MouseButton.LeftButton)
            assert window.shell.current == "dashboard"
    finally:
        center.shutdown()
