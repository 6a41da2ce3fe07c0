"""Orders: a folded search column with a covering index, so search reads an index, not every row.

Revision ID: 0003_order_search
Revises: 0002_outbox_discounts
Create Date: 2026-06-10

``search_text`` joins number, buyer name, buyer account and listing name, separated by U+001F,
and lowercased with Python's ``str.lower`` (``vendor_desktop.cache.orders.search_text``; the rule is
repeated here so this migration stays what it was). The index holds the sort key and id too, so a
search never touches the wide rows.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_order_search"
down_revision: str | None = "0002_outbox_discounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("search_text", sa.String()))  # SQLite adds a column in place
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, number, buyer_name, buyer_account_id, listing_name FROM orders")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE orders SET search_text = :text WHERE id = :id"),
            [{"id": r[0], "text": "\x1f".join(v or "" for v in r[1:]).lower()} for r in rows],
        )
    op.create_index("ix_orders_search", "orders", ["search_text", "created_ts", "id"])


def downgrade() -> None:
    op.drop_index("ix_orders_search", table_name="orders")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("search_text")
