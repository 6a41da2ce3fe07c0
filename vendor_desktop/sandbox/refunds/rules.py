"""The refund rules the sandbox enforces (SPEC §5): a buyer's request falls under R-REF-1…3
(domain.refunds.refund_rule); a self-service SaaS refund is refunded at once, the others wait for
the vendor's decision by R-REF-4's date; the order's state follows R-REF-5, and the money R-WDR-1
(money.rules.refund_order). Each step sends the vendor a message that reaches only the roles that
read refunds (SPEC §11)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.domain.earnings import settles_at
from vendor_desktop.domain.invoices import InvoiceState
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import STATE_NAMES as ORDER_STATE_NAMES
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import (
    REFUNDABLE_ORDER_STATES,
    STATE_NAMES,
    Decision,
    RefundRule,
    RefundState,
    decide_by,
    decision_problem,
    is_automatic,
    order_state_after,
    refund_rule,
)

from ..core.changes import record_change, serialise_writers
from ..core.clock import iso
from ..core.errors import ApiError
from ..core.preconditions import check_version
from ..core.schemas import bounded_text_problem
from ..invoices.models import Invoice
from ..messages.models import Message
from ..money import rules as money
from ..orders.errors import ORDER_STATE
from ..orders.models import Order
from .errors import AMOUNT_EXCEEDS_PAID, NOT_REFUNDABLE, REFUND_STATE
from .models import Refund
from .schemas import REASON_LENGTH


def refundable_fen(order: Order) -> int:
    """What the buyer paid and has not had back yet."""
    return order.amount_fen - (order.refunded_fen or 0)


def reason_problem(reason: str) -> str | None:
    return bounded_text_problem(reason, (1, REASON_LENGTH), multiline=True)


def self_service_refunds(s: Session, buyer_account_id: str) -> int:
    """R-REF-1: the buyer account's self-service refunds so far, with every vendor."""
    query = select(func.count()).where(
        Refund.buyer_account_id == buyer_account_id, Refund.rule == RefundRule.SAAS_SELF_SERVICE.value
    )
    return s.execute(query).scalar_one()


def _invoice_issued(s: Session, order_id: str) -> bool:
    query = select(func.count()).where(
        Invoice.order_id == order_id, Invoice.state.in_([InvoiceState.ISSUED.value, InvoiceState.SHIPPED.value])
    )
    return s.execute(query).scalar_one() > 0


def _refuse_order_state(order: Order) -> ApiError:
    en, zh = ORDER_STATE_NAMES[order.state]
    return ApiError(
        409,
        ORDER_STATE,
        f"An order in state “{en}” cannot be refunded now.",
        f"订单状态为「{zh}」，现在不能退款。",
        details={"state": order.state, "refunded_fen": order.refunded_fen},
    )


