"""Invoice queries for the Invoices view (发票管理): filter and sort in SQL, ids first.

Like the orders' (``cache.orders.queries``): the view asks for the ordered ids once and loads
full rows only for the visible range. The default order is the due date (R-INV-3), soonest
first, so the requests that need the vendor first are on top. A due date is the deadline to
issue: it matters while a request is pending, so the due-date order puts pending requests first,
then issued ones (to post), then the finished (shipped, revoked) — each by due date.

Working days are the official Chinese calendar's, which SQL does not know: "due within N working
days" is turned into a date in Python (``domain.workdays.add_working_days``) and SQL compares
dates only.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.by_id import rows_by_id
from vendor_desktop.cache.core.models import Invoice
from vendor_desktop.cache.orders.search_text import fold
from vendor_desktop.domain.invoices import InvoiceState
from vendor_desktop.domain.workdays import add_working_days

#: Sort keys of the Invoices view → the columns they sort on (the due date breaks ties by the
#: request's moment: of two requests due the same day, the older first).
SORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "order_number": ("order_number",),
    "title": ("title",),
    "type": ("type",),
    "amount": ("amount_fen",),
    "state": ("state",),
    "due": ("due_date", "requested_ts"),
    "requested": ("requested_ts",),
    "shipment": ("carrier", "tracking_number"),
}

#: Pending (issue by the due date), issued (post it), then the finished ones.
_ACTION_RANK = "CASE state WHEN 'pending' THEN 0 WHEN 'issued' THEN 1 ELSE 2 END"

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_PENDING = InvoiceState.PENDING.value


@dataclass(frozen=True)
class InvoiceQuery:
    """What the user filtered and sorted by; empty tuples and None mean "any".

    ``overdue`` and ``due_within`` (working days) select pending requests by their due date as
    of ``today`` (a Beijing date; the viewmodel sets it). Both set: either matches."""

    states: tuple[str, ...] = ()
    overdue: bool = False
    due_within: int | None = None
    today: dt.date = field(default_factory=dt.date.today)
    date_from: dt.date | None = None  # requested on or after, Asia/Shanghai business date
    date_to: dt.date | None = None  # inclusive
    text: str = ""
    sort: str = "due"
    descending: bool = False


@dataclass(frozen=True)
class InvoiceRow:
    id: str
    version: int
    order_id: str | None
    order_number: str | None
    amount_fen: int | None
    state: str | None
    type: str | None
    title: str | None
    tax_id: str | None
    requested_at: dt.datetime
    due_date: dt.date | None
    invoice_number: str | None
    carrier: str | None
    tracking_number: str | None
    postage: str | None
    data: dict[str, Any]

    @property
    def mailing(self) -> dict[str, Any]:
        mailing = self.data.get("mailing")
        return mailing if isinstance(mailing, dict) else {}

    @property
    def history(self) -> list[dict[str, Any]]:
        history = self.data.get("history")
        return [h for h in history if isinstance(h, dict)] if isinstance(history, list) else []

    @property
    def due_date_approximate(self) -> bool:
        return self.data.get("due_date_approximate") is True


def due_within_until(today: dt.date, working_days: int) -> dt.date:
    """The first due date past "within ``working_days`` working days" of ``today``: the working
    day after the last one counted. Due dates before it are within, also one on a holiday (the
    approximate calendar of a year not yet published) — as the Workbench's card counts them."""
    return add_working_days(today, max(0, working_days) + 1).date


def _where(query: InvoiceQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (plain SQL with ``?`` parameters) of a query's filters; "" for none."""
    conditions: list[str] = []
    params: list[Any] = []
    if query.states:
        conditions.append(f"state IN ({', '.join('?' * len(query.states))})")
        params += query.states
    due: list[str] = []
    due_params: list[Any] = []
    today = query.today.isoformat()
    if query.overdue:  # R-INV-3: not issued by the end of its due date
        due.append("due_date < ?")
        due_params.append(today)
    if query.due_within is not None:
        due.append("(due_date >= ? AND due_date < ?)")
        due_params += [today, due_within_until(query.today, query.due_within).isoformat()]
    if due:
        conditions.append(f"state = ? AND ({' OR '.join(due)})")
        params += [_PENDING, *due_params]
    if query.date_from is not None:
        conditions.append("requested_date >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to is not None:
        conditions.append("requested_date <= ?")
        params.append(query.date_to.isoformat())
    text = fold(query.text.strip())
    if text:
        # Order number, title, tax ID, tracking number (issue 12), as a substring.
        conditions.append("instr(search_text, ?) > 0")
        params.append(text)
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def _rows(session: Session, sql: str, params: list[Any]) -> list[Any]:
    """Plain SQL on the session's own connection (in its transaction), without per-row ORM work."""
    conn = cast(sqlite3.Connection, session.connection().connection.driver_connection)
    return conn.execute(sql, params).fetchall()


def invoice_ids(session: Session, query: InvoiceQuery, *, limit: int | None = None) -> list[str]:
    """Ids of the matching invoices in display order (the first ``limit``, or all); ties broken
    by id so the order is stable. Missing values sort last whichever the direction."""
    try:
        columns = SORT_COLUMNS[query.sort]
    except KeyError:
        raise ValueError(f"unknown sort key {query.sort!r}; expected one of {sorted(SORT_COLUMNS)}") from None
    direction = "DESC" if query.descending else "ASC"
    order = ", ".join(f"{c} IS NULL, {c} {direction}" for c in columns)
    if query.sort == "due":  # what needs the vendor first, whichever the direction of the dates
        order = f"{_ACTION_RANK}, {order}"
    where, params = _where(query)
    sql = f"SELECT id FROM invoices{where} ORDER BY {order}, id {direction}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in _rows(session, sql, params)]


def count_invoices(session: Session, query: InvoiceQuery) -> int:
    where, params = _where(query)
    return int(_rows(session, f"SELECT count(*) FROM invoices{where}", params)[0][0])


def _opt_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _to_row(invoice: Invoice) -> InvoiceRow:
    data = json.loads(invoice.data)
    return InvoiceRow(
        id=invoice.id,
        version=invoice.version,
        order_id=invoice.order_id,
        order_number=invoice.order_number,
        amount_fen=invoice.amount_fen,
        state=invoice.state,
        type=invoice.type,
        title=invoice.title,
        tax_id=_opt_str(invoice.tax_id),
        # A server without requested_at would be a bug; the epoch keeps the view working.
        requested_at=parse_timestamp(invoice.requested_at) or _EPOCH,
        due_date=_date(invoice.due_date),
        invoice_number=_opt_str(invoice.invoice_number),
        carrier=_opt_str(invoice.carrier),
        tracking_number=_opt_str(invoice.tracking_number),
        postage=_opt_str(invoice.postage),
        data=data,
    )


def invoices_by_id(session: Session, ids: Sequence[str]) -> dict[str, InvoiceRow]:
    """Full rows for the given ids (the visible range); missing ids are simply absent."""
    return rows_by_id(session, Invoice, ids, _to_row)


def invoice_detail(session: Session, invoice_id: str) -> InvoiceRow | None:
    """One invoice with its version (sent as If-Match) and its whole data (mailing, history)."""
    invoice = session.get(Invoice, invoice_id)
    return _to_row(invoice) if invoice is not None else None


def invoices_for_order_number(session: Session, number: str) -> list[InvoiceRow]:
    """The invoices of the order with this number (订单号), newest request first."""
    number = number.strip()
    if not number:
        return []
    stmt = select(Invoice).where(Invoice.order_number == number).order_by(Invoice.requested_ts.desc())
    return [_to_row(i) for i in session.scalars(stmt)]
