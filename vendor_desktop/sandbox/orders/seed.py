"""The demo vendor's orders (订单管理) in every state over the last ~180 days, with the messages each
sent (R-ORD-1, R-ORD-2). Plain rows for the seeder's bulk inserts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from vendor_desktop.domain.orders import OrderState

from ..core import names
from ..core.clock import iso
from .rules import message_row, order_number

# Share of seeded orders per state (R-ORD-1); every state also appears at least once.
_STATE_WEIGHTS = {
    OrderState.COMPLETED: 35,
    OrderState.DELIVERING: 10,
    OrderState.PAID: 10,
    OrderState.UNPAID: 12,
    OrderState.CANCELLED: 15,
    OrderState.REFUNDING: 6,
    OrderState.REFUNDED: 12,
}


def seed_orders(
    rng: random.Random, account_id: str, count: int, listings: list[dict[str, Any]], today: dt.datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    sellable = [x for x in listings if x["state"] in {"on_sale", "delisted"}]
    states = list(_STATE_WEIGHTS)
    picks = states[:count] + rng.choices(states, weights=list(_STATE_WEIGHTS.values()), k=max(0, count - len(states)))
    buyers = [str(rng.randrange(10**15, 10**16)) for _ in range(max(5, count // 4))]
    identities: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    drafts = []
    for state in picks:
        # Unpaid orders are recent (older ones would have expired, R-ORD-1); others span ~180 days.
        span = 3 * 86400 if state is OrderState.UNPAID else 180 * 86400
        created = today - dt.timedelta(seconds=rng.randrange(60, span))
        drafts.append((created, state))
    drafts.sort(key=lambda d: d[0])  # ids and the change log follow creation order
    orders, messages = [], []
    read_before = today - dt.timedelta(days=3)
    for n, (created, state) in enumerate(drafts):
        listing = rng.choice(sellable)
        mode = rng.choice(list(listing["billing"]))
        buyer = rng.choice(buyers)
        if buyer not in identities:
            identities[buyer] = names.buyer_identity(buyer)
        paid = state not in {OrderState.UNPAID, OrderState.CANCELLED}
        # Paid within hours, but never after the day the data is anchored to.
        paid_at = min(created + dt.timedelta(seconds=rng.randrange(30, 6 * 3600)), today - dt.timedelta(seconds=30))
        paid_at = paid_at if paid else None
        order = {
            "id": names.seeded_id(account_id, "ord", n),
            "account_id": account_id,
            "number": order_number(rng, created, taken),
            "state": state.value,
            "amount_fen": listing["billing"][mode],
            "listing_id": listing["id"],
            "listing_name": listing["name"],
            "market": listing["market"],
            "billing_mode": mode,
            "buyer_account_id": buyer,
            "buyer_name": identities[buyer][0],
            "buyer_contact": identities[buyer][1],
            "virtual_number": names.virtual_number(rng),
            "created_at": iso(created),
            "paid_at": iso(paid_at) if paid_at else None,
            "list_price_fen": listing["billing"][mode],
            "discount_id": None,  # seed_discounts reprices the orders its discounts cover
            "discount_percent": None,
            "price_changed_at": None,
            "price_change_reason": None,
            "version": 1,
        }
        taken.add(order["number"])
        orders.append(order)
        messages.append(
            message_row(
                "new_order",
                order,
                names.seeded_id(account_id, "msg", 2 * n),
                order["created_at"],
                read=created < read_before,
            )
        )
        if paid_at is not None:
            messages.append(
                message_row(
                    "order_paid",
                    order,
                    names.seeded_id(account_id, "msg", 2 * n + 1),
                    order["paid_at"],
                    read=paid_at < read_before,
                )
            )
    messages.sort(key=lambda m: m["created_at"])
    return orders, messages


def reprice_messages(orders: list[dict[str, Any]], messages: list[dict[str, Any]]) -> None:
    """Messages quote the amount: rewrite those of orders a seeded discount repriced (R-DSC-2)."""
    discounted = {o["id"]: o for o in orders if o["discount_id"] is not None}
    for i, m in enumerate(messages):
        order = discounted.get(m["order_id"])
        if order is not None:
            messages[i] = message_row(m["kind"], order, m["id"], m["created_at"], read=m["read"])
