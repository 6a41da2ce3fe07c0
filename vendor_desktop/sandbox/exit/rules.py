"""Leaving the marketplace (退出云市场), R-EXT-1 and R-DEP-7: what blocks it, what it does, and
the deposit's way back.

R-EXT-1's blockers, counted in SQL (domain.exit.ExitBlocker): orders not completed, cancelled or
refunded — unpaid or being refunded, and a manual service paid or being delivered (the vendor still
owes the work). A refunded order is as final as a cancelled one; a paid SaaS, API or image order is
delivered by the marketplace itself (R-ORD-5: the sandbox completes it only when told to), so it
owes nothing of the vendor and blocks nothing.
refund requests awaiting a decision, invoices the buyer asked for and the vendor has not issued
(``pending``), and withdrawals requested or processing. Once clear, the exit delists every listing
on sale or in review, and from then on new orders and listing submissions are refused (409
VENDOR_EXITED, orders/ and listings/). The deposit comes back ~45 days after the receipt is
returned (R-DEP-7): the sandbox clock's catch-up pays it into the balance on that date.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from vendor_desktop.domain.earnings import IN_FLIGHT
from vendor_desktop.domain.exit import ExitBlocker, delivered_by_vendor, deposit_refund_on
from vendor_desktop.domain.invoices import InvoiceState
from vendor_desktop.domain.listings import ListingState
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import RefundState
from vendor_desktop.domain.workdays import business_date

from ..core import catch_up
from ..core.changes import record_change, serialise_writers
from ..core.clock import iso
from ..core.database import Vendor
from ..core.errors import ApiError
from ..invoices.models import Invoice
from ..listings import lifecycle as listing_lifecycle
from ..listings.models import Listing
from ..messages.models import Message
from ..money import rules as money
from ..money.models import Withdrawal
from ..orders.models import Order
from ..refunds.models import Refund
from .errors import ALREADY_EXITED, EXIT_BLOCKED, NOT_EXITED

#: R-EXT-1: order states that block an exit in every market, and those that block it in the
#: markets whose orders the vendor delivers (R-ORD-5).
OPEN_ORDER_STATES = (OrderState.UNPAID, OrderState.REFUNDING)
UNDELIVERED_STATES = (OrderState.PAID, OrderState.DELIVERING)
_DELIVERED_BY_VENDOR = [m for m in MARKETS if delivered_by_vendor(m)]
#: How many ids each blocker lists (domain.exit.ExitBlocker).
BLOCKER_IDS = 20


def _blocker_queries(account_id: str) -> dict[ExitBlocker, tuple[Any, Any]]:
    """Each blocker's (id column, condition), in ExitBlocker's order."""
    return {
        ExitBlocker.OPEN_ORDERS: (
            Order.id,
            and_(
                Order.account_id == account_id,
                or_(
                    Order.state.in_([s.value for s in OPEN_ORDER_STATES]),
                    and_(
                        Order.state.in_([s.value for s in UNDELIVERED_STATES]),
                        Order.market.in_(_DELIVERED_BY_VENDOR),
                    ),
                ),
            ),
        ),
        ExitBlocker.PENDING_REFUNDS: (
            Refund.id,
            and_(Refund.account_id == account_id, Refund.state == RefundState.REQUESTED.value),
        ),
        ExitBlocker.PENDING_INVOICES: (
            Invoice.id,
            and_(Invoice.account_id == account_id, Invoice.state == InvoiceState.PENDING.value),
        ),
        ExitBlocker.WITHDRAWALS_IN_PROGRESS: (
            Withdrawal.id,
            and_(Withdrawal.account_id == account_id, Withdrawal.state.in_([s.value for s in IN_FLIGHT])),
        ),
    }


def blockers(s: Session, account_id: str) -> list[dict[str, Any]]:
    """R-EXT-1: ``[{"blocker", "count", "ids"}]``, only those with a count, up to 20 ids each."""
    found = []
    for blocker, (column, condition) in _blocker_queries(account_id).items():
        count = s.execute(select(func.count()).select_from(column.table).where(condition)).scalar_one()
        if count:
            ids = list(s.execute(select(column).where(condition).order_by(column).limit(BLOCKER_IDS)).scalars())
            found.append({"blocker": blocker.value, "count": count, "ids": ids})
    return found


def exit_marketplace(s: Session, account_id: str, now: dt.datetime) -> Vendor:
    """R-EXT-1: leave, once nothing blocks it: every listing on sale or in review is delisted."""
    serialise_writers(s)
    vendor = s.get(Vendor, account_id, populate_existing=True)
    if vendor is None:
        raise ApiError(404, "NOT_FOUND", "No such account.", "账号不存在。")
    if vendor.exited_at is not None:
        raise ApiError(409, ALREADY_EXITED, details={"exited_at": vendor.exited_at})
    found = blockers(s, account_id)
    if found:
        raise ApiError(409, EXIT_BLOCKED, details={"blockers": found})
    live = [ListingState.ON_SALE.value, ListingState.IN_REVIEW.value]
    query = select(Listing).where(Listing.account_id == account_id, Listing.state.in_(live)).order_by(Listing.id)
    for listing in s.execute(query).scalars().all():
        if listing.state == ListingState.ON_SALE:
            listing_lifecycle.delist(s, listing, listing.version, now)
        else:  # its review is withdrawn: nothing goes on sale after an exit
            listing.state = ListingState.DELISTED.value
            listing.version += 1
            listing.updated_at = iso(now)
            record_change(s, account_id, "listing", listing.id, listing.version)
    vendor.exited_at = iso(now)
    _profile_changed(s, vendor)
    return vendor


def receipt_returned(s: Session, account_id: str, now: dt.datetime) -> Vendor:
    """R-DEP-7: the deposit receipt came back today (Beijing): the refund is expected ~45 days on."""
    serialise_writers(s)
    vendor = s.get(Vendor, account_id, populate_existing=True)
    if vendor is None:
        raise ApiError(404, "NOT_FOUND", "No such account.", "账号不存在。")
    if vendor.exited_at is None:
        raise ApiError(409, NOT_EXITED)
    if vendor.deposit_refunded_at is None:  # once paid back, the dates are history
        today = business_date(now)
        vendor.receipt_returned_on = today.isoformat()
        vendor.deposit_refund_on = deposit_refund_on(today).isoformat()
        _profile_changed(s, vendor)
    return vendor


def _profile_changed(s: Session, vendor: Vendor) -> None:
    vendor.version += 1
    record_change(s, vendor.account_id, "vendor_profile", vendor.account_id, vendor.version)


def _deposit_due(account_id: str, now: dt.datetime) -> Any:
    return exists().where(
        Vendor.account_id == account_id,
        Vendor.deposit_refunded_at.is_(None),
        Vendor.deposit_refund_on <= business_date(now).isoformat(),
    )


@catch_up.register
def refund_deposit_due(s: Session, account_id: str, now: dt.datetime) -> None:
    """R-DEP-7: on ``deposit_refund_on`` the deposit is paid back into the balance (00:00 Beijing
    of that day), with a ``deposit_refund`` entry and a ``deposit_refunded`` message."""
    if not s.execute(select(_deposit_due(account_id, now))).scalar():
        return
    money.locked_money(s, account_id)
    vendor = s.get(Vendor, account_id, populate_existing=True)
    if vendor is None or vendor.deposit_refunded_at is not None or vendor.deposit_refund_on is None:
        return  # another request paid it meanwhile
    if blockers(s, account_id):
        # R-DEP-7: only with nothing open — a buyer may still ask a refund of a completed order
        # after exit. The deposit waits until it is settled, and is paid back at the next look.
        return
    at = f"{vendor.deposit_refund_on}T00:00:00+08:00"
    # Before the money moves: the earnings' holds are refreshed against a deposit now returned.
    vendor.deposit_refunded_at = at
    amount = money.refund_deposit(s, account_id, at)
    _profile_changed(s, vendor)
    message = Message(
        id=uuid.uuid4().hex,
        account_id=account_id,
        kind="deposit_refunded",
        title="保证金已退还",
        body=f"您的保证金 {format_fen(amount)} 已退还至账户余额。",
        title_en="Deposit refunded",
        body_en=f"Your deposit of {format_fen(amount)} was refunded to your balance.",
        read=False,
        created_at=at,
        order_id=None,
        listing_id=None,
        invoice_id=None,
        refund_id=None,
        ticket_id=None,
        version=1,
    )
    s.add(message)
    record_change(s, account_id, "message", message.id, 1, audience="deposit")  # SPEC §11: who reads the deposit
