"""What a vendor's money should be, kept by the money property test (test_money_property.py) from
what it asked the sandbox to do: top-ups, paid orders, deposit payments, withdrawals, agreements,
refunds (SPEC §5) and the clock. Everything else — pending, withdrawable, owed, in flight, holds,
tiers — follows from those facts and the SPEC §5–§8 rules, recomputed at each look rather than
updated step by step, so a wrong update in the model cannot hide a wrong update in the server.

Refunds make the earnings depend on the order things happened in (R-WDR-1: a refund of settled
money takes what the market's withdrawable holds at that moment, the rest is owed and paid first
by later settlements), so each market's books are replayed from the facts in that order
(``_replay``): settlements by their time, the vendor's and buyers' steps by when they were made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from vendor_desktop.domain.deposit import (
    DEPOSIT_MAXIMUM_FEN,
    deposit_outstanding_fen,
    deposit_required_fen,
    markets_covered,
    required_tier,
    tier_covered,
)
from vendor_desktop.domain.earnings import (
    IN_FLIGHT,
    AgreementKind,
    DrawRefused,
    WithdrawalState,
    arrival_window,
    draw_plan,
    hold_reason,
    settles_at,
)
from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import (
    Decision,
    RefundRule,
    RefundState,
    decision_problem,
    is_automatic,
    refund_rule,
    refund_split,
    settle_against_owed,
)
from vendor_desktop.domain.workdays import add_working_days, business_date


@dataclass
class PaidOrder:
    number: str
    market: str
    amount_fen: int
    paid_at: dt.datetime
    completed_at: dt.datetime | None = None
    paid_step: int = 0  # when, among the steps (``MoneyModel.step``), it was paid
    completed_step: int = 0


@dataclass
class ExpectedWithdrawal:
    amount_fen: int
    draws: dict[str, int]
    requested_at: dt.datetime
    settled: WithdrawalState | None = None  # PAID or FAILED once the marketplace settled it
    requested_step: int = 0
    settled_at: dt.datetime | None = None
    settled_step: int = 0


@dataclass
class ExpectedRefund:
    """A buyer's refund request (R-REF-1…5) and what became of it."""

    order_id: str
    asked_fen: int
    rule: RefundRule
    requested_at: dt.datetime
    requested_step: int
    state: RefundState = RefundState.REQUESTED
    refunded_fen: int = 0
    decided_at: dt.datetime | None = None  # also when an automatic refund was made
    decided_step: int = 0


@dataclass
class MarketBooks:
    """One market's earnings replayed from the facts (``MoneyModel._replay``)."""

    pending_fen: int = 0
    withdrawable_fen: int = 0
    owed_fen: int = 0
    settled_to_withdrawable_fen: int = 0  # what settlements put into withdrawable (after paying owed)
    refunded_from_withdrawable_fen: int = 0
    returned_fen: dict[str, int] = field(default_factory=dict)  # withdrawal id → what a failure put back
    # refund id → (from pending, from withdrawable, owed): R-WDR-1's split when it was refunded
    splits: dict[str, tuple[int, int, int]] = field(default_factory=dict)


