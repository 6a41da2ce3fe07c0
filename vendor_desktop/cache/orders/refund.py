"""The refund of an order, as its detail in Orders shows it (SPEC §5): the newest request the
cache holds for the order. Only roles that read refunds have any (SPEC §11), so a cache without
them simply finds none."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.models import Refund


@dataclass(frozen=True)
class OrderRefund:
    id: str
    state: str  # domain.refunds.RefundState
    amount_fen: int  # what the buyer asked for
    refunded_fen: int  # what it refunded (0 until decided, and when refused)
    requested_at: dt.datetime | None
    decide_by: dt.date | None  # R-REF-4; None when there is nothing to decide
    decision_reason: str


def refund_of_order(session: Session, order_id: str) -> OrderRefund | None:
    """The order's newest refund request, or None."""
    row = session.scalars(
        select(Refund)
        .where(Refund.order_id == order_id)
        .order_by(Refund.requested_ts.desc(), Refund.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    data = json.loads(row.data)
    return OrderRefund(
        id=row.id,
        state=row.state or "",
        amount_fen=row.amount_fen or 0,
        refunded_fen=row.refunded_fen or 0,
        requested_at=parse_timestamp(row.requested_at),
        decide_by=dt.date.fromisoformat(row.decide_by) if row.decide_by else None,
        decision_reason=str(data.get("decision_reason") or ""),
    )
