"""Earnings and withdrawals (收益提现), SPEC §8: when an order's money settles (R-WDR-1), what
holds a market's earnings back (R-WDR-2), the expected arrival window (R-WDR-3) and the
withdrawal states (R-WDR-5). The ledger's kinds (资金流水, API.md ``ledger_entry``) are here too.

Shared by the sandbox, which decides, and the app, which explains before anything is sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .deposit import covers_market
from .markets import MARKETS, Delivery
from .workdays import SHANGHAI, WorkingDate, add_working_days, business_date

#: R-REF-1: the review period (复议期) is the purchase day and the 4 days after it.
REVIEW_PERIOD_DAYS = 5
#: R-WDR-3: money arrives 15–20 working days after the request.
ARRIVAL_WORKING_DAYS = (15, 20)


class AgreementKind(StrEnum):
    ACCESS = "access"  # 接入协议
    REVENUE = "revenue"  # 收益补充协议


class WithdrawalState(StrEnum):
    """R-WDR-5: requested → processing → paid | failed."""

    REQUESTED = "requested"  # 已申请
    PROCESSING = "processing"  # 处理中
    PAID = "paid"  # 已到账
    FAILED = "failed"  # 失败: the money returns to withdrawable


#: Each state's name (English, Chinese) as GLOSSARY.md fixes it, for the marketplace's messages.
WITHDRAWAL_STATE_NAMES: dict[str, tuple[str, str]] = {
    WithdrawalState.REQUESTED: ("Requested", "已申请"),
    WithdrawalState.PROCESSING: ("Processing", "处理中"),
    WithdrawalState.PAID: ("Paid", "已到账"),
    WithdrawalState.FAILED: ("Failed", "失败"),
}

#: A withdrawal still on its way: its money is neither withdrawable nor paid out.
IN_FLIGHT = frozenset({WithdrawalState.REQUESTED, WithdrawalState.PROCESSING})


class HoldReason(StrEnum):
    """Why a market's settled earnings cannot be withdrawn now (R-WDR-2): 暂不可提现."""

    AGREEMENT_NOT_SIGNED = "agreement_not_signed"  # either agreement is unsigned
    DEPOSIT_NOT_COVERED = "deposit_not_covered"  # the paid deposit's tier is below the market's


class LedgerKind(StrEnum):
    """Every money movement (资金流水), API.md ``ledger_entry.kind``. ``amount_fen`` is signed:
    + into its book, − out of it."""

    TOP_UP = "top_up"  # 充值: + balance
    DEPOSIT_PAYMENT = "deposit_payment"  # − balance (the deposit grows by as much), R-DEP-5/6
    DEPOSIT_REFUND = "deposit_refund"  # + balance after exit (R-DEP-7; the exit issue)
    ORDER_SETTLED = "order_settled"  # + a market's withdrawable: pending settlement ended (R-WDR-1)
    REFUND = "refund"  # − a market's earnings (the refunds issue)
    WITHDRAWAL = "withdrawal"  # − a market's withdrawable: one entry per market drawn
    WITHDRAWAL_RETURNED = "withdrawal_returned"  # + back to withdrawable after a failed withdrawal


class LedgerBook(StrEnum):
    """Which account a ledger entry moves: the balance (账户余额) or a market's earnings (收益)."""

    BALANCE = "balance"
    EARNINGS = "earnings"


_BALANCE_KINDS = frozenset({LedgerKind.TOP_UP, LedgerKind.DEPOSIT_PAYMENT, LedgerKind.DEPOSIT_REFUND})


def ledger_book(kind: LedgerKind | str) -> LedgerBook:
    """The book a ledger kind moves; earnings entries carry their market, balance entries none."""
    return LedgerBook.BALANCE if LedgerKind(kind) in _BALANCE_KINDS else LedgerBook.EARNINGS


