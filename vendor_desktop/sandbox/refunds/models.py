"""The refunds table (退款, SPEC §5) and how a refund syncs (its ``data`` on the wire)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core import entities
from ..core.base import Base


class Refund(Base):
    """A buyer's refund request for one order and the vendor's decision (R-REF-1…5). It copies the
    order's number, listing name and market, so the roles that read refunds but not orders
    (finance) see what it is about (SPEC §11)."""

    __tablename__ = "refunds"
    __table_args__ = (
        Index("ix_refunds_account_state", "account_id", "state"),
        # R-REF-1: a buyer's self-service refunds are counted marketplace-wide.
        Index("ix_refunds_buyer_rule", "buyer_account_id", "rule"),
        Index("ix_refunds_order", "order_id"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    order_number: Mapped[str] = mapped_column(String(32))
    listing_name: Mapped[str] = mapped_column(String(200))
    market: Mapped[str] = mapped_column(String(40))
    buyer_account_id: Mapped[str] = mapped_column(String(64))
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    refunded_fen: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(20))
    rule: Mapped[str] = mapped_column(String(40))
    buyer_reason: Mapped[str] = mapped_column(String(2000))
    buyer_self_service_before: Mapped[int] = mapped_column(Integer)
    order_state_before: Mapped[str] = mapped_column(String(20))
    requested_at: Mapped[str] = mapped_column(String(40))
    decide_by: Mapped[str | None] = mapped_column(String(10), nullable=True)
    decide_by_approximate: Mapped[bool] = mapped_column(Boolean)
    decided_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    decision_reason: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    invoice_issued: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)


REFUND = entities.register(entities.EntityKind("refund", Refund, Refund.id, entities.synced_reader("refund")))
