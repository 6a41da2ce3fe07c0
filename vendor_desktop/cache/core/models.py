"""The local cache's tables (SQLAlchemy 2 declarative).

Every synced row keeps the server's full JSON in ``data`` (so a field the app does not know yet
is never lost) and copies into columns only what the views filter and sort on. ``sync_gen`` is
the resync generation that last saw the row: after a full resync, rows of an older generation
are gone on the server and are swept (see ``sync_state`` and ``vendor_desktop.sync.pull``).
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Boolean, Index, Integer, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Order(Base):
    """An order (订单), R-ORD-1..4. Buyer contact fields arrive masked (R-ORD-4)."""

    __tablename__ = "orders"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[str | None] = mapped_column(String)
    state: Mapped[str | None] = mapped_column(String)
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    listing_id: Mapped[str | None] = mapped_column(String)
    listing_name: Mapped[str | None] = mapped_column(String)
    market: Mapped[str | None] = mapped_column(String)
    billing_mode: Mapped[str | None] = mapped_column(String)
    buyer_account_id: Mapped[str | None] = mapped_column(String)
    buyer_name: Mapped[str | None] = mapped_column(String)
    buyer_contact: Mapped[str | None] = mapped_column(String)
    virtual_number: Mapped[str | None] = mapped_column(String)
    # As sent (ISO 8601 with offset); the derived columns make SQL filters and sorts cheap.
    created_at: Mapped[str | None] = mapped_column(String)
    created_ts: Mapped[int | None] = mapped_column(Integer)
    created_date: Mapped[str | None] = mapped_column(String)  # YYYY-MM-DD in Asia/Shanghai
    paid_at: Mapped[str | None] = mapped_column(String)
    paid_date: Mapped[str | None] = mapped_column(String)  # YYYY-MM-DD in Asia/Shanghai
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Number, buyer, buyer account and listing, folded for search (cache.search_text, R-ORD-2).
    search_text: Mapped[str | None] = mapped_column(String)

    __table_args__ = (
        # Each index serves one filter or sort of the Orders view; the id makes sorts stable.
        Index("ix_orders_created", "created_ts", "id"),
        Index("ix_orders_created_date", "created_date"),
        Index("ix_orders_state", "state", "created_ts"),
        Index("ix_orders_market", "market", "created_ts"),
        Index("ix_orders_number", "number"),
        Index("ix_orders_amount", "amount_fen", "id"),
        Index("ix_orders_paid_date", "paid_date"),
        # Covering: a substring search scans this narrow index and sorts, never the wide rows.
        Index("ix_orders_search", "search_text", "created_ts", "id"),
        Index("ix_orders_buyer", "buyer_account_id"),  # the buyer's name in the discount dialog
    )


class Listing(Base):
    """A listing (商品), R-LST-1..5."""

    __tablename__ = "listings"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str | None] = mapped_column(String)
    market: Mapped[str | None] = mapped_column(String)
    delivery: Mapped[str | None] = mapped_column(String)
    state: Mapped[str | None] = mapped_column(String, index=True)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Message(Base):
    """An in-app message (站内信), R-LST-6 and R-ORD-2."""

    __tablename__ = "messages"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)
    body: Mapped[str | None] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(String)
    body_en: Mapped[str | None] = mapped_column(Text)
    read: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[str | None] = mapped_column(String)
    created_ts: Mapped[int | None] = mapped_column(Integer)
    order_id: Mapped[str | None] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        Index("ix_messages_created", "created_ts", "id"),
        Index("ix_messages_read", "read"),
    )


class VendorProfile(Base):
    """The vendor's own account info (账户信息), R-ACC-1/3: one row per cache."""

    __tablename__ = "vendor_profile"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Entity(Base):
    """Every other entity type (and ones added to the API later), kept as JSON until a view needs columns."""

    __tablename__ = "entities"

    entity: Mapped[str] = mapped_column(String, primary_key=True)
    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class SyncState(Base):
    """The single row of pull bookkeeping (id is always 1).

    ``generation`` is bumped when a full resync starts; ``resyncing`` stays true until the
    resync's last page is applied and rows of older generations are swept, so a resync
    interrupted by a crash still sweeps when it finishes.
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String)
    last_success_at: Mapped[str | None] = mapped_column(String)
    generation: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    resyncing: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    signed_in_user: Mapped[str | None] = mapped_column(Text)  # JSON, so the role is known offline


class Discount(Base):
    """A buyer-specific discount (指定商品折扣), R-DSC-1/2. ``state`` is as the server last sent it."""

    __tablename__ = "discounts"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    listing_id: Mapped[str | None] = mapped_column(String)
    listing_name: Mapped[str | None] = mapped_column(String)
    buyer_account_id: Mapped[str | None] = mapped_column(String)
    buyer_name: Mapped[str | None] = mapped_column(String)
    percent: Mapped[int | None] = mapped_column(Integer)
    valid_from: Mapped[str | None] = mapped_column(String)
    valid_from_ts: Mapped[int | None] = mapped_column(Integer)
    valid_until: Mapped[str | None] = mapped_column(String)
    state: Mapped[str | None] = mapped_column(String)
    revoked_at: Mapped[str | None] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        Index("ix_discounts_valid_from", "valid_from_ts", "id"),
        Index("ix_discounts_state", "state"),
    )


class Invoice(Base):
    """A buyer's invoice request (发票), R-INV-1..6. Carries the order's number and amount."""

    __tablename__ = "invoices"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    order_id: Mapped[str | None] = mapped_column(String)
    order_number: Mapped[str | None] = mapped_column(String)
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str | None] = mapped_column(String)
    type: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(String)
    tax_id: Mapped[str | None] = mapped_column(String)
    requested_at: Mapped[str | None] = mapped_column(String)
    requested_ts: Mapped[int | None] = mapped_column(Integer)
    requested_date: Mapped[str | None] = mapped_column(String)  # YYYY-MM-DD in Asia/Shanghai
    due_date: Mapped[str | None] = mapped_column(String)  # YYYY-MM-DD, R-INV-3
    invoice_number: Mapped[str | None] = mapped_column(String)
    carrier: Mapped[str | None] = mapped_column(String)
    tracking_number: Mapped[str | None] = mapped_column(String)
    postage: Mapped[str | None] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Order number, title, tax ID and tracking number, folded for search (cache.invoices).
    search_text: Mapped[str | None] = mapped_column(String)

    __table_args__ = (
        # The default sort: due date, then the request's moment; the id makes sorts stable.
        Index("ix_invoices_due", "due_date", "requested_ts", "id"),
        Index("ix_invoices_state", "state", "due_date"),
        Index("ix_invoices_requested_date", "requested_date"),
        Index("ix_invoices_order_number", "order_number"),
        Index("ix_invoices_search", "search_text", "due_date", "id"),
    )


class LedgerEntry(Base):
    """A money movement (资金流水), R-DEP-6, R-WDR-1: the ledger and the monthly statement page,
    filter and sum these in SQL. ``amount_fen`` is signed, + into its ``book``."""

    __tablename__ = "ledger_entries"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str | None] = mapped_column(String)  # domain.earnings.LedgerKind
    book: Mapped[str | None] = mapped_column(String)  # domain.earnings.ledger_book(kind)
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    balance_after_fen: Mapped[int | None] = mapped_column(Integer)
    market: Mapped[str | None] = mapped_column(String)
    order_number: Mapped[str | None] = mapped_column(String)
    withdrawal_id: Mapped[str | None] = mapped_column(String)
    receipt_number: Mapped[str | None] = mapped_column(String)
    at: Mapped[str | None] = mapped_column(String)
    at_ts: Mapped[int | None] = mapped_column(Integer)
    at_date: Mapped[str | None] = mapped_column(String)  # YYYY-MM-DD in Asia/Shanghai
    month: Mapped[str | None] = mapped_column(String)  # YYYY-MM in Asia/Shanghai: the statement's month
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        Index("ix_ledger_at", "at_ts", "id"),
        Index("ix_ledger_book_market", "book", "market", "at_ts"),
        Index("ix_ledger_kind", "kind", "at_ts"),
        Index("ix_ledger_month", "month", "book", "market"),
        # Covering the statement's sums (every entry up to a month, per book and market) so they
        # read the index alone: ~6x faster than scanning the table at 200,000 entries.
        Index("ix_ledger_statement", "book", "market", "month", "amount_fen"),
        Index("ix_ledger_date", "at_date"),
    )


class Withdrawal(Base):
    """A withdrawal (提现), R-WDR-3..5: the history pages from here, newest first."""

    __tablename__ = "withdrawals"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str | None] = mapped_column(String)  # domain.earnings.WithdrawalState
    requested_at: Mapped[str | None] = mapped_column(String)
    requested_ts: Mapped[int | None] = mapped_column(Integer)
    expected_from: Mapped[str | None] = mapped_column(String)
    expected_until: Mapped[str | None] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        Index("ix_withdrawals_requested", "requested_ts", "id"),
        Index("ix_withdrawals_state", "state"),
    )


class Refund(Base):
    """A buyer's refund request (退款), SPEC §5: the Refunds area pages from here, the requests
    awaiting a decision first by their decide-by date (R-REF-4)."""

    __tablename__ = "refunds"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    order_id: Mapped[str | None] = mapped_column(String)
    order_number: Mapped[str | None] = mapped_column(String)
    buyer_account_id: Mapped[str | None] = mapped_column(String)
    market: Mapped[str | None] = mapped_column(String)
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    refunded_fen: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str | None] = mapped_column(String)  # domain.refunds.RefundState
    rule: Mapped[str | None] = mapped_column(String)  # domain.refunds.RefundRule
    requested_at: Mapped[str | None] = mapped_column(String)
    requested_ts: Mapped[int | None] = mapped_column(Integer)
    requested_date: Mapped[str | None] = mapped_column(String)  # YYYY-MM-DD in Asia/Shanghai
    decide_by: Mapped[str | None] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        Index("ix_refunds_requested", "requested_ts", "id"),
        Index("ix_refunds_state", "state", "decide_by", "requested_ts"),
        Index("ix_refunds_order", "order_id"),
        Index("ix_refunds_order_number", "order_number"),
        Index("ix_refunds_buyer", "buyer_account_id", "requested_ts"),
    )


class Ticket(Base):
    """A ticket (工单), R-TKT-1: the Tickets area pages from here, the latest activity first; the
    conversation and the attachments stay in ``data``."""

    __tablename__ = "tickets"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    type: Mapped[str | None] = mapped_column(String)  # domain.tickets.TicketType
    subject: Mapped[str | None] = mapped_column(String)
    state: Mapped[str | None] = mapped_column(String)  # domain.tickets.TicketState
    listing_id: Mapped[str | None] = mapped_column(String)
    order_id: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[str | None] = mapped_column(String)
    updated_at: Mapped[str | None] = mapped_column(String)
    updated_ts: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    sync_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        Index("ix_tickets_updated", "updated_ts", "id"),
        Index("ix_tickets_state", "state", "updated_ts"),
    )


class OutboxCommand(Base):
    """A queued command (DESIGN "Outbox states"); see ``vendor_desktop.cache.core.outbox``.

    AUTOINCREMENT so an id is never reused after a row is deleted: the id is the creation order
    and the UI's handle on a command, also across a discard. Moments are UTC ISO 8601 text of
    one fixed shape, so they compare correctly in SQL.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String, nullable=False)
    entity: Mapped[str] = mapped_column(String, nullable=False)
    entity_id: Mapped[str] = mapped_column(String, nullable=False)
    base_version: Mapped[int | None] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String, nullable=False)
    path: Mapped[str] = mapped_column(String, nullable=False)
    payload: Mapped[str | None] = mapped_column(Text)  # JSON
    summary: Mapped[str] = mapped_column(Text, nullable=False)  # JSON
    created_at: Mapped[str] = mapped_column(String, nullable=False)
    created_by: Mapped[str] = mapped_column(String, nullable=False)
    state: Mapped[str] = mapped_column(String, nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_try_at: Mapped[str | None] = mapped_column(String)
    error_code: Mapped[str | None] = mapped_column(String)
    error_message: Mapped[str | None] = mapped_column(Text)
    error_message_zh: Mapped[str | None] = mapped_column(Text)
    error_details: Mapped[str | None] = mapped_column(Text)  # JSON
    last_error: Mapped[str | None] = mapped_column(Text)  # the last transient failure, for the log and UI
    updated_at: Mapped[str] = mapped_column(String, nullable=False)

    __table_args__ = (
        Index("ix_outbox_state", "state", "id"),
        Index("ix_outbox_entity", "entity", "entity_id", "id"),
        {"sqlite_autoincrement": True},
    )

#: Entities with a table of their own; every other entity type lives in ``entities``.
TYPED_TABLES: dict[str, Table] = {
    name: cast(Table, model.__table__)  # declarative tables are Tables, typed as FromClause
    for name, model in (
        ("order", Order),
        ("listing", Listing),
        ("message", Message),
        ("vendor_profile", VendorProfile),
        ("discount", Discount),
        ("invoice", Invoice),
        ("ledger_entry", LedgerEntry),
        ("withdrawal", Withdrawal),
        ("refund", Refund),
        ("ticket", Ticket),
    )
}
