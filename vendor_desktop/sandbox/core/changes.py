"""The change log behind ``GET /sync/changes`` and its opaque cursors (API.md "Sync").

Invariants:
- every entity change writes its change-log row in the same transaction (``record_change``);
- the change log keeps one row per entity, its latest change, so a page lists each entity once,
  at the position of its latest change, and an entity changed while a client pages moves past the
  client's cursor instead of being skipped;
- writers are serialised (SQLite's single writer; elsewhere a row lock on ``meta.write_serial``
  held until commit), so seq order is commit order and a cursor never jumps over a change that
  commits later with a smaller seq.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from . import entities
from .database import ChangeLog, Meta, lock_writes
from .errors import ApiError


def serialise_writers(s: Session) -> None:
    """Take the write lock now (``database.lock_writes``): before the checks of a check-then-write.
    ``record_change`` takes it anyway; taking it twice is free."""
    lock_writes(s)


def record_change(
    s: Session,
    account_id: str,
    entity: str,
    entity_id: str,
    version: int,
    *,
    deleted: bool = False,
    audience: str | None = None,
    user_id: str | None = None,
) -> None:
    """Log that an entity changed (or was deleted), in the caller's transaction.

    ``audience``: the entity kind a message is about (only roles that read it see it).
    ``user_id``: a change only this user sees (their read state); it replaces only their own
    earlier row, while a change for everyone replaces every row of the entity."""
    lock_writes(s)
    s.flush()  # the entity's own write goes first, in the same transaction
    same = [ChangeLog.account_id == account_id, ChangeLog.entity == entity, ChangeLog.entity_id == entity_id]
    if user_id is not None:
        same.append(ChangeLog.user_id == user_id)
    s.execute(delete(ChangeLog).where(*same))
    s.execute(
        insert(ChangeLog).values(
            account_id=account_id,
            entity=entity,
            entity_id=entity_id,
            version=version,
            deleted=deleted,
            audience=audience,
            user_id=user_id,
        )
    )


def record_user_changes(
    s: Session, account_id: str, entity: str, changes: list[tuple[str, int, str | None]], user_id: str
) -> None:
    """``record_change`` for many entities at once, each a change only ``user_id`` sees (marking
    every message read): ``(entity_id, version, audience)`` each, logged in that order."""
    lock_writes(s)
    s.flush()
    for start in range(0, len(changes), 500):
        chunk = changes[start : start + 500]
        s.execute(
            delete(ChangeLog).where(
                ChangeLog.account_id == account_id,
                ChangeLog.entity == entity,
                ChangeLog.user_id == user_id,
                ChangeLog.entity_id.in_([entity_id for entity_id, _, _ in chunk]),
            )
        )
        rows = [
            {"account_id": account_id, "entity": entity, "entity_id": entity_id, "version": version,
             "deleted": False, "audience": audience, "user_id": user_id}
            for entity_id, version, audience in chunk
        ]  # fmt: skip
        s.connection().execute(insert(ChangeLog.__table__), rows)


def record_new_bulk(s: Session, rows: list[dict[str, Any]]) -> None:
    """Log brand-new entities in bulk (seeding): no older rows to replace."""
    lock_writes(s)
    if rows:
        s.connection().execute(insert(ChangeLog.__table__), rows)


# --- cursors -------------------------------------------------------------------------------


def _mac(secret: str, account_id: str, epoch: int, seq: int) -> str:
    msg = f"{account_id}:{epoch}:{seq}".encode()
    return hmac.new(secret.encode(), msg, hashlib.sha256).hexdigest()[:16]


def encode_cursor(secret: str, account_id: str, epoch: int, seq: int) -> str:
    raw = f"{epoch}:{seq}:{_mac(secret, account_id, epoch, seq)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _expired() -> ApiError:
    return ApiError(409, "CURSOR_EXPIRED")


def decode_cursor(s: Session, cursor: str, account_id: str) -> int:
    """The seq a cursor points after; CURSOR_EXPIRED for garbage, forged, foreign or old ones."""
    secret, epoch = _secret_and_epoch(s)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        epoch_text, seq_text, mac = raw.split(":")
        cur_epoch, seq = int(epoch_text), int(seq_text)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise _expired() from None
    if not hmac.compare_digest(mac, _mac(secret, account_id, cur_epoch, seq)):
        raise _expired()
    if cur_epoch != epoch or seq < 0 or seq > max_seq(s):
        raise _expired()
    return seq


def _secret_and_epoch(s: Session) -> tuple[str, int]:
    query = select(Meta.key, Meta.value).where(Meta.key.in_(["cursor_secret", "cursor_epoch"]))
    rows: dict[str, str] = {k: v for k, v in s.execute(query)}
    return rows["cursor_secret"], int(rows["cursor_epoch"])


def max_seq(s: Session) -> int:
    return s.execute(select(func.max(ChangeLog.seq))).scalar() or 0


def expire_cursors(s: Session) -> int:
    """Bump the epoch: every cursor issued so far becomes CURSOR_EXPIRED. Returns the new epoch."""
    _, epoch = _secret_and_epoch(s)
    s.execute(update(Meta).where(Meta.key == "cursor_epoch").values(value=str(epoch + 1)))
    return epoch + 1


# --- paging --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    cursor: str
    has_more: bool
    changes: list[dict[str, Any]]


def read_page(
    s: Session,
    account_id: str,
    cursor: str | None,
    limit: int,
    visible: list[str],
    user_id: str,
    role: str,
    every_users: list[str] | None = None,
) -> Page:
    """The next ``limit`` changes after ``cursor`` that the caller may see, in commit order: the
    entity kinds its role reads (``visible``), messages only about those (``audience``), and of
    the per-user changes the caller's own, or every user's for the kinds in ``every_users`` (the
    owner reads everyone's activity entries, SPEC §11)."""
    after = decode_cursor(s, cursor, account_id) if cursor else 0
    secret, epoch = _secret_and_epoch(s)
    rows = s.execute(
        select(ChangeLog.seq, ChangeLog.entity, ChangeLog.entity_id, ChangeLog.version, ChangeLog.deleted)
        .where(
            ChangeLog.account_id == account_id,
            ChangeLog.seq > after,
            ChangeLog.entity.in_(visible),
            or_(ChangeLog.audience.is_(None), ChangeLog.audience.in_(visible)),
            or_(
                ChangeLog.user_id.is_(None),
                ChangeLog.user_id == user_id,
                ChangeLog.entity.in_(every_users or []),
            ),
        )
        .order_by(ChangeLog.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    by_entity: dict[str, list[str]] = {}
    for r in rows:
        if not r.deleted:
            by_entity.setdefault(r.entity, []).append(r.entity_id)
    current = {name: entities.load(s, name, ids, user_id, role) for name, ids in by_entity.items()}
    # An entity with a change for everyone and one of the caller's own (a message they read) is
    # listed once, at its latest position.
    latest = {(r.entity, r.entity_id): r.seq for r in rows}
    changes: list[dict[str, Any]] = []
    for r in rows:
        if latest[(r.entity, r.entity_id)] != r.seq:
            continue
        found = None if r.deleted else current[r.entity].get(r.entity_id)
        if found is None:  # a tombstone (API.md): deleted, data null
            changes.append({"entity": r.entity, "id": r.entity_id, "version": r.version, "deleted": True, "data": None})
        else:
            version, data = found
            changes.append({"entity": r.entity, "id": r.entity_id, "version": version, "deleted": False, "data": data})
    last = rows[-1].seq if rows else after
    return Page(encode_cursor(secret, account_id, epoch, last), has_more, changes)
