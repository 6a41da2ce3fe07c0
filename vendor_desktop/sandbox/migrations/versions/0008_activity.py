"""The activity log (操作日志, issue 15): the ``activity`` table, one entry per vendor command.

Revision ID: 0008_activity
Revises: 0007_sub_accounts
Create Date: 2026-11-30

Indexes: by vendor and age (the 180-day purge, newest first), by vendor, user and age (a user's
own entries), by vendor and entity (an order's history). The sync reads entries through the change
log, by primary key. No command was logged before: nothing to back-fill.

Like 0001–0006, the table is made only if the database lacks it: one made by ``create_all`` of
today's models already has it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_activity"
down_revision: str | None = "0007_sub_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if "activity" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table(
        "activity",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("client_id", sa.String(36), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(30), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("code", sa.String(60), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("made_at", sa.String(40), nullable=False),
        sa.Column("applied_at", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_activity_account_applied", "activity", ["account_id", "applied_at"])
    op.create_index("ix_activity_account_user", "activity", ["account_id", "user_id", "applied_at"])
    op.create_index("ix_activity_account_entity", "activity", ["account_id", "entity", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_activity_account_entity", table_name="activity")
    op.drop_index("ix_activity_account_user", table_name="activity")
    op.drop_index("ix_activity_account_applied", table_name="activity")
    op.drop_table("activity")
