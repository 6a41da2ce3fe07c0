"""What the Orders view's detail pane shows of one order: each field, and the state as a tag with
what it means for the vendor (待交付: the buyer has paid, deliver now)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.viewmodels.core.states import Tone


@dataclass(frozen=True)
class DetailField:
    """One label/value pair; a state also has its tone (drawn as a tag) and its meaning."""

    label: str
    value: str
    tone: Tone | None = None
    hint: str = ""


def state_hint(state: str | None, market: str | None = None) -> str:
    """What the order's state asks of the vendor, in a short sentence ("" when nothing to say).

    R-ORD-5: a paid order of a manual-service market waits for the vendor to deliver; SaaS, API
    and image orders are delivered automatically."""
    if state == "paid":
        automatic = market in MARKETS and MARKETS[market].delivery is not Delivery.MANUAL
        if automatic:
            return QCoreApplication.translate("OrdersViewModel", "The buyer has paid; it is delivered automatically.")
        return QCoreApplication.translate("OrdersViewModel", "The buyer has paid; waiting for you to deliver.")
    hints = {
        "unpaid": QCoreApplication.translate(
            "OrdersViewModel", "Waiting for the buyer to pay; you can change the price until then."
        ),
        "delivering": QCoreApplication.translate(
            "OrdersViewModel", "Being delivered; it completes when the buyer confirms, or after 7 days without an answer."
        ),
        "cancelled": QCoreApplication.translate("OrdersViewModel", "The buyer cancelled, or did not pay in time."),
        "refunding": QCoreApplication.translate("OrdersViewModel", "The buyer asked for a refund; it awaits a decision."),
        "refunded": QCoreApplication.translate("OrdersViewModel", "The money went back to the buyer."),
    }
    return hints.get(state or "", "")
