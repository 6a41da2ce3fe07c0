"""The demo vendor's orders (订单管理) in every state over the last ~180 days, with the messages each
sent (R-ORD-1, R-ORD-2). Plain rows for the seeder's bulk inserts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from vendor_desktop.domain.exit import completes_by_silence_at, delivered_by_vendor
from vendor_desktop.domain.markets import MARKETS, Delivery
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
        if state in _REFUND_STATES and MARKETS[listing["market"]].delivery in (Delivery.API, Delivery.IMAGE):
            state = OrderState.COMPLETED  # R-REF-2: never refunded; decided after the draw, so the stream stays
        if state in _VENDOR_STATES and not delivered_by_vendor(listing["market"]):
            # R-ORD-5: only a manual service waits for its vendor; picked by n, not drawn (no
            # listing is drawn again), and completed (as when paid) if the vendor sells none.
            manual = [x for x in sellable if delivered_by_vendor(x["market"])]
            if manual:
                listing = manual[n % len(manual)]
            else:
                state = OrderState.COMPLETED
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
            **_delivery(n, order_state=state, market=listing["market"], paid_at=paid_at, today=today),
            "refunded_fen": listing["billing"][mode] if state is OrderState.REFUNDED else 0,
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


_REFUND_STATES = (OrderState.REFUNDING, OrderState.REFUNDED)
#: States only a manual service waits in (R-ORD-5): the vendor has yet to deliver or finish.
_VENDOR_STATES = (OrderState.PAID, OrderState.DELIVERING)
#: A seeded manual service is completed this many days after it was paid (R-ORD-5, R-WDR-1).
MANUAL_SERVICE_DAYS = 3
_NOTE = "已安排工程师远程实施，完成后将发送验收报告，请留意站内信。"


def seeded_completion(market: str, paid_at: dt.datetime, today: dt.datetime) -> dt.datetime:
    """When a seeded completed order was completed: a manual service some days after payment (but
    before the anchor day), the others when paid (they deliver themselves, R-ORD-5)."""
    if not delivered_by_vendor(market):
        return paid_at
    return min(paid_at + dt.timedelta(days=MANUAL_SERVICE_DAYS), today - dt.timedelta(seconds=1))


def _delivery(
    n: int, *, order_state: OrderState, market: str, paid_at: dt.datetime | None, today: dt.datetime
) -> dict[str, Any]:
    """R-ORD-5's fields of a seeded order. A SaaS, API or image order was delivered and completed
    when paid (a later refund request keeps those dates, as the sandbox does). A manual service
    being delivered started within the last 5 days (so 7 days of silence have not completed it
    yet); derived from ``n``, not drawn, so the random stream of every other seeded row stays."""
    found: dict[str, Any] = {"delivery_note": None, "delivering_at": None, "completed_at": None, "completes_by": None}
    manual = delivered_by_vendor(market)
    if paid_at is not None and not manual:  # completed when paid, whatever a refund did later
        return found | {"delivering_at": iso(paid_at), "completed_at": iso(paid_at)}
    if paid_at is None or order_state not in (OrderState.DELIVERING, OrderState.COMPLETED):
        return found
    if order_state is OrderState.COMPLETED:
        done = seeded_completion(market, paid_at, today)
        found.update(completed_at=iso(done), delivering_at=iso(min(done, paid_at + dt.timedelta(hours=2))))
    else:
        since = today - dt.timedelta(seconds=(n * 7919) % (5 * 86400) + 60)
        started = max(paid_at, since)
        found.update(delivering_at=iso(started), completes_by=iso(completes_by_silence_at(started)))
    found["delivery_note"] = _NOTE
    return found


def reprice_messages(orders: list[dict[str, Any]], messages: list[dict[str, Any]]) -> None:
    """Messages quote the amount: rewrite those of orders a seeded discount repriced (R-DSC-2)."""
    discounted = {o["id"]: o for o in orders if o["discount_id"] is not None}
    for i, m in enumerate(messages):
        order = discounted.get(m["order_id"])
        if order is not None:
            messages[i] = message_row(m["kind"], order, m["id"], m["created_at"], read=m["read"])
