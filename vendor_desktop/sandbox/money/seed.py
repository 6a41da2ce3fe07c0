"""The demo vendor's money (资金管理): earnings from its paid orders (R-WDR-1), the balance and
deposit it starts with, and optionally withdrawals in its history — as plain rows for the
seeder's bulk inserts, with the ledger entries that explain every amount.

The books are written by replaying what happened in time order, so each ledger entry's
``balance_after_fen`` is its book's running balance, as a live sandbox would have written it:
the starting balance and deposit arrive as a top-up, then a deposit payment; each order settles
at ``domain.earnings.settles_at`` (if that is before the day the data is anchored to: later
ones settle lazily, by the sandbox clock); a withdrawal draws what is free then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from vendor_desktop.domain.deposit import tier_covered
from vendor_desktop.domain.earnings import (
    LedgerKind,
    WithdrawalState,
    arrival_window,
    draw_plan,
    hold_reason,
    settles_at,
)
from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.workdays import SHANGHAI, add_working_days, business_date

from ..core import names
from ..core.clock import iso
from ..orders.seed import seeded_completion
from .rules import EARNING_STATES, earning_id, processing_moment, receipt_number, withdrawal_destination

#: When the seeded history withdrawals were requested, days before the anchor day: one paid, one processing.
_WITHDRAWAL_DAYS_AGO = (40, 6)


@dataclass
class _Books:
    """The vendor's money while the history replays."""

    account_id: str
    balance: int = 0
    paid: int = 0
    ledger: list[dict[str, Any]] = field(default_factory=list)
    withdrawable: dict[str, int] = field(default_factory=dict)

    def write(self, kind: LedgerKind, amount: int, after: int, at: str, **refs: str | None) -> None:
        seq = len(self.ledger) + 1
        self.ledger.append(
            {
                "id": names.seeded_id(self.account_id, "led", seq),
                "account_id": self.account_id,
                "seq": seq,
                "kind": kind.value,
                "amount_fen": amount,
                "balance_after_fen": after,
                "market": refs.get("market"),
                "order_number": refs.get("order_number"),
                "withdrawal_id": refs.get("withdrawal_id"),
                "receipt_number": refs.get("receipt_number"),
                "at": at,
                "version": 1,
            }
        )


@dataclass
class SeededMoney:
    money: dict[str, Any]
    earnings: list[dict[str, Any]]
    deposit_payments: list[dict[str, Any]]
    withdrawals: list[dict[str, Any]]
    ledger: list[dict[str, Any]]


def order_settlement(order: dict[str, Any], today: dt.datetime) -> str | None:
    """R-WDR-1: a seeded paid order's ``settles_at``; a manual service completed some days after
    payment (but before the anchor day); none while a manual service is not completed or a refund
    is being decided (the refunds issue settles those)."""
    if order["state"] == OrderState.REFUNDING:
        return None
    paid_at = dt.datetime.fromisoformat(order["paid_at"])
    completed = None
    if MARKETS[order["market"]].delivery is Delivery.MANUAL and order["state"] == OrderState.COMPLETED:
        completed = seeded_completion(order["market"], paid_at, today)
    when = settles_at(order["market"], paid_at, completed)
    return iso(when) if when is not None else None


