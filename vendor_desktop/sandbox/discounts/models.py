"""The buyer discounts table (指定商品折扣) and how a discount syncs (its ``data`` on the wire)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core import entities
from ..core.base import Base


class Discount(Base):
    """A buyer-specific discount (指定商品折扣), R-DSC-1, R-DSC-2.

    ``state`` is the state when the discount last changed (API.md: the client recomputes it by its
    own clock); ``revoked_at`` set means revoked for good."""

    __tablename__ = "discounts"
    __table_args__ = (Index("ix_discounts_pair", "account_id", "listing_id", "buyer_account_id"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    listing_id: Mapped[str] = mapped_column(String(64))
    listing_name: Mapped[str] = mapped_column(String(200))
    buyer_account_id: Mapped[str] = mapped_column(String(64))
    buyer_name: Mapped[str] = mapped_column(String(200))
    percent: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[str] = mapped_column(String(40))
    valid_until: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20))
    revoked_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


_DISCOUNT = entities.synced_reader("discount")


def discount_data(d: Discount) -> dict[str, Any]:
    # R-DSC-1; ``state`` as of the last change: the client recomputes it by its own clock.
    return _DISCOUNT(d)

DISCOUNT = entities.register(entities.EntityKind("discount", Discount, Discount.id, discount_data))
