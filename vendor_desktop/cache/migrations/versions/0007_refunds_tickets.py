"""Refunds and tickets (issue 14): typed tables the Refunds and Tickets areas page from.

Revision ID: 0007_refunds_tickets
Revises: 0006_money
Create Date: 2026-11-29

Refunds and tickets pulled by an older build sat as JSON in ``entities``; the sandbox had none
before this build, so they are dropped there and the pull brings them again from the start (a
resync, which also brings the orders' and messages' new fields).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_refunds_tickets"
down_revision: str | None = "0006_money"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "refunds",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.String()),
        sa.Column("order_number", sa.String()),
        sa.Column("buyer_account_id", sa.String()),
        sa.Column("market", sa.String()),
        sa.Column("amount_fen", sa.Integer()),
        sa.Column("refunded_fen", sa.Integer()),
        sa.Column("state", sa.String()),
        sa.Column("rule", sa.String()),
        sa.Column("requested_at", sa.String()),
        sa.Column("requested_ts", sa.Integer()),
        sa.Column("requested_date", sa.String()),
        sa.Column("decide_by", sa.String()),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sync_gen", sa.Integer(), nullable=False),
    )
    op.create_index("ix_refunds_requested", "refunds", ["requested_ts", "id"])
    op.create_index("ix_refunds_state", "refunds", ["state", "decide_by", "requested_ts"])
    op.create_index("ix_refunds_order", "refunds", ["order_id"])
    op.create_index("ix_refunds_order_number", "refunds", ["order_number"])
    op.create_index("ix_refunds_buyer", "refunds", ["buyer_account_id", "requested_ts"])
    op.create_table(
        "tickets",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("type", sa.String()),
        sa.Column("subject", sa.String()),
        sa.Column("state", sa.String()),
        sa.Column("listing_id", sa.String()),
        sa.Column("order_id", sa.String()),
        sa.Column("created_at", sa.String()),
        sa.Column("updated_at", sa.String()),
        sa.Column("updated_ts", sa.Integer()),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sync_gen", sa.Integer(), nullable=False),
    )
    op.create_index("ix_tickets_updated", "tickets", ["updated_ts", "id"])
    op.create_index("ix_tickets_state", "tickets", ["state", "updated_ts"])
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM entities WHERE entity IN ('refund', 'ticket')"))
    conn.execute(sa.text("UPDATE sync_state SET cursor = NULL, generation = generation + 1, resyncing = 1"))


def downgrade() -> None:
    op.drop_table("tickets")
    op.drop_table("refunds")