def request_refund(s: Session, order: Order, amount_fen: int | None, reason: str, now: dt.datetime) -> Refund:
    """A buyer asks for ``amount_fen`` back (everything refundable when None). Checks: the reason
    and a positive amount (422), the order's state (409 ORDER_STATE: unpaid, cancelled, being
    refunded or fully refunded), R-REF-2 (409 NOT_REFUNDABLE), the amount (422 AMOUNT_EXCEEDS_PAID)."""
    problem = reason_problem(reason)
    if amount_fen is not None and amount_fen <= 0:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": {"amount_fen": "must be more than 0"}})
    if problem is not None:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": {"reason": problem}})
    serialise_writers(s)  # the buyer's count and the order's state, then the write
    s.refresh(order)
    if order.state not in REFUNDABLE_ORDER_STATES or order.paid_at is None or refundable_fen(order) <= 0:
        raise _refuse_order_state(order)
    before = self_service_refunds(s, order.buyer_account_id)
    rule = refund_rule(order.market, order.state, dt.datetime.fromisoformat(order.paid_at), now, before)
    if rule is RefundRule.NOT_REFUNDABLE:  # R-REF-2
        raise ApiError(409, NOT_REFUNDABLE, details={"market": order.market})
    amount = refundable_fen(order) if amount_fen is None else amount_fen
    if amount > refundable_fen(order):
        raise ApiError(422, AMOUNT_EXCEEDS_PAID, details={"refundable_fen": refundable_fen(order)})
    automatic = is_automatic(rule)
    deadline = None if automatic else decide_by(now)
    refund = Refund(
        id=uuid.uuid4().hex,
        account_id=order.account_id,
        order_id=order.id,
        order_number=order.number,
        listing_name=order.listing_name,
        market=order.market,
        buyer_account_id=order.buyer_account_id,
        paid_fen=order.amount_fen,
        amount_fen=amount,
        refunded_fen=0,
        state=RefundState.REQUESTED.value,
        rule=rule.value,
        buyer_reason=reason.strip(),
        buyer_self_service_before=before,
        order_state_before=order.state,
        requested_at=iso(now),
        decide_by=deadline.date.isoformat() if deadline else None,
        decide_by_approximate=deadline.approximate if deadline else False,
        decided_at=None,
        decided_by=None,
        decision_reason=None,
        invoice_issued=_invoice_issued(s, order.id),
        version=1,
    )
    s.add(refund)
    if automatic:  # R-REF-1: refunded at once, the vendor is told
        _refund(s, refund, order, RefundState.APPROVED, amount, now, decided_by=None)
        record_change(s, refund.account_id, "refund", refund.id, refund.version)
        _send(s, "refund_refunded", refund, now)
    else:  # R-REF-3/4: the vendor decides; the order waits (R-REF-5)
        order.state = OrderState.REFUNDING.value
        _order_changed(s, order)
        record_change(s, refund.account_id, "refund", refund.id, refund.version)
        _send(s, "refund_requested", refund, now)
    return refund


def decide(
    s: Session,
    refund: Refund,
    decision: Decision,
    amount_fen: int | None,
    reason: str | None,
    expected_version: int,
    actor: str,
    now: dt.datetime,
) -> Refund:
    """R-REF-4: the vendor's decision. Checks, as API.md orders them: the body (422
    VALIDATION_FAILED: REASON_REQUIRED, AMOUNT_REQUIRED, a reason's text), the refund's state (409
    REFUND_STATE, even with a stale version), the amount against what is refundable (422
    AMOUNT_EXCEEDS_PAID), then the version (412)."""
    fields: dict[str, str] = {}
    codes: dict[str, str] = {}
    if reason is not None and reason.strip():
        problem = reason_problem(reason)
        if problem is not None:
            fields["reason"] = problem
    shape = decision_problem(decision, amount_fen, reason, refundable_fen=2**62)  # the body alone first
    if shape == "REASON_REQUIRED" and "reason" not in fields:
        fields["reason"], codes["reason"] = "a rejection needs a reason", shape
    elif shape == "AMOUNT_REQUIRED":
        fields["amount_fen"], codes["amount_fen"] = "a partial refund needs an amount of more than 0", shape
    if fields:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": fields, "codes": codes})
    if refund.state != RefundState.REQUESTED:
        en, zh = STATE_NAMES[refund.state]
        raise ApiError(
            409,
            REFUND_STATE,
            f"This refund request is already “{en}”.",
            f"该退款申请已是「{zh}」。",
            details={"state": refund.state},
        )
    order = s.get(Order, refund.order_id, with_for_update=True, populate_existing=True)
    assert order is not None  # a refund's order is never deleted
    if decision_problem(decision, amount_fen, reason, refundable_fen(order)) == AMOUNT_EXCEEDS_PAID:
        raise ApiError(422, AMOUNT_EXCEEDS_PAID, details={"refundable_fen": refundable_fen(order)})
    check_version("refund", refund, expected_version)
    text = reason.strip() if reason is not None and reason.strip() else None
    refund.decision_reason = text
    match decision:
        case Decision.APPROVE:
            _refund(s, refund, order, RefundState.APPROVED, min(refund.amount_fen, refundable_fen(order)), now, actor)
        case Decision.PARTIAL:
            assert amount_fen is not None
            _refund(s, refund, order, RefundState.PARTIAL, amount_fen, now, actor)
        case Decision.REJECT:
            refund.state = RefundState.REJECTED.value
            refund.decided_at, refund.decided_by = iso(now), actor
            order.state = order_state_after(order.refunded_fen, order.amount_fen, refund.order_state_before).value
            _order_changed(s, order)
    refund.version += 1
    record_change(s, refund.account_id, "refund", refund.id, refund.version)
    if order.settles_at is None and order.paid_at is not None and order.state != OrderState.REFUNDED:
        # An order asked back before its settlement time was known (a demo order) gets it now.
        completed = dt.datetime.fromisoformat(order.completed_at) if order.completed_at else None
        when = settles_at(order.market, dt.datetime.fromisoformat(order.paid_at), completed)
        order.settles_at = iso(when) if when is not None else None
    # R-WDR-1: an order back in its state may now settle what is left of it.
    money.settle_due(s, order.account_id, now)
    return refund


