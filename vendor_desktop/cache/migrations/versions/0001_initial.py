"""The first cache schema: orders, listings, messages, vendor profile, generic entities, sync state.

Revision ID: 0001_initial
Revises:
Create Date: 2024-06-01
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced(*columns: sa.Column) -> list[sa.Column]:
    return [
        *columns,
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sync_gen", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "orders",
        *_synced(
            sa.Column("id", sa.String(), primary_key=True),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("number", sa.String()),
            sa.Column("state", sa.String()),
            sa.Column("amount_fen", sa.Integer()),
            sa.Column("listing_id", sa.String()),
            sa.Column("listing_name", sa.String()),
            sa.Column("market", sa.String()),
            sa.Column("billing_mode", sa.String()),
            sa.Column("buyer_account_id", sa.String()),
            sa.Column("buyer_name", sa.String()),
            sa.Column("buyer_contact", sa.String()),
            sa.Column("virtual_number", sa.String()),
            sa.Column("created_at", sa.String()),
            sa.Column("created_ts", sa.Integer()),
            sa.Column("created_date", sa.String()),
            sa.Column("paid_at", sa.String()),
            sa.Column("paid_date", sa.String()),
        ),
    )
    op.create_index("ix_orders_created", "orders", ["created_ts", "id"])
    op.create_index("ix_orders_created_date", "orders", ["created_date"])
    op.create_index("ix_orders_state", "orders", ["state", "created_ts"])
    op.create_index("ix_orders_market", "orders", ["market", "created_ts"])
    op.create_index("ix_orders_number", "orders", ["number"])
    op.create_index("ix_orders_amount", "orders", ["amount_fen", "id"])
    op.create_index("ix_orders_paid_date", "orders", ["paid_date"])

    op.create_table(
        "listings",
        *_synced(
            sa.Column("id", sa.String(), primary_key=True),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("name", sa.String()),
            sa.Column("market", sa.String()),
            sa.Column("delivery", sa.String()),
            sa.Column("state", sa.String()),
        ),
    )
    op.create_index("ix_listings_state", "listings", ["state"])

    op.create_table(
        "messages",
        *_synced(
            sa.Column("id", sa.String(), primary_key=True),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String()),
            sa.Column("title", sa.String()),
            sa.Column("body", sa.Text()),
            sa.Column("title_en", sa.String()),
            sa.Column("body_en", sa.Text()),
            sa.Column("read", sa.Boolean(), nullable=False),
            sa.Column("created_at", sa.String()),
            sa.Column("created_ts", sa.Integer()),
            sa.Column("order_id", sa.String()),
        ),
    )
    op.create_index("ix_messages_created", "messages", ["created_ts", "id"])
    op.create_index("ix_messages_read", "messages", ["read"])

    op.create_table(
        "vendor_profile",
        *_synced(
            sa.Column("id", sa.String(), primary_key=True),
            sa.Column("version", sa.Integer(), nullable=False),
        ),
    )

    op.create_table(
        "entities",
        *_synced(
            sa.Column("entity", sa.String(), primary_key=True),
            sa.Column("id", sa.String(), primary_key=True),
            sa.Column("version", sa.Integer(), nullable=False),
        ),
    )

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cursor", sa.String()),
        sa.Column("last_success_at", sa.String()),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("resyncing", sa.Boolean(), nullable=False),
        sa.Column("signed_in_user", sa.Text()),
    )


def downgrade() -> None:
    for table in ("sync_state", "entities", "vendor_profile", "messages", "listings", "orders"):
        op.drop_table(table)
