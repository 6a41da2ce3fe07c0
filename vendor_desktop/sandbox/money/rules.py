"""The money rules the sandbox enforces (SPEC §7–§8), all in integer fen, every movement a ledger
entry (资金流水) written with it:

- R-WDR-1: a paid order's amount is earned in its market and pending settlement (待结算) until
  ``domain.earnings.settles_at``, then withdrawable (``order_settled``). Settling is lazy, by the
  sandbox clock (core/catch_up.py): whoever next touches the account brings it up to the clock.
- R-DEP-2..6: the deposit summary, paying deposit from the balance (all or nothing), receipts.
- R-WDR-2..5: withdrawals drawn per market (``domain.earnings.draw_plan``), their arrival window,
  processing on the next working day, paid or failed (failed returns the money).

Every move locks the vendor's money row first (``locked_money``), on top of the write lock, then
checks, then writes (DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from vendor_desktop.domain.account import mask_account_number
from vendor_desktop.domain.deposit import DEPOSIT_MAXIMUM_FEN, most_payable_fen, tier_covered
from vendor_desktop.domain.earnings import (
    IN_FLIGHT,
    WITHDRAWAL_STATE_NAMES,
    AgreementKind,
    DrawRefused,
    LedgerKind,
    WithdrawalState,
    arrival_window,
    draw_plan,
    hold_reason,
    settles_at,
)
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import refund_split, settle_against_owed
from vendor_desktop.domain.workdays import add_working_days, business_date

from ..core import catch_up, entities, names
from ..core.changes import record_change
from ..core.clock import iso
from ..core.database import Vendor, lock_writes
from ..core.errors import ApiError
from ..listings.errors import VENDOR_EXITED
from ..orders.models import Order
from ..orders.rules import complete_order, silent_deliveries
from .errors import (
    AGREEMENT_NOT_SIGNED,
    BANK_ACCOUNT_MISSING,
    DEPOSIT_ABOVE_MAXIMUM,
    DEPOSIT_NOT_COVERED,
    INSUFFICIENT_BALANCE,
    WITHDRAWAL_STATE,
)
from .models import DepositPayment, Earning, LedgerEntry, Money, Withdrawal

#: R-WDR-1: the order states whose amount stays earned (a refunded order's went back to the buyer).
EARNING_STATES = frozenset({OrderState.PAID, OrderState.DELIVERING, OrderState.COMPLETED, OrderState.REFUNDING})


# --- the rows -------------------------------------------------------------------------------


def locked_money(s: Session, account_id: str) -> Money:
    """The vendor's money row, locked until commit (``FOR UPDATE`` on PostgreSQL, on top of the
    write lock): every money move of this vendor queues behind the one holding it."""
    lock_writes(s)
    money = s.get(Money, account_id, with_for_update=True, populate_existing=True)
    if money is None:
        raise ApiError(404, "NOT_FOUND", "No such account.", "账号不存在。")
    return money


def earning_id(account_id: str, market: str) -> str:
    return f"{account_id}:{market}"


def _changed(s: Session, entity: str, row: Any) -> None:
    """A new version of an existing entity, in the change log."""
    row.version += 1
    record_change(s, row.account_id, entity, row.account_id if entity == "deposit" else row.id, row.version)


def _earnings(s: Session, account_id: str) -> list[Earning]:
    query = select(Earning).where(Earning.account_id == account_id).with_for_update()
    return list(s.execute(query.execution_options(populate_existing=True)).scalars())


def signed_agreements(s: Session, account_id: str) -> set[str]:
    """The kinds of agreement the vendor signed (the account area keeps them: read by id)."""
    found = (entities.get(s, "agreement", f"{account_id}:{kind.value}") for kind in AgreementKind)
    return {a.kind for a in found if a is not None and a.signed}


def _earning(s: Session, money: Money, market: str) -> Earning:
    """The market's earnings, made when the market first earns (R-DEP-2: then it has revenue)."""
    found = s.get(Earning, earning_id(money.account_id, market), with_for_update=True, populate_existing=True)
    if found is not None:
        return found
    earning = Earning(
        id=earning_id(money.account_id, market),
        account_id=money.account_id,
        market=market,
        earned_fen=0,
        pending_fen=0,
        withdrawable_fen=0,
        in_flight_fen=0,
        paid_out_fen=0,
        owed_fen=0,
        blocked_reason=_hold(market, signed_agreements(s, money.account_id), _deposit_for_holds(s, money)),
        version=0,  # _changed makes it 1
    )
    s.add(earning)
    return earning


