"""Order queries for the Orders view (订单管理, R-ORD-2): filter and sort in SQL, ids first.

The view asks for the ordered ids once (one narrow query over the indexes) and loads full rows
only for the visible range (DESIGN "Big tables on ordered ids"), so 100,000 orders stay cheap.
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
from vendor_desktop.cache.core.models import Order
from vendor_desktop.cache.orders.search_text import fold
from vendor_desktop.domain.workdays import SHANGHAI

#: Sort keys of the Orders view → the column they sort on.
SORT_COLUMNS = {
    "number": Order.number,
    "listing": Order.listing_name,
    "market": Order.market,
    "buyer": Order.buyer_name,
    "amount": Order.amount_fen,
    "state": Order.state,
    "created": Order.created_ts,
}

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class OrderQuery:
    """What the user filtered and sorted by; empty tuples and None mean "any"."""

    states: tuple[str, ...] = ()
    markets: tuple[str, ...] = ()
    date_from: dt.date | None = None  # inclusive, Asia/Shanghai business date
    date_to: dt.date | None = None  # inclusive
    text: str = ""
    sort: str = "created"
    descending: bool = True


@dataclass(frozen=True)
class OrderRow:
    id: str
    version: int
    number: str | None
    state: str | None
    amount_fen: int | None
    listing_id: str | None
    listing_name: str | None
    market: str | None
    billing_mode: str | None
    buyer_account_id: str | None
    buyer_name: str | None  # masked by the server, R-ORD-4
    buyer_contact: str | None  # masked by the server, R-ORD-4
    virtual_number: str | None  # 虚拟号, R-ORD-4
    created_at: dt.datetime
    paid_at: dt.datetime | None
    data: dict[str, Any]
    # Pricing (R-ORD-3, R-DSC-2); None when the server did not send them.
    list_price_fen: int | None = None  # the listing's price before any discount or price change
    discount_id: str | None = None
    discount_percent: int | None = None
    price_change_reason: str | None = None


def escape_like(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern (with ``escape="\\"``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(query: OrderQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (plain SQL with ``?`` parameters) of a query's filters; "" for none."""
    conditions: list[str] = []
    params: list[Any] = []
    if query.states:
        conditions.append(f"state IN ({', '.join('?' * len(query.states))})")
        params += query.states
    if query.markets:
        conditions.append(f"market IN ({', '.join('?' * len(query.markets))})")
        params += query.markets
    # Business dates (Asia/Shanghai) as a range of created_ts: the index that sorts by date then
    # serves the filter too, so no matching row is read beyond the screenful shown. Equivalent to
    # comparing created_date: both are derived from created_at by apply.
    if query.date_from is not None:
        conditions.append("created_ts >= ?")
        params.append(_day_start(query.date_from))
    if query.date_to is not None:
        conditions.append("created_ts < ?")
        params.append(_day_start(query.date_to + dt.timedelta(days=1)))
    text = fold(query.text.strip())
    if text:
        # R-ORD-2: by number (a prefix is a substring too), buyer, buyer account and listing.
        conditions.append("instr(search_text, ?) > 0")
        params.append(text)
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def _day_start(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), tzinfo=SHANGHAI).timestamp())


def _from(query: OrderQuery, limit: int | None = None) -> str:
    # A text search scans the narrow covering index (a few MB) and sorts the matches; left alone,
    # SQLite would walk the sort index and read every wide row to test it, several times slower.
    # With a LIMIT that walk is what we want, if the matches are many (the caller knows: it
    # counted first): it stops after the first screenful.
    return "orders INDEXED BY ix_orders_search" if fold(query.text.strip()) and limit is None else "orders"


def _rows(session: Session, sql: str, params: list[Any]) -> list[Any]:
    """Run plain SQL on the session's own connection (in its transaction), without SQLAlchemy's
    per-row work: the ids of 100,000 orders come back in a few tens of milliseconds."""
    conn = cast(sqlite3.Connection, session.connection().connection.driver_connection)
    return conn.execute(sql, params).fetchall()


def order_ids(session: Session, query: OrderQuery, *, limit: int | None = None) -> list[str]:
    """Ids of the matching orders in display order (the first ``limit``, or all); ties broken by
    id so the order is stable. With a text search, ask for a ``limit`` only when the matches are
    many (a few per cent of the orders or more): it walks the sort order until it has enough."""
    try:
        column = SORT_COLUMNS[query.sort].key
    except KeyError:
        raise ValueError(f"unknown sort key {query.sort!r}; expected one of {sorted(SORT_COLUMNS)}") from None
    direction = "DESC" if query.descending else "ASC"
    where, params = _where(query)
    sql = f"SELECT id FROM {_from(query, limit)}{where} ORDER BY {column} {direction}, id {direction}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in _rows(session, sql, params)]


def count_orders(session: Session, query: OrderQuery) -> int:
    where, params = _where(query)
    return int(_rows(session, f"SELECT count(*) FROM {_from(query)}{where}", params)[0][0])


@dataclass(frozen=True)
class OrderTotals:
    """How many orders a query selects and what their amounts add up to (合计), in fen."""

    count: int
    amount_fen: int


def order_totals(session: Session, query: OrderQuery) -> OrderTotals:
    """The count and the sum of the amounts of the orders ``query`` selects: one pass, with the
    filters and the index of ``count_orders``. The sum needs each matching row's amount, so it is
    slower than the bare count (tens of ms for 100,000 orders): run it off the GUI thread."""
    where, params = _where(query)
    sql = f"SELECT count(*), coalesce(sum(amount_fen), 0) FROM {_from(query)}{where}"
    count, total = _rows(session, sql, params)[0]
    return OrderTotals(int(count), int(total))


def _opt_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _opt_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _to_row(order: Order) -> OrderRow:
    data = json.loads(order.data)
    return OrderRow(
        id=order.id,
        version=order.version,
        number=order.number,
        state=order.state,
        amount_fen=order.amount_fen,
        listing_id=order.listing_id,
        listing_name=order.listing_name,
        market=order.market,
        billing_mode=order.billing_mode,
        buyer_account_id=order.buyer_account_id,
        buyer_name=order.buyer_name,
        buyer_contact=order.buyer_contact,
        virtual_number=order.virtual_number,
        # A server without created_at would be a bug; the epoch keeps the view working.
        created_at=parse_timestamp(order.created_at) or _EPOCH,
        paid_at=parse_timestamp(order.paid_at),
        data=data,
        list_price_fen=_opt_int(data.get("list_price_fen")),
        discount_id=_opt_str(data.get("discount_id")),
        discount_percent=_opt_int(data.get("discount_percent")),
        price_change_reason=_opt_str(data.get("price_change_reason")),
    )


def orders_by_id(session: Session, ids: Sequence[str]) -> dict[str, OrderRow]:
    """Full rows for the given ids (the visible range); missing ids are simply absent."""
    return rows_by_id(session, Order, ids, _to_row)


def order_detail(session: Session, order_id: str) -> OrderRow | None:
    order = session.get(Order, order_id)
    return _to_row(order) if order is not None else None


def order_by_number(session: Session, number: str) -> OrderRow | None:
    """The order with this number (订单号), as the vendor types it (R-ORD-3); surrounding spaces
    are ignored. Numbers are unique per vendor, and one cache holds one vendor."""
    number = number.strip()
    if not number:
        return None
    order = session.scalars(select(Order).where(Order.number == number).limit(1)).first()
    return _to_row(order) if order is not None else None
