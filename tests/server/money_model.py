"""What a vendor's money should be, kept by the money property test (test_money_property.py) from
what it asked the sandbox to do: top-ups, paid orders, deposit payments, withdrawals, agreements
and the clock. Everything else — pending, withdrawable, in flight, holds, tiers — follows from
those facts and the SPEC §7–§8 rules, recomputed at each look rather than updated step by step, so
a wrong update in the model cannot hide a wrong update in the server.
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
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.workdays import add_working_days, business_date


@dataclass
class PaidOrder:
    number: str
    market: str
    amount_fen: int
    paid_at: dt.datetime
    completed_at: dt.datetime | None = None


@dataclass
class ExpectedWithdrawal:
    amount_fen: int
    draws: dict[str, int]
    requested_at: dt.datetime
    settled: WithdrawalState | None = None  # PAID or FAILED once the marketplace settled it


@dataclass
class MoneyModel:
    now: dt.datetime
    signed: set[str]
    topped_up_fen: int = 0
    deposit_payments: list[int] = field(default_factory=list)
    orders: dict[str, PaidOrder] = field(default_factory=dict)
    withdrawals: dict[str, ExpectedWithdrawal] = field(default_factory=dict)

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

    def earnings(self) -> dict[str, dict[str, Any]]:
        """market → the ``earning`` entity's money fields, for every market that has earned."""
        found: dict[str, dict[str, Any]] = {}
        for market in self.revenue_markets():
            orders = [o for o in self.orders.values() if o.market == market]
            draws = [(w, w.draws.get(market, 0)) for w in self.withdrawals.values()]
            earned = sum(o.amount_fen for o in orders)
            settled = sum(o.amount_fen for o in orders if self.settled(o))
            in_flight = sum(fen for w, fen in draws if self.state(w) in IN_FLIGHT)
            paid_out = sum(fen for w, fen in draws if self.state(w) is WithdrawalState.PAID)
            found[market] = {
                "earned_fen": earned,
                "pending_fen": earned - settled,
                "withdrawable_fen": settled - in_flight - paid_out,
                "in_flight_fen": in_flight,
                "paid_out_fen": paid_out,
                "owed_fen": 0,  # no refunds in this test
                "blocked_reason": self.hold(market),
            }
        return found

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
