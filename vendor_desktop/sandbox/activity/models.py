"""The activity log's table and how an entry syncs (``activity``, API.md; domain.synced).

An entry never changes once written (version 1); it goes when it is older than the retention
(``recording.purge``), with its change-log row. Its change-log row carries its author's
``user_id``: the author receives it, and so does a role that reads every user's entries (the
owner, domain.roles.ENTITY_READ_ALL_USERS_PERMISSION).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core import entities
from ..core.base import Base


class ActivityEntry(Base):
    """One vendor command, applied or refused (domain.activity)."""

    __tablename__ = "activity"
    __table_args__ = (
        # The purge (by age, per vendor) and "newest first"; a user's own entries.
        Index("ix_activity_account_applied", "account_id", "applied_at"),
        Index("ix_activity_account_user", "account_id", "user_id", "applied_at"),
        # "Entries about entity X": the app links from an order to its history.
        Index("ix_activity_account_entity", "account_id", "entity", "entity_id"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"))
    user_id: Mapped[str] = mapped_column(String(64))  # kept after the user is deleted: no foreign key
    username: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    client_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    outcome: Mapped[str] = mapped_column(String(10))
    code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    made_at: Mapped[str] = mapped_column(String(40))  # as the client sent it (its offset kept)
    applied_at: Mapped[str] = mapped_column(String(40))  # clock.iso: one offset, so it sorts as text
    version: Mapped[int] = mapped_column(Integer, default=1)


ACTIVITY = entities.register(
    entities.EntityKind("activity", ActivityEntry, ActivityEntry.id, entities.synced_reader("activity"))
)
