"""Salvaging unsent commands from a cache file that cannot be used as it is.

A cache file is set aside when it is damaged or was written by a newer version of the app
(``cache.database``), and the per-account files of older versions give way to per-user files
(``cache.legacy``). The synced rows in such a file are pulled again from the server, but its
outbox holds the only copy of changes the user made and the server has not applied yet: they are
read out here and queued again in the new file, with their idempotency keys and base versions,
so a resend of a change the server did get is answered with its first response, not applied twice.

How the rows are read: Python's ``sqlite3`` has no ``.recover`` (that is the sqlite3 shell and its
recovery extension, neither of which ships with Python or on users' machines), so the outbox is
read directly, through its b-trees, and tolerant of what is wrong with it:

- the columns are taken from ``PRAGMA table_info``, so a newer schema's extra columns are ignored;
- the ids are gathered from the table and, separately, from the outbox's indexes (each index is a
  b-tree of its own, so a damaged table page does not hide the ids and states on index pages);
- each row is then read by its id on its own: a row on a damaged page is skipped and counted,
  the rows on sound pages are kept.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.cache.core.outbox import CommandState

log = logging.getLogger(__name__)

#: Without these a command cannot be sent again, or not as the user who made it.
_ESSENTIAL = ("idempotency_key", "kind", "entity", "entity_id", "method", "path", "state", "created_by")
_TEXT = (*_ESSENTIAL, "summary", "created_at", "updated_at", "payload", "next_try_at", "error_code",
         "error_message", "error_message_zh", "error_details", "last_error")
_INTEGER = ("base_version", "attempts")
_KNOWN = ("id", *_TEXT, *_INTEGER)


@dataclass(frozen=True)
class SalvagedOutbox:
    """What could be read of a file's unsent commands."""

    #: Column → value of each unsent command, in creation order; ``id`` is the old file's id.
    commands: tuple[dict[str, Any], ...] = ()
    #: Rows that may have been unsent changes but could not be read (damaged pages, bad values).
    lost: int = 0
    #: False when the outbox could not be read at all (not a database, damaged schema, a newer
    #: layout without the columns a command needs): then nobody can say what was lost.
    readable: bool = True


