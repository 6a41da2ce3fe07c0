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

from vendor_desktop.domain.discounts import discounted_fen
from vendor_desktop.domain.exit import completes_by_silence_at, delivered_by_vendor
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import MAX_AMOUNT_FEN, format_fen
from vendor_desktop.domain.orders import STATE_NAMES, OrderState, can_change_price, can_transition, price_problem
from vendor_desktop.domain.workdays import SHANGHAI

from ..core import names
from ..core.changes import record_change
from ..core.clock import iso
from ..core.database import Vendor
from ..core.errors import ApiError
from ..core.preconditions import check_version
from ..core.schemas import bounded_text_problem, storable_problem
from ..discounts.rules import active_discount
from ..listings.errors import LISTING_STATE, VENDOR_EXITED
from ..listings.models import Listing
from ..messages.models import Message
from .errors import INVALID_PRICE, ORDER_NOT_UNPAID, ORDER_STATE
from .models import Order

__all__ = [
    "change_price",
    "complete_order",
    "deliver",
    "iso",
    "message_row",
    "move_order",
    "order_number",
    "pay_order",
    "place_order",
    "silent_deliveries",
]


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
    elif kind == "order_completed":  # R-ORD-5
        title, title_en = "订单已完成", "Order completed"
        body = f"订单 {number}（{listing}）已完成交付。"
        body_en = f"Order {number} ({listing}) is completed."
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
        "listing_id": None,
        "invoice_id": None,
        "version": 1,
    }


def _order_dict(o: Order) -> dict[str, Any]:
    return {c: getattr(o, c) for c in ("id", "account_id", "number", "listing_name", "amount_fen", "buyer_name")}


def _send(s: Session, kind: str, order: Order, now: dt.datetime) -> Message:
    msg = Message(**message_row(kind, _order_dict(order), uuid.uuid4().hex, iso(now), read=False))
    s.add(msg)
    record_change(s, order.account_id, "message", msg.id, msg.version, audience="order")  # SPEC §11
    return msg