def _refund(
    s: Session,
    refund: Refund,
    order: Order,
    state: RefundState,
    amount: int,
    now: dt.datetime,
    decided_by: str | None,
) -> None:
    """Give ``amount`` back: the refund and the order record it (R-REF-5), the earnings drop (R-WDR-1)."""
    refund.state = state.value
    refund.refunded_fen = amount
    refund.decided_at, refund.decided_by = iso(now), decided_by
    order.refunded_fen = (order.refunded_fen or 0) + amount
    order.state = order_state_after(order.refunded_fen, order.amount_fen, refund.order_state_before).value
    _order_changed(s, order)
    s.flush()
    if amount > 0:
        money.refund_order(s, order, amount, refund.id, now)


def _order_changed(s: Session, order: Order) -> None:
    order.version += 1
    record_change(s, order.account_id, "order", order.id, order.version)


def refund_message_row(kind: str, refund: Any, message_id: str, at: str, *, read: bool = False) -> dict[str, Any]:
    """A message about a refund (SPEC §5), in Chinese and English; it reaches only the roles that
    read refunds (SPEC §11)."""
    number, listing = refund.order_number, refund.listing_name
    if kind == "refund_requested":
        amount = format_fen(refund.amount_fen)
        title, title_en = "新的退款申请", "New refund request"
        body = f"订单 {number}（{listing}）的买家申请退款 {amount}，请在 {refund.decide_by} 前处理。"
        body_en = (
            f"The buyer of order {number} ({listing}) asks for a refund of {amount}; decide by {refund.decide_by}."
        )
    elif kind == "refund_refunded":
        amount = format_fen(refund.refunded_fen)
        title, title_en = "订单已退款", "Order refunded"
        body = f"订单 {number}（{listing}）已在复议期内无理由退款 {amount}，无需处理。"
        body_en = f"Order {number} ({listing}) was refunded {amount} in its review period; nothing to decide."
    else:
        raise ValueError(kind)
    return {
        "id": message_id,
        "account_id": refund.account_id,
        "kind": kind,
        "title": title,
        "body": body,
        "title_en": title_en,
        "body_en": body_en,
        "read": read,
        "created_at": at,
        "order_id": refund.order_id,
        "listing_id": None,
        "invoice_id": None,
        "refund_id": refund.id,
        "ticket_id": None,
        "version": 1,
    }


def _send(s: Session, kind: str, refund: Refund, now: dt.datetime) -> None:
    message = Message(**refund_message_row(kind, refund, uuid.uuid4().hex, iso(now)))
    s.add(message)
    record_change(s, refund.account_id, "message", message.id, 1, audience="refund")  # SPEC §11
