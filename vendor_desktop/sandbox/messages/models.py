"""The in-app messages (站内信) and their per-user read marks, and how a message syncs: to whom, read or not."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..core import entities
from ..core.base import Base


class Message(Base):
    """An in-app message (站内信) to the vendor, R-ORD-2, R-LST-6."""

    __tablename__ = "messages"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(2000))
    title_en: Mapped[str] = mapped_column(String(200))
    body_en: Mapped[str] = mapped_column(String(2000))
    # Unused: read state is per user (``MessageRead``; migration 0002 carried these flags over).
    # Always false for new messages.
    read: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(40))
    order_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    listing_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # review results (R-LST-6)
    # A buyer's invoice request or revoke (R-INV-1/2); migration 0003 added it.
    invoice_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # A refund's request or refund (SPEC §5), a ticket's reply or closing (R-TKT-1); migration 0006.
    refund_id: Mapped[str | None] = mapped_column(String(64), nullable=True, default=None)
    ticket_id: Mapped[str | None] = mapped_column(String(64), nullable=True, default=None)


class MessageRead(Base):
    """Who has read which in-app message: read state is per user (SPEC §11)."""

    __tablename__ = "message_reads"
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    at: Mapped[str] = mapped_column(String(40))


_MESSAGE = entities.synced_reader("message")


def message_data(m: Message) -> dict[str, Any]:
    # ``read`` is the caller's own (SPEC §11: read state is per user): ``load`` and ``envelope``
    # set it; a message's row never changes once sent.
    data = _MESSAGE(m)
    data["read"] = False
    return data

#: Message kinds about the vendor's deposit (R-DEP-7): only roles that read the deposit get them.
DEPOSIT_KINDS = frozenset({"deposit_refunded"})


def message_subject(
    order_id: str | None,
    listing_id: str | None,
    invoice_id: str | None = None,
    refund_id: str | None = None,
    ticket_id: str | None = None,
    kind: str | None = None,
) -> str | None:
    """The entity kind a message is about: only roles that read it receive it (SPEC §11).

    An invoice's (or refund's) message is about the invoice (refund) even though it names the
    order: finance reads invoices and refunds but not orders, and must receive it. A message of
    a DEPOSIT_KINDS kind names no entity but is about the deposit (its amount is in the text)."""
    if kind in DEPOSIT_KINDS:
        return "deposit"
    if ticket_id is not None:
        return "ticket"
    if refund_id is not None:
        return "refund"
    if invoice_id is not None:
        return "invoice"
    if order_id is not None:
        return "order"
    if listing_id is not None:
        return "listing"
    return None


def read_message_ids(s: Session, user_id: str, message_ids: Iterable[str]) -> set[str]:
    wanted = list(message_ids)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(MessageRead.message_id).where(MessageRead.user_id == user_id, MessageRead.message_id.in_(chunk))
        found.update(s.execute(query).scalars())
    return found




MESSAGE = entities.register(
    entities.EntityKind("message", Message, Message.id, message_data, read_ids=read_message_ids)
)