def place_order(
    s: Session, listing: Listing, buyer_account_id: str, billing_mode: str | None, now: dt.datetime
) -> Order:
    """A buyer orders a listing: an unpaid order priced from the listing and the buyer's active
    discount (R-DSC-2), and a new_order message to the vendor (R-ORD-1, R-ORD-2)."""
    vendor = s.get(Vendor, listing.account_id)
    if vendor is not None and vendor.exited_at is not None:  # R-EXT-1: new orders stop
        raise ApiError(409, VENDOR_EXITED, details={"exited_at": vendor.exited_at})
    if listing.state != "on_sale":
        raise ApiError(409, LISTING_STATE, details={"state": listing.state})
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
    list_price = listing.billing[mode]
    discount = active_discount(s, listing, buyer_account_id, now)
    order = Order(
        id=uuid.uuid4().hex,
        account_id=listing.account_id,
        number=order_number(rng, now, taken),
        state=OrderState.UNPAID.value,
        amount_fen=discounted_fen(list_price, discount.percent) if discount else list_price,
        list_price_fen=list_price,
        discount_id=discount.id if discount else None,
        discount_percent=discount.percent if discount else None,
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
    and completion in one step in the sandbox: SaaS, API and image orders deliver themselves,
    R-ORD-5; use ``complete_order`` for the completion's dates and message)."""
    path = [target]
    if target is OrderState.COMPLETED and order.state == OrderState.PAID:
        path = [OrderState.DELIVERING, OrderState.COMPLETED]
    _check_path(order, path, target)
    order.state = target.value
    order.version += 1
    if target is OrderState.PAID:
        order.paid_at = iso(now)
    if target is OrderState.COMPLETED:
        order.delivering_at = order.delivering_at or iso(now)
        order.completed_at, order.completes_by = iso(now), None
    record_change(s, order.account_id, "order", order.id, order.version)
    if target is OrderState.PAID:
        _send(s, "order_paid", order, now)
    return order


def _check_path(order: Order, path: list[OrderState], target: OrderState) -> None:
    """409 ORDER_STATE unless R-ORD-1 allows each step of ``path`` from the order's state."""
    current = order.state
    for step in path:
        if not can_transition(current, step):
            raise ApiError(
                409,
                ORDER_STATE,
                f"An order in state “{STATE_NAMES[order.state][0]}” cannot become “{STATE_NAMES[target][0]}”.",
                f"订单状态为「{STATE_NAMES[order.state][1]}」，不能变为「{STATE_NAMES[target][1]}」。",
                details={"state": order.state, "target": target.value},
            )
        current = step


def pay_order(s: Session, order: Order, now: dt.datetime) -> Order:
    """The buyer pays (R-ORD-1): the order is paid and the vendor gets an order_paid message. A
    SaaS, API or image order delivers itself (R-ORD-5): it is completed in the same step, with
    ``delivering_at`` = ``completed_at`` = ``paid_at``, one version and one change-log entry, and
    an order_completed message. A manual service stays paid until the vendor delivers it."""
    if delivered_by_vendor(order.market):
        return move_order(s, order, OrderState.PAID, now)
    # Refused as a payment (target paid) when the order is not unpaid, like a manual one.
    _check_path(order, [OrderState.PAID], OrderState.PAID)
    order.state = OrderState.COMPLETED.value
    order.paid_at = order.delivering_at = order.completed_at = iso(now)
    order.completes_by = None
    order.version += 1
    record_change(s, order.account_id, "order", order.id, order.version)
    _send(s, "order_paid", order, now)
    _send(s, "order_completed", order, now)
    return order


def deliver(s: Session, order: Order, note: str, expected_version: int, now: dt.datetime) -> Order:
    """R-ORD-5 开始交付: a paid manual-service order is delivering, with the note the buyer sees;
    without the buyer's word it completes 7 days later (``completes_by``). Checks: the note (422),
    then the state and market (409 ORDER_STATE, even with a stale version), then the version (412)."""
    problem = note_problem(note)
    if problem is not None:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": {"note": problem}})
    if order.state != OrderState.PAID or not delivered_by_vendor(order.market):
        en, zh = STATE_NAMES[order.state]
        raise ApiError(
            409,
            ORDER_STATE,
            "Only a paid manual-service order is delivered by the vendor; "
            f"this one is “{en}” in {MARKETS[order.market].name_en}.",
            f"只有已支付的人工服务订单需要服务商开始交付；该订单为「{zh}」（{MARKETS[order.market].name_zh}）。",
            details={"state": order.state, "market": order.market},
        )
    check_version("order", order, expected_version)
    order.state = OrderState.DELIVERING.value
    order.delivery_note = note.strip()
    order.delivering_at = iso(now)
    order.completes_by = iso(completes_by_silence_at(now))
    order.version += 1
    record_change(s, order.account_id, "order", order.id, order.version)
    return order


#: R-ORD-5: a delivery note, 1–500 characters, several lines allowed.
NOTE_LENGTH = 500


def note_problem(note: str) -> str | None:
    return bounded_text_problem(note, (1, NOTE_LENGTH), multiline=True)


def complete_order(s: Session, order: Order, now: dt.datetime, *, at: str | None = None) -> Order:
    """R-ORD-5: the order is completed (the buyer confirmed, or 7 days of silence passed: then
    ``at`` is ``completes_by``); the vendor gets an order_completed message. The money settles in
    money/ (``order_completed``)."""
    move_order(s, order, OrderState.COMPLETED, now)
    if at is not None:
        order.completed_at = at
    _send(s, "order_completed", order, dt.datetime.fromisoformat(order.completed_at or iso(now)))
    return order


def silent_deliveries(account_id: str, now: dt.datetime) -> Any:
    """R-ORD-5: the vendor's deliveries whose 7 days of the buyer's silence have passed."""
    return select(Order).where(
        Order.account_id == account_id,
        Order.state == OrderState.DELIVERING.value,
        Order.completes_by <= iso(now),
    )


def change_price(
    s: Session, order: Order, new_price_fen: int, reason: str, expected_version: int, now: dt.datetime
) -> Order:
    """R-ORD-3: the vendor changes an unpaid order's price; the buyer then pays the new price.

    Checks in API.md's order: the body's rules (422), then the order's state (409, even with a
    stale version: "the buyer already paid" is what the vendor must hear), then the version (412).
    """
    problem = price_problem(new_price_fen, MAX_AMOUNT_FEN)
    reason_problem = _reason_problem(reason)
    if problem is not None:
        fields = {"new_price_fen": _PRICE_PROBLEMS[problem]} | ({"reason": reason_problem} if reason_problem else {})
        details = {"fields": fields, "codes": {"new_price_fen": problem}, "max_fen": MAX_AMOUNT_FEN}
        raise ApiError(422, INVALID_PRICE, details=details)
    if reason_problem is not None:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": {"reason": reason_problem}})
    if not can_change_price(order.state):
        raise ApiError(409, ORDER_NOT_UNPAID, details={"state": order.state, "paid_at": order.paid_at})
    check_version("order", order, expected_version)
    if order.list_price_fen is None:  # an order from before list prices were kept
        order.list_price_fen = order.amount_fen
    order.amount_fen = new_price_fen
    order.price_changed_at, order.price_change_reason = iso(now), reason.strip()
    order.version += 1
    record_change(s, order.account_id, "order", order.id, order.version)
    return order


_PRICE_PROBLEMS = {  # domain codes of price_problem → the field's explanation
    "price_not_positive": "must be more than 0",
    "price_too_large": f"must be at most {MAX_AMOUNT_FEN} fen ({format_fen(MAX_AMOUNT_FEN)})",
}


def _reason_problem(reason: str) -> str | None:
    text = reason.strip()
    if not 1 <= len(text) <= 200:
        return "must be 1 to 200 characters"
    return storable_problem(text)