def seed_money(
    account_id: str,
    orders: list[dict[str, Any]],
    today: dt.datetime,
    *,
    start: dt.datetime,
    balance_fen: int,
    deposit_paid_fen: int,
    signed: list[str],
    paid_by: str,
    bank_account: dict[str, Any] | None,
    withdrawals: int,
) -> SeededMoney:
    """The money rows of a seeded vendor; marks each order row's ``settles_at`` and ``settled``.
    ``start``: when the vendor's history begins (its top-up and deposit payment)."""
    books = _Books(account_id)
    events: list[tuple[str, int, Any]] = []  # (at, tie-break, what), replayed in order
    earned: dict[str, int] = {}
    pending: dict[str, int] = {}
    refunded: dict[str, int] = {}
    for order in orders:
        order["settles_at"], order["settled"] = None, False
        market = order["market"]
        if order["state"] == OrderState.REFUNDED:
            # Paid, so earned (before refunds), and refunded in full before it settled: from
            # pending, which it therefore never adds to (R-WDR-1).
            refunded[market] = refunded.get(market, 0) + order["amount_fen"]
            continue
        if order["state"] not in EARNING_STATES:
            continue
        earned[market] = earned.get(market, 0) + order["amount_fen"]
        order["settles_at"] = order_settlement(order, today)
        if order["settles_at"] is not None and order["settles_at"] <= iso(today):
            order["settled"] = True
            events.append((order["settles_at"], 1, order))
        else:
            pending[market] = pending.get(market, 0) + order["amount_fen"]
    payments = []
    if balance_fen + deposit_paid_fen:
        at = iso(start)
        books.balance += balance_fen + deposit_paid_fen
        books.write(LedgerKind.TOP_UP, balance_fen + deposit_paid_fen, books.balance, at)
    if deposit_paid_fen:
        at = iso(start + dt.timedelta(minutes=5))
        receipt = receipt_number(_Receipts(1), start)
        books.balance -= deposit_paid_fen
        books.paid = deposit_paid_fen
        books.write(LedgerKind.DEPOSIT_PAYMENT, -deposit_paid_fen, books.balance, at, receipt_number=receipt)
        payments.append(
            {
                "id": names.seeded_id(account_id, "dep", 1),
                "account_id": account_id,
                "amount_fen": deposit_paid_fen,
                "receipt_number": receipt,
                "paid_at": at,
                "paid_fen_after": deposit_paid_fen,
                "tier_after": tier_covered(deposit_paid_fen),
                "paid_by": paid_by,
                "version": 1,
            }
        )
    held = {m for m in MARKETS if hold_reason(m, signed, deposit_paid_fen) is not None}
    if bank_account is not None and not set(signed) ^ {"access", "revenue"}:
        for n, days in enumerate(_WITHDRAWAL_DAYS_AGO[:withdrawals]):
            events.append((iso(today - dt.timedelta(days=days) + dt.timedelta(hours=10)), 2, n))
    made: list[dict[str, Any]] = []
    in_flight: dict[str, int] = {}
    paid_out: dict[str, int] = {}
    for at, what, subject in sorted(events, key=lambda e: (e[0], e[1])):
        if what == 1:  # an order settles
            market = subject["market"]
            books.withdrawable[market] = books.withdrawable.get(market, 0) + subject["amount_fen"]
            books.write(LedgerKind.ORDER_SETTLED, subject["amount_fen"], books.withdrawable[market], at,
                        market=market, order_number=subject["number"])  # fmt: skip
            continue
        free = sum(v for m, v in books.withdrawable.items() if m not in held)
        amount = free // 2 // 10_000 * 10_000  # half of what is free, in whole ¥100
        if amount <= 0:
            continue
        paid = subject == 0  # the older one has arrived; the newer one is on its way
        withdrawal = _withdrawal(account_id, subject, amount, at, today, paid, bank_account, paid_by)
        withdrawal["draws"] = draw_plan(books.withdrawable, held, amount)
        for market, take in withdrawal["draws"].items():
            books.withdrawable[market] -= take
            (paid_out if paid else in_flight)[market] = (paid_out if paid else in_flight).get(market, 0) + take
            books.write(LedgerKind.WITHDRAWAL, -take, books.withdrawable[market], at,
                        market=market, withdrawal_id=withdrawal["id"])  # fmt: skip
        made.append(withdrawal)
    revenue = [m for m in MARKETS if earned.get(m)]
    earnings = [
        {
            "id": earning_id(account_id, m),
            "account_id": account_id,
            "market": m,
            "earned_fen": earned[m] + refunded.get(m, 0),
            "pending_fen": pending.get(m, 0),
            "withdrawable_fen": books.withdrawable.get(m, 0),
            "in_flight_fen": in_flight.get(m, 0),
            "paid_out_fen": paid_out.get(m, 0),
            "owed_fen": 0,
            "blocked_reason": _reason(m, signed, deposit_paid_fen),
            "version": 1,
        }
        for m in revenue
    ]
    money = {
        "account_id": account_id,
        "balance_fen": books.balance,
        "deposit_paid_fen": books.paid,
        "revenue_markets": revenue,
        "receipts_issued": len(payments),
        "ledger_written": len(books.ledger),
        "version": 1,
    }
    return SeededMoney(money, earnings, payments, made, books.ledger)


@dataclass
class _Receipts:
    """What ``rules.receipt_number`` reads of the money row."""

    receipts_issued: int


def _reason(market: str, signed: list[str], paid_fen: int) -> str | None:
    reason = hold_reason(market, signed, paid_fen)
    return reason.value if reason is not None else None


def _withdrawal(
    account_id: str,
    n: int,
    amount: int,
    at: str,
    today: dt.datetime,
    paid: bool,
    bank: dict[str, Any],
    actor: str,
) -> dict[str, Any]:
    requested_on = business_date(dt.datetime.fromisoformat(at))
    window = arrival_window(requested_on)
    processing_on = add_working_days(requested_on, 1).date
    processing = processing_on <= today.date()
    arrived = dt.datetime.combine(window.first, dt.time(10, 0), tzinfo=SHANGHAI)
    state = WithdrawalState.PAID if paid else WithdrawalState.PROCESSING if processing else WithdrawalState.REQUESTED
    return {
        "id": names.seeded_id(account_id, "wdr", n),
        "account_id": account_id,
        "amount_fen": amount,
        "state": state.value,
        "requested_at": at,
        "processing_on": processing_on.isoformat(),
        "expected_from": window.first.isoformat(),
        "expected_until": window.last.isoformat(),
        "expected_approximate": window.approximate,
        "draws": {},
        "bank_account": withdrawal_destination(bank["bank"], bank["account_number"]),
        "requested_by": actor,
        "processing_at": processing_moment(processing_on.isoformat()) if processing or paid else None,
        "settled_at": iso(arrived) if paid else None,
        "failure_reason": None,
        "version": 1,
    }
