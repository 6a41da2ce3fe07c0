"""Writing server changes (pull pages, command responses) into the cache.

Upserts only move a row forward (``WHERE excluded.version >= version``), so replaying a page
after a crash, or a pull page arriving after a newer command response, changes nothing.
The caller owns the transaction: the puller commits a page together with its cursor.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Column, Table, delete
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from vendor_desktop.cache.core import sync_state
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.models import TYPED_TABLES, Entity
from vendor_desktop.cache.invoices.search_text import invoice_search_text
from vendor_desktop.cache.orders.search_text import order_search_text
from vendor_desktop.domain.earnings import LedgerKind, ledger_book
from vendor_desktop.domain.synced import SyncedField, Wire, synced_fields
from vendor_desktop.domain.workdays import business_date

log = logging.getLogger(__name__)

# Stay well under SQLite's limit on bound parameters per statement.
_CHUNK = 500
# One encoder for every row: json.dumps with options builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def parse_timestamp(value: Any) -> dt.datetime | None:
    """ISO 8601 → aware datetime (naive taken as UTC); None for missing or malformed values."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _json(value: Any) -> str | None:
    return None if value is None else _ENCODE(value)


# A synced field's column holds its value converted by wire type; timestamps stay as sent
# (ISO 8601 with offset): the derived columns below make SQL filters and sorts on them cheap.
_CONVERT: dict[Wire, Callable[[Any], Any]] = {
    Wire.TEXT: _str,
    Wire.INTEGER: _int,
    Wire.BOOLEAN: _bool,
    Wire.TIMESTAMP: _str,
    Wire.DATE: _str,
    Wire.OBJECT: _json,
    Wire.LIST: _json,
}


def _converter(field: SyncedField, column: Column[Any]) -> Callable[[Any], Any]:
    if column.nullable:
        return _CONVERT[field.wire]
    if field.wire is Wire.BOOLEAN:
        return bool  # a flag the server left out is false (``messages.read``)
    # A change may leave any field out (a malformed or older server): the column needs a value.
    raise TypeError(f"{column.table.name}.{column.name} is NOT NULL, but a change may leave {field.name} out")


def _epoch(moment: dt.datetime | None) -> int | None:
    return int(moment.timestamp()) if moment else None


#: Fills a row's columns from a change's ``data``.
ColumnFiller = Callable[[Mapping[str, Any], dict[str, Any]], None]

# Cache-only columns derived from the synced ones, filled after them (``row`` already holds the
# converted synced columns).


def _order_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    created = parse_timestamp(data.get("created_at"))
    paid = parse_timestamp(data.get("paid_at"))
    row["created_ts"] = _epoch(created)
    # Business dates are in Asia/Shanghai (SPEC preamble): an order at 23:30 UTC is "tomorrow".
    row["created_date"] = business_date(created).isoformat() if created else None
    row["paid_date"] = business_date(paid).isoformat() if paid else None
    # The same text the columns hold (R-ORD-2: number, buyer, buyer account and listing).
    row["search_text"] = order_search_text(
        row["number"], row["buyer_name"], row["buyer_account_id"], row["listing_name"]
    )


def _message_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    row["created_ts"] = _epoch(parse_timestamp(data.get("created_at")))


def _discount_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    row["valid_from_ts"] = _epoch(parse_timestamp(data.get("valid_from")))


def _invoice_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    requested = parse_timestamp(data.get("requested_at"))
    row["requested_ts"] = _epoch(requested)
    row["requested_date"] = business_date(requested).isoformat() if requested else None
    row["search_text"] = invoice_search_text(
        row["order_number"], row["title"], row["tax_id"], row["tracking_number"]
    )


_LEDGER_KINDS = frozenset(LedgerKind)


def _ledger_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    at = parse_timestamp(data.get("at"))
    row["at_ts"] = _epoch(at)
    day = business_date(at) if at else None
    row["at_date"] = day.isoformat() if day else None
    row["month"] = day.isoformat()[:7] if day else None
    kind = row["kind"]
    # A kind this build does not know yet stays out of both books rather than break the page.
    row["book"] = ledger_book(kind).value if kind in _LEDGER_KINDS else None


def _withdrawal_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    row["requested_ts"] = _epoch(parse_timestamp(data.get("requested_at")))


def _refund_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    requested = parse_timestamp(data.get("requested_at"))
    row["requested_ts"] = _epoch(requested)
    row["requested_date"] = business_date(requested).isoformat() if requested else None


def _ticket_derived(data: Mapping[str, Any], row: dict[str, Any]) -> None:
    row["updated_ts"] = _epoch(parse_timestamp(data.get("updated_at")))


_DERIVED: dict[str, ColumnFiller] = {
    "order": _order_derived,
    "message": _message_derived,
    "discount": _discount_derived,
    "invoice": _invoice_derived,
    "ledger_entry": _ledger_derived,
    "withdrawal": _withdrawal_derived,
    "refund": _refund_derived,
    "ticket": _ticket_derived,
}


