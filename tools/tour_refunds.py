"""The Refunds screens of the tour (tools/tour.py): buyers' requests made through the sandbox
controls — one a week old, so past its decide-by date and flagged in red (R-REF-4), one from
today on a manual service (R-REF-3) — the list with that one selected, *Partial refund…*
refusing an amount above what was paid, and the list when nothing matches the search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtWidgets import QWidget

MANUAL_MARKETS = ("custom_service", "ops_troubleshooting", "enterprise_butler", "security", "app_license")


def _operator(tour: Any, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    import requests

    sandbox = tour.center.sandbox
    answer = requests.post(
        f"{sandbox.base_url}/api/v1/sandbox{path}",
        json=body,
        headers={"Authorization": f"Bearer {sandbox.operator_token}"},
        timeout=10,
    )
    answer.raise_for_status()
    return answer.json() if answer.content else {}


def _manual_listing(tour: Any) -> Any:
    with tour.center.session.db.session() as session:
        from vendor_desktop.cache.core.models import Listing

        for market in MANUAL_MARKETS:
            found = session.query(Listing).filter_by(market=market, state="on_sale").first()
            if found is not None:
                return found.id
    raise LookupError("the demo data has no manual-service listing on sale")


def _ask(tour: Any, listing_id: str, buyer: str, reason: str, amount_fen: int | None = None) -> None:
    order = _operator(
        tour, "/orders", {"account_id": tour.center.session.user.account_id, "listing_id": listing_id,
                          "buyer_account_id": buyer},
    )  # fmt: skip
    _operator(tour, f"/orders/{order['id']}/pay")
    body: dict[str, Any] = {"order_id": order["id"], "reason": reason}
    if amount_fen is not None:
        body["amount_fen"] = amount_fen
    _operator(tour, "/refunds", body)


def _with_requests(tour: Any) -> Any:
    """Refunds, once: a request a week old (late) and one from today, synced into the app."""
    refunds = tour.show_area("refunds")
    if not getattr(tour, "refunds_asked", False):
        listing = _manual_listing(tour)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        _operator(tour, "/clock", {"now": (now - dt.timedelta(days=8)).isoformat()})
        _ask(tour, listing, "B-20261101", "交付超过约定时间，申请全额退款")
        _operator(tour, "/clock", {"now": now.isoformat()})
        _ask(tour, listing, "B-20261127", "只需要一半的服务内容")
        tour.refunds_asked = True
        tour.window.sync_button.click()
        tour.wait_until(lambda: refunds.vm.model.total >= 2, "the refund requests")
    refunds.clear_filters()
    refunds.state.setCurrentIndex(refunds.state.findData("requested"))
    tour.wait_until(lambda: refunds.vm.model.rowCount() >= 2, "the requests awaiting a decision")
    return refunds


def refunds_page(tour: Any) -> QWidget:
    """The requests awaiting a decision, the late one first and red, the newest selected."""
    refunds = _with_requests(tour)
    tour.select_row(refunds.table, 1, lambda: refunds.vm.selected is not None)
    return tour.window


def _partial_above_paid(tour: Any) -> QWidget:
    refunds = _with_requests(tour)
    tour.select_row(refunds.table, 1, lambda: refunds.vm.selected is not None)
    dialog = refunds.open_decision("partial")
    above = dialog.vm.refundable_fen + 10_000
    dialog.amount.setText(f"{above // 100}.{above % 100:02d}")
    dialog.submit()
    return dialog


def _nothing_matches(tour: Any) -> QWidget:
    refunds = _with_requests(tour)
    refunds.search.setText("B-NOBODY")
    tour.wait_until(lambda: refunds.vm.count == 0, "the empty list")
    return tour.window


def close_refunds_screen(tour: Any, widget: QWidget) -> None:
    if widget is not tour.window:
        widget.reject()  # type: ignore[attr-defined]
    refunds = tour.window.refunds_view
    if refunds is not None:
        refunds.clear_filters()


def refunds_screens() -> Iterator[tuple[str, Callable[[Any], QWidget], bool]]:
    """(name, open, is a dialog) of each Refunds screen."""
    yield "refunds", refunds_page, False
    yield "refunds-partial-dialog", _partial_above_paid, True
    yield "refunds-nothing-matches", _nothing_matches, False
