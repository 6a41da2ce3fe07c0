"""Order states (订单状态), R-ORD-1, and what each allows (R-ORD-3)."""

from __future__ import annotations

from enum import StrEnum


class OrderState(StrEnum):
    UNPAID = "unpaid"
    PAID = "paid"  # paid, to be delivered
    DELIVERING = "delivering"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDING = "refunding"
    REFUNDED = "refunded"


#: Each state's name (English, Chinese) as GLOSSARY.md fixes it, for the marketplace's messages
#: (the app shows its translated labels, viewmodels/core/labels.py); tests/test_glossary.py checks both.
STATE_NAMES: dict[str, tuple[str, str]] = {
    OrderState.UNPAID: ("Unpaid", "待支付"),
    OrderState.PAID: ("To deliver", "待交付"),
    OrderState.DELIVERING: ("Delivering", "交付中"),
    OrderState.COMPLETED: ("Completed", "已完成"),
    OrderState.CANCELLED: ("Cancelled", "已取消"),
    OrderState.REFUNDING: ("Refunding", "退款中"),
    OrderState.REFUNDED: ("Refunded", "已退款"),
}


# R-ORD-1: unpaid → paid → delivering → completed; unpaid → cancelled;
# paid orders (paid, delivering, completed) may go refunding → refunded.
TRANSITIONS: dict[OrderState, frozenset[OrderState]] = {
    OrderState.UNPAID: frozenset({OrderState.PAID, OrderState.CANCELLED}),
    OrderState.PAID: frozenset({OrderState.DELIVERING, OrderState.REFUNDING}),
    OrderState.DELIVERING: frozenset({OrderState.COMPLETED, OrderState.REFUNDING}),
    OrderState.COMPLETED: frozenset({OrderState.REFUNDING}),
    OrderState.REFUNDING: frozenset({OrderState.REFUNDED}),
    OrderState.CANCELLED: frozenset(),
    OrderState.REFUNDED: frozenset(),
}

TERMINAL_STATES = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)


def can_transition(current: OrderState | str, target: OrderState | str) -> bool:
    """R-ORD-1: whether an order may move from ``current`` to ``target``."""
    return OrderState(target) in TRANSITIONS[OrderState(current)]


def can_change_price(state: OrderState | str) -> bool:
    """R-ORD-3: only an unpaid order's price can change."""
    return OrderState(state) is OrderState.UNPAID


def is_paid(state: OrderState | str) -> bool:
    """Whether the buyer has paid (money reached the marketplace), R-WDR-1."""
    return OrderState(state) in {
        OrderState.PAID,
        OrderState.DELIVERING,
        OrderState.COMPLETED,
        OrderState.REFUNDING,
    }


def price_problem(new_price_fen: int, max_fen: int) -> str | None:
    """R-ORD-3: the new price must be > 0 (and within what the marketplace accepts)."""
    if new_price_fen <= 0:
        return "price_not_positive"
    if new_price_fen > max_fen:
        return "price_too_large"
    return None
