"""The invoices table (发票) and how an invoice syncs (its ``data`` on the wire).

An invoice carries a copy of its order's number, amount and listing name, so finance and
support work on invoices without reading orders (SPEC §11). What the buyer side has been told
(R-INV-4) is kept on the row too, in ``buyer_messages``: it is the sandbox's stand-in for the
buyer's own inbox, shown by ``GET /sandbox/invoices/{id}`` and never synced to the vendor.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core import entities
from ..core.base import Base


class Invoice(Base):
    """A buyer's invoice request for a paid order, R-INV-1 … R-INV-6."""

    __tablename__ = "invoices"
    __table_args__ = (Index("ix_invoices_order", "order_id", "state"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    order_number: Mapped[str] = mapped_column(String(32))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    listing_name: Mapped[str] = mapped_column(String(200))
    buyer_account_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20))
    type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    tax_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    mailing: Mapped[dict[str, str]] = mapped_column(JSON)
    requested_at: Mapped[str] = mapped_column(String(40))
    due_date: Mapped[str] = mapped_column(String(10))
    due_date_approximate: Mapped[bool] = mapped_column(Boolean)
    invoice_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    invoice_number: Mapped[str | None] = mapped_column(String(20), nullable=True)
    issued_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    carrier: Mapped[str | None] = mapped_column(String(20), nullable=True)
    tracking_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    postage: Mapped[str | None] = mapped_column(String(20), nullable=True)
    shipped_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    revoked_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Lists are replaced, never changed in place: the ORM notices only a new value.
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    buyer_messages: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)


def history_entry(at: str, action: str, actor: str, **fields: str | None) -> dict[str, Any]:
    """One step of ``history`` (domain/synced.py), with every key, null where it does not apply:
    the same shape in pulls, command answers and the sandbox controls' answers."""
    entry: dict[str, Any] = {"at": at, "action": action, "actor": actor}
    for key in _HISTORY_FIELDS:
        entry[key] = fields.pop(key, None)
    if fields:
        raise TypeError(f"not a history field: {', '.join(fields)}")
    return entry


_HISTORY_FIELDS = ("invoice_number", "carrier", "tracking_number", "postage", "reason")
_INVOICE = entities.synced_reader("invoice")


def invoice_data(invoice: Invoice) -> dict[str, Any]:
    return _INVOICE(invoice)


INVOICE = entities.register(entities.EntityKind("invoice", Invoice, Invoice.id, invoice_data))
