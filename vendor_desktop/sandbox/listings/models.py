"""The listings table (商品) and how a listing syncs (its ``data`` on the wire)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..core import entities
from ..core.base import Base


class Listing(Base):
    """A product listing (商品), R-LST-*."""

    __tablename__ = "listings"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(1000))
    market: Mapped[str] = mapped_column(String(40))
    delivery: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    billing: Mapped[dict[str, int]] = mapped_column(JSON)
    delivery_config: Mapped[dict[str, Any]] = mapped_column(JSON)
    agreement: Mapped[str] = mapped_column(Text)
    review_due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    reject_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Added with listing management (R-LST-1 … R-LST-5); nullable so an older database file gains
    # them with a plain ADD COLUMN (the serializer reads NULL as "none").
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    submitted_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    review_due_approximate: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    security_review: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    approved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # R-LST-5: the pending edit of an on-sale listing (content and its own review), or NULL.
    revision: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


_LISTING = entities.synced_reader("listing")


def listing_data(x: Listing) -> dict[str, Any]:
    # R-LST-*: the live content and its review; ``revision`` is the pending edit of an on-sale
    # listing (R-LST-5). Columns added later read NULL on older rows: shown as "none". JSON
    # columns are copied, so the answer never aliases the row.
    data = _LISTING(x)
    data["description"] = x.description or ""
    data["billing"] = dict(x.billing)
    data["delivery_config"] = dict(x.delivery_config)
    data["review_due_approximate"] = bool(x.review_due_approximate) if x.review_due else None
    data["security_review"] = bool(x.security_review)
    data["revision"] = dict(x.revision) if x.revision else None
    return data

LISTING = entities.register(entities.EntityKind("listing", Listing, Listing.id, listing_data))
