"""Delivery, refunds and exit (issue 14): the ``refunds`` table; the order's delivery dates and
refunded amount; the refund and ticket a message is about; the vendor's exit and deposit-refund
dates; a refund ledger entry's refund and owed amount.

Revision ID: 0006_refunds_exit
Revises: 0005_tickets
Create Date: 2026-11-29

- ``refunds`` (SPEC §5): a buyer's request and the vendor's decision.
- ``orders``: ``delivery_note``, ``delivering_at``, ``completed_at``, ``completes_by`` (R-ORD-5)
  and ``refunded_fen`` (0; an order already ``refunded`` was refunded in full: its amount).
- ``messages``: ``refund_id``, ``ticket_id`` (null for older messages: about neither).
- ``vendors``: ``exited_at``, ``receipt_returned_on``, ``deposit_refund_on``, ``deposit_refunded_at``.
- ``ledger_entries``: ``refund_id``, ``owed_fen``.

Each step is taken only if the database lacks it, like 0001–0004: a database made by
``create_all`` of today's models already has all of it. The back-filled orders get a change-log row
(their new version), so signed-in clients pull their refunded amount.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_refunds_exit"
down_revision: str | None = "0005_tickets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ORDER_COLUMNS = (
    ("delivery_note", sa.String(2000)),
    ("delivering_at", sa.String(40)),
    ("completed_at", sa.String(40)),
    ("completes_by", sa.String(40)),
)
_VENDOR_COLUMNS = (
    ("exited_at", sa.String(40)),
    ("receipt_returned_on", sa.String(10)),
    ("deposit_refund_on", sa.String(10)),
    ("deposit_refunded_at", sa.String(40)),
)


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    if "refunds" not in sa.inspect(op.get_bind()).get_table_names():
        op.create_table(
            "refunds",
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False),
            sa.Column("order_id", sa.String(64), sa.ForeignKey("orders.id"), nullable=False),
            sa.Column("order_number", sa.String(32), nullable=False),
            sa.Column("listing_name", sa.String(200), nullable=False),
            sa.Column("market", sa.String(40), nullable=False),
            sa.Column("buyer_account_id", sa.String(64), nullable=False),
            sa.Column("paid_fen", sa.BigInteger(), nullable=False),
            sa.Column("amount_fen", sa.BigInteger(), nullable=False),
            sa.Column("refunded_fen", sa.BigInteger(), nullable=False),
            sa.Column("state", sa.String(20), nullable=False),
            sa.Column("rule", sa.String(40), nullable=False),
            sa.Column("buyer_reason", sa.String(2000), nullable=False),
            sa.Column("buyer_self_service_before", sa.Integer(), nullable=False),
            sa.Column("order_state_before", sa.String(20), nullable=False),
            sa.Column("requested_at", sa.String(40), nullable=False),
            sa.Column("decide_by", sa.String(10), nullable=True),
            sa.Column("decide_by_approximate", sa.Boolean(), nullable=False),
            sa.Column("decided_at", sa.String(40), nullable=True),
            sa.Column("decided_by", sa.String(100), nullable=True),
            sa.Column("decision_reason", sa.String(2000), nullable=True),
            sa.Column("invoice_issued", sa.Boolean(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
        )
        op.create_index("ix_refunds_account_state", "refunds", ["account_id", "state"])
        op.create_index("ix_refunds_buyer_rule", "refunds", ["buyer_account_id", "rule"])
        op.create_index("ix_refunds_order", "refunds", ["order_id"])
    orders = _columns("orders")
    for name, type_ in _ORDER_COLUMNS:
        if name not in orders:
            op.add_column("orders", sa.Column(name, type_, nullable=True))
    if "refunded_fen" not in orders:
        op.add_column("orders", sa.Column("refunded_fen", sa.BigInteger(), nullable=False, server_default="0"))
        op.create_index("ix_orders_completes_by", "orders", ["account_id", "state", "completes_by"])
        _back_fill_refunded(op.get_bind())
    messages = _columns("messages")
    for name in ("refund_id", "ticket_id"):
        if name not in messages:
            op.add_column("messages", sa.Column(name, sa.String(64), nullable=True))
    vendors = _columns("vendors")
    for name, type_ in _VENDOR_COLUMNS:
        if name not in vendors:
            op.add_column("vendors", sa.Column(name, type_, nullable=True))
    ledger = _columns("ledger_entries")
    if "refund_id" not in ledger:
        op.add_column("ledger_entries", sa.Column("refund_id", sa.String(64), nullable=True))
    if "owed_fen" not in ledger:
        op.add_column("ledger_entries", sa.Column("owed_fen", sa.BigInteger(), nullable=True))


def _back_fill_refunded(conn: sa.Connection) -> None:
    """An order already refunded gave back everything it was paid (R-REF-5): its refunded amount is
    its amount, at a new version its clients pull."""
    tables = sa.MetaData()
    tables.reflect(conn, only=("orders", "change_log"))
    orders, log = tables.tables["orders"], tables.tables["change_log"]
    refunded = conn.execute(
        sa.select(orders.c.id, orders.c.account_id, orders.c.version).where(orders.c.state == "refunded")
    ).all()
    for order in refunded:
        conn.execute(
            orders.update()
            .where(orders.c.id == order.id)
            .values(refunded_fen=orders.c.amount_fen, version=order.version + 1)
        )
        same = (log.c.account_id == order.account_id, log.c.entity == "order", log.c.entity_id == order.id)
        conn.execute(log.delete().where(*same))
        conn.execute(
            log.insert().values(
                account_id=order.account_id,
                entity="order",
                entity_id=order.id,
                version=order.version + 1,
                deleted=False,
                audience=None,
                user_id=None,
            )
        )


def downgrade() -> None:
    # Refunds, exit dates and delivery dates go; orders, messages and ledger entries stay. SQLite
    # (3.35+) drops columns in place (a batch rebuild of messages would cascade-delete read marks).
    drops = (
        ("ledger_entries", ("owed_fen", "refund_id")),
        ("vendors", tuple(name for name, _ in _VENDOR_COLUMNS)),
        ("messages", ("ticket_id", "refund_id")),
        ("orders", ("refunded_fen", *(name for name, _ in _ORDER_COLUMNS))),
    )
    op.drop_index("ix_orders_completes_by", table_name="orders")
    for table, columns in drops:
        for column in columns:
            if op.get_bind().dialect.name == "sqlite":
                op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            else:
                op.drop_column(table, column)
    op.drop_index("ix_refunds_order", table_name="refunds")
    op.drop_index("ix_refunds_buyer_rule", table_name="refunds")
    op.drop_index("ix_refunds_account_state", table_name="refunds")
    op.drop_table("refunds")
