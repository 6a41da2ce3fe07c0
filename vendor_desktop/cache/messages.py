"""In-app messages (站内信, R-LST-6, R-ORD-2) and the vendor profile, read from the cache."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.apply import parse_timestamp
from vendor_desktop.cache.models import Message, VendorProfile


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


def message_ids(session: Session, unread_only: bool = False) -> list[str]:
    """Newest first (by the moment, not the text: offsets may differ)."""
    stmt = select(Message.id).order_by(Message.created_ts.desc(), Message.id.desc())
    if unread_only:
        stmt = stmt.where(Message.read.is_(False))
    return list(session.scalars(stmt))


def messages_by_id(session: Session, ids: Sequence[str]) -> dict[str, MessageRow]:
    rows: dict[str, MessageRow] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        for m in session.scalars(select(Message).where(Message.id.in_(ids[start : start + 500]))):
            rows[m.id] = MessageRow(
                id=m.id,
                version=m.version,
                kind=m.kind,
                title=m.title,
                body=m.body,
                title_en=m.title_en,
                body_en=m.body_en,
                read=m.read,
                created_at=parse_timestamp(m.created_at),
                order_id=m.order_id,
                data=json.loads(m.data),
            )
    return rows


def unread_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Message).where(Message.read.is_(False))) or 0


def vendor_profile(session: Session) -> dict[str, Any] | None:
    """The vendor's profile data (R-ACC-1/3), or None before the first pull."""
    data = session.scalar(select(VendorProfile.data).order_by(VendorProfile.id).limit(1))
    return json.loads(data) if data else None
