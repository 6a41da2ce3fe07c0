"""Pull bookkeeping in the cache: cursor, last success, resync generation, signed-in user.

All functions work inside the caller's transaction (they never commit), so the puller can
write a page and its cursor atomically.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy.orm import Session

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.models import SyncState
from vendor_desktop.cache.core.sweep import sweep_older_generations, wipe

_ROW_ID = 1


def _row(session: Session) -> SyncState:
    row = session.get(SyncState, _ROW_ID)
    if row is None:
        row = SyncState(id=_ROW_ID, generation=0, resyncing=False)
        session.add(row)
        session.flush()
    return row


def cursor(session: Session) -> str | None:
    """Where the next pull continues; None = from the beginning."""
    return _row(session).cursor


def set_cursor(session: Session, value: str | None) -> None:
    _row(session).cursor = value


def last_success_at(session: Session) -> dt.datetime | None:
    """When a pull last reached the end of the server's changes (the "synced at" in the UI)."""
    value = _row(session).last_success_at
    return dt.datetime.fromisoformat(value) if value else None


def mark_success(session: Session, when: dt.datetime | None = None) -> None:
    when = when or dt.datetime.now(dt.UTC)
    _row(session).last_success_at = when.isoformat()


def generation(session: Session) -> int:
    """The resync generation rows are marked with as pulls see them."""
    return _row(session).generation


def is_resyncing(session: Session) -> bool:
    """True between ``start_resync`` and ``finish_resync``, even across a restart."""
    return _row(session).resyncing


def start_resync(session: Session) -> int:
    """Begin a full resync: next generation, cursor from the start. Old rows stay visible."""
    row = _row(session)
    row.generation += 1
    row.cursor = None
    row.resyncing = True
    return row.generation


def finish_resync(session: Session) -> ChangeSet:
    """After the resync's last page: delete the rows it did not see, so the cache equals the server."""
    row = _row(session)
    row.resyncing = False
    session.flush()
    return sweep_older_generations(session, row.generation)


def signed_in_user(session: Session) -> dict[str, Any] | None:
    """The last signed-in user (id, username, role, permissions, …), so the app knows the role offline."""
    value = _row(session).signed_in_user
    return json.loads(value) if value else None


def save_signed_in_user(session: Session, user: dict[str, Any] | None) -> ChangeSet:
    """Remember the signed-in user. If another user signs in to this account's cache, the rows
    the previous user could see are wiped and the next pull starts from the beginning: the server
    filters by role (R-SUB-1), and a support agent must not see the owner's cached finances.
    Returns what was wiped (usually nothing)."""
    row = _row(session)
    previous = json.loads(row.signed_in_user) if row.signed_in_user else None
    wiped = ChangeSet()
    if user is not None and previous is not None and previous.get("id") != user.get("id"):
        wiped = wipe(session)
        row.cursor = None
        row.resyncing = False
        row.last_success_at = None
    row.signed_in_user = json.dumps(user, ensure_ascii=False) if user is not None else None
    return wiped