def _hold(market: str, signed: set[str], paid_fen: int) -> str | None:
    reason = hold_reason(market, signed, paid_fen)
    return reason.value if reason is not None else None


def _deposit_for_holds(s: Session, money: Money) -> int:
    """The deposit that R-WDR-2's hold is checked against. Once the deposit came back after exit
    (R-DEP-7: nothing open, no violations) it has done its work: what the vendor earned stays
    withdrawable rather than held for want of a deposit it can no longer pay."""
    vendor = s.get(Vendor, money.account_id)
    if vendor is not None and vendor.deposit_refunded_at is not None:
        return DEPOSIT_MAXIMUM_FEN
    return money.deposit_paid_fen


def write_ledger(s: Session, money: Money, kind: LedgerKind, amount_fen: int, balance_after_fen: int, at: str,
                 **refs: str | int | None) -> LedgerEntry:  # fmt: skip
    """One movement of the vendor's money: ``balance_after_fen`` is its book's balance after it
    (the account balance, or the market's withdrawable: domain.earnings.ledger_book)."""
    money.ledger_written += 1
    entry = LedgerEntry(
        id=names.seeded_id(money.account_id, "led", money.ledger_written),
        account_id=money.account_id,
        seq=money.ledger_written,
        kind=kind.value,
        amount_fen=amount_fen,
        balance_after_fen=balance_after_fen,
        market=refs.pop("market", None),
        order_number=refs.pop("order_number", None),
        withdrawal_id=refs.pop("withdrawal_id", None),
        receipt_number=refs.pop("receipt_number", None),
        refund_id=refs.pop("refund_id", None),
        owed_fen=refs.pop("owed_fen", None),
        at=at,
        version=1,
    )
    if refs:
        raise TypeError(f"not a ledger reference: {', '.join(refs)}")
    s.add(entry)
    record_change(s, money.account_id, "ledger_entry", entry.id, 1)
    return entry


def refresh_holds(s: Session, account_id: str, money: Money) -> None:
    """R-WDR-2: recompute why each market's earnings are on hold, after the agreements or the
    deposit changed; every earning of the vendor gets a new version then."""
    signed = signed_agreements(s, account_id)
    deposit = _deposit_for_holds(s, money)
    for earning in _earnings(s, account_id):
        earning.blocked_reason = _hold(earning.market, signed, deposit)
        _changed(s, "earning", earning)


# --- R-WDR-1: earning and settling ----------------------------------------------------------


def order_paid(s: Session, order: Order, now: dt.datetime) -> None:
    """R-WDR-1: the buyer paid: the amount is earned in the order's market, pending settlement
    until ``settles_at`` (API and image: at once)."""
    money = locked_money(s, order.account_id)
    earning = _earning(s, money, order.market)
    earning.earned_fen += order.amount_fen
    earning.pending_fen += order.amount_fen
    _changed(s, "earning", earning)
    if order.market not in money.revenue_markets:  # R-DEP-2: a new market with revenue
        markets = {*money.revenue_markets, order.market}
        money.revenue_markets = [m for m in MARKETS if m in markets]
        _changed(s, "deposit", money)
    when = settles_at(order.market, dt.datetime.fromisoformat(order.paid_at or iso(now)), None)
    order.settles_at, order.settled = (iso(when) if when else None), False
    settle_due(s, order.account_id, now)


def order_completed(s: Session, order: Order, now: dt.datetime) -> None:
    """R-WDR-1: a manual service's money settles when the order is completed."""
    if order.settles_at is None and not order.settled and order.paid_at is not None:
        order.settles_at = iso(now)
        s.flush()
    settle_due(s, order.account_id, now)


@catch_up.register
def complete_silent_deliveries(s: Session, account_id: str, now: dt.datetime) -> None:
    """R-ORD-5: a delivery the buyer neither confirmed nor disputed for 7 days completes then
    (at ``completes_by``), and its money settles (R-WDR-1): registered before ``settle_due``, so
    one catch-up does both."""
    if not s.execute(select(exists(silent_deliveries(account_id, now)))).scalar():
        return
    locked_money(s, account_id)
    for order in list(s.execute(silent_deliveries(account_id, now).order_by(Order.completes_by, Order.id)).scalars()):
        at = order.completes_by
        complete_order(s, order, now, at=at)
        order.settles_at = at
    s.flush()


