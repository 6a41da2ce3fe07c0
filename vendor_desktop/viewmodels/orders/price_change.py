"""Changing the price of an unpaid order (订单改价), R-ORD-3.

The dialog validates with the domain rule, then the change goes to the durable outbox with the
order version it was based on; the Orders view shows it as pending until the server answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.orders.queries import OrderRow, order_by_number
from vendor_desktop.domain.money import MAX_AMOUNT_FEN, MoneyError, format_fen, parse_yuan
from vendor_desktop.domain.orders import can_change_price, price_problem
from vendor_desktop.domain.roles import Permission
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import order_state_label, price_with_unit

MAX_REASON = 200

# R-ORD-3 (our design): a new price below this share of the current one — ¥3,000.00 cut to
# ¥12.35, a decimal point typed in the wrong place — is queued only once the user confirms it.
CONFIRM_BELOW_PERCENT = 50

MINUS = "\u2212"  # the minus sign, not a hyphen: "−99.6%"


def _t(text: str) -> str:
    return QCoreApplication.translate("PriceChangeViewModel", text)


@dataclass(frozen=True)
class PriceChangeForm:
    """What the user typed: the new price in yuan (two decimals at most) and why."""

    new_price: str
    reason: str
    confirmed: bool = False  # the user ticked "I have checked the new price"


def needs_confirmation(current_fen: int | None, new_fen: int) -> bool:
    """Whether ``new_fen`` is less than half (CONFIRM_BELOW_PERCENT) of the current price."""
    if not current_fen or current_fen <= 0:
        return False
    return new_fen * 100 < current_fen * CONFIRM_BELOW_PERCENT


def percent_change(current_fen: int, new_fen: int) -> str:
    """The change as a signed percentage to one decimal: −99.6%, +20.0%, −<0.1% for a fen or two."""
    change = (Decimal(new_fen - current_fen) * 100 / Decimal(current_fen)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    sign = MINUS if new_fen < current_fen else "+"
    if change == 0:
        return f"{sign}<0.1%"
    return f"{sign}{abs(change):,.1f}%"


def difference_text(current_fen: int | None, new_fen: int) -> str:
    """How far the new price is from the current one: "¥2,987.65 less than now (−99.6%)"."""
    if not current_fen or current_fen <= 0 or new_fen == current_fen:
        return ""
    amount = format_fen(abs(new_fen - current_fen))
    text = (
        QCoreApplication.translate("PriceChangeViewModel", "%1 less than now (%2)")
        if new_fen < current_fen
        else QCoreApplication.translate("PriceChangeViewModel", "%1 more than now (%2)")
    )
    return text.replace("%1", amount).replace("%2", percent_change(current_fen, new_fen))


@dataclass(frozen=True)
class PricePreview:
    """What the dialog says while the user types the new price."""

    difference: str = ""  # against the current price; "" until the text is a price that differs
    lower: bool = False
    needs_confirmation: bool = False


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
        """The order's price with its billing unit (¥999.00/月)."""
        return price_with_unit(self.order.amount_fen or 0, self.order.billing_mode) if self.order else ""

    def preview(self, new_price: str) -> PricePreview:
        """The difference to the current price as the user types, and whether it needs a confirmation."""
        if self.order is None or not self.order.amount_fen:
            return PricePreview()
        try:
            fen = parse_yuan(new_price)
        except MoneyError:
            return PricePreview()
        if price_problem(fen, MAX_AMOUNT_FEN) is not None:
            return PricePreview()
        current = self.order.amount_fen
        return PricePreview(difference_text(current, fen), fen < current, needs_confirmation(current, fen))

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
            elif self.order is not None and needs_confirmation(self.order.amount_fen, fen) and not form.confirmed:
                problems["confirm"] = QCoreApplication.translate(
                    "PriceChangeViewModel",
                    "The new price is less than half the current price. Check it, then tick the box to confirm.",
                )
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
