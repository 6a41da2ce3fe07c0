"""In-app messages (站内信, R-LST-6, R-ORD-2) and the vendor profile, read from the cache."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.models import Message, OutboxCommand, VendorProfile
from vendor_desktop.cache.core.outbox import OPEN_STATES

#: The outbox command that marks a message read.
MARK_READ = "message.read"


def _marked_read_ids() -> ColumnElement[bool]:
    """Messages with a queued "mark read": they count as read at once, also offline."""
    queued = select(OutboxCommand.entity_id).where(
        OutboxCommand.kind == MARK_READ, OutboxCommand.state.in_([s.value for s in OPEN_STATES])
    )
    return Message.id.in_(queued)


def is_unread() -> ColumnElement[bool]:
    """Unread by the server's flag and not marked read in the outbox (for any count of unread)."""
    return Message.read.is_(False) & ~_marked_read_ids()


@dataclass(frozen=True)
class MessageRow:
    id: str
    version: int
    kind: str | None
    title: str | None
    body: str | None
    title_en: str | None
    body_en: str | None
    read: bool
    created_at: dt.datetime | None
    order_id: str | None
    data: dict[str, Any]


def message_ids(session: Session, unread_only: bool = False, *, limit: int | None = None) -> list[str]:
    """Newest first (by the moment, not the text: offsets may differ); the first ``limit`` only."""
    stmt = select(Message.id).order_by(Message.created_ts.desc(), Message.id.desc())
    if unread_only:
        stmt = stmt.where(is_unread())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count_messages(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Message)) or 0


def messages_by_id(session: Session, ids: Sequence[str]) -> dict[str, MessageRow]:
    rows: dict[str, MessageRow] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marked = set(
            session.scalars(
                select(OutboxCommand.entity_id).where(
                    OutboxCommand.kind == MARK_READ,
                    OutboxCommand.entity_id.in_(chunk),
                    OutboxCommand.state.in_([s.value for s in OPEN_STATES]),
                )
            )
        )
        for m in session.scalars(select(Message).where(Message.id.in_(chunk))):
            rows[m.id] = MessageRow(
                id=m.id,
                version=m.version,
                kind=m.kind,
                title=m.title,
                body=m.body,
                title_en=m.title_en,
                body_en=m.body_en,
                read=m.read or m.id in marked,
                created_at=parse_timestamp(m.created_at),
                order_id=m.order_id,
                data=json.loads(m.data),
            )
    return rows


def new_order_messages(session: Session, among: Collection[str], since: dt.datetime) -> list[MessageRow]:
    """Unread new-order messages created at ``since`` or later whose id is in ``among``, oldest
    first: what a desktop notification announces after a pull (R-ORD-2).

    ``among`` may hold every message of a first sync (170,000 ids): the time range is asked of
    the index first, which on any pull but the first leaves a handful to look up."""
    newer = session.scalars(
        select(Message.id).where(
            Message.kind == "new_order", Message.created_ts >= int(since.timestamp()), is_unread()
        )
    )
    rows = messages_by_id(session, [i for i in newer if i in among]).values()
    return sorted((m for m in rows if m.created_at is not None), key=lambda m: (m.created_at, m.id))


def unread_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Message).where(is_unread())) or 0


def vendor_profile(session: Session) -> dict[str, Any] | None:
    """The vendor's profile data (R-ACC-1/3), or None before the first pull."""
    data = session.scalar(select(VendorProfile.data).order_by(VendorProfile.id).limit(1))
    return json.loads(data) if data else None