def column_filler(entity: str) -> ColumnFiller:
    """What fills the columns of ``entity``'s typed table from a change's ``data``: each synced
    field the table has a column for (``domain.synced``), converted by its wire type, then the
    derived cache-only columns. Built once per kind: the per-row work is a loop over
    (name, converter) pairs, as cheap as hand-written code (a full sync applies 100,000 rows)."""
    table = TYPED_TABLES[entity]
    plain = tuple((f.name, _converter(f, table.c[f.name])) for f in synced_fields(entity) if f.name in table.c)
    derived = _DERIVED.get(entity)

    def fill(data: Mapping[str, Any], row: dict[str, Any]) -> None:
        get = data.get
        for name, convert in plain:
            row[name] = convert(get(name))
        if derived is not None:
            derived(data, row)

    return fill


# Entities with their own table; everything else goes to the generic ``entities`` table.
_COLUMNS: dict[str, ColumnFiller] = {entity: column_filler(entity) for entity in TYPED_TABLES}
_GENERIC = cast(Table, Entity.__table__)  # a Table, though typed as FromClause


def apply_changes(
    session: Session, changes: Iterable[Mapping[str, Any]], *, generation: int | None = None
) -> ChangeSet:
    """Upsert or delete each change (``{entity, id, version, deleted, data}``); return what was touched.

    ``generation`` marks the rows as seen by the current (re)sync; by default the cache's
    current generation. Malformed changes are logged and skipped rather than failing the page.
    """
    if generation is None:
        generation = sync_state.generation(session)
    # Within one page the later change of an entity wins (changes come in commit order), except
    # that an upsert never replaces a newer upsert: the same rule the database applies across pages.
    latest: dict[tuple[str, str], Mapping[str, Any]] = {}
    for change in changes:
        entity, id_, version = change.get("entity"), change.get("id"), _int(change.get("version"))
        if not isinstance(entity, str) or id_ is None or (version is None and not change.get("deleted")):
            log.warning("skipping a malformed change: %r", change)
            continue
        key = (entity, str(id_))
        kept = latest.get(key)
        if (
            kept is not None
            and not kept.get("deleted")
            and not change.get("deleted")
            and (version or 0) < (_int(kept.get("version")) or 0)
        ):
            continue
        latest[key] = change

    touched = ChangeSet()
    upserts: dict[str, list[dict[str, Any]]] = {}
    deletes: dict[str, list[str]] = {}
    for (entity, id_), change in latest.items():
        touched.add(entity, id_)
        if change.get("deleted"):
            deletes.setdefault(entity, []).append(id_)
            continue
        data = change.get("data")
        if not isinstance(data, Mapping):
            data = {}
        row = {"id": id_, "version": _int(change.get("version")), "sync_gen": generation, "data": _ENCODE(data)}
        fill = _COLUMNS.get(entity)
        if fill is not None:
            fill(data, row)
        if entity not in TYPED_TABLES:
            row["entity"] = entity
        upserts.setdefault(entity, []).append(row)

    for entity, rows in upserts.items():
        _upsert(session, entity, rows, generation)
    for entity, ids in deletes.items():
        _delete(session, entity, ids)
    return touched


def _upsert(session: Session, entity: str, rows: list[dict[str, Any]], generation: int) -> None:
    """One ``executemany`` of the versioned upsert (no per-row SQLAlchemy work: a 2,000-row page
    is the common case), then one more marking the rows the version check kept as seen."""
    table = TYPED_TABLES.get(entity, _GENERIC)
    keys = ("entity", "id") if table is _GENERIC else ("id",)
    # Columns the row builders leave out take their Python-side defaults, as an ORM insert would.
    defaults = {
        c.name: cast(ScalarElementColumnDefault, c.default).arg
        for c in table.columns
        if c.name not in rows[0] and c.default is not None and c.default.is_scalar
    }
    # Every row of an entity is built by the same code, so its keys come in the same order.
    names = [*rows[0], *defaults]
    extra = tuple(defaults.values())
    values = [(*row.values(), *extra) for row in rows]
    conn = _sqlite(session)
    conn.executemany(_upsert_sql(table.name, tuple(names), keys), values)
    # A row the version check kept (the cache already had a newer version) was still seen by
    # this pull, so a resync's sweep must not delete it.
    where = "id = ? AND sync_gen < ?" + (" AND entity = ?" if table is _GENERIC else "")
    marks = [
        (generation, r["id"], generation, entity) if table is _GENERIC else (generation, r["id"], generation)
        for r in rows
    ]
    conn.executemany(f"UPDATE {table.name} SET sync_gen = ? WHERE {where}", marks)


def _upsert_sql(table: str, names: tuple[str, ...], keys: tuple[str, ...]) -> str:
    sql = _UPSERT_SQL.get((table, names, keys))
    if sql is None:
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n not in keys)
        sql = (
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates} WHERE excluded.version >= {table}.version"
        )
        _UPSERT_SQL[(table, names, keys)] = sql
    return sql


_UPSERT_SQL: dict[tuple[str, tuple[str, ...], tuple[str, ...]], str] = {}


def _sqlite(session: Session) -> sqlite3.Connection:
    """The session's own DBAPI connection, inside its transaction."""
    return cast(sqlite3.Connection, session.connection().connection.driver_connection)


def _delete(session: Session, entity: str, ids: list[str]) -> None:
    # Tombstones delete whatever version is cached: a deletion or a loss of visibility is final
    # until the server sends the entity again (with a newer version, later in commit order).
    table = TYPED_TABLES.get(entity, _GENERIC)
    for chunk in _chunks(ids):
        stmt = delete(table).where(table.c.id.in_(chunk))
        if table is _GENERIC:
            stmt = stmt.where(table.c.entity == entity)
        session.execute(stmt)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
