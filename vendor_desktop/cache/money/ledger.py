"""The ledger (资金流水) and the monthly statement (对账单) from the cache: ids first, sums in SQL.

Like the orders' and invoices' queries: the list asks for the ordered ids once (newest first)
and loads full rows only for the visible range; filters are plain SQL on the derived columns
(``at_ts``, ``book``, ``market``, ``kind``, ``month``) that ``cache.apply`` fills.

The statement of a month (R-DEP-6, R-WDR-1) is, per book — the account balance (账户余额) and
each market's earnings (收益) — the opening balance (Σ of every earlier entry), the month's
movements (Σ, and how many) and the closing balance (opening + movements). Sums are SQL's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.by_id import rows_by_id
from vendor_desktop.cache.core.models import LedgerEntry
from vendor_desktop.domain.earnings import LedgerBook
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.workdays import SHANGHAI

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MARKET_ORDER = {m: i for i, m in enumerate(MARKETS)}


@dataclass(frozen=True)
class LedgerQuery:
    """What the user filtered by; empty tuples and None mean "any". Dates are Beijing dates,
    both inclusive."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kinds: tuple[str, ...] = ()
    book: str | None = None  # domain.earnings.LedgerBook
    market: str | None = None


@dataclass(frozen=True)
class LedgerRow:
    id: str
    kind: str
    book: str | None
    amount_fen: int
    balance_after_fen: int | None
    market: str | None
    order_number: str | None
    withdrawal_id: str | None
    receipt_number: str | None
    at: dt.datetime


@dataclass(frozen=True)
class StatementLine:
    """One book of a month's statement: the balance (``market`` None) or a market's earnings."""

    book: str
    market: str | None
    opening_fen: int  # Σ of every entry before the month
    movements_fen: int  # Σ of the month's entries
    count: int  # the month's entries

    @property
    def closing_fen(self) -> int:
        return self.opening_fen + self.movements_fen


def _midnight_ts(day: dt.date) -> int:
    """The first second of a Beijing day, as ``at_ts`` counts."""
    return int(dt.datetime.combine(day, dt.time(0, 0), tzinfo=SHANGHAI).timestamp())


def _where(query: LedgerQuery) -> tuple[str, list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    # A date range as moments, so one index (at_ts, id) both filters and orders.
    if query.date_from is not None:
        conditions.append("at_ts >= ?")
        params.append(_midnight_ts(query.date_from))
    if query.date_to is not None:
        conditions.append("at_ts < ?")
        params.append(_midnight_ts(query.date_to + dt.timedelta(days=1)))
    if query.kinds:
        conditions.append(f"kind IN ({', '.join('?' * len(query.kinds))})")
        params += query.kinds
    if query.book is not None:
        conditions.append("book = ?")
        params.append(query.book)
    if query.market is not None:
        conditions.append("market = ?")
        params.append(query.market)
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), params


def _rows(session: Session, sql: str, params: Sequence[Any]) -> list[Any]:
    """Plain SQL on the session's own connection (in its transaction), without per-row ORM work."""
    conn = cast(sqlite3.Connection, session.connection().connection.driver_connection)
    return conn.execute(sql, list(params)).fetchall()


def ledger_ids(session: Session, query: LedgerQuery, *, limit: int | None = None) -> list[str]:
    """Ids of the matching entries, newest first (the first ``limit``, or all)."""
    where, params = _where(query)
    sql = f"SELECT id FROM ledger_entries{where} ORDER BY at_ts DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in _rows(session, sql, params)]


def count_ledger(session: Session, query: LedgerQuery) -> int:
    where, params = _where(query)
    return int(_rows(session, f"SELECT count(*) FROM ledger_entries{where}", params)[0][0])


def _to_row(entry: LedgerEntry) -> LedgerRow:
    return LedgerRow(
        id=entry.id,
        kind=entry.kind or "",
        book=entry.book,
        amount_fen=entry.amount_fen or 0,
        balance_after_fen=entry.balance_after_fen,
        market=entry.market or None,
        order_number=entry.order_number or None,
        withdrawal_id=entry.withdrawal_id or None,
        receipt_number=entry.receipt_number or None,
        # A server without ``at`` would be a bug; the epoch keeps the list working.
        at=parse_timestamp(entry.at) or _EPOCH,
    )


