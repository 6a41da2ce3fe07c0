"""Withdrawal history (提现记录) for the Money area, R-WDR-3..5: newest first, ids first.

Like the other long lists (``cache.invoices.queries``): one keyset query gives the ordered ids,
rows load only for the visible range. A vendor withdraws a few times a month, yet years of
history add up, and the list opens instantly however long it is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.by_id import rows_by_id
from vendor_desktop.cache.core.models import Withdrawal


@dataclass(frozen=True)
class WithdrawalRow:
    id: str
    version: int
    amount_fen: int
    state: str
    requested_at: dt.datetime | None
    expected_from: dt.date | None
    expected_until: dt.date | None
    data: dict[str, Any]

    @property
    def expected_approximate(self) -> bool:
        return self.data.get("expected_approximate") is True

    @property
    def settled_at(self) -> dt.datetime | None:
        return parse_timestamp(self.data.get("settled_at"))

    @property
    def failure_reason(self) -> str:
        return str(self.data.get("failure_reason") or "")

    @property
    def bank_account(self) -> str:
        return str(self.data.get("bank_account") or "")

    @property
    def requested_by(self) -> str:
        return str(self.data.get("requested_by") or "")


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _to_row(w: Withdrawal) -> WithdrawalRow:
    return WithdrawalRow(
        id=w.id,
        version=w.version,
        amount_fen=w.amount_fen or 0,
        state=w.state or "",
        requested_at=parse_timestamp(w.requested_at),
        expected_from=_date(w.expected_from),
        expected_until=_date(w.expected_until),
        data=json.loads(w.data),
    )


def withdrawal_ids(session: Session, *, limit: int | None = None) -> list[str]:
    """Ids newest request first (ties by id, so the order is stable); the first ``limit`` or all."""
    stmt = select(Withdrawal.id).order_by(Withdrawal.requested_ts.desc(), Withdrawal.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count_withdrawals(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Withdrawal)) or 0)


def withdrawals_by_id(session: Session, ids: Sequence[str]) -> dict[str, WithdrawalRow]:
    """Full rows for the visible range; missing ids are simply absent."""
    return rows_by_id(session, Withdrawal, ids, _to_row)