@dataclass
class MoneyModel:
    now: dt.datetime
    signed: set[str]
    topped_up_fen: int = 0
    deposit_payments: list[int] = field(default_factory=list)
    orders: dict[str, PaidOrder] = field(default_factory=dict)
    withdrawals: dict[str, ExpectedWithdrawal] = field(default_factory=dict)
    refunds: dict[str, ExpectedRefund] = field(default_factory=dict)
    step: int = 0  # counts the steps that move money, to order those made at the same moment

    # --- the balance and the deposit (R-DEP-*) --------------------------------------------

    @property
    def deposit_paid_fen(self) -> int:
        return sum(self.deposit_payments)

    @property
    def balance_fen(self) -> int:
        return self.topped_up_fen - self.deposit_paid_fen

    def deposit_refusal(self, amount_fen: int) -> str | None:
        """R-DEP-4/5: the code a payment of ``amount_fen`` is refused with, or None when it is paid;
        checked in the order the served OpenAPI documents."""
        if amount_fen <= 0:
            return "VALIDATION_FAILED"
        if self.deposit_paid_fen + amount_fen > DEPOSIT_MAXIMUM_FEN:
            return "DEPOSIT_ABOVE_MAXIMUM"
        if amount_fen > self.balance_fen:
            return "INSUFFICIENT_BALANCE"
        return None

    def revenue_markets(self) -> list[str]:
        """R-DEP-2: markets where the vendor has earned, SPEC §1 order."""
        return [m for m in MARKETS if any(o.market == m for o in self.orders.values())]

    def deposit_summary(self) -> dict[str, Any]:
        """The ``deposit`` entity as the owner should see it."""
        revenue, paid = self.revenue_markets(), self.deposit_paid_fen
        required = deposit_required_fen(revenue)
        return {
            "balance_fen": self.balance_fen,
            "paid_fen": paid,
            "required_fen": required,
            "outstanding_fen": deposit_outstanding_fen(required, paid),
            "tier": tier_covered(paid),
            "required_tier": required_tier(revenue),
            "covered_markets": list(markets_covered(paid)),
            "revenue_markets": revenue,
        }

    # --- earnings (R-WDR-1/2) -------------------------------------------------------------

    def settled(self, order: PaidOrder) -> bool:
        when = settles_at(order.market, order.paid_at, order.completed_at)
        return when is not None and when <= self.now

    def settlements_after(self, moment: dt.datetime) -> list[dt.datetime]:
        """When orders' money still pending at ``moment`` will settle (those that know it yet)."""
        found = [settles_at(o.market, o.paid_at, o.completed_at) for o in self.orders.values()]
        return [when for when in found if when is not None and when > moment]

    def hold(self, market: str) -> str | None:
        reason = hold_reason(market, self.signed, self.deposit_paid_fen)
        return reason.value if reason is not None else None

    def _settlement_order(self, order_id: str) -> tuple[dt.datetime, int, int] | None:
        """Where an order's settlement falls among the facts: API and image when paid, a manual
        service when completed (both at their step), SaaS when its review period ends, before any
        step made at that moment (the sandbox settles as its clock reaches it). An order being
        refunded then waits for the vendor's decision and settles what is left right after it
        (R-WDR-1: money on its way back to the buyer is never withdrawable); until then, not at all."""
        order = self.orders[order_id]
        when = settles_at(order.market, order.paid_at, order.completed_at)
        if when is None or when > self.now:
            return None
        delivery = MARKETS[order.market].delivery
        step = (
            -1
            if delivery is Delivery.SAAS
            else order.completed_step
            if delivery is Delivery.MANUAL
            else order.paid_step
        )
        at = (when, step, 0)
        for r in self.refunds.values():
            opened = (r.requested_at, r.requested_step, 0)
            if (
                r.order_id == order_id
                and opened < at
                and (r.decided_at is None or (r.decided_at, r.decided_step) > at[:2])
            ):
                return None if r.decided_at is None else (r.decided_at, r.decided_step, 1)
        return at

    def _replay(self) -> dict[str, MarketBooks]:
        """Every market's books, replaying settlements, refunds and withdrawals in the order they
        happened (R-WDR-1: refund_split; settle_against_owed for settlements and for money a failed
        withdrawal returns)."""
        events: list[tuple[tuple[dt.datetime, int, int], str, Any]] = []
        for oid in self.orders:
            at = self._settlement_order(oid)
            if at is not None:
                events.append((at, "settled", oid))
        for rid, r in self.refunds.items():
            if r.refunded_fen and r.decided_at is not None:
                events.append(((r.decided_at, r.decided_step, 0), "refunded", rid))
        for wid, w in self.withdrawals.items():
            events.append(((w.requested_at, w.requested_step, 0), "drawn", wid))
            if w.settled is WithdrawalState.FAILED and w.settled_at is not None:
                events.append(((w.settled_at, w.settled_step, 0), "returned", wid))
        books = {m: MarketBooks() for m in self.revenue_markets()}
        settled: set[str] = set()
        for o in self.orders.values():
            books[o.market].pending_fen += o.amount_fen
        for at, what, subject in sorted(events, key=lambda e: e[0]):
            if what == "settled":
                order = self.orders[subject]
                b = books[order.market]
                # What refunds gave back before it settled left pending already.
                remaining = order.amount_fen - self.refunded_fen(subject, before=at)
                to_owed, to_withdrawable = settle_against_owed(b.owed_fen, remaining)
                b.pending_fen -= remaining
                b.owed_fen -= to_owed
                b.withdrawable_fen += to_withdrawable
                b.settled_to_withdrawable_fen += to_withdrawable
                settled.add(subject)
            elif what == "refunded":
                refund = self.refunds[subject]
                b = books[self.orders[refund.order_id].market]
                split = refund_split(refund.order_id in settled, b.withdrawable_fen, refund.refunded_fen)
                b.pending_fen -= split.from_pending
                b.withdrawable_fen -= split.from_withdrawable
                b.refunded_from_withdrawable_fen += split.from_withdrawable
                b.owed_fen += split.owed
                b.splits[subject] = (split.from_pending, split.from_withdrawable, split.owed)
            else:
                for market, fen in self.withdrawals[subject].draws.items():
                    b = books[market]
                    if what == "drawn":
                        b.withdrawable_fen -= fen
                    else:  # money back in a market that owes pays that first
                        to_owed, back = settle_against_owed(b.owed_fen, fen)
                        b.owed_fen -= to_owed
                        b.withdrawable_fen += back
                        b.returned_fen[subject] = back
        return books

    def earnings(self) -> dict[str, dict[str, Any]]:
        """market → the ``earning`` entity's money fields, for every market that has earned."""
        found: dict[str, dict[str, Any]] = {}
        books = self._replay()
        for market in self.revenue_markets():
            orders = [o for o in self.orders.values() if o.market == market]
            draws = [(w, w.draws.get(market, 0)) for w in self.withdrawals.values()]
            in_flight = sum(fen for w, fen in draws if self.state(w) in IN_FLIGHT)
            paid_out = sum(fen for w, fen in draws if self.state(w) is WithdrawalState.PAID)
            b = books[market]
            found[market] = {
                "earned_fen": sum(o.amount_fen for o in orders),
                "pending_fen": b.pending_fen,
                "withdrawable_fen": b.withdrawable_fen,
                "in_flight_fen": in_flight,
                "paid_out_fen": paid_out,
                "owed_fen": b.owed_fen,
                "blocked_reason": self.hold(market),
            }
        return found

    def market_books(self) -> dict[str, MarketBooks]:
        return self._replay()

    # --- refunds (SPEC §5, R-REF-1…5) -----------------------------------------------------

    def refunded_fen(self, order_id: str, before: tuple[dt.datetime, int, int] | None = None) -> int:
        """What the order's refunds gave back (those made before ``before`` when given)."""
        return sum(
            r.refunded_fen
            for r in self.refunds.values()
            if r.order_id == order_id
            and r.decided_at is not None
            and (before is None or (r.decided_at, r.decided_step, 0) < before)
        )

    def refundable_fen(self, order_id: str) -> int:
        """What was paid and not yet refunded."""
        return self.orders[order_id].amount_fen - self.refunded_fen(order_id)

    def open_request(self, order_id: str) -> ExpectedRefund | None:
        return next(
            (r for r in self.refunds.values() if r.order_id == order_id and r.state is RefundState.REQUESTED), None
        )

    def order_state(self, order_id: str) -> OrderState:
        """R-REF-5, R-ORD-5: refunding while a request waits; refunded once everything paid is."""
        order = self.orders[order_id]
        if self.refundable_fen(order_id) <= 0:
            return OrderState.REFUNDED
        if self.open_request(order_id) is not None:
            return OrderState.REFUNDING
        return OrderState.COMPLETED if order.completed_at is not None else OrderState.PAID

    def self_service_refunds(self) -> int:
        """R-REF-1: the buyer's self-service refunds so far (each vendor's orders have a buyer of their own)."""
        return sum(r.rule is RefundRule.SAAS_SELF_SERVICE for r in self.refunds.values())

    def refund_request_outcome(self, order_id: str, amount_fen: int | None) -> RefundRule | str:
        """A buyer's request: the rule it falls under (R-REF-1…3), or the refusal's code, in the
        order the sandbox checks: the order's state, R-REF-2, the amount."""
        if amount_fen is not None and amount_fen <= 0:
            return "VALIDATION_FAILED"  # the body alone, first
        order = self.orders[order_id]
        state = self.order_state(order_id)
        if state in (OrderState.REFUNDING, OrderState.REFUNDED):
            return "ORDER_STATE"
        if MARKETS[order.market].delivery in (Delivery.API, Delivery.IMAGE):
            return "NOT_REFUNDABLE"  # R-REF-2
        if amount_fen is not None and amount_fen > self.refundable_fen(order_id):
            return "AMOUNT_EXCEEDS_PAID"
        return refund_rule(order.market, state, order.paid_at, self.now, self.self_service_refunds())

    def request_refund(self, refund_id: str, order_id: str, amount_fen: int | None, rule: RefundRule) -> None:
        self.step += 1
        asked = amount_fen if amount_fen is not None else self.refundable_fen(order_id)
        refund = ExpectedRefund(order_id, asked, rule, self.now, self.step)
        self.refunds[refund_id] = refund
        if is_automatic(rule):
            self._refund(refund, RefundState.APPROVED, asked)

    def decision_outcome(self, refund_id: str, decision: Decision, amount_fen: int | None) -> str | None:
        """R-REF-4: the code the vendor's decision is refused with, or None when it applies, in
        the order the sandbox checks: the body alone (a partial without an amount), the request's
        state, the amount against what is left to refund."""
        refund = self.refunds[refund_id]
        reason = "协商不成" if decision is Decision.REJECT else None
        if decision_problem(decision, amount_fen, reason, 2**62) is not None:
            return "VALIDATION_FAILED"
        if refund.state is not RefundState.REQUESTED:
            return "REFUND_STATE"
        return decision_problem(decision, amount_fen, reason, self.refundable_fen(refund.order_id))

    def decide(self, refund_id: str, decision: Decision, amount_fen: int | None) -> None:
        self.step += 1
        refund = self.refunds[refund_id]
        if decision is Decision.REJECT:
            refund.state = RefundState.REJECTED
            refund.decided_at, refund.decided_step = self.now, self.step
        elif decision is Decision.APPROVE:
            self._refund(refund, RefundState.APPROVED, refund.asked_fen)
        else:
            assert amount_fen is not None
            self._refund(refund, RefundState.PARTIAL, amount_fen)

    def _refund(self, refund: ExpectedRefund, state: RefundState, amount_fen: int) -> None:
        refund.state, refund.refunded_fen = state, amount_fen
        refund.decided_at, refund.decided_step = self.now, self.step

    def refund_view(self, refund_id: str) -> dict[str, Any]:
        """The ``refund`` entity's fields the rules fix."""
        r = self.refunds[refund_id]
        return {
            "order_id": r.order_id,
            "amount_fen": r.asked_fen,
            "refunded_fen": r.refunded_fen,
            "state": r.state.value,
            "rule": r.rule.value,
        }

    # --- withdrawals (R-WDR-2..5) ---------------------------------------------------------

    def state(self, w: ExpectedWithdrawal) -> WithdrawalState:
        """R-WDR-5: requested, processing from the first working day after the request's Beijing
        date, then whatever the marketplace settled it as."""
        if w.settled is not None:
            return w.settled
        processing_on = add_working_days(business_date(w.requested_at), 1).date
        return WithdrawalState.PROCESSING if business_date(self.now) >= processing_on else WithdrawalState.REQUESTED

    def withdrawal_outcome(self, amount_fen: int) -> dict[str, int] | str:
        """R-WDR-2/5: the draws a withdrawal of ``amount_fen`` makes now, or the refusal's code.
        Agreements are checked before the amount (API.md's order of the checks)."""
        if amount_fen <= 0:
            return "VALIDATION_FAILED"
        if set(AgreementKind) - self.signed:
            return "AGREEMENT_NOT_SIGNED"
        earnings = self.earnings()
        held = [m for m, e in earnings.items() if e["blocked_reason"] is not None]
        try:
            return draw_plan({m: e["withdrawable_fen"] for m, e in earnings.items()}, held, amount_fen)
        except DrawRefused as refused:
            return refused.code

    def withdrawal_view(self, w: ExpectedWithdrawal) -> dict[str, Any]:
        """The ``withdrawal`` entity's fields the rules fix."""
        window = arrival_window(business_date(w.requested_at))  # R-WDR-3
        return {
            "amount_fen": w.amount_fen,
            "state": self.state(w).value,
            "draws": w.draws,
            "expected_from": window.first.isoformat(),
            "expected_until": window.last.isoformat(),
            "expected_approximate": window.approximate,
        }

    def withdrawable_fen(self, including_held: bool) -> int:
        return sum(
            e["withdrawable_fen"] for e in self.earnings().values() if including_held or e["blocked_reason"] is None
        )
