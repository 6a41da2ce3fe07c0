"""Refund queries for the Refunds area (退款): filter and sort in SQL, ids first.

Like the invoices' (``cache.invoices.queries``): the view asks for the ordered ids once and loads
full rows only for the visible range. The default order puts what needs the vendor first: the
requests awaiting a decision, the nearest decide-by date first (R-REF-4), then the decided ones,
the newest first.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.by_id import rows_by_id
from vendor_desktop.cache.core.models import Refund
from vendor_desktop.cache.orders.search_text import fold
from vendor_desktop.domain.refunds import RefundRule, RefundState

#: Sort keys of the Refunds view → the columns they sort on.
SORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "requested": ("requested_ts",),
    "order_number": ("order_number",),
    "listing": ("json_extract(data, '$.listing_name')",),
    "buyer": ("buyer_account_id",),
    "amount": ("amount_fen",),
    "refunded": ("refunded_fen",),
    "state": ("state",),
    "decide_by": ("decide_by", "requested_ts"),
    "rule": ("rule",),
}

_REQUESTED = RefundState.REQUESTED.value
#: Awaiting a decision first (R-REF-4), then the decided ones.
_ACTION_RANK = f"CASE state WHEN '{_REQUESTED}' THEN 0 ELSE 1 END"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class RefundQuery:
    """What the user filtered and sorted by; an empty ``states`` means any state."""

    states: tuple[str, ...] = (_REQUESTED,)  # the list opens on what awaits a decision
    text: str = ""  # order number or buyer account ID, as a substring
    sort: str = "decide_by"
    descending: bool = False


@dataclass(frozen=True)
class RefundRow:
    id: str
    version: int
    order_id: str | None
    order_number: str | None
    buyer_account_id: str | None
    market: str | None
    amount_fen: int  # what the buyer asked for
    refunded_fen: int  # what this request refunded
    state: str
    rule: str
    requested_at: dt.datetime
    decide_by: dt.date | None
    data: dict[str, Any]

    @property
    def listing_name(self) -> str:
        return str(self.data.get("listing_name") or "")

    @property
    def paid_fen(self) -> int:
        return _int(self.data.get("paid_fen"))

    @property
    def buyer_reason(self) -> str:
        return str(self.data.get("buyer_reason") or "")

    @property
    def self_service_before(self) -> int:
        return _int(self.data.get("buyer_self_service_before"))

    @property
    def order_state_before(self) -> str:
        return str(self.data.get("order_state_before") or "")

    @property
    def decide_by_approximate(self) -> bool:
        return self.data.get("decide_by_approximate") is True

    @property
    def decided_at(self) -> dt.datetime | None:
        value = self.data.get("decided_at")
        return parse_timestamp(value) if isinstance(value, str) else None

    @property
    def decided_by(self) -> str:
        return str(self.data.get("decided_by") or "")

    @property
    def decision_reason(self) -> str:
        return str(self.data.get("decision_reason") or "")

    @property
    def invoice_issued(self) -> bool:
        return self.data.get("invoice_issued") is True

    @property
    def awaiting_decision(self) -> bool:
        return self.state == _REQUESTED


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _where(query: RefundQuery) -> tuple[str, list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    if query.states:
        conditions.append(f"state IN ({', '.join('?' * len(query.states))})")
        params += query.states
    text = fold(query.text.strip())
    if text:
        # What a buyer on the phone gives: the order number, or their account ID.
        conditions.append(
            "(instr(lower(coalesce(order_number, '')), ?) > 0 OR instr(lower(coalesce(buyer_account_id, '')), ?) > 0)"
        )
        params += [text, text]
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def _rows(session: Session, sql: str, params: list[Any]) -> list[Any]:
    """Plain SQL on the session's own connection (in its transaction), without per-row ORM work."""
    conn = cast(sqlite3.Connection, session.connection().connection.driver_connection)
    return conn.execute(sql, params).fetchall()


def refund_ids(session: Session, query: RefundQuery, *, limit: int | None = None) -> list[str]:
    """Ids of the matching refunds in display order (the first ``limit``, or all), ties broken by id."""
    try:
        columns = SORT_COLUMNS[query.sort]
    except KeyError:
        raise ValueError(f"unknown sort key {query.sort!r}; expected one of {sorted(SORT_COLUMNS)}") from None
    direction = "DESC" if query.descending else "ASC"
    order = ", ".join(f"{c} IS NULL, {c} {direction}" for c in columns)
    if query.sort == "decide_by":
        # R-REF-4: what awaits a decision first, nearest deadline first; the decided ones have no
        # deadline left: the newest request first among them. Descending turns it all round.
        newest = "ASC" if query.descending else "DESC"
        order = f"{_ACTION_RANK} {direction}, decide_by IS NULL, decide_by {direction}, requested_ts {newest}"
    where, params = _where(query)
    sql = f"SELECT id FROM refunds{where} ORDER BY {order}, id {direction}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in _rows(session, sql, params)]


def count_refunds(session: Session, query: RefundQuery) -> int:
    where, params = _where(query)
    return int(_rows(session, f"SELECT count(*) FROM refunds{where}", params)[0][0])


def any_refunds(session: Session) -> bool:
    """Whether the cache holds any refund at all (the list's "no refunds yet" from "nothing matches")."""
    return bool(_rows(session, "SELECT 1 FROM refunds LIMIT 1", []))


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _to_row(refund: Refund) -> RefundRow:
    return RefundRow(
        id=refund.id,
        version=refund.version,
        order_id=refund.order_id,
        order_number=refund.order_number,
        buyer_account_id=refund.buyer_account_id,
        market=refund.market,
        amount_fen=refund.amount_fen or 0,
        refunded_fen=refund.refunded_fen or 0,
        state=refund.state or _REQUESTED,
        rule=refund.rule or RefundRule.MANUAL_BEFORE_COMPLETION.value,
        # A server without requested_at would be a bug; the epoch keeps the view working.
        requested_at=parse_timestamp(refund.requested_at) or _EPOCH,
        decide_by=_date(refund.decide_by),
        data=json.loads(refund.data),
    )


def refunds_by_id(session: Session, ids: Sequence[str]) -> dict[str, RefundRow]:
    """Full rows for the given ids (the visible range); missing ids are simply absent."""
    return rows_by_id(session, Refund, ids, _to_row)


def refund_detail(session: Session, refund_id: str) -> RefundRow | None:
    """One refund with its version (sent as If-Match) and its whole data."""
    refund = session.get(Refund, refund_id)
    return _to_row(refund) if refund is not None else None


def buyer_history(session: Session, buyer_account_id: str | None, *, limit: int = 50) -> list[RefundRow]:
    """The buyer's refund requests with this vendor, newest first (what the cache holds)."""
    if not buyer_account_id:
        return []
    stmt = (
        select(Refund)
        .where(Refund.buyer_account_id == buyer_account_id)
        .order_by(Refund.requested_ts.desc(), Refund.id.desc())
        .limit(limit)
    )
    return [_to_row(r) for r in session.scalars(stmt)]


def refunds_of_order(session: Session, order_id: str) -> list[RefundRow]:
    """The refund requests of one order, newest first (an order may be refunded in parts)."""
    stmt = select(Refund).where(Refund.order_id == order_id).order_by(Refund.requested_ts.desc(), Refund.id.desc())
    return [_to_row(r) for r in session.scalars(stmt)]


def refund_of_order(session: Session, order_id: str) -> RefundRow | None:
    """The order's newest refund request, if any (what the Orders detail may link to)."""
    found = refunds_of_order(session, order_id)
    return found[0] if found else None
