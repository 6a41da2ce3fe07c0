"""Invoices (发票管理): a typed table, so the Invoices list pages, filters and sorts in SQL.

Revision ID: 0005_invoices
Revises: 0004_order_buyer
Create Date: 2026-11-29

Invoices pulled by an older build sit as JSON in ``entities``; they move to their own table
here, with the same derived columns ``cache.core.apply`` fills, so they show without a resync.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from vendor_desktop.cache.invoices.search_text import invoice_search_text

revision: str = "0005_invoices"
down_revision: str | None = "0004_order_buyer"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SHANGHAI = ZoneInfo("Asia/Shanghai")


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def upgrade() -> None:
    invoices = op.create_table(
        "invoices",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.String()),
        sa.Column("order_number", sa.String()),
        sa.Column("amount_fen", sa.Integer()),
        sa.Column("state", sa.String()),
        sa.Column("type", sa.String()),
        sa.Column("title", sa.String()),
        sa.Column("tax_id", sa.String()),
        sa.Column("requested_at", sa.String()),
        sa.Column("requested_ts", sa.Integer()),
        sa.Column("requested_date", sa.String()),
        sa.Column("due_date", sa.String()),
        sa.Column("invoice_number", sa.String()),
        sa.Column("carrier", sa.String()),
        sa.Column("tracking_number", sa.String()),
        sa.Column("postage", sa.String()),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sync_gen", sa.Integer(), nullable=False),
        sa.Column("search_text", sa.String()),
    )
    op.create_index("ix_invoices_due", "invoices", ["due_date", "requested_ts", "id"])
    op.create_index("ix_invoices_state", "invoices", ["state", "due_date"])
    op.create_index("ix_invoices_requested_date", "invoices", ["requested_date"])
    op.create_index("ix_invoices_order_number", "invoices", ["order_number"])
    op.create_index("ix_invoices_search", "invoices", ["search_text", "due_date", "id"])

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, version, data, sync_gen FROM entities WHERE entity = 'invoice'")).all()
    for id_, version, data, sync_gen in rows:
        d = json.loads(data) if data else {}
        requested = _moment(d.get("requested_at"))
        amount = d.get("amount_fen")
        text = {k: _text(d.get(k)) for k in ("order_number", "title", "tax_id", "tracking_number")}
        conn.execute(
            invoices.insert().values(
                id=id_, version=version, data=data, sync_gen=sync_gen,
                order_id=_text(d.get("order_id")), amount_fen=amount if isinstance(amount, int) else None,
                state=_text(d.get("state")), type=_text(d.get("type")),
                requested_at=_text(d.get("requested_at")),
                requested_ts=int(requested.timestamp()) if requested else None,
                requested_date=requested.astimezone(_SHANGHAI).date().isoformat() if requested else None,
                due_date=_text(d.get("due_date")), invoice_number=_text(d.get("invoice_number")),
                carrier=_text(d.get("carrier")), postage=_text(d.get("postage")),
                search_text=invoice_search_text(**text), **text,
            )
        )  # fmt: skip
    if rows:
        conn.execute(sa.text("DELETE FROM entities WHERE entity = 'invoice'"))


def downgrade() -> None:
    op.drop_table("invoices")