def refund_order(s: Session, order: Order, amount_fen: int, refund_id: str, now: dt.datetime) -> None:
    """R-WDR-1, SPEC §5: a refund of ``amount_fen`` reduces the order's market earnings
    (domain.refunds.refund_split): from pending while the order has not settled (no ledger entry:
    pending money never entered the ledger, and the order later settles what is left); else from
    withdrawable, and what that cannot cover becomes owed (待扣回), in one ``refund`` entry.

    Each market keeps: earned − refunded = pending + withdrawable + in_flight + paid_out − owed,
    where refunded is the sum of its orders' ``refunded_fen`` (earned is never reduced)."""
    money = locked_money(s, order.account_id)
    earning = _earning(s, money, order.market)
    split = refund_split(order.settled, earning.withdrawable_fen, amount_fen)
    earning.pending_fen -= split.from_pending
    earning.withdrawable_fen -= split.from_withdrawable
    earning.owed_fen += split.owed
    if order.settled:
        write_ledger(s, money, LedgerKind.REFUND, -split.from_withdrawable, earning.withdrawable_fen, iso(now),
                     market=order.market, order_number=order.number, refund_id=refund_id,
                     owed_fen=split.owed)  # fmt: skip
    _changed(s, "earning", earning)


def refund_deposit(s: Session, account_id: str, at: str) -> int:
    """R-DEP-7: after exit, the paid deposit comes back into the balance (a ``deposit_refund``
    entry); the deposit is then 0. Returns the amount."""
    money = locked_money(s, account_id)
    amount = money.deposit_paid_fen
    money.deposit_paid_fen = 0
    money.balance_fen += amount
    write_ledger(s, money, LedgerKind.DEPOSIT_REFUND, amount, money.balance_fen, at)
    _changed(s, "deposit", money)
    refresh_holds(s, account_id, money)
    return amount


def _due_orders(account_id: str, now: dt.datetime) -> Any:
    # An order being refunded waits, pending, for the refund's outcome (as the seed keeps it):
    # settling it now would let money on its way back to the buyer be withdrawn.
    return select(Order).where(
        Order.account_id == account_id,
        Order.settled.is_(False),
        Order.settles_at <= iso(now),
        Order.state != OrderState.REFUNDING.value,
    )


@catch_up.register
def settle_due(s: Session, account_id: str, now: dt.datetime) -> None:
    """R-WDR-1: move every order whose settlement time has passed from pending to withdrawable,
    one ``order_settled`` entry each. Reads first; locks only when something is due."""
    if not s.execute(select(exists(_due_orders(account_id, now)))).scalar():
        return
    money = locked_money(s, account_id)  # then look again: another request may have settled them
    due = list(s.execute(_due_orders(account_id, now).order_by(Order.settles_at, Order.id)).scalars())
    touched: dict[str, Earning] = {}
    for order in due:
        order.settled = True
        if order.state not in EARNING_STATES:
            continue  # refunded in the meantime: nothing to settle (the refunds issue deducts)
        earning = touched.get(order.market) or _earning(s, money, order.market)
        touched[order.market] = earning
        # SPEC §5: what a partial refund gave back left pending already (refund_order).
        settling = order.amount_fen - order.refunded_fen
        earning.pending_fen -= settling
        # R-WDR-1: settling money first pays what the market owes (待扣回); the entry books what
        # reached withdrawable.
        to_owed, to_withdrawable = settle_against_owed(earning.owed_fen, settling)
        earning.owed_fen -= to_owed
        earning.withdrawable_fen += to_withdrawable
        write_ledger(s, money, LedgerKind.ORDER_SETTLED, to_withdrawable, earning.withdrawable_fen,
                     order.settles_at or iso(now), market=order.market, order_number=order.number)  # fmt: skip
    for earning in touched.values():
        _changed(s, "earning", earning)


def _due_withdrawals(account_id: str, now: dt.datetime) -> Any:
    return select(Withdrawal).where(
        Withdrawal.account_id == account_id,
        Withdrawal.state == WithdrawalState.REQUESTED.value,
        Withdrawal.processing_on <= business_date(now).isoformat(),
    )


