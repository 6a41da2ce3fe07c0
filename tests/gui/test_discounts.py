"""Buyer-specific discounts (R-DSC-1, R-DSC-2) through the GUI over real HTTP."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt

from .apphelpers import closed, listed, outbox_once_written, sign_in

pytestmark = pytest.mark.usefixtures("english")

SH = dt.timezone(dt.timedelta(hours=8))


def qdt(moment: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def fill(dialog, *, buyer="B-DSC-0001", percent=80, start=None, days=10, listing_index=0):
    start = start or dt.datetime.now(SH) + dt.timedelta(days=400)  # far ahead: clear of seeded discounts
    dialog.listing.setCurrentIndex(listing_index)
    dialog.buyer.setText(buyer)
    dialog.percent.setValue(percent)
    dialog.valid_from.setDateTime(qdt(start))
    dialog.valid_until.setDateTime(qdt(start + dt.timedelta(days=days)))


def rows(view) -> list[list[str]]:
    model = view.vm.model
    return [[model.index(r, c).data() for c in range(6)] for r in range(model.rowCount())]


def test_grant_shows_pending_then_the_marketplace_confirms_it(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("discounts")
    view = center.window.discounts_view
    listed(qtbot, view.vm.model)
    before = view.vm.model.total
    dialog = view.open_grant()
    fill(dialog, percent=85)
    assert dialog.percent_hint.text() == "15% off (buyer pays 85%)"
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    # The outcome: the marketplace's discount, not the queued grant (also one row, "Waiting to send").
    qtbot.waitUntil(lambda: any("B-DSC-0001" in r[1] and r[5] == "Scheduled" for r in rows(view)), timeout=30_000)
    mine = [r for r in rows(view) if "B-DSC-0001" in r[1]]
    assert len(mine) == 1 and mine[0][2] == "15% off (buyer pays 85%)"
    assert view.vm.model.total == before + 1
    center.shutdown()


def test_overlapping_discount_is_refused_with_a_clear_message(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("discounts")  # a hidden area reads what a pull brought when shown
    view = center.window.discounts_view
    start = dt.datetime.now(SH) + dt.timedelta(days=500)
    # A colleague grants one on the marketplace console; this computer does not know it yet.
    listing_id, _name = view.vm.listings()[0]
    with market.as_user("operations") as api:
        made = api.post(
            "/discounts",
            json={
                "listing_id": listing_id,
                "buyer_account_id": "B-OVERLAP",
                "percent": 90,
                "valid_from": start.isoformat(),
                "valid_until": (start + dt.timedelta(days=10)).isoformat(),
            },
            headers={"Idempotency-Key": "colleague-1"},
        )
    assert made.status_code == 201, made.text
    market.stop()  # so the app cannot learn about it before queueing
    dialog = view.open_grant()
    fill(dialog, buyer="B-OVERLAP", start=start + dt.timedelta(days=5))
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    market.restart()
    center.window.sync_button.click()
    qtbot.waitUntil(lambda: center.window.changes_vm.rejected_count == 1, timeout=30_000)
    qtbot.waitUntil(lambda: any(r[1] == "B-OVERLAP" and r[5] == "Not accepted" for r in rows(view)))  # the list too
    refused = next(r for r, cells in enumerate(rows(view)) if cells[1] == "B-OVERLAP" and cells[5] == "Not accepted")
    reason = view.vm.model.index(refused, 5).data(Qt.ItemDataRole.ToolTipRole)  # the marketplace's reason, in words
    assert "The marketplace did not accept this change: " in reason
    assert "overlap" in reason.lower() or "already" in reason.lower()

    # Now this computer knows the colleague's discount: a second try is stopped before sending.
    dialog = view.open_grant()
    fill(dialog, buyer="B-OVERLAP", start=start + dt.timedelta(days=2))
    dialog.submit()
    assert "already has a discount on this listing" in dialog.errors["valid_from"].text()
    dialog.reject()
    center.shutdown()


@pytest.mark.parametrize(
    ("percent", "days", "field", "message"),
    [
        (0, 10, "percent", "1% to 99%"),
        (100, 10, "percent", "1% to 99%"),
        (80, -1, "valid_until", "after the start"),
        (80, 0, "valid_until", "after the start"),
    ],
)
def test_bad_discounts_get_field_messages_and_nothing_is_queued(qtbot, tmp_path, market, percent, days, field, message):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("discounts")  # a hidden area reads what a pull brought when shown
    view = center.window.discounts_view
    dialog = view.open_grant()
    fill(dialog, percent=percent, days=days)
    dialog.submit()
    assert dialog.isVisible()
    assert message in dialog.errors[field].text()
    dialog.reject()
    assert sum(outbox_once_written(qtbot, center).values()) == 0  # not even sent and applied
    center.shutdown()


def test_revoke_through_the_outbox(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("discounts")  # a hidden area reads what a pull brought when shown
    view = center.window.discounts_view
    center.window.show_area("discounts")
    qtbot.waitUntil(lambda: any(cells[5] == "Active" for cells in rows(view)))
    active = next(r for r, cells in enumerate(rows(view)) if cells[5] == "Active")
    view.table.selectRow(active)
    assert view.revoke.isEnabled()
    view.revoke.click()
    # Revoked, not "Active · Revocation waiting to send"
    qtbot.waitUntil(lambda: rows(view)[active][5] == "Revoked", timeout=30_000)
    view.table.selectRow(active)
    assert not view.revoke.isEnabled() and view.revoke.toolTip() == "This discount is already revoked."
    center.shutdown()


def test_roles_without_discounts_do_not_see_the_area(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market, username="support")
    assert center.window.discounts_view is None
    assert "discounts" not in center.window.area_ids
    center.shutdown()
