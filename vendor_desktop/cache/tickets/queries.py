"""Tickets (工单, R-TKT-1) read from the cache: the list (latest activity first, by state, by
subject), one ticket with its conversation and attachments, and what a ticket can be about.
Ids first, rows for the visible range (DESIGN "Big tables on ordered ids")."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.by_id import rows_by_id
from vendor_desktop.cache.core.models import Listing, Order, Ticket
from vendor_desktop.cache.orders.queries import escape_like

#: Orders offered when opening a ticket about one: the latest few (the number can be typed to find others).
ORDER_CHOICES = 200


@dataclass(frozen=True)
class TicketMessage:
    id: str
    at: dt.datetime | None
    author: str  # vendor | marketplace
    author_name: str
    body: str


@dataclass(frozen=True)
class TicketAttachment:
    id: str
    name: str
    media_type: str
    size: int
    at: dt.datetime | None
    uploaded_by: str


@dataclass(frozen=True)
class TicketRow:
    id: str
    version: int
    type: str
    subject: str
    state: str
    listing_id: str | None
    listing_name: str | None
    order_id: str | None
    order_number: str | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    created_by: str
    last_urged_at: dt.datetime | None
    next_urge_at: dt.datetime | None
    closed_at: dt.datetime | None
    messages: tuple[TicketMessage, ...] = field(default=())
    attachments: tuple[TicketAttachment, ...] = field(default=())


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _message(m: Any) -> TicketMessage | None:
    if not isinstance(m, dict):
        return None
    return TicketMessage(
        id=_text(m.get("id")),
        at=parse_timestamp(m.get("at")),
        author=_text(m.get("author")),
        author_name=_text(m.get("author_name")),
        body=_text(m.get("body")),
    )


def _attachment(a: Any) -> TicketAttachment | None:
    if not isinstance(a, dict) or a.get("id") is None:
        return None
    size = a.get("size")
    return TicketAttachment(
        id=_text(a.get("id")),
        name=_text(a.get("name")) or _text(a.get("id")),
        media_type=_text(a.get("media_type")),
        size=size if isinstance(size, int) and not isinstance(size, bool) else 0,
        at=parse_timestamp(a.get("at")),
        uploaded_by=_text(a.get("uploaded_by")),
    )


def _to_row(t: Ticket, listing_name: str | None = None) -> TicketRow:
    data: dict[str, Any] = json.loads(t.data) or {}
    messages, attachments = data.get("messages"), data.get("attachments")
    messages = messages if isinstance(messages, list) else []
    attachments = attachments if isinstance(attachments, list) else []
    return TicketRow(
        id=t.id,
        version=t.version,
        type=t.type or "other",
        subject=t.subject or "",
        state=t.state or "open",
        listing_id=t.listing_id,
        listing_name=listing_name,
        order_id=t.order_id,
        order_number=data.get("order_number") or None,
        created_at=parse_timestamp(t.created_at),
        updated_at=parse_timestamp(t.updated_at),
        created_by=_text(data.get("created_by")),
        last_urged_at=parse_timestamp(data.get("last_urged_at")),
        next_urge_at=parse_timestamp(data.get("next_urge_at")),
        closed_at=parse_timestamp(data.get("closed_at")),
        messages=tuple(m for m in map(_message, messages) if m is not None),
        attachments=tuple(a for a in map(_attachment, attachments) if a is not None),
    )


def _filtered(stmt: Select[Any], text: str, states: Sequence[str]) -> Select[Any]:
    if states:
        stmt = stmt.where(Ticket.state.in_(list(states)))
    text = text.strip()
    if text:
        stmt = stmt.where(Ticket.subject.ilike(f"%{escape_like(text)}%", escape="\\"))
    return stmt


def ticket_ids(session: Session, *, text: str = "", states: Sequence[str] = (), limit: int | None = None) -> list[str]:
    """Matching tickets, the latest activity first (ix_tickets_updated, ix_tickets_state);
    ``text`` searches the subject."""
    stmt = _filtered(select(Ticket.id), text, states).order_by(Ticket.updated_ts.desc(), Ticket.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def ticket_count(session: Session, *, text: str = "", states: Sequence[str] = ()) -> int:
    return int(session.scalar(_filtered(select(func.count(Ticket.id)), text, states)) or 0)


def tickets_by_id(session: Session, ids: Sequence[str]) -> dict[str, TicketRow]:
    """Full rows for the given ids (with the related listing's name); missing ids are absent."""
    tickets = rows_by_id(session, Ticket, ids, lambda t: t)
    names = _listing_names(session, {t.listing_id for t in tickets.values() if t.listing_id})
    return {i: _to_row(t, names.get(t.listing_id or "")) for i, t in tickets.items()}


def ticket(session: Session, ticket_id: str) -> TicketRow | None:
    """One ticket with its conversation (oldest first) and attachments."""
    return tickets_by_id(session, [ticket_id]).get(ticket_id)


def _listing_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {i: n for i, n in session.execute(select(Listing.id, Listing.name).where(Listing.id.in_(ids))) if n}


def listings_for_choice(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every cached listing, by name: what a ticket may be about."""
    stmt = select(Listing.id, Listing.name).order_by(Listing.name, Listing.id)
    return [(i, name or i) for i, name in session.execute(stmt)]


def orders_for_choice(session: Session, *, limit: int = ORDER_CHOICES) -> list[tuple[str, str, str]]:
    """(id, number, listing name) of the latest orders: what a ticket may be about."""
    stmt = select(Order.id, Order.number, Order.listing_name).order_by(Order.created_ts.desc(), Order.id.desc())
    return [(i, number or i, name or "") for i, number, name in session.execute(stmt.limit(limit))]