def processing_moment(day: dt.date | str) -> str:
    """R-WDR-5: a withdrawal is processing from 00:00, Beijing time, of its processing day."""
    return f"{day}T00:00:00+08:00"


def withdrawal_destination(bank: str, account_number: str) -> str:
    """Where a withdrawal goes, as anyone may see it: 招商银行 **** 1234 (SPEC §11)."""
    return f"{bank} {mask_account_number(account_number)}"


@catch_up.register
def start_processing_due(s: Session, account_id: str, now: dt.datetime) -> None:
    """R-WDR-5: a requested withdrawal is processing from the first working day after it."""
    if not s.execute(select(exists(_due_withdrawals(account_id, now)))).scalar():
        return
    locked_money(s, account_id)
    for withdrawal in s.execute(_due_withdrawals(account_id, now).order_by(Withdrawal.requested_at)).scalars():
        withdrawal.state = WithdrawalState.PROCESSING.value
        withdrawal.processing_at = processing_moment(withdrawal.processing_on)
        _changed(s, "withdrawal", withdrawal)


# --- the balance and the deposit (R-DEP-4..6) -----------------------------------------------


def top_up(s: Session, account_id: str, amount_fen: int, now: dt.datetime) -> Money:
    """充值: money into the balance (the marketplace side: a bank transfer arrived)."""
    money = locked_money(s, account_id)
    money.balance_fen += amount_fen
    write_ledger(s, money, LedgerKind.TOP_UP, amount_fen, money.balance_fen, iso(now))
    _changed(s, "deposit", money)
    return money


def receipt_number(money: Money, now: dt.datetime) -> str:
    """R-DEP-6: 缴纳凭证 number, unique per vendor: BZJ, the Beijing date, a 6-digit sequence."""
    return f"BZJ{business_date(now):%Y%m%d}{money.receipts_issued:06d}"


def pay_deposit(s: Session, account_id: str, amount_fen: int, paid_by: str, now: dt.datetime) -> DepositPayment:
    """R-DEP-4/5/6: pay deposit from the balance, up to tier 3, all or nothing."""
    settle_due(s, account_id, now)
    money = locked_money(s, account_id)
    vendor = s.get(Vendor, account_id)
    if vendor is not None and vendor.exited_at is not None:
        # R-DEP-7: after exit the deposit only comes back; one paid now would never be refunded.
        raise ApiError(409, VENDOR_EXITED, details={"exited_at": vendor.exited_at})
    if money.deposit_paid_fen + amount_fen > DEPOSIT_MAXIMUM_FEN:  # R-DEP-4
        raise ApiError(
            422,
            DEPOSIT_ABOVE_MAXIMUM,
            details={"most_payable_fen": most_payable_fen(money.deposit_paid_fen), "paid_fen": money.deposit_paid_fen},
        )
    if amount_fen > money.balance_fen:  # R-DEP-5: no partial payment
        details = {"balance_fen": money.balance_fen, "short_fen": amount_fen - money.balance_fen}
        raise ApiError(422, INSUFFICIENT_BALANCE, details=details)
    money.balance_fen -= amount_fen
    money.deposit_paid_fen += amount_fen
    money.receipts_issued += 1
    payment = DepositPayment(
        id=uuid.uuid4().hex,
        account_id=account_id,
        amount_fen=amount_fen,
        receipt_number=receipt_number(money, now),
        paid_at=iso(now),
        paid_fen_after=money.deposit_paid_fen,
        tier_after=tier_covered(money.deposit_paid_fen),
        paid_by=paid_by,
        version=1,
    )
    s.add(payment)
    record_change(s, account_id, "deposit_payment", payment.id, 1)
    write_ledger(s, money, LedgerKind.DEPOSIT_PAYMENT, -amount_fen, money.balance_fen, payment.paid_at,
                 receipt_number=payment.receipt_number)  # fmt: skip
    _changed(s, "deposit", money)
    refresh_holds(s, account_id, money)  # R-WDR-2: a higher tier may release held markets
    return payment


# --- withdrawals (R-WDR-2..5) ---------------------------------------------------------------