def review_period_end(paid_at: dt.datetime) -> dt.datetime:
    """R-REF-1/R-REF-5: the first moment after the review period — midnight, Beijing time, at the
    start of the fifth day after the purchase day (bought 7.1 → period 7.1–7.5 → ends 7.6 00:00)."""
    day = business_date(paid_at) + dt.timedelta(days=REVIEW_PERIOD_DAYS)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=SHANGHAI)


def settles_at(market_id: str, paid_at: dt.datetime, completed_at: dt.datetime | None) -> dt.datetime | None:
    """R-WDR-1: when an order's money stops being pending settlement (待结算) and becomes
    withdrawable — once it can no longer be refunded without negotiation. API and image: when
    paid; SaaS: when the review period ends; manual services: when the order is completed (None
    until then)."""
    delivery = MARKETS[market_id].delivery
    if delivery in (Delivery.API, Delivery.IMAGE):
        return paid_at
    if delivery is Delivery.SAAS:
        return review_period_end(paid_at)
    return completed_at


def hold_reason(market_id: str, agreements_signed: Iterable[str], deposit_paid_fen: int) -> HoldReason | None:
    """R-WDR-2: why this market's earnings are on hold (暂不可提现), or None when withdrawable.
    Agreements are checked first: without them nothing can be withdrawn anywhere."""
    if set(AgreementKind) - {AgreementKind(k) for k in agreements_signed}:
        return HoldReason.AGREEMENT_NOT_SIGNED
    if not covers_market(deposit_paid_fen, market_id):
        return HoldReason.DEPOSIT_NOT_COVERED
    return None


@dataclass(frozen=True)
class ArrivalWindow:
    """R-WDR-3: 预计到账 — the first and last expected day; ``approximate`` when a year's holiday
    calendar was not known yet."""

    first: dt.date
    last: dt.date
    approximate: bool


def arrival_window(requested_on: dt.date) -> ArrivalWindow:
    """R-WDR-3: 15–20 working days after the request's Beijing date."""
    first: WorkingDate = add_working_days(requested_on, ARRIVAL_WORKING_DAYS[0])
    last: WorkingDate = add_working_days(requested_on, ARRIVAL_WORKING_DAYS[1])
    return ArrivalWindow(first.date, last.date, first.approximate or last.approximate)


class DrawRefused(ValueError):
    """A withdrawal amount that the withdrawable earnings cannot pay: ``code`` is the API error
    (``AMOUNT_EXCEEDS_WITHDRAWABLE`` or ``DEPOSIT_NOT_COVERED``)."""

    def __init__(self, code: str, withdrawable_fen: int, on_hold_fen: int) -> None:
        super().__init__(code)
        self.code = code
        self.withdrawable_fen = withdrawable_fen
        self.on_hold_fen = on_hold_fen


def draw_plan(
    withdrawable_by_market: Mapping[str, int], held_markets: Iterable[str], amount_fen: int
) -> dict[str, int]:
    """R-WDR-2/R-WDR-5: which markets a withdrawal of ``amount_fen`` draws from, and how much from
    each — markets in SPEC §1 order, skipping those on hold, each drained before the next.

    More than the markets not on hold can pay is ``DEPOSIT_NOT_COVERED`` when the held markets'
    money would have made up the rest, else ``AMOUNT_EXCEEDS_WITHDRAWABLE``."""
    held = set(held_markets)
    free = sum(v for m, v in withdrawable_by_market.items() if m not in held and v > 0)
    on_hold = sum(v for m, v in withdrawable_by_market.items() if m in held and v > 0)
    if amount_fen > free:
        code = "DEPOSIT_NOT_COVERED" if amount_fen <= free + on_hold else "AMOUNT_EXCEEDS_WITHDRAWABLE"
        raise DrawRefused(code, free, on_hold)
    plan: dict[str, int] = {}
    remaining = amount_fen
    for market_id in MARKETS:
        available = withdrawable_by_market.get(market_id, 0)
        if remaining <= 0 or market_id in held or available <= 0:
            continue
        take = min(available, remaining)
        plan[market_id] = take
        remaining -= take
    return plan
