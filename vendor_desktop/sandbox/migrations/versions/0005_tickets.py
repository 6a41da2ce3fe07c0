"""Tickets (工单, issue 14, R-TKT-1): the ``tickets`` table and ``ticket_attachments`` (the files).

Revision ID: 0005_tickets
Revises: 0004_money
Create Date: 2026-11-29

A ticket keeps its conversation and its attachments' descriptions on its row (what syncs); each
file's bytes are a row of their own, so a ticket's row stays small. No vendor had tickets before:
nothing to back-fill.

Like 0001–0004, each table is made only if the database lacks it: one made by ``create_all`` of
today's models already has them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_tickets"
down_revision: str | None = "0004_money"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    if "tickets" not in tables:
        op.create_table(
            "tickets",
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False),
            sa.Column("type", sa.String(20), nullable=False),
            sa.Column("subject", sa.String(200), nullable=False),
            sa.Column("state", sa.String(20), nullable=False),
            sa.Column("listing_id", sa.String(64), nullable=True),
            sa.Column("order_id", sa.String(64), nullable=True),
            sa.Column("order_number", sa.String(32), nullable=True),
            sa.Column("messages", sa.JSON(), nullable=False),
            sa.Column("attachments", sa.JSON(), nullable=False),
            sa.Column("created_at", sa.String(40), nullable=False),
            sa.Column("created_by", sa.String(100), nullable=False),
            sa.Column("updated_at", sa.String(40), nullable=False),
            sa.Column("last_urged_at", sa.String(40), nullable=True),
            sa.Column("closed_at", sa.String(40), nullable=True),
            sa.Column("version", sa.Integer(), nullable=False),
        )
        op.create_index("ix_tickets_account_id", "tickets", ["account_id"])
    if "ticket_attachments" not in tables:
        op.create_table(
            "ticket_attachments",
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("ticket_id", sa.String(64), sa.ForeignKey("tickets.id"), nullable=False),
            sa.Column("media_type", sa.String(40), nullable=False),
            sa.Column("content", sa.LargeBinary(), nullable=False),
        )
        op.create_index("ix_ticket_attachments_ticket_id", "ticket_attachments", ["ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_ticket_attachments_ticket_id", table_name="ticket_attachments")
    op.drop_table("ticket_attachments")
    op.drop_index("ix_tickets_account_id", table_name="tickets")
    op.drop_table("tickets")