def request_withdrawal(s: Session, account_id: str, amount_fen: int, actor: str, now: dt.datetime) -> Withdrawal:
    """R-WDR-2..5: withdraw ``amount_fen`` of the withdrawable earnings to the bank account on
    file. Checks in API.md's order: bank account, agreements, then the draw plan."""
    settle_due(s, account_id, now)
    money = locked_money(s, account_id)
    bank = entities.get(s, "bank_account", account_id)
    if bank is None:  # R-WDR-4
        raise ApiError(422, BANK_ACCOUNT_MISSING)
    missing = [k.value for k in AgreementKind if k.value not in signed_agreements(s, account_id)]
    if missing:  # R-WDR-2
        raise ApiError(422, AGREEMENT_NOT_SIGNED, details={"missing": missing})
    earnings = {e.market: e for e in _earnings(s, account_id)}
    held = [m for m, e in earnings.items() if e.blocked_reason is not None]
    try:
        plan = draw_plan({m: e.withdrawable_fen for m, e in earnings.items()}, held, amount_fen)
    except DrawRefused as refused:
        details: dict[str, Any] = {"withdrawable_fen": refused.withdrawable_fen}
        if refused.code == DEPOSIT_NOT_COVERED:
            details |= {"on_hold_fen": refused.on_hold_fen,
                        "markets": [m for m in MARKETS if m in held and earnings[m].withdrawable_fen > 0]}  # fmt: skip
        raise ApiError(422, refused.code, details=details) from None
    requested_on = business_date(now)
    window = arrival_window(requested_on)  # R-WDR-3
    withdrawal = Withdrawal(
        id=uuid.uuid4().hex,
        account_id=account_id,
        amount_fen=amount_fen,
        state=WithdrawalState.REQUESTED.value,
        requested_at=iso(now),
        processing_on=add_working_days(requested_on, 1).date.isoformat(),
        expected_from=window.first.isoformat(),
        expected_until=window.last.isoformat(),
        expected_approximate=window.approximate,
        draws=plan,
        bank_account=withdrawal_destination(bank.bank, bank.account_number),
        requested_by=actor,
        processing_at=None,
        settled_at=None,
        failure_reason=None,
        version=1,
    )
    s.add(withdrawal)
    record_change(s, account_id, "withdrawal", withdrawal.id, 1)
    for market, take in plan.items():
        earning = earnings[market]
        earning.withdrawable_fen -= take
        earning.in_flight_fen += take
        write_ledger(s, money, LedgerKind.WITHDRAWAL, -take, earning.withdrawable_fen, withdrawal.requested_at,
                     market=market, withdrawal_id=withdrawal.id)  # fmt: skip
        _changed(s, "earning", earning)
    return withdrawal


def settle_withdrawal(s: Session, withdrawal: Withdrawal, paid: bool, reason: str | None, now: dt.datetime) -> None:
    """The marketplace pays a withdrawal out (已到账) or it fails (失败): a failure returns each
    market's draw to its withdrawable (``withdrawal_returned``)."""
    start_processing_due(s, withdrawal.account_id, now)
    money = locked_money(s, withdrawal.account_id)
    s.refresh(withdrawal, with_for_update=True)
    if withdrawal.state not in IN_FLIGHT:
        en, zh = WITHDRAWAL_STATE_NAMES[withdrawal.state]
        raise ApiError(
            409,
            WITHDRAWAL_STATE,
            f"A withdrawal in state “{en}” cannot be settled.",
            f"提现状态为「{zh}」，不能再处理。",
            details={"state": withdrawal.state},
        )
    if withdrawal.processing_at is None:
        # R-WDR-5: requested → processing → paid | failed; settled before its processing day, it
        # passes through processing now rather than skip it.
        withdrawal.processing_at = iso(now)
    withdrawal.state = (WithdrawalState.PAID if paid else WithdrawalState.FAILED).value
    withdrawal.settled_at = iso(now)
    withdrawal.failure_reason = None if paid else reason
    for market, take in withdrawal.draws.items():
        earning = _earning(s, money, market)
        earning.in_flight_fen -= take
        if paid:
            earning.paid_out_fen += take
        else:
            # Money back in a market that owes meanwhile pays that first: withdrawable never holds
            # money that is owed (R-WDR-1).
            to_owed, back = settle_against_owed(earning.owed_fen, take)
            earning.owed_fen -= to_owed
            earning.withdrawable_fen += back
            write_ledger(s, money, LedgerKind.WITHDRAWAL_RETURNED, back, earning.withdrawable_fen,
                         withdrawal.settled_at, market=market, withdrawal_id=withdrawal.id)  # fmt: skip
        _changed(s, "earning", earning)
    _changed(s, "withdrawal", withdrawal)
