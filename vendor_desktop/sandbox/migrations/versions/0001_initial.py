"""The sandbox schema of the last release before migrations (commit 96f579b).

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-29

On an empty database this creates the tables. A database made before migrations (no
``alembic_version``) comes here too: that start-up code ran ``create_all`` and added missing
nullable columns with a plain ADD COLUMN, so a file of any older sandbox lacked at most whole
tables, nullable columns and indexes. This revision adds exactly those, and leaves what is there
alone. Later revisions can count on this schema; from 0003 on they are ordinary, strict ones.

The tables are a frozen copy of the models of that release, not an import of today's.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _schema() -> sa.MetaData:
    m = sa.MetaData()
    sa.Table(
        "vendors",
        m,
        sa.Column("account_id", sa.String(64), primary_key=True),
        sa.Column("company_name", sa.String(200), nullable=False),
        sa.Column("contact_name", sa.String(100), nullable=False),
        sa.Column("service_phone", sa.String(40), nullable=False),
        sa.Column("service_email", sa.String(200), nullable=False),
        sa.Column("service_qq", sa.String(20), nullable=False),
        sa.Column("balance_fen", sa.BigInteger(), nullable=False),
        sa.Column("deposit_paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("agreements", sa.JSON(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    sa.Table(
        "users",
        m,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("account_id", "username"),
    )
    sa.Table(
        "tokens",
        m,
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False, index=True),
        sa.Column("user_id", sa.String(64), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
    )
    sa.Table(
        "login_failures",
        m,
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("account_id", sa.String(200), nullable=False),
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Index("ix_login_failures_who", "account_id", "username", "at"),
    )
    sa.Table(
        "listings",
        m,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("summary", sa.String(1000), nullable=False),
        sa.Column("market", sa.String(40), nullable=False),
        sa.Column("delivery", sa.String(20), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("billing", sa.JSON(), nullable=False),
        sa.Column("delivery_config", sa.JSON(), nullable=False),
        sa.Column("agreement", sa.Text(), nullable=False),
        sa.Column("review_due", sa.String(10), nullable=True),
        sa.Column("reject_reason", sa.String(500), nullable=True),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("submitted_at", sa.String(40), nullable=True),
        sa.Column("review_due_approximate", sa.Boolean(), nullable=True),
        sa.Column("security_review", sa.Boolean(), nullable=True),
        sa.Column("approved_at", sa.String(40), nullable=True),
        sa.Column("revision", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=True),
    )
    sa.Table(
        "orders",
        m,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False, index=True),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("listing_id", sa.String(64), nullable=False),
        sa.Column("listing_name", sa.String(200), nullable=False),
        sa.Column("market", sa.String(40), nullable=False),
        sa.Column("billing_mode", sa.String(10), nullable=False),
        sa.Column("buyer_account_id", sa.String(64), nullable=False),
        sa.Column("buyer_name", sa.String(200), nullable=False),
        sa.Column("buyer_contact", sa.String(40), nullable=False),
        sa.Column("virtual_number", sa.String(40), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("paid_at", sa.String(40), nullable=True),
        sa.Column("list_price_fen", sa.BigInteger(), nullable=True),
        sa.Column("discount_id", sa.String(64), nullable=True),
        sa.Column("discount_percent", sa.Integer(), nullable=True),
        sa.Column("price_changed_at", sa.String(40), nullable=True),
        sa.Column("price_change_reason", sa.String(200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("account_id", "number"),
    )
    sa.Table(
        "discounts",
        m,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False, index=True),
        sa.Column("listing_id", sa.String(64), nullable=False),
        sa.Column("listing_name", sa.String(200), nullable=False),
        sa.Column("buyer_account_id", sa.String(64), nullable=False),
        sa.Column("buyer_name", sa.String(200), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.String(40), nullable=False),
        sa.Column("valid_until", sa.String(40), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("revoked_at", sa.String(40), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Index("ix_discounts_pair", "account_id", "listing_id", "buyer_account_id"),
    )
    sa.Table(
        "idempotency_keys",
        m,
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("owner", sa.String(32), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False, index=True),
    )
    sa.Table(
        "messages",
        m,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.String(2000), nullable=False),
        sa.Column("title_en", sa.String(200), nullable=False),
        sa.Column("body_en", sa.String(2000), nullable=False),
        sa.Column("read", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("order_id", sa.String(64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("listing_id", sa.String(64), nullable=True),
    )
    sa.Table(
        "change_log",
        m,
        # AUTOINCREMENT on SQLite: a seq is never reused, or old cursors would lie.
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(30), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Index("ix_change_log_entity", "account_id", "entity", "entity_id"),
        sa.Index("ix_change_log_page", "account_id", "seq"),
        sqlite_autoincrement=True,
    )
    sa.Table(
        "meta",
        m,
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    return m


def upgrade() -> None:
    bind = op.get_bind()
    found = sa.inspect(bind)
    for table in _schema().sorted_tables:
        if not found.has_table(table.name):
            table.create(bind)  # with its indexes
            continue
        columns = {c["name"] for c in found.get_columns(table.name)}
        for column in table.columns:
            if column.name not in columns and column.nullable:
                op.add_column(table.name, column._copy())
        indexes = {ix["name"] for ix in found.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in indexes:
                index.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    _schema().drop_all(bind)
