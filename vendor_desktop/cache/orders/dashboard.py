"""The dashboard's numbers (首页概览), counted in SQL over the cache."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import Listing, Message, Order
from vendor_desktop.cache.messages.queries import is_unread
from vendor_desktop.domain.orders import OrderState, is_paid

# Money the buyer paid and still holds with the marketplace (R-WDR-1): refunded orders do not count.
_PAID_STATES = tuple(s.value for s in OrderState if is_paid(s))


@dataclass(frozen=True)
class DashboardCounts:
    unpaid_orders: int
    today_orders: int  # created today, Asia/Shanghai
    today_revenue_fen: int  # paid today (Asia/Shanghai) and not refunded
    delivering_orders: int
    unread_messages: int
    listings_on_sale: int
    total_orders: int


def dashboard_counts(session: Session, today: dt.date) -> DashboardCounts:
    """``today`` is the business date (``domain.workdays.business_date(now)``)."""
    day = today.isoformat()
    order_stats = session.execute(
        select(
            func.count(),
            func.count().filter(Order.state == OrderState.UNPAID.value),
            func.count().filter(Order.state == OrderState.DELIVERING.value),
            func.count().filter(Order.created_date == day),
            func.coalesce(
                func.sum(Order.amount_fen).filter(Order.paid_date == day, Order.state.in_(_PAID_STATES)), 0
            ),
        ).select_from(Order)
    ).one()
    unread = session.scalar(select(func.count()).select_from(Message).where(is_unread())) or 0
    on_sale = session.scalar(select(func.count()).select_from(Listing).where(Listing.state == "on_sale")) or 0
    total, unpaid, delivering, today_orders, revenue = order_stats
    return DashboardCounts(
        unpaid_orders=unpaid,
        today_orders=today_orders,
        today_revenue_fen=int(revenue or 0),
        delivering_orders=delivering,
        unread_messages=unread,
        listings_on_sale=on_sale,
        total_orders=total,
    )
