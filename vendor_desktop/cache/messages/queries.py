"""In-app messages (站内信, R-LST-6, R-ORD-2) and the vendor profile, read from the cache."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.models import Message, OutboxCommand, VendorProfile
from vendor_desktop.cache.core.outbox import OPEN_STATES, CommandState

#: The outbox command that marks a message read.
MARK_READ = "message.read"
#: The outbox command that marks every message read up to a moment (``POST /messages/read-all``).
#: Its summary holds ``up_to_ts`` (the moment as Unix seconds, like ``messages.created_ts``) and
#: ``kind`` (None: every kind), which the cache reads; the payload is what the server gets.
MARK_ALL_READ = "message.read_all"
#: The entity id a mark-all-read is queued under: one per cache, so they go in order.
ALL_MESSAGES = "read-all"

# A mark-all-read still counts once applied: the server's answer carries no messages, and the
# pull that brings them read may come later. Applied commands are kept 7 days (outbox.py).
_MARKING_STATES = [s.value for s in (*OPEN_STATES, CommandState.APPLIED)]


def _marked_read_ids() -> ColumnElement[bool]:
    """Messages with a queued "mark read": they count as read at once, also offline."""
    queued = select(OutboxCommand.entity_id).where(
        OutboxCommand.kind == MARK_READ, OutboxCommand.state.in_([s.value for s in OPEN_STATES])
    )
    return Message.id.in_(queued)


def _marked_all_read() -> ColumnElement[bool]:
    """Messages a queued (or just applied) "mark all read" covers: created at or before its mark,
    of its kind if it names one."""
    up_to = func.json_extract(OutboxCommand.summary, "$.up_to_ts")
    kind = func.json_extract(OutboxCommand.summary, "$.kind")
    return exists().where(
        OutboxCommand.kind == MARK_ALL_READ,
        OutboxCommand.state.in_(_MARKING_STATES),
        Message.created_ts <= up_to,
        or_(kind.is_(None), kind == Message.kind),
    )


def is_unread() -> ColumnElement[bool]:
    """Unread by the server's flag and not marked read in the outbox (for any count of unread)."""
    return Message.read.is_(False) & ~_marked_read_ids() & ~_marked_all_read()


def mark_all_read_command(session: Session, kind: str | None = None) -> dict[str, Any] | None:
    """The outbox command (``outbox.enqueue``'s keywords but ``created_by``) that marks every
    message read up to the newest one in the cache (of ``kind`` only, when given); None when the
    cache holds no message. The server marks only what was created by then, so a message that
    arrives after the user pressed the button stays unread."""
    newest = newest_created_at(session)
    if newest is None:
        return None
    up_to, up_to_ts = newest
    payload: dict[str, Any] = {"up_to": up_to}
    if kind:
        payload["kind"] = kind
    return {
        "kind": MARK_ALL_READ,
        "entity": "message",
        "entity_id": ALL_MESSAGES,
        "base_version": None,  # marking read is idempotent: no If-Match
        "method": "POST",
        "path": "/messages/read-all",
        "payload": payload,
        "summary": {"up_to_ts": up_to_ts, "kind": kind or None, "unread": unread_count(session, kind)},
    }


@dataclass(frozen=True)
class MessageQuery:
    """The Messages list's filters: words in the title or text, one kind, unread only."""

    text: str = ""
    kind: str | None = None
    unread_only: bool = False


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filters(query: MessageQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if query.unread_only:
        where.append(is_unread())
    if query.kind:
        where.append(Message.kind == query.kind)
    words = query.text.strip()
    if words:
        # Both languages: a vendor may search the Chinese text with the English screen on.
        pattern = _like(words)
        where.append(
            or_(*(column.like(pattern, escape="\\") for column in (
                Message.title, Message.body, Message.title_en, Message.body_en)))
        )  # fmt: skip
    return where


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

    @property
    def listing_id(self) -> str | None:
        value = self.data.get("listing_id")
        return str(value) if value else None


def message_ids(
    session: Session, unread_only: bool = False, *, limit: int | None = None, query: MessageQuery | None = None
) -> list[str]:
    """Newest first (by the moment, not the text: offsets may differ); the first ``limit`` only."""
    query = query or MessageQuery(unread_only=unread_only)
    stmt = select(Message.id).where(*_filters(query)).order_by(Message.created_ts.desc(), Message.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count_messages(session: Session, query: MessageQuery | None = None) -> int:
    stmt = select(func.count()).select_from(Message).where(*_filters(query or MessageQuery()))
    return session.scalar(stmt) or 0


def newest_created_at(session: Session) -> tuple[str, int] | None:
    """The newest message's ``created_at`` as the server sent it, and as Unix seconds: the mark of
    a "mark all read" (the newest message the user could have seen)."""
    row = session.execute(
        select(Message.created_at, Message.created_ts)
        .where(Message.created_ts.is_not(None))
        .order_by(Message.created_ts.desc(), Message.id.desc())
        .limit(1)
    ).first()
    return (row.created_at, row.created_ts) if row is not None and row.created_at else None


def messages_by_id(session: Session, ids: Sequence[str]) -> dict[str, MessageRow]:
    rows: dict[str, MessageRow] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        unread = set(session.scalars(select(Message.id).where(Message.id.in_(chunk), is_unread())))
        for m in session.scalars(select(Message).where(Message.id.in_(chunk))):
            rows[m.id] = MessageRow(
                id=m.id,
                version=m.version,
                kind=m.kind,
                title=m.title,
                body=m.body,
                title_en=m.title_en,
                body_en=m.body_en,
                read=m.id not in unread,
                created_at=parse_timestamp(m.created_at),
                order_id=m.order_id,
                data=json.loads(m.data),
            )
    return rows


def new_order_messages(
    session: Session, among: Collection[str], since: dt.datetime, kinds: Collection[str] = ("new_order",)
) -> list[MessageRow]:
    """Unread messages of ``kinds`` (new orders) created at ``since`` or later whose id is in
    ``among``, oldest first: what a desktop notification announces after a pull (R-ORD-2; a
    buyer's invoice request, issue 12).

    ``among`` may hold every message of a first sync (170,000 ids): the time range is asked of
    the index first, which on any pull but the first leaves a handful to look up."""
    newer = session.scalars(
        select(Message.id).where(
            Message.kind.in_(tuple(kinds)), Message.created_ts >= int(since.timestamp()), is_unread()
        )
    )
    rows = messages_by_id(session, [i for i in newer if i in among]).values()
    return sorted((m for m in rows if m.created_at is not None), key=lambda m: (m.created_at, m.id))


def unread_count(session: Session, kind: str | None = None) -> int:
    """Unread messages (of ``kind`` only, when given)."""
    stmt = select(func.count()).select_from(Message).where(is_unread())
    if kind:
        stmt = stmt.where(Message.kind == kind)
    return session.scalar(stmt) or 0


def vendor_profile(session: Session) -> dict[str, Any] | None:
    """The vendor's profile data (R-ACC-1/3), or None before the first pull."""
    data = session.scalar(select(VendorProfile.data).order_by(VendorProfile.id).limit(1))
    return json.loads(data) if data else None
