"""Orders: an index on the buyer account, so the discount dialog finds a buyer's name at once.

Revision ID: 0004_order_buyer
Revises: 0003_order_search
Create Date: 2026-06-20

Granting a buyer discount (R-DSC-1) shows the name of the buyer whose account ID is typed, from
that buyer's orders on this computer; without the index every keystroke would scan every order.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_order_buyer"
down_revision: str | None = "0003_order_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_orders_buyer", "orders", ["buyer_account_id"])


def downgrade() -> None:
    op.drop_index("ix_orders_buyer", table_name="orders")
