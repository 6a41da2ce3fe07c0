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

from sqlalchemy import Table, delete
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from vendor_desktop.cache import sync_state
from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.models import TYPED_TABLES, Entity
from vendor_desktop.cache.search_text import order_search_text
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


def _order_columns(data: Mapping[str, Any]) -> dict[str, Any]:
    created = parse_timestamp(data.get("created_at"))
    paid = parse_timestamp(data.get("paid_at"))
    return {
        "number": _str(data.get("number")),
        "state": _str(data.get("state")),
        "amount_fen": _int(data.get("amount_fen")),
        "listing_id": _str(data.get("listing_id")),
        "listing_name": _str(data.get("listing_name")),
        "market": _str(data.get("market")),
        "billing_mode": _str(data.get("billing_mode")),
        "buyer_account_id": _str(data.get("buyer_account_id")),
        "buyer_name": _str(data.get("buyer_name")),
        "buyer_contact": _str(data.get("buyer_contact")),
        "virtual_number": _str(data.get("virtual_number")),
        "created_at": _str(data.get("created_at")),
        "created_ts": int(created.timestamp()) if created else None,
        # Business dates are in Asia/Shanghai (SPEC preamble): an order at 23:30 UTC is "tomorrow".
        "created_date": business_date(created).isoformat() if created else None,
        "paid_at": _str(data.get("paid_at")),
        "paid_date": business_date(paid).isoformat() if paid else None,
        "search_text": order_search_text(
            _str(data.get("number")),
            _str(data.get("buyer_name")),
            _str(data.get("buyer_account_id")),
            _str(data.get("listing_name")),
        ),
    }


def _listing_columns(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name": _str(data.get("name")),
        "market": _str(data.get("market")),
        "delivery": _str(data.get("delivery")),
        "state": _str(data.get("state")),
    }


def _message_columns(data: Mapping[str, Any]) -> dict[str, Any]:
    created = parse_timestamp(data.get("created_at"))
    return {
        "kind": _str(data.get("kind")),
        "title": _str(data.get("title")),
        "body": _str(data.get("body")),
        "title_en": _str(data.get("title_en")),
        "body_en": _str(data.get("body_en")),
        "read": bool(data.get("read")),
        "created_at": _str(data.get("created_at")),
        "created_ts": int(created.timestamp()) if created else None,
        "order_id": _str(data.get("order_id")),
    }


def _discount_columns(data: Mapping[str, Any]) -> dict[str, Any]:
    valid_from = parse_timestamp(data.get("valid_from"))
    return {
        "listing_id": _str(data.get("listing_id")),
        "listing_name": _str(data.get("listing_name")),
        "buyer_account_id": _str(data.get("buyer_account_id")),
        "buyer_name": _str(data.get("buyer_name")),
        "percent": _int(data.get("percent")),
        "valid_from": _str(data.get("valid_from")),
        "valid_from_ts": int(valid_from.timestamp()) if valid_from else None,
        "valid_until": _str(data.get("valid_until")),
        "state": _str(data.get("state")),
        "revoked_at": _str(data.get("revoked_at")),
    }


# Entities with their own table; everything else goes to the generic ``entities`` table.
_COLUMNS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "order": _order_columns,
    "listing": _listing_columns,
    "message": _message_columns,
    "discount": _discount_columns,
}
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
        if entity in _COLUMNS:
            row.update(_COLUMNS[entity](data))
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
