"""The Workbench's numbers (工作台), counted in SQL over the cache: the to-dos and today's figures
beside yesterday's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import Listing, Message, Order, OutboxCommand
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.listings.queries import listing_ids
from vendor_desktop.cache.messages.queries import is_unread
from vendor_desktop.domain.listings import ListingState
from vendor_desktop.domain.orders import OrderState, is_paid

# Money the buyer paid and still holds with the marketplace (R-WDR-1): refunded orders do not count.
_PAID_STATES = tuple(s.value for s in OrderState if is_paid(s))


@dataclass(frozen=True)
class DashboardCounts:
    unpaid_orders: int = 0  # 待支付: the buyer's move; the vendor may change the price
    to_deliver_orders: int = 0  # 待交付 (state paid): the vendor must deliver
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
            func.count().filter(Order.state == OrderState.PAID.value),
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
