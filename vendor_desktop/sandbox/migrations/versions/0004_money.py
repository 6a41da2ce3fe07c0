"""Money (资金管理, issue 13): balance and deposit, earnings, withdrawals, the ledger, the bank
account and the agreements; the profile's fields as API.md names them.

Revision ID: 0004_money
Revises: 0003_invoices
Create Date: 2026-11-29

- ``vendors``: ``service_phone/email/qq`` become ``cs_phone/email/qq``; ``contact_phone`` (a
  deterministic mobile number from the vendor's seed or account id) and ``onboarding`` (R-ACC-4)
  join; ``balance_fen``, ``deposit_paid_fen`` and ``agreements`` move out, to:
- ``money`` (one row per vendor: the ``deposit`` entity, with its own version, and the row every
  money move locks), ``agreements`` (one row per kind), ``bank_accounts`` (one on file, made up
  deterministically like a seeded vendor's, locked when the revenue agreement was signed);
- ``earnings``, ``deposit_payments``, ``withdrawals``, ``ledger_entries``;
- ``orders.settles_at`` and ``orders.settled`` (R-WDR-1).

Back-fill, so an upgraded sandbox keeps the ledger's invariants (the balance and each market's
withdrawable are the sums of their entries): the old balance and deposit arrive as a top-up and a
deposit payment at the vendor's first order; every paid order is earned in its market and, if
its settlement time has passed, settled with its ``order_settled`` entry — through the seeder's
own ``money.seed.seed_money``, so an upgraded vendor's books are what a seeded one's would be. Every
new entity and the changed profile get change-log rows, so signed-in clients pull them.

Like 0001–0003, it is taken only if the database lacks it (``money`` missing): a database made by
``create_all`` of today's models already has all of it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004_money"
down_revision: str | None = "0003_invoices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MONEY_TABLES = (
    "ledger_entries",
    "withdrawals",
    "deposit_payments",
    "earnings",
    "bank_accounts",
    "agreements",
    "money",
)
_NEW_KINDS = ("deposit", "deposit_payment", "earning", "withdrawal", "ledger_entry", "bank_account", "agreement")


def _vendor_fk() -> sa.ForeignKey:
    return sa.ForeignKey("vendors.account_id")


def _create_tables() -> None:
    op.create_table(
        "money",
        sa.Column("account_id", sa.String(64), _vendor_fk(), primary_key=True),
        sa.Column("balance_fen", sa.BigInteger(), nullable=False),
        sa.Column("deposit_paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("revenue_markets", sa.JSON(), nullable=False),
        sa.Column("receipts_issued", sa.Integer(), nullable=False),
        sa.Column("ledger_written", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "earnings",
        sa.Column("id", sa.String(110), primary_key=True),
        sa.Column("account_id", sa.String(64), _vendor_fk(), nullable=False),
        sa.Column("market", sa.String(40), nullable=False),
        *(
            sa.Column(name, sa.BigInteger(), nullable=False)
            for name in ("earned_fen", "pending_fen", "withdrawable_fen", "in_flight_fen", "paid_out_fen", "owed_fen")
        ),
        sa.Column("blocked_reason", sa.String(40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_earnings_account_id", "earnings", ["account_id"])
    op.create_table(
        "deposit_payments",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), _vendor_fk(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("receipt_number", sa.String(32), nullable=False),
        sa.Column("paid_at", sa.String(40), nullable=False),
        sa.Column("paid_fen_after", sa.BigInteger(), nullable=False),
        sa.Column("tier_after", sa.Integer(), nullable=False),
        sa.Column("paid_by", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("account_id", "receipt_number"),
    )
    op.create_index("ix_deposit_payments_account_id", "deposit_payments", ["account_id"])
    op.create_table(
        "withdrawals",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), _vendor_fk(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("requested_at", sa.String(40), nullable=False),
        sa.Column("processing_on", sa.String(10), nullable=False),
        sa.Column("expected_from", sa.String(10), nullable=False),
        sa.Column("expected_until", sa.String(10), nullable=False),
        sa.Column("expected_approximate", sa.Boolean(), nullable=False),
        sa.Column("draws", sa.JSON(), nullable=False),
        sa.Column("bank_account", sa.String(200), nullable=False),
        sa.Column("requested_by", sa.String(100), nullable=False),
        sa.Column("processing_at", sa.String(40), nullable=True),
        sa.Column("settled_at", sa.String(40), nullable=True),
        sa.Column("failure_reason", sa.String(200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_withdrawals_due", "withdrawals", ["account_id", "state", "processing_on"])
    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), _vendor_fk(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("balance_after_fen", sa.BigInteger(), nullable=False),
        sa.Column("market", sa.String(40), nullable=True),
        sa.Column("order_number", sa.String(32), nullable=True),
        sa.Column("withdrawal_id", sa.String(64), nullable=True),
        sa.Column("receipt_number", sa.String(32), nullable=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("account_id", "seq"),
    )
    op.create_table(
        "bank_accounts",
        sa.Column("account_id", sa.String(64), _vendor_fk(), primary_key=True),
        sa.Column("holder", sa.String(100), nullable=False),
        sa.Column("bank", sa.String(50), nullable=False),
        sa.Column("branch", sa.String(100), nullable=False),
        sa.Column("account_number", sa.String(30), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("account_id", sa.String(64), _vendor_fk(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("signed_at", sa.String(40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_agreements_account_id", "agreements", ["account_id"])


def upgrade() -> None:
    found = sa.inspect(op.get_bind())
    if "money" in found.get_table_names():
        return
    _create_tables()
    op.add_column("orders", sa.Column("settles_at", sa.String(40), nullable=True))
    op.add_column("orders", sa.Column("settled", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index("ix_orders_settlement", "orders", ["account_id", "settled", "settles_at"])
    for old, new in (("service_phone", "cs_phone"), ("service_email", "cs_email"), ("service_qq", "cs_qq")):
        op.execute(f"ALTER TABLE vendors RENAME COLUMN {old} TO {new}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE vendors ALTER COLUMN cs_email TYPE VARCHAR(300)")
    op.add_column("vendors", sa.Column("contact_phone", sa.String(40), nullable=False, server_default=""))
    op.add_column("vendors", sa.Column("onboarding", sa.JSON(), nullable=False, server_default="[]"))
    _back_fill(op.get_bind())
    for column in ("balance_fen", "deposit_paid_fen", "agreements"):
        op.execute(f"ALTER TABLE vendors DROP COLUMN {column}")


def _back_fill(conn: sa.Connection) -> None:
    # The app's own rules and seeders, imported here rather than at the top: Alembic loads every
    # revision to find the chain, and only this one's upgrade needs them.
    from vendor_desktop.sandbox.account import seed as account_seed
    from vendor_desktop.sandbox.account.rules import onboarding
    from vendor_desktop.sandbox.core.clock import iso
    from vendor_desktop.sandbox.money.seed import seed_money

    tables = sa.MetaData()
    tables.reflect(conn)
    t = tables.tables
    now = dt.datetime.now(dt.UTC)
    log: list[dict[str, Any]] = []
    for vendor in conn.execute(sa.select(t["vendors"]).order_by(t["vendors"].c.account_id)).mappings().all():
        account_id = vendor["account_id"]
        seed = vendor["seed"] if vendor["seed"] is not None else random.Random(account_id).randrange(2**31)
        signed = [k for k in ("access", "revenue") if k in (vendor["agreements"] or [])]
        profile = {
            "company_name": vendor["company_name"],
            "contact_name": vendor["contact_name"],
            "contact_phone": account_seed.contact_phone(seed),
            "cs_phone": vendor["cs_phone"],
            "cs_email": vendor["cs_email"],
            "cs_qq": vendor["cs_qq"],
        }
        conn.execute(
            t["vendors"]
            .update()
            .where(t["vendors"].c.account_id == account_id)
            .values(
                contact_phone=profile["contact_phone"],
                onboarding=onboarding("access" in signed, profile),
                version=vendor["version"] + 1,
            )
        )
        orders = [
            dict(o)
            for o in conn.execute(
                sa.select(t["orders"]).where(t["orders"].c.account_id == account_id).order_by(t["orders"].c.id)
            ).mappings()
        ]
        first = min((dt.datetime.fromisoformat(o["created_at"]) for o in orders), default=now)
        start = first - dt.timedelta(days=1)
        owner = conn.execute(
            sa.select(t["users"].c.display_name).where(
                t["users"].c.account_id == account_id, t["users"].c.role == "owner"
            )
        ).scalar()
        bank = account_seed.bank_account_row(
            seed, account_id, vendor["company_name"], vendor["company_name"][:2], "revenue" in signed, iso(start)
        )
        money = seed_money(
            account_id,
            orders,
            now,
            start=start,
            balance_fen=vendor["balance_fen"],
            deposit_paid_fen=vendor["deposit_paid_fen"],
            signed=signed,
            paid_by=owner or "owner",
            bank_account=bank,
            withdrawals=0,
        )
        for o in orders:
            if o["settles_at"] is not None:
                conn.execute(
                    t["orders"]
                    .update()
                    .where(t["orders"].c.id == o["id"])
                    .values(settles_at=o["settles_at"], settled=o["settled"])
                )
        agreements = account_seed.agreement_rows(account_id, signed, iso(start))
        for name, rows in (
            ("money", [money.money]),
            ("earnings", money.earnings),
            ("deposit_payments", money.deposit_payments),
            ("ledger_entries", money.ledger),
            ("agreements", agreements),
            ("bank_accounts", [bank]),
        ):
            if rows:
                conn.execute(t[name].insert(), rows)
        entry = {"account_id": account_id, "deleted": False, "audience": None, "user_id": None}
        log += [{**entry, "entity": e, "entity_id": account_id, "version": 1} for e in ("deposit", "bank_account")]
        for entity, rows in (
            ("agreement", agreements),
            ("earning", money.earnings),
            ("deposit_payment", money.deposit_payments),
            ("ledger_entry", money.ledger),
        ):
            log += [{**entry, "entity": entity, "entity_id": r["id"], "version": 1} for r in rows]
        # The profile's fields changed (names, contact_phone, onboarding): after every cursor.
        change_log = t["change_log"]
        conn.execute(
            change_log.delete().where(
                change_log.c.account_id == account_id,
                change_log.c.entity == "vendor_profile",
                change_log.c.entity_id == account_id,
            )
        )
        log.append({**entry, "entity": "vendor_profile", "entity_id": account_id, "version": vendor["version"] + 1})
    if log:
        conn.execute(t["change_log"].insert(), log)


def downgrade() -> None:
    conn = op.get_bind()
    op.add_column("vendors", sa.Column("balance_fen", sa.BigInteger(), nullable=False, server_default="0"))
    op.add_column("vendors", sa.Column("deposit_paid_fen", sa.BigInteger(), nullable=False, server_default="0"))
    op.add_column("vendors", sa.Column("agreements", sa.JSON(), nullable=False, server_default="[]"))
    tables = sa.MetaData()
    tables.reflect(conn)
    t = tables.tables
    for money in conn.execute(sa.select(t["money"])).mappings().all():
        signed = conn.execute(
            sa.select(t["agreements"].c.kind)
            .where(t["agreements"].c.account_id == money["account_id"], t["agreements"].c.signed.is_(True))
            .order_by(t["agreements"].c.kind)
        ).scalars()
        conn.execute(
            t["vendors"]
            .update()
            .where(t["vendors"].c.account_id == money["account_id"])
            .values(
                balance_fen=money["balance_fen"], deposit_paid_fen=money["deposit_paid_fen"], agreements=list(signed)
            )
        )
    conn.execute(t["change_log"].delete().where(t["change_log"].c.entity.in_(_NEW_KINDS)))
    for column in ("onboarding", "contact_phone"):
        op.execute(f"ALTER TABLE vendors DROP COLUMN {column}")
    for new, old in (("cs_phone", "service_phone"), ("cs_email", "service_email"), ("cs_qq", "service_qq")):
        op.execute(f"ALTER TABLE vendors RENAME COLUMN {new} TO {old}")
    if conn.dialect.name == "postgresql":
        op.execute("ALTER TABLE vendors ALTER COLUMN service_email TYPE VARCHAR(200)")
    op.drop_index("ix_orders_settlement", table_name="orders")
    for column in ("settled", "settles_at"):
        op.execute(f"ALTER TABLE orders DROP COLUMN {column}")
    for name in _MONEY_TABLES:
        op.drop_table(name)