def read_unsent_commands(path: Path, *, created_by: str | None = None) -> SalvagedOutbox:
    """Every outbox row of ``path`` that is not applied (of ``created_by`` only, when given).

    Never raises for what is wrong with the file: damage is what this is for.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=15.0, isolation_level=None)
    except sqlite3.Error as error:
        log.warning("cannot open %s to salvage its outbox: %s", path, error)
        return SalvagedOutbox(readable=False)
    try:
        conn.execute("PRAGMA query_only=ON")
        return _read(conn, path, created_by)
    except sqlite3.Error as error:
        log.warning("cannot read the outbox of %s: %s", path, error)
        return SalvagedOutbox(readable=False)
    finally:
        _close(conn, path)


def _close(conn: sqlite3.Connection, path: Path) -> None:
    # Closing the last connection checkpoints the -wal into the file, which a damaged file can
    # refuse; what was read is read, and opening the new cache must not fail for it.
    try:
        conn.close()
    except sqlite3.Error as error:
        log.warning("closing %s after salvaging its outbox: %s", path, error)


def _read(conn: sqlite3.Connection, path: Path, created_by: str | None) -> SalvagedOutbox:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").fetchone() is None:
        return SalvagedOutbox()  # written before the outbox existed: nothing was queued
    present = {row[1] for row in conn.execute("PRAGMA table_info(outbox)")}
    if not set(_ESSENTIAL) <= present or "id" not in present:
        log.warning("the outbox of %s lacks %s", path, sorted({"id", *_ESSENTIAL} - present))
        return SalvagedOutbox(readable=False)
    columns = [c for c in _KNOWN if c in present]  # our own names only, never the file's
    select_row = f"SELECT {', '.join(columns)} FROM outbox WHERE id = ?"
    commands: list[dict[str, Any]] = []
    lost = 0
    for id_, indexed_state in sorted(_ids_and_states(conn, path).items()):
        try:
            found = conn.execute(select_row, (id_,)).fetchone()
        except sqlite3.DatabaseError as error:
            log.warning("outbox row %s of %s is unreadable: %s", id_, path, error)
            if indexed_state != CommandState.APPLIED.value:  # unsent, or nobody can say
                lost += 1
            continue
        if found is None:  # an index names a row the table lost
            if indexed_state != CommandState.APPLIED.value:
                lost += 1
            continue
        row = dict(zip(columns, found, strict=True))
        if row["state"] == CommandState.APPLIED.value:
            continue
        if created_by is not None and row["created_by"] != created_by:
            continue
        if not _sound(row):
            log.warning("outbox row %s of %s holds values a command cannot have", id_, path)
            lost += 1
            continue
        commands.append(row)
    return SalvagedOutbox(tuple(commands), lost)


def _ids_and_states(conn: sqlite3.Connection, path: Path) -> dict[int, str | None]:
    """Every outbox id any b-tree still knows, with its state where one says it."""
    found: dict[int, str | None] = {}
    scans = (
        # The table in rowid order, until a damaged page ends the scan.
        ("SELECT id, state FROM outbox NOT INDEXED ORDER BY id", True),
        # The indexes are b-trees of their own; covering scans read no table page.
        ("SELECT id, state FROM outbox INDEXED BY ix_outbox_state ORDER BY state, id", True),
        ("SELECT id FROM outbox INDEXED BY ix_outbox_entity ORDER BY entity, entity_id, id", False),
    )
    for sql, with_state in scans:
        try:
            for row in conn.execute(sql):
                if isinstance(row[0], int):
                    state = row[1] if with_state and isinstance(row[1], str) else None
                    if found.get(row[0]) is None:
                        found[row[0]] = state
        except sqlite3.DatabaseError as error:  # a damaged page, or a newer layout without the index
            log.warning("salvaging the outbox of %s: %s: %s", path, sql, error)
    return found


def _sound(row: dict[str, Any]) -> bool:
    """Whether the values make a command we can send and show (damage can leave odd types)."""
    if any(not isinstance(row.get(c), str) or not row[c] for c in _ESSENTIAL):
        return False
    if any(row.get(c) is not None and not isinstance(row[c], str) for c in _TEXT):
        return False
    if any(row.get(c) is not None and not isinstance(row[c], int) for c in _INTEGER):
        return False
    try:
        if row.get("payload") is not None:
            json.loads(row["payload"])
    except ValueError:
        return False  # the body would be sent wrong: better lost and said so than sent garbled
    return True


def _json_or(value: str | None, fallback: str | None) -> str | None:
    try:
        return value if value is not None and json.loads(value) is not None else fallback
    except ValueError:
        return fallback


def _is_moment(value: str | None) -> bool:
    """Whether the panel can show it as a time (``outbox.to_command`` parses it)."""
    try:
        return value is not None and dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def requeue(session: Session, commands: Sequence[dict[str, Any]], *, now: dt.datetime | None = None) -> int:
    """Queue salvaged commands in this cache's outbox, in their old order; returns how many are here.

    Keys and base versions are kept: a command the server did apply, its answer lost, is answered
    again with the first response. A command left ``sending`` (or in a state this version does not
    know) is pending: resending is safe. One already here (the same idempotency key: a salvage
    that ran before) is not queued twice. Works inside the caller's transaction.
    """
    at = outbox.stamp(now or dt.datetime.now(dt.UTC))
    known = {s.value for s in CommandState} - {CommandState.SENDING.value, CommandState.APPLIED.value}
    targets: dict[tuple[str, str], None] = {}
    for old in sorted(commands, key=lambda c: c["id"]):
        values = {c: old.get(c) for c in _KNOWN if c != "id"}
        values["state"] = old["state"] if old["state"] in known else CommandState.PENDING.value
        values["summary"] = _json_or(old.get("summary"), "{}")
        values["error_details"] = _json_or(old.get("error_details"), None)
        values["created_at"] = old["created_at"] if _is_moment(old.get("created_at")) else at
        values["updated_at"] = at
        values["attempts"] = old.get("attempts") or 0
        values["next_try_at"] = None  # send at the next round, not after an old backoff
        session.execute(
            sqlite_insert(OutboxCommand).values(**values).on_conflict_do_nothing(index_elements=["idempotency_key"])
        )
        targets[(old["entity"], old["entity_id"])] = None
    for entity, entity_id in targets:
        # "held" must mean "behind a rejected command": the one it waited for may be lost.
        outbox.reconcile_entity(session, entity, entity_id, at)
    keys = [c["idempotency_key"] for c in commands]
    return len(_present(session, keys))


def _present(session: Session, keys: Iterable[str]) -> set[str]:
    keys = list(keys)
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found.update(session.scalars(select(OutboxCommand.idempotency_key).where(OutboxCommand.idempotency_key.in_(chunk))))
    return found


def forget_commands(path: Path, keys: Sequence[str]) -> bool:
    """Delete the commands with these keys from ``path`` once they are safe in another file.

    Returns False when the file cannot be written (damaged): the keys stay, and a later
    salvage finds them already queued (``requeue`` skips them).
    """
    if not keys:
        return True
    try:
        conn = sqlite3.connect(str(path), timeout=15.0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ", ".join("?" * len(chunk))
                conn.execute(f"DELETE FROM outbox WHERE idempotency_key IN ({marks})", chunk)
            conn.execute("COMMIT")
        finally:
            conn.close()
    except sqlite3.Error as error:
        log.warning("cannot remove salvaged commands from %s: %s", path, error)
        return False
    return True
