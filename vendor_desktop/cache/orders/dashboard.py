"""The Workbench's numbers (工作台), counted in SQL over the cache: the to-dos and today's figures
beside yesterday's; the refund requests awaiting a decision (R-REF-4) and the tickets awaiting the
vendor's reply (R-TKT-1), and the refunds to remind of the working day before their decide-by date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import Listing, Message, Order, OutboxCommand, Refund, Ticket
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.listings.queries import listing_ids
from vendor_desktop.cache.messages.queries import is_unread
from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.domain.invoices import is_working_day_before
from vendor_desktop.domain.listings import ListingState
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.orders import OrderState, is_paid
from vendor_desktop.domain.refunds import RefundState
from vendor_desktop.domain.tickets import TicketState
from vendor_desktop.domain.workdays import add_working_days

# Money the buyer paid and still holds with the marketplace (R-WDR-1): refunded orders do not count.
_PAID_STATES = tuple(s.value for s in OrderState if is_paid(s))
# R-ORD-5: only manual services wait for the vendor to deliver; the others deliver themselves.
_MANUAL = tuple(m for m in MARKETS if delivered_by_vendor(m))


@dataclass(frozen=True)
class DashboardCounts:
    unpaid_orders: int = 0  # 待支付: the buyer's move; the vendor may change the price
    to_deliver_orders: int = 0  # 待交付 (state paid) of the manual services: the vendor must deliver
    delivering_orders: int = 0
    today_orders: int = 0  # created today, Asia/Shanghai
    yesterday_orders: int = 0  # created the day before, Asia/Shanghai
    today_revenue_fen: int = 0  # paid today (Asia/Shanghai) and not refunded
    yesterday_revenue_fen: int = 0  # paid the day before and not refunded
    unread_messages: int = 0
    listings_on_sale: int = 0
    rejected_listings: int = 0  # 审核未通过: rejected, or on sale with its changes rejected
    refused_changes: int = 0  # queued changes the marketplace did not accept (云市场未接受)
    total_orders: int = 0


def dashboard_counts(session: Session, today: dt.date) -> DashboardCounts:
    """``today`` is the business date (``domain.workdays.business_date(now)``); yesterday is the
    calendar day before it, in the same time zone."""
    day, yesterday = today.isoformat(), (today - dt.timedelta(days=1)).isoformat()
    paid = Order.state.in_(_PAID_STATES)
    order_stats = session.execute(
        select(
            func.count(),
            func.count().filter(Order.state == OrderState.UNPAID.value),
            func.count().filter(Order.state == OrderState.PAID.value, Order.market.in_(_MANUAL)),
            func.count().filter(Order.state == OrderState.DELIVERING.value),
            func.count().filter(Order.created_date == day),
            func.count().filter(Order.created_date == yesterday),
            func.coalesce(func.sum(Order.amount_fen).filter(Order.paid_date == day, paid), 0),
            func.coalesce(func.sum(Order.amount_fen).filter(Order.paid_date == yesterday, paid), 0),
        ).select_from(Order)
    ).one()
    on_sale = session.scalar(
        select(func.count()).select_from(Listing).where(Listing.state == ListingState.ON_SALE.value)
    )
    # What the Listings filter 审核未通过 shows: rejected listings and on-sale ones whose changes
    # were rejected (R-LST-3, R-LST-5); counted by the same query, so the card and the list agree.
    rejected = len(listing_ids(session, states=(ListingState.REJECTED.value,)))
    unread = session.scalar(select(func.count()).select_from(Message).where(is_unread())) or 0
    refused = (
        session.scalar(
            select(func.count()).select_from(OutboxCommand).where(OutboxCommand.state == CommandState.REJECTED.value)
        )
        or 0
    )
    total, unpaid, to_deliver, delivering, today_orders, yesterday_orders, revenue, revenue_before = order_stats
    return DashboardCounts(
        unpaid_orders=unpaid,
        to_deliver_orders=to_deliver,
        delivering_orders=delivering,
        today_orders=today_orders,
        yesterday_orders=yesterday_orders,
        today_revenue_fen=int(revenue or 0),
        yesterday_revenue_fen=int(revenue_before or 0),
        unread_messages=unread,
        listings_on_sale=on_sale or 0,
        rejected_listings=rejected or 0,
        refused_changes=refused,
        total_orders=total,
    )


@dataclass(frozen=True)
class RefundCounts:
    """Refund requests awaiting the vendor's decision (待处理), R-REF-4."""

    awaiting: int = 0
    late: int = 0  # past their decide-by date (domain.refunds.is_late)
    nearest_decide_by: dt.date | None = None  # the earliest decide-by among them, late ones included


def refund_counts(session: Session, today: dt.date) -> RefundCounts:
    """``today`` is the business (Beijing) date; decide-by dates are stored as ``YYYY-MM-DD``."""
    awaiting, late, nearest = session.execute(
        select(func.count(), func.count().filter(Refund.decide_by < today.isoformat()), func.min(Refund.decide_by))
        .select_from(Refund)
        .where(Refund.state == RefundState.REQUESTED.value)
    ).one()
    return RefundCounts(awaiting, late, dt.date.fromisoformat(nearest) if nearest else None)


def tickets_awaiting_reply(session: Session) -> int:
    """Tickets the marketplace answered and that wait for the vendor (待您回复), R-TKT-1."""
    return (
        session.scalar(select(func.count()).select_from(Ticket).where(Ticket.state == TicketState.REPLIED.value)) or 0
    )


@dataclass(frozen=True)
class DueRefund:
    """A refund request to remind the user of: what the notification names."""

    id: str
    order_number: str
    decide_by: dt.date


def refunds_due_next_working_day(session: Session, today: dt.date) -> list[DueRefund]:
    """Requests awaiting a decision whose decide-by date is the next working day, when ``today``
    is the working day before it (the rule the invoice reminder uses, issue 12); earliest first."""
    upper = add_working_days(today, 2).date.isoformat()
    rows = session.execute(
        select(Refund.id, Refund.order_number, Refund.decide_by)
        .where(
            Refund.state == RefundState.REQUESTED.value,
            Refund.decide_by > today.isoformat(),
            Refund.decide_by < upper,
        )
        .order_by(Refund.decide_by, Refund.requested_ts, Refund.id)
    ).all()
    due = [DueRefund(r.id, r.order_number or "", dt.date.fromisoformat(r.decide_by)) for r in rows]
    return [d for d in due if is_working_day_before(today, d.decide_by)]
