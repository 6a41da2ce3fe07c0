"""Money (资金管理): typed tables for the ledger and withdrawals, which page, filter and sum in
SQL; the vendor profile's customer-service fields take API.md's names.

Revision ID: 0006_money
Revises: 0005_invoices
Create Date: 2026-11-29

Ledger entries and withdrawals pulled by an older build sat as JSON in ``entities``; nothing
synced them before this build (the sandbox had no money yet), so they are simply dropped there
and the pull brings them again: the cursor restarts (a full resync), which also re-fetches the
profile under its new field names.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_money"
down_revision: str | None = "0005_invoices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String()),
        sa.Column("book", sa.String()),
        sa.Column("amount_fen", sa.Integer()),
        sa.Column("balance_after_fen", sa.Integer()),
        sa.Column("market", sa.String()),
        sa.Column("order_number", sa.String()),
        sa.Column("withdrawal_id", sa.String()),
        sa.Column("receipt_number", sa.String()),
        sa.Column("at", sa.String()),
        sa.Column("at_ts", sa.Integer()),
        sa.Column("at_date", sa.String()),
        sa.Column("month", sa.String()),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sync_gen", sa.Integer(), nullable=False),
    )
    op.create_index("ix_ledger_at", "ledger_entries", ["at_ts", "id"])
    op.create_index("ix_ledger_book_market", "ledger_entries", ["book", "market", "at_ts"])
    op.create_index("ix_ledger_kind", "ledger_entries", ["kind", "at_ts"])
    op.create_index("ix_ledger_month", "ledger_entries", ["month", "book", "market"])
    op.create_index("ix_ledger_statement", "ledger_entries", ["book", "market", "month", "amount_fen"])
    op.create_index("ix_ledger_date", "ledger_entries", ["at_date"])
    op.create_table(
        "withdrawals",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer()),
        sa.Column("state", sa.String()),
        sa.Column("requested_at", sa.String()),
        sa.Column("requested_ts", sa.Integer()),
        sa.Column("expected_from", sa.String()),
        sa.Column("expected_until", sa.String()),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sync_gen", sa.Integer(), nullable=False),
    )
    op.create_index("ix_withdrawals_requested", "withdrawals", ["requested_ts", "id"])
    op.create_index("ix_withdrawals_state", "withdrawals", ["state"])
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM entities WHERE entity IN ('ledger_entry', 'withdrawal')"))
    # Pull everything again from the start (a resync, so rows the server no longer has are swept): the profile's renamed fields come with it.
    conn.execute(sa.text("UPDATE sync_state SET cursor = NULL, generation = generation + 1, resyncing = 1"))


def downgrade() -> None:
    op.drop_table("withdrawals")
    op.drop_table("ledger_entries")
