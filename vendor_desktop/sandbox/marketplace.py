"""The marketplace side of orders: placing, paying, cancelling, completing (R-ORD-1, R-ORD-2),
and the in-app messages (站内信) each step sends the vendor. Shared by the seeder (which builds
plain rows for bulk inserts) and the sandbox routes (which go through the ORM)."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Container
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import OrderState, can_transition
from vendor_desktop.domain.workdays import SHANGHAI

from . import names
from .changes import record_change
from .db import Listing, Message, Order
from .errors import ApiError


def iso(moment: dt.datetime) -> str:
    """ISO 8601 in Asia/Shanghai, to the second: what every entity timestamp looks like."""
    return moment.astimezone(SHANGHAI).isoformat(timespec="seconds")


def order_number(rng: random.Random, created: dt.datetime, taken: Container[str]) -> str:
    """A 16-digit order number (订单号): the Shanghai date and 8 random digits, unique per vendor."""
    day = created.astimezone(SHANGHAI).strftime("%Y%m%d")
    while True:
        number = f"{day}{rng.randrange(10**8):08d}"
        if number not in taken:
            return number


def message_row(kind: str, order: dict[str, Any], message_id: str, at: str, *, read: bool) -> dict[str, Any]:
    """A message about an order, in Chinese and English (R-ORD-2)."""
    listing, number, amount = order["listing_name"], order["number"], format_fen(order["amount_fen"])
    if kind == "new_order":
        title, title_en = "新订单通知", "New order"
        body = f"您的商品「{listing}」收到新订单 {number}，金额 {amount}，买家 {order['buyer_name']}。"
        body_en = f'Your listing "{listing}" received order {number} for {amount} from {order["buyer_name"]}.'
    elif kind == "order_paid":
        title, title_en = "订单已支付", "Order paid"
        body = f"订单 {number}（{listing}）已支付 {amount}，请尽快交付。"
        body_en = f"Order {number} ({listing}) was paid: {amount}. Please deliver."
    else:
        raise ValueError(kind)
    return {
        "id": message_id,
        "account_id": order["account_id"],
        "kind": kind,
        "title": title,
        "body": body,
        "title_en": title_en,
        "body_en": body_en,
        "read": read,
        "created_at": at,
        "order_id": order["id"],
        "version": 1,
    }


def _order_dict(o: Order) -> dict[str, Any]:
    return {c: getattr(o, c) for c in ("id", "account_id", "number", "listing_name", "amount_fen", "buyer_name")}


def _send(s: Session, kind: str, order: Order, now: dt.datetime) -> Message:
    msg = Message(**message_row(kind, _order_dict(order), uuid.uuid4().hex, iso(now), read=False))
    s.add(msg)
    record_change(s, order.account_id, "message", msg.id, msg.version)
    return msg


def place_order(
    s: Session, listing: Listing, buyer_account_id: str, billing_mode: str | None, now: dt.datetime
) -> Order:
    """A buyer orders a listing: an unpaid order priced from the listing, and a new_order
    message to the vendor (R-ORD-1, R-ORD-2)."""
    if listing.state != "on_sale":
        raise ApiError(409, "LISTING_STATE", details={"state": listing.state})
    mode = billing_mode or next(iter(listing.billing))
    if mode not in listing.billing:
        raise ApiError(
            422,
            "VALIDATION_FAILED",
            details={"fields": {"billing_mode": f"the listing offers only {', '.join(listing.billing)}"}},
        )
    taken = set(s.execute(select(Order.number).where(Order.account_id == listing.account_id)).scalars())
    buyer_name, buyer_contact = names.buyer_identity(buyer_account_id)
    rng = random.Random()
    order = Order(
        id=uuid.uuid4().hex,
        account_id=listing.account_id,
        number=order_number(rng, now, taken),
        state=OrderState.UNPAID.value,
        amount_fen=listing.billing[mode],
        listing_id=listing.id,
        listing_name=listing.name,
        market=listing.market,
        billing_mode=mode,
        buyer_account_id=buyer_account_id,
        buyer_name=buyer_name,
        buyer_contact=buyer_contact,
        virtual_number=names.virtual_number(rng),
        created_at=iso(now),
        paid_at=None,
        version=1,
    )
    s.add(order)
    record_change(s, order.account_id, "order", order.id, order.version)
    _send(s, "new_order", order, now)
    return order


def move_order(s: Session, order: Order, target: OrderState, now: dt.datetime) -> Order:
    """Move an order along R-ORD-1; 409 ORDER_STATE if the rule does not allow it.

    ``completed`` from ``paid`` passes through ``delivering`` (the marketplace confirms delivery
    and completion in one step in the sandbox)."""
    path = [target]
    if target is OrderState.COMPLETED and order.state == OrderState.PAID:
        path = [OrderState.DELIVERING, OrderState.COMPLETED]
    current = order.state
    for step in path:
        if not can_transition(current, step):
            raise ApiError(
                409,
                "ORDER_STATE",
                f"An order in state {order.state} cannot become {target.value}.",
                f"订单状态为 {order.state}，不能变为 {target.value}。",
                details={"state": order.state, "target": target.value},
            )
        current = step
    order.state = target.value
    order.version += 1
    if target is OrderState.PAID:
        order.paid_at = iso(now)
    record_change(s, order.account_id, "order", order.id, order.version)
    if target is OrderState.PAID:
        _send(s, "order_paid", order, now)
    return order
