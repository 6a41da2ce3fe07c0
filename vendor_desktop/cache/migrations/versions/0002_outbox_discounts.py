"""The durable outbox (queued commands) and a typed discounts table.

Revision ID: 0002_outbox_discounts
Revises: 0001_initial
Create Date: 2024-06-15

Discounts pulled by an older build sit in ``entities``; they move to their own table here so
they show at once, without waiting for a resync.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0002_outbox_discounts"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ts(value: object) -> int | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def upgrade() -> None:
    discounts = op.create_table(
        "discounts",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.String()),
        sa.Column("listing_name", sa.String()),
        sa.Column("buyer_account_id", sa.String()),
        sa.Column("buyer_name", sa.String()),
        sa.Column("percent", sa.Integer()),
        sa.Column("valid_from", sa.String()),
        sa.Column("valid_from_ts", sa.Integer()),
        sa.Column("valid_until", sa.String()),
        sa.Column("state", sa.String()),
        sa.Column("revoked_at", sa.String()),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sync_gen", sa.Integer(), nullable=False),
    )
    op.create_index("ix_discounts_valid_from", "discounts", ["valid_from_ts", "id"])
    op.create_index("ix_discounts_state", "discounts", ["state"])

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("idempotency_key", sa.String(), nullable=False, unique=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("base_version", sa.Integer()),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("payload", sa.Text()),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.String()),
        sa.Column("error_code", sa.String()),
        sa.Column("error_message", sa.Text()),
        sa.Column("error_message_zh", sa.Text()),
        sa.Column("error_details", sa.Text()),
        sa.Column("last_error", sa.Text()),
        sa.Column("updated_at", sa.String(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_state", "outbox", ["state", "id"])
    op.create_index("ix_outbox_entity", "outbox", ["entity", "entity_id", "id"])

    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, version, data, sync_gen FROM entities WHERE entity = 'discount'")
    ).all()
    for id_, version, data, sync_gen in rows:
        d = json.loads(data) if data else {}
        percent = d.get("percent")
        conn.execute(
            discounts.insert().values(
                id=id_, version=version, data=data, sync_gen=sync_gen,
                listing_id=d.get("listing_id"), listing_name=d.get("listing_name"),
                buyer_account_id=d.get("buyer_account_id"), buyer_name=d.get("buyer_name"),
                percent=percent if isinstance(percent, int) else None,
                valid_from=d.get("valid_from"), valid_from_ts=_ts(d.get("valid_from")),
                valid_until=d.get("valid_until"), state=d.get("state"), revoked_at=d.get("revoked_at"),
            )
        )
    if rows:
        conn.execute(sa.text("DELETE FROM entities WHERE entity = 'discount'"))


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("discounts")
