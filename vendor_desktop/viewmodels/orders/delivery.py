"""Starting the delivery of a manual service (开始交付), R-ORD-5.

A paid order of a manual-service market waits for the vendor: *Start delivery…* asks for the
delivery note the buyer sees (交付说明), then queues ``order.deliver`` with the order version it
was based on; the Orders view shows it as waiting until the marketplace answers. The buyer's
confirmation, or 7 days of silence, completes it (the server's, shown from the synced order).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.orders.queries import OrderRow
from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.roles import Permission
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import order_state_label, server_message
from vendor_desktop.viewmodels.core.states import Tone

# API.md ``POST /orders/{id}/deliver``: the note is 1–500 characters, several lines allowed.
MAX_NOTE = 500
KIND = "order.deliver"

# R-ORD-5: the markets whose orders the vendor delivers (人工交付), in the order of SPEC §1.
MANUAL_MARKETS: tuple[str, ...] = tuple(m for m in MARKETS if delivered_by_vendor(m))


def waits_for_vendor(order: OrderRow) -> bool:
    """R-ORD-5: paid, and of a market the vendor delivers by hand."""
    return order.state == OrderState.PAID.value and order.market in MANUAL_MARKETS


def why_cannot_deliver(order: OrderRow | None, user: SignedInUser, change: Command | None = None) -> str:
    """Why *Start delivery…* is disabled ("" when it is allowed) — for the button's tooltip."""
    if Permission.ORDERS_DELIVER.value not in user.permissions:
        return QCoreApplication.translate(
            "DeliveryViewModel", "Your role cannot start deliveries. Ask the main account, operations or support."
        )
    if order is None:
        return QCoreApplication.translate("DeliveryViewModel", "Select an order to deliver first.")
    if order.market not in MANUAL_MARKETS:
        return QCoreApplication.translate("DeliveryViewModel", "Orders of this market are delivered automatically.")
    if order.state != OrderState.PAID.value:
        return QCoreApplication.translate(
            "DeliveryViewModel", "Only orders to deliver can start delivery; this one is %1."
        ).replace("%1", order_state_label(order.state or ""))
    if change is not None and change.kind == KIND and change.state != CommandState.REJECTED:
        return QCoreApplication.translate("DeliveryViewModel", "Its delivery is already waiting to send.")
    return ""


def delivery_tag(change: Command) -> tuple[str, Tone]:
    """The order's delivery on its way, or refused, as a second tag beside its state."""
    if change.state in (CommandState.REJECTED, CommandState.HELD):
        return QCoreApplication.translate("DeliveryViewModel", "delivery not accepted"), Tone.URGENT
    return QCoreApplication.translate("DeliveryViewModel", "delivery waiting to send"), Tone.WAITING


def delivery_notice(change: Command) -> str:
    """A queued delivery in a sentence: waiting, or not accepted and why (GLOSSARY: 云市场未接受此修改：原因)."""
    if change.state == CommandState.REJECTED:
        reason = server_message(change.error_message or "", change.error_message_zh or "") or change.error_code or ""
        return QCoreApplication.translate(
            "DeliveryViewModel", "The marketplace did not accept this change (start delivery): %1"
        ).replace("%1", reason)
    if change.state == CommandState.HELD:
        return QCoreApplication.translate(
            "DeliveryViewModel",
            "Starting delivery is waiting for an earlier change of this order, which the marketplace did not accept.",
        )
    return QCoreApplication.translate(
        "DeliveryViewModel",
        "Start of delivery is waiting to send; the buyer sees the delivery note once the marketplace has it.",
    )


class DeliveryViewModel(QObject):
    """One *Start delivery…*: check the note, queue the command."""

    problems_changed = Signal(dict)  # field → message; empty when the form is fine
    queued = Signal(object)  # ChangeSet of the queued command, once it is on disk
    save_failed = Signal(str)  # it could not be written on this computer: why, in the user's language

    def __init__(
        self, queue: CommandQueue, order: OrderRow, change: Command | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self.order = order
        self._change = change

    def title_text(self) -> str:
        """Which order: its number and listing."""
        return f"{self.order.number or ''} · {self.order.listing_name or ''}"

    def check(self, note: str) -> dict[str, str]:
        """Field → message for everything wrong (nothing is queued while any)."""
        problems: dict[str, str] = {}
        blocked = why_cannot_deliver(self.order, self._queue.user, self._change)
        if blocked:
            problems["order"] = blocked
        text = note.strip()
        if not text:
            problems["note"] = QCoreApplication.translate(
                "DeliveryViewModel", "Write the delivery note: what you deliver and how the buyer receives it."
            )
        elif len(text) > MAX_NOTE:
            problems["note"] = QCoreApplication.translate(
                "DeliveryViewModel", "Keep the delivery note under 500 characters."
            )
        self.problems_changed.emit(problems)
        return problems

    def submit(self, note: str) -> bool:
        """Queue ``order.deliver`` (R-ORD-5) if the note is fine; False and messages otherwise."""
        if self.check(note):
            return False
        order, text = self.order, note.strip()
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            kind=KIND,
            entity="order",
            entity_id=order.id,
            base_version=order.version,  # sent as If-Match: the delivery starts on this version
            method="POST",
            path=f"/orders/{order.id}/deliver",
            payload={"note": text},
            summary={"number": order.number, "listing_name": order.listing_name, "note": text},
        )
        return True
