"""The in-app messages (站内信) and their per-user read marks."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

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
    # Unused: read state is per user (``MessageRead``). Kept, always false, so a database file of
    # an older sandbox needs no migration until the sandbox has real ones.
    read: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(40))
    order_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    listing_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # review results (R-LST-6)


class MessageRead(Base):
    """Who has read which in-app message: read state is per user (SPEC §11)."""

    __tablename__ = "message_reads"
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    at: Mapped[str] = mapped_column(String(40))
