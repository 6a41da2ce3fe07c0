"""The tickets table (工单) and its attachments' table, and how a ticket syncs (its ``data``).

A ticket keeps its conversation (``messages``) and its attachments' descriptions
(``attachments``) as JSON lists on its row, which is what syncs; the files themselves are in
``ticket_attachments``, one row each, so reading or syncing a ticket never loads megabytes of
files (R-TKT-1: up to 5 of ≤ 5 MB each).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from vendor_desktop.domain.synced import fields
from vendor_desktop.domain.tickets import next_urge_at

from ..core import entities
from ..core.base import Base
from ..core.clock import iso


class Ticket(Base):
    """A vendor's ticket to the marketplace, R-TKT-1."""

    __tablename__ = "tickets"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20))
    listing_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    order_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    order_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Lists are replaced, never changed in place: the ORM notices only a new value.
    messages: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[str] = mapped_column(String(40))
    last_urged_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class TicketAttachment(Base):
    """One attached file's bytes (附件); its description is in its ticket's ``attachments``."""

    __tablename__ = "ticket_attachments"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"), index=True)
    media_type: Mapped[str] = mapped_column(String(40))
    content: Mapped[bytes] = mapped_column(LargeBinary)


_FIELDS = fields("ticket")


def ticket_data(ticket: Any) -> dict[str, Any]:
    """The synced fields in wire order (``ticket`` is an ORM or a Core row). ``next_urge_at``
    (R-TKT-1) follows from the last urge; a moment already past means "now": the row does not
    change when 24 hours pass, so the client's clock decides."""
    last = ticket.last_urged_at
    allowed = next_urge_at(dt.datetime.fromisoformat(last) if last else None)
    computed = {"next_urge_at": iso(allowed) if allowed else None}
    return {name: computed[name] if name in computed else getattr(ticket, name) for name in _FIELDS}


TICKET = entities.register(entities.EntityKind("ticket", Ticket, Ticket.id, ticket_data))
