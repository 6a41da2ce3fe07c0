"""Refunds (退款), SPEC §5: which rule applies to a buyer's request (R-REF-1…3), the vendor's
decide-by date (R-REF-4), the order's state afterwards (R-REF-5), and where the refunded money
comes from in the vendor's earnings (R-WDR-1). Shared by the sandbox, which decides, and the app,
which says for each request which rule applies and what the vendor may decide.

A buyer's request names an amount (the whole remaining paid amount when it names none): the
vendor approves that amount, offers a partial amount of it, or rejects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .earnings import review_period_end
from .markets import MARKETS, Delivery
from .orders import OrderState
from .workdays import WorkingDate, add_working_days, business_date

#: R-REF-1: a buyer account has at most this many self-service (no-reason) refunds, ever.
SELF_SERVICE_REFUNDS_PER_BUYER = 4
#: R-REF-4 (our design): the vendor decides within this many working days of the request.
DECIDE_WITHIN_WORKING_DAYS = 3


class RefundState(StrEnum):
    REQUESTED = "requested"  # 待处理: waiting for the vendor
    APPROVED = "approved"  # 已同意 (also a self-service refund, refunded at once)
    PARTIAL = "partial"  # 部分退款
    REJECTED = "rejected"  # 已拒绝


#: Each state's name (English, Chinese) as GLOSSARY.md fixes it, for the marketplace's messages.
STATE_NAMES: dict[str, tuple[str, str]] = {
    RefundState.REQUESTED: ("Awaiting decision", "待处理"),
    RefundState.APPROVED: ("Approved", "已同意"),
    RefundState.PARTIAL: ("Partly refunded", "部分退款"),
    RefundState.REJECTED: ("Refused", "已拒绝"),
}


class RefundRule(StrEnum):
    """Which of SPEC §5's rules a request falls under; the app words each for the vendor."""

    SAAS_SELF_SERVICE = "saas_self_service"  # R-REF-1: in the review period, under the limit: refunded at once
    SAAS_OUTSIDE_REVIEW_PERIOD = "saas_outside_review_period"  # R-REF-1: negotiated
    SAAS_LIMIT_REACHED = "saas_limit_reached"  # R-REF-1: the buyer used its four: negotiated
    NOT_REFUNDABLE = "not_refundable"  # R-REF-2: API and image orders
    MANUAL_BEFORE_COMPLETION = "manual_before_completion"  # R-REF-3: full or partial, the vendor decides
    MANUAL_AFTER_COMPLETION = "manual_after_completion"  # R-REF-3: negotiated


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"  # a reason is required
    PARTIAL = "partial"  # an amount ≤ what was paid


#: States of an order a buyer may ask a refund of (R-ORD-1: paid orders).
REFUNDABLE_ORDER_STATES = frozenset({OrderState.PAID, OrderState.DELIVERING, OrderState.COMPLETED})


def in_review_period(paid_at: dt.datetime, at: dt.datetime) -> bool:
    """R-REF-1/R-REF-5: the purchase day (Beijing, from ``paid_at``) and the 4 days after it."""
    return at < review_period_end(paid_at)


def refund_rule(
    market_id: str,
    order_state: OrderState | str,
    paid_at: dt.datetime,
    requested_at: dt.datetime,
    self_service_refunds_before: int,
) -> RefundRule:
    """R-REF-1…3: the rule a buyer's request falls under. ``self_service_refunds_before``: how many
    self-service refunds this buyer account already had (any vendor's SaaS listings)."""
    delivery = MARKETS[market_id].delivery
    if delivery in (Delivery.API, Delivery.IMAGE):
        return RefundRule.NOT_REFUNDABLE
    if delivery is Delivery.SAAS:
        if not in_review_period(paid_at, requested_at):
            return RefundRule.SAAS_OUTSIDE_REVIEW_PERIOD
        if self_service_refunds_before >= SELF_SERVICE_REFUNDS_PER_BUYER:
            return RefundRule.SAAS_LIMIT_REACHED
        return RefundRule.SAAS_SELF_SERVICE
    if OrderState(order_state) is OrderState.COMPLETED:
        return RefundRule.MANUAL_AFTER_COMPLETION
    return RefundRule.MANUAL_BEFORE_COMPLETION


def is_automatic(rule: RefundRule) -> bool:
    """Refunded at once, nothing for the vendor to decide (the vendor is told)."""
    return rule is RefundRule.SAAS_SELF_SERVICE


def vendor_decides(rule: RefundRule) -> bool:
    return rule not in (RefundRule.SAAS_SELF_SERVICE, RefundRule.NOT_REFUNDABLE)


def decide_by(requested_at: dt.datetime) -> WorkingDate:
    """R-REF-4: 3 working days after the request's Beijing date; flagged late after it."""
    return add_working_days(business_date(requested_at), DECIDE_WITHIN_WORKING_DAYS)


def is_late(deadline: dt.date, today: dt.date) -> bool:
    return today > deadline


def order_state_after(refunded_total_fen: int, paid_fen: int, state_before: OrderState | str) -> OrderState:
    """R-REF-5: once everything paid is refunded (a full refund) the order is ``refunded``; a
    partial refund leaves the state it had before the request (the order's ``refunded_fen``
    records it), and so does a rejection."""
    if refunded_total_fen >= paid_fen > 0:
        return OrderState.REFUNDED
    return OrderState(state_before)


def decision_problem(
    decision: Decision | str, amount_fen: int | None, reason: str | None, refundable_fen: int
) -> str | None:
    """R-REF-4: what is wrong with a vendor's decision, as an error code (None: nothing).
    ``refundable_fen``: what was paid and not yet refunded. A reason is required to reject; a
    partial amount is > 0 and ≤ what is refundable (``AMOUNT_EXCEEDS_PAID``)."""
    match Decision(decision):
        case Decision.REJECT:
            return None if reason and reason.strip() else "REASON_REQUIRED"
        case Decision.PARTIAL:
            if amount_fen is None or amount_fen <= 0:
                return "AMOUNT_REQUIRED"
            return "AMOUNT_EXCEEDS_PAID" if amount_fen > refundable_fen else None
        case Decision.APPROVE:
            return None


@dataclass(frozen=True)
class RefundSplit:
    """Where a refund's amount comes out of the order's market earnings (R-WDR-1)."""

    from_pending: int
    from_withdrawable: int
    owed: int  # 待扣回: taken from the market's next earnings


def refund_split(order_settled: bool, market_withdrawable_fen: int, amount_fen: int) -> RefundSplit:
    """R-WDR-1: an order still pending settlement gives its refund back from pending; a settled
    one from the market's withdrawable, and what that cannot cover becomes owed, so withdrawable
    never goes negative."""
    if amount_fen < 0:
        raise ValueError("a refund amount is never negative")
    if not order_settled:
        return RefundSplit(amount_fen, 0, 0)
    taken = min(max(0, market_withdrawable_fen), amount_fen)
    return RefundSplit(0, taken, amount_fen - taken)


def settle_against_owed(owed_fen: int, settling_fen: int) -> tuple[int, int]:
    """R-WDR-1: money settling in a market first pays what the market owes: (to owed, to withdrawable)."""
    to_owed = min(max(0, owed_fen), settling_fen)
    return to_owed, settling_fen - to_owed
