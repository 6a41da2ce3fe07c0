"""The orders table (订单) and how an order syncs (its ``data`` on the wire)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..core import entities
from ..core.base import Base


class Order(Base):
    """A buyer's order (订单), R-ORD-*; buyer details are stored already masked (R-ORD-4)."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("account_id", "number"),
        Index("ix_orders_settlement", "account_id", "settled", "settles_at"),
        # R-ORD-5: deliveries the clock completes after 7 days of silence.
        Index("ix_orders_completes_by", "account_id", "state", "completes_by"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(20))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    listing_id: Mapped[str] = mapped_column(String(64))
    listing_name: Mapped[str] = mapped_column(String(200))
    market: Mapped[str] = mapped_column(String(40))
    billing_mode: Mapped[str] = mapped_column(String(10))
    buyer_account_id: Mapped[str] = mapped_column(String(64))
    buyer_name: Mapped[str] = mapped_column(String(200))
    buyer_contact: Mapped[str] = mapped_column(String(40))
    virtual_number: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[str] = mapped_column(String(40))
    paid_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Added with price changes and discounts (R-ORD-3, R-DSC-2); nullable so an older database
    # file gained them with a plain ADD COLUMN (migration 0001 still does, for such a file).
    list_price_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    discount_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    discount_percent: Mapped[int | None] = mapped_column(Integer, nullable=True)
    price_changed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    price_change_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # R-WDR-1: when the paid amount stops being pending settlement (domain.earnings.settles_at;
    # null until known: unpaid, or a manual service not yet completed), and whether it has.
    settles_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    settled: Mapped[bool] = mapped_column(Boolean, default=False)
    # R-ORD-5 (migration 0006): a manual service's delivery note and dates; the Python defaults
    # fill the seeder's bulk rows that do not name them.
    delivery_note: Mapped[str | None] = mapped_column(String(2000), nullable=True, default=None)
    delivering_at: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)
    completed_at: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)
    completes_by: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)
    # SPEC §5: what refunds gave back so far (a partial refund leaves the order's state as it was).
    refunded_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    version: Mapped[int] = mapped_column(Integer, default=1)


_ORDER = entities.synced_reader("order")


def order_data(o: Order) -> dict[str, Any]:
    # R-ORD-4: buyer name and contact are stored masked; only the virtual number reaches the vendor.
    data = _ORDER(o)
    # R-ORD-3 / R-DSC-2: the listing price before any discount or price change (orders from
    # before these fields existed were never changed, so their amount is the list price).
    if data["list_price_fen"] is None:
        data["list_price_fen"] = o.amount_fen
    return data

ORDER = entities.register(entities.EntityKind("order", Order, Order.id, order_data))
