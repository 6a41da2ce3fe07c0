"""What the Orders view's detail pane shows of one order: each field, and the state as a tag with
what it means for the vendor (待交付: the buyer has paid, deliver now)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.orders.queries import OrderRow
from vendor_desktop.cache.orders.refund import OrderRefund
from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import local_time, refund_state_label
from vendor_desktop.viewmodels.core.states import Tone


@dataclass(frozen=True)
class DetailField:
    """One label/value pair; a state also has its tone (drawn as a tag) and its meaning."""

    label: str
    value: str
    tone: Tone | None = None
    hint: str = ""
    wide: bool = False  # a text of its own line, wrapped (the delivery note, the refund), not a grid cell


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
            "OrdersViewModel",
            "Being delivered; it completes when the buyer confirms, or after 7 days without an answer.",
        ),
        "cancelled": QCoreApplication.translate("OrdersViewModel", "The buyer cancelled, or did not pay in time."),
        "refunding": QCoreApplication.translate(
            "OrdersViewModel", "The buyer asked for a refund; it awaits a decision."
        ),
        "refunded": QCoreApplication.translate("OrdersViewModel", "The money went back to the buyer."),
    }
    return hints.get(state or "", "")


def delivery_fields(order: OrderRow) -> list[DetailField]:
    """R-ORD-5: when the delivery started, when silence completes it, when it completed, and the
    note the buyer sees — only what the order has."""
    data = order.data
    fields = []
    for key, label in (
        ("delivering_at", QCoreApplication.translate("OrdersViewModel", "Delivery started")),
        # While delivering: the buyer has until then to answer, then the marketplace completes it.
        ("completes_by", QCoreApplication.translate("OrdersViewModel", "Completes without an answer on")),
        ("completed_at", QCoreApplication.translate("OrdersViewModel", "Completed")),
    ):
        if key == "completes_by" and order.state != "delivering":
            continue
        if (moment := parse_timestamp(data.get(key))) is not None:
            fields.append(DetailField(label, local_time(moment)))
    refunded = data.get("refunded_fen")
    if isinstance(refunded, int) and not isinstance(refunded, bool) and refunded > 0:
        # R-REF-5: a partial refund leaves the state; the amount says what went back.
        fields.append(DetailField(QCoreApplication.translate("OrdersViewModel", "Refunded"), format_fen(refunded)))
    note = data.get("delivery_note")
    if isinstance(note, str) and note.strip():
        fields.append(
            DetailField(QCoreApplication.translate("OrdersViewModel", "Delivery note"), note.strip(), wide=True)
        )
    return fields


def refund_field(refund: OrderRefund) -> DetailField:
    """The order's refund request in one line (SPEC §5), for the roles that read refunds."""
    parts = [refund_state_label(refund.state)]
    if refund.state in ("approved", "partial"):
        parts.append(
            QCoreApplication.translate("OrdersViewModel", "%1 refunded of %2 asked")
            .replace("%1", format_fen(refund.refunded_fen))
            .replace("%2", format_fen(refund.amount_fen))
        )
    else:
        parts.append(
            QCoreApplication.translate("OrdersViewModel", "%1 asked").replace("%1", format_fen(refund.amount_fen))
        )
    if refund.requested_at is not None:
        parts.append(
            QCoreApplication.translate("OrdersViewModel", "requested %1").replace("%1", local_time(refund.requested_at))
        )
    if refund.state == "requested" and refund.decide_by is not None:
        parts.append(
            QCoreApplication.translate("OrdersViewModel", "decide by %1").replace("%1", refund.decide_by.isoformat())
        )
    if refund.decision_reason:
        parts.append(refund.decision_reason)
    return DetailField(QCoreApplication.translate("OrdersViewModel", "Refund"), " · ".join(parts), wide=True)
