"""Every table model passes Qt's own model checks (qtmodeltester), over a real synced cache."""

from __future__ import annotations

import pytest

from .apphelpers import Marketplace, listed, sign_in

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def center(qtbot, tmp_path):
    market = Marketplace(tmp_path, orders=40)
    c = sign_in(qtbot, tmp_path, market)
    yield c
    c.shutdown()
    market.stop()


@pytest.mark.parametrize("area", ["orders", "messages", "discounts", "listings", "changes"])
def test_model_passes_qt_model_checks(qtmodeltester, qtbot, center, area):
    vms = {
        "orders": center.window.orders_vm,
        "messages": center.window.messages_vm,
        "discounts": center.window.discounts_view.vm,
        "listings": center.window.listings_view.vm,
        "changes": center.window.changes_vm,
    }
    model = vms[area].model
    center.window.show_area(area)  # a hidden area reads what a pull brought when shown
    if area != "changes":
        listed(qtbot, model)  # checked with rows, not just empty
    qtmodeltester.check(model)
