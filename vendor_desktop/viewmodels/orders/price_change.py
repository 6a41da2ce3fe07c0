"""Changing the price of an unpaid order (订单改价), R-ORD-3.

The dialog validates with the domain rule, then the change goes to the durable outbox with the
order version it was based on; the Orders view shows it as pending until the server answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.orders.queries import OrderRow, order_by_number
from vendor_desktop.domain.money import MAX_AMOUNT_FEN, MoneyError, format_fen, parse_yuan
from vendor_desktop.domain.orders import can_change_price, price_problem
from vendor_desktop.domain.roles import Permission
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import order_state_label

MAX_REASON = 200


def _t(text: str) -> str:
    return QCoreApplication.translate("PriceChangeViewModel", text)


@dataclass(frozen=True)
class PriceChangeForm:
    """What the user typed: the new price in yuan (two decimals at most) and why."""

    new_price: str
    reason: str


def why_price_cannot_change(order: OrderRow | None, user: SignedInUser) -> str:
    """Why the action is disabled ("" when it is allowed) — for the button's tooltip."""
    if Permission.ORDERS_CHANGE_PRICE.value not in user.permissions:
        return QCoreApplication.translate(
            "PriceChangeViewModel", "Your role cannot change prices. Ask the main account or an operations colleague."
        )
    if order is None:
        return QCoreApplication.translate("PriceChangeViewModel", "Select an unpaid order first.")
    if not can_change_price(order.state or ""):
        return QCoreApplication.translate(
            "PriceChangeViewModel", "Only unpaid orders can change price; this one is %1."
        ).replace("%1", order_state_label(order.state or ""))
    return ""


class PriceChangeViewModel(QObject):
    """One price change: find the order, check the form, queue the command."""

    problems_changed = Signal(dict)  # field → message; empty when the form is fine
    queued = Signal(object)  # ChangeSet of the queued command, once it is on disk
    save_failed = Signal(str)  # it could not be written on this computer: why, in the user's language

    def __init__(self, queue: CommandQueue, order: OrderRow | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._db = queue.db
        self._user = queue.user
        self.order = order

    def set_order(self, order: OrderRow | None) -> None:
        self.order = order

    def find(self, number: str) -> str:
        """Find an order by its number (as the marketplace console allows); a message if not."""
        number = number.strip()
        if not number:
            self.order = None
            return QCoreApplication.translate("PriceChangeViewModel", "Enter an order number.")
        with self._db.session() as session:
            self.order = order_by_number(session, number[:64])
        if self.order is None:
            return QCoreApplication.translate(
                "PriceChangeViewModel", "No order %1 on this computer. Sync, then try again."
            ).replace("%1", number[:64])
        return why_price_cannot_change(self.order, self._user)

    def current_price(self) -> str:
        return format_fen(self.order.amount_fen or 0) if self.order else ""

    def check(self, form: PriceChangeForm) -> dict[str, str]:
        """Field → message for everything wrong with the form (nothing is queued while any)."""
        problems: dict[str, str] = {}
        blocked = why_price_cannot_change(self.order, self._user)
        if blocked:
            problems["order"] = blocked
        try:
            fen = parse_yuan(form.new_price)
        except MoneyError as err:
            problems["new_price"] = {
                "too_many_decimals": QCoreApplication.translate(
                    "PriceChangeViewModel", "Use at most two decimals (fen)."
                ),
                "too_large": QCoreApplication.translate("PriceChangeViewModel", "The price is too large."),
            }.get(
                err.code, QCoreApplication.translate("PriceChangeViewModel", "Enter the new price in yuan, e.g. 88.00.")
            )
        else:
            problem = price_problem(fen, MAX_AMOUNT_FEN)
            if problem == "price_not_positive":
                problems["new_price"] = QCoreApplication.translate(
                    "PriceChangeViewModel", "The new price must be more than ¥0.00."
                )
            elif problem == "price_too_large":
                problems["new_price"] = QCoreApplication.translate("PriceChangeViewModel", "The price is too large.")
            elif self.order is not None and fen == self.order.amount_fen:
                problems["new_price"] = QCoreApplication.translate("PriceChangeViewModel", "That is already the price.")
        reason = form.reason.strip()
        if not reason:
            problems["reason"] = QCoreApplication.translate(
                "PriceChangeViewModel", "Say why, for the buyer and your colleagues."
            )
        elif len(reason) > MAX_REASON:
            problems["reason"] = QCoreApplication.translate(
                "PriceChangeViewModel", "Keep the reason under 200 characters."
            )
        self.problems_changed.emit(problems)
        return problems

    def submit(self, form: PriceChangeForm) -> bool:
        """Queue the change (R-ORD-3) if the form is fine; False and messages otherwise."""
        if self.check(form) or self.order is None:
            return False
        order = self.order
        new_fen = parse_yuan(form.new_price)
        reason = form.reason.strip()
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            kind="order.price_change",
            entity="order",
            entity_id=order.id,
            base_version=order.version,  # sent as If-Match: the change is about this version
            method="POST",
            path=f"/orders/{order.id}/price-change",
            payload={"new_price_fen": new_fen, "reason": reason},
            summary={"number": order.number, "old_fen": order.amount_fen, "new_fen": new_fen, "reason": reason},
        )
        return True
