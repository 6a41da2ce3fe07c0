"""Invoices (发票管理, issue 12): the ``invoices`` table and ``messages.invoice_id``.

Revision ID: 0003_invoices
Revises: 0002_reads_audience_grace
Create Date: 2026-11-29

A buyer's invoice request for a paid order and what the vendor did with it (R-INV-1 … R-INV-6);
a message about an invoice names it in ``invoice_id`` and reaches only the roles that read
invoices (SPEC §11). Old messages are about no invoice: the new column is null for them, and no
change-log row needs a new audience.

Each step is taken only if the database lacks it, like 0001 and 0002: a database without
``alembic_version`` is brought up through every revision, and one whose tables were made by
``create_all`` of today's models (as the first release with migrations did at start-up, and as the
tests make one) already has these.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_invoices"
down_revision: str | None = "0002_reads_audience_grace"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    found = sa.inspect(op.get_bind())
    if "invoices" not in found.get_table_names():
        op.create_table(
            "invoices",
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False),
            sa.Column("order_id", sa.String(64), sa.ForeignKey("orders.id"), nullable=False),
            sa.Column("order_number", sa.String(32), nullable=False),
            sa.Column("amount_fen", sa.BigInteger(), nullable=False),
            sa.Column("listing_name", sa.String(200), nullable=False),
            sa.Column("buyer_account_id", sa.String(64), nullable=False),
            sa.Column("state", sa.String(20), nullable=False),
            sa.Column("type", sa.String(20), nullable=False),
            sa.Column("title", sa.String(200), nullable=False),
            sa.Column("tax_id", sa.String(40), nullable=True),
            sa.Column("mailing", sa.JSON(), nullable=False),
            sa.Column("requested_at", sa.String(40), nullable=False),
            sa.Column("due_date", sa.String(10), nullable=False),
            sa.Column("due_date_approximate", sa.Boolean(), nullable=False),
            sa.Column("invoice_code", sa.String(12), nullable=True),
            sa.Column("invoice_number", sa.String(20), nullable=True),
            sa.Column("issued_at", sa.String(40), nullable=True),
            sa.Column("carrier", sa.String(20), nullable=True),
            sa.Column("tracking_number", sa.String(40), nullable=True),
            sa.Column("postage", sa.String(20), nullable=True),
            sa.Column("shipped_at", sa.String(40), nullable=True),
            sa.Column("revoked_at", sa.String(40), nullable=True),
            sa.Column("history", sa.JSON(), nullable=False),
            sa.Column("buyer_messages", sa.JSON(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
        )
        op.create_index("ix_invoices_account_id", "invoices", ["account_id"])
        op.create_index("ix_invoices_order", "invoices", ["order_id", "state"])
    if "invoice_id" not in {c["name"] for c in found.get_columns("messages")}:
        op.add_column("messages", sa.Column("invoice_id", sa.String(64), nullable=True))


def downgrade() -> None:
    # Invoices and their messages' link go; the messages themselves stay (about nothing then).
    # SQLite (3.35+) drops the column in place: a batch rebuild of ``messages`` would drop the old
    # table, and with foreign keys on that deletes every read mark (ON DELETE CASCADE).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE messages DROP COLUMN invoice_id")
    else:
        op.drop_column("messages", "invoice_id")
    op.drop_index("ix_invoices_order", table_name="invoices")
    op.drop_index("ix_invoices_account_id", table_name="invoices")
    op.drop_table("invoices")
