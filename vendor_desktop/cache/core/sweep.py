"""Removing cached rows wholesale: the sweep after a full resync, and a wipe for another user."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from sqlalchemy import ColumnElement, Table, delete, true
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.models import TYPED_TABLES, Entity

_GENERIC = cast(Table, Entity.__table__)  # a Table, though typed as FromClause


def sweep_older_generations(session: Session, generation: int) -> ChangeSet:
    """Delete rows no pull of ``generation`` saw: after a full resync, they are gone on the server."""
    return _delete_where(session, lambda table: table.c.sync_gen < generation)


def wipe(session: Session) -> ChangeSet:
    """Delete every synced row (e.g. another user of the account signed in, with another role)."""
    return _delete_where(session, lambda _table: true())


def _delete_where(session: Session, condition: Callable[[Table], ColumnElement[bool]]) -> ChangeSet:
    removed = ChangeSet()
    for entity, table in TYPED_TABLES.items():
        removed.add_many(entity, session.scalars(delete(table).where(condition(table)).returning(table.c.id)))
    stmt = delete(_GENERIC).where(condition(_GENERIC)).returning(_GENERIC.c.entity, _GENERIC.c.id)
    for entity, id_ in session.execute(stmt):
        removed.add(entity, id_)
    return removed
