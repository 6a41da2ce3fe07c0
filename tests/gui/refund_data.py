"""Synced refund rows for the Refunds area's tests, written into a real cache file (issue 14)."""

from __future__ import annotations

import datetime as dt

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.domain.refunds import decide_by

SH = dt.timezone(dt.timedelta(hours=8))
TODAY = dt.date(2026, 11, 27)  # a Friday


def refund(
    n: int,
    *,
    state: str = "requested",
    rule: str = "manual_before_completion",
    market: str = "custom_service",
    requested: dt.datetime | None = None,
    paid_fen: int = 100_000,
    amount_fen: int = 30_000,
    refunded_fen: int = 0,
    buyer: str = "B-1001",
    order: int | None = None,
    self_service_before: int = 0,
    invoice_issued: bool = False,
    decided_by: str | None = None,
    decision_reason: str | None = None,
    version: int = 1,
) -> dict:
    requested = requested or dt.datetime(2026, 11, 26, 10, 0, tzinfo=SH) - dt.timedelta(minutes=n)
    deadline = decide_by(requested).date if state == "requested" and rule != "saas_self_service" else None
    decided = state != "requested"
    order = n if order is None else order
    return {
        "entity": "refund", "id": f"r{n:05d}", "version": version, "deleted": False,
        "data": {
            "order_id": f"o{order:05d}", "order_number": f"20261120{order:06d}", "listing_name": f"数据迁移服务 {n}",
            "market": market, "buyer_account_id": buyer, "paid_fen": paid_fen, "amount_fen": amount_fen,
            "refunded_fen": refunded_fen, "state": state, "rule": rule, "buyer_reason": "服务未按约定时间开始",
            "buyer_self_service_before": self_service_before, "order_state_before": "delivering",
            "requested_at": requested.isoformat(), "decide_by": deadline.isoformat() if deadline else None,
            "decide_by_approximate": False,
            "decided_at": (requested + dt.timedelta(hours=5)).isoformat() if decided else None,
            "decided_by": decided_by, "decision_reason": decision_reason, "invoice_issued": invoice_issued,
        },
    }  # fmt: skip


def write(db, changes) -> None:
    with db.session() as s, s.begin():
        apply_changes(s, changes)
