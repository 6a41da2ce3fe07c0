"""Leaving the marketplace (退出云市场), R-EXT-1 and R-DEP-7, and delivering manual services,
R-ORD-5: what blocks an exit, when the deposit comes back, when silence completes a delivery.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from .markets import MARKETS, Delivery

#: R-EXT-1/R-DEP-7: the deposit is refunded about 45 days after the receipt is returned.
DEPOSIT_REFUND_DAYS = 45
#: R-ORD-5: a delivery the buyer neither confirms nor disputes completes after 7 days.
DELIVERY_SILENCE_DAYS = 7


class ExitBlocker(StrEnum):
    """R-EXT-1: what must be settled before a vendor may leave. 409 ``EXIT_BLOCKED`` lists each in
    ``details.blockers``: ``[{"blocker": <this>, "count": n, "ids": [up to 20 entity ids]}]``, in
    this order, only those with a count."""

    OPEN_ORDERS = "open_orders"  # not completed or cancelled
    PENDING_REFUNDS = "pending_refunds"
    PENDING_INVOICES = "pending_invoices"
    WITHDRAWALS_IN_PROGRESS = "withdrawals_in_progress"


def deposit_refund_on(receipt_returned_on: dt.date) -> dt.date:
    """R-DEP-7: the expected date of the deposit refund (an estimate: 'about 45 days')."""
    return receipt_returned_on + dt.timedelta(days=DEPOSIT_REFUND_DAYS)


def delivered_by_vendor(market_id: str) -> bool:
    """R-ORD-5: manual services wait for the vendor's *Start delivery…*; the others deliver themselves."""
    return MARKETS[market_id].delivery is Delivery.MANUAL


def completes_by_silence_at(delivering_since: dt.datetime) -> dt.datetime:
    """R-ORD-5: without the buyer's confirmation, a delivery completes 7 days after it started."""
    return delivering_since + dt.timedelta(days=DELIVERY_SILENCE_DAYS)