def ledger_by_id(session: Session, ids: Sequence[str]) -> dict[str, LedgerRow]:
    """Full rows for the given ids (the visible range); missing ids are simply absent."""
    return rows_by_id(session, LedgerEntry, ids, _to_row)


def ledger_markets(session: Session) -> list[str]:
    """The markets with earnings entries, in SPEC §1 order (the market filter's choices)."""
    # One index seek per market (ix_ledger_book_market), not a DISTINCT over every entry: a skip scan.
    sql = "SELECT min(market) FROM ledger_entries WHERE book = ? AND market > ?"
    found: list[str] = []
    while (market := _rows(session, sql, [LedgerBook.EARNINGS.value, found[-1] if found else ""])[0][0]) is not None:
        found.append(market)
    return sorted(found, key=lambda m: (_MARKET_ORDER.get(m, len(_MARKET_ORDER)), m))


def first_month(session: Session) -> str | None:
    """The month (YYYY-MM, Beijing) of the oldest entry, or None before any."""
    found = _rows(session, "SELECT min(month) FROM ledger_entries", [])
    return found[0][0] if found else None


def statement(session: Session, month: str) -> list[StatementLine]:
    """R-DEP-6, R-WDR-1: each book's opening, movements and closing for ``month`` (YYYY-MM): the
    balance first (zero if it never moved, once anything has), then each market's earnings in
    SPEC §1 order. A market with entries only after the month is not in it; a book with none in
    the month has opening = closing. Nothing at all before the month's end: no lines."""
    sql = (
        "SELECT book, market,"
        " coalesce(sum(CASE WHEN month < ? THEN amount_fen END), 0),"
        " coalesce(sum(CASE WHEN month = ? THEN amount_fen END), 0),"
        " count(CASE WHEN month = ? THEN 1 END)"
        # Every entry up to the month's end counts, so this reads most of the table: from the
        # covering index ix_ledger_statement alone, never a row (docs/PERFORMANCE.md "The ledger").
        " FROM ledger_entries INDEXED BY ix_ledger_statement"
        " WHERE month <= ? AND book IS NOT NULL GROUP BY book, market"
    )
    lines = [
        StatementLine(book, market if book == LedgerBook.EARNINGS else None, int(opening), int(moved), int(count))
        for book, market, opening, moved, count in _rows(session, sql, [month] * 4)
    ]

    if lines and not any(line.book == LedgerBook.BALANCE for line in lines):
        # The balance is a book of every statement, also of a vendor that never topped up.
        lines.append(StatementLine(LedgerBook.BALANCE.value, None, 0, 0, 0))

    def order(line: StatementLine) -> tuple[int, int, str]:
        if line.book == LedgerBook.BALANCE:
            return 0, 0, ""
        return 1, _MARKET_ORDER.get(line.market or "", len(_MARKET_ORDER)), line.market or ""

    return sorted(lines, key=order)


def month_entries(session: Session, month: str, *, block: int = 2_000) -> Iterator[LedgerRow]:
    """Every entry of ``month``, oldest first (a statement reads in time order), read in blocks
    so an export's memory stays flat."""
    sql = (
        "SELECT id, kind, book, amount_fen, balance_after_fen, market, order_number, withdrawal_id,"
        " receipt_number, at, at_ts FROM ledger_entries WHERE month = ?"
        " AND (at_ts > ? OR (at_ts = ? AND id > ?)) ORDER BY at_ts, id LIMIT ?"
    )
    after_ts, after_id = -(2**62), ""
    while True:
        found = _rows(session, sql, [month, after_ts, after_ts, after_id, block])
        for id_, kind, book, amount, after, market, number, withdrawal, receipt, at, _ts in found:
            yield LedgerRow(
                id_, kind or "", book, amount or 0, after, market or None, number or None,
                withdrawal or None, receipt or None, parse_timestamp(at) or _EPOCH,
            )  # fmt: skip
        if len(found) < block:
            return
        after_ts, after_id = found[-1][10], found[-1][0]
