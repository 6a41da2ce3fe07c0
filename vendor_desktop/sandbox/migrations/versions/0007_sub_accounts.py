"""Sub-accounts (issue 15, R-SUB-1): the users' state, why a token was revoked, and usernames
unique only among users not deleted.

Revision ID: 0007_sub_accounts
Revises: 0006_refunds_exit
Create Date: 2026-11-30

- ``users``: ``disabled``, ``must_change_password``, ``can_export`` (false; the owner's true: it
  always may export, SPEC §11), ``last_sign_in_at``, ``created_at`` (null: not known for users made
  before), ``deleted_at`` (a soft delete: a token revoked by it can still say why).
- ``tokens``: ``revoked_reason`` (null for the tokens there are: sign-out and rotation).
- The (account_id, username) unique constraint becomes a partial unique index over users not
  deleted, so a deleted username can be given to a new colleague. PostgreSQL drops the constraint
  by name. SQLite cannot drop a table's constraint: ``users`` is rebuilt, in this transaction with
  foreign keys on, so the old table's rows leave only after the new one is in place (see
  ``_rebuild_users_on_sqlite``).
- Every user gets a ``sub_account`` change-log row, so a signed-in owner pulls its users.

Like 0005 and 0006, each step is taken only if the database lacks it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_sub_accounts"
down_revision: str | None = "0006_refunds_exit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEX = "uq_users_live_username"
_LIVE = sa.text("deleted_at IS NULL")


def _user_columns() -> list[sa.Column[object]]:
    """``users`` as of this revision, in its column order (the new ones at the end)."""
    return [
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(64), sa.ForeignKey("vendors.account_id"), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("can_export", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("last_sign_in_at", sa.String(40), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=True),
        sa.Column("deleted_at", sa.String(40), nullable=True),
    ]


_OLD_COLUMNS = ("id", "account_id", "username", "display_name", "role", "password_hash", "version")


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    bind = op.get_bind()
    if "deleted_at" not in _columns("users"):
        if bind.dialect.name == "sqlite":
            _rebuild_users_on_sqlite(bind)
        else:
            for column in _user_columns()[len(_OLD_COLUMNS) :]:
                op.add_column("users", column)
            for constraint in sa.inspect(bind).get_unique_constraints("users"):
                if set(constraint["column_names"]) == {"account_id", "username"} and constraint["name"]:
                    op.drop_constraint(constraint["name"], "users", type_="unique")
            op.create_index(_INDEX, "users", ["account_id", "username"], unique=True, postgresql_where=_LIVE)
        bind.execute(sa.text("UPDATE users SET can_export = :yes WHERE role = 'owner'"), {"yes": True})
        _log_every_user(bind)
    if "revoked_reason" not in _columns("tokens"):
        op.add_column("tokens", sa.Column("revoked_reason", sa.String(20), nullable=True))


def _rebuild_users_on_sqlite(bind: sa.Connection) -> None:
    """SQLite's way to drop a constraint: a new table, the old one dropped, the new one renamed.

    ``PRAGMA foreign_keys`` cannot be turned off inside the upgrade's transaction, so with them on:
    the new, empty table takes the name first, then the rows come in. Dropping the old table
    deletes its rows implicitly: tokens pointing at them become violations, deferred to the commit
    (``defer_foreign_keys``) and resolved when the same ids arrive in the new table; rows deleted in
    cascade (each user's read marks) are kept aside and put back."""
    bind.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    found = sa.inspect(bind)
    cascading = [
        table
        for table in found.get_table_names()
        for fk in found.get_foreign_keys(table)
        if fk["referred_table"] == "users" and (fk.get("options") or {}).get("ondelete", "").upper() == "CASCADE"
    ]
    kept = {table: f"_keep_0007_{table}" for table in dict.fromkeys(cascading)}
    for table, copy in kept.items():
        bind.exec_driver_sql(f'CREATE TEMP TABLE "{copy}" AS SELECT * FROM "{table}"')
    bind.exec_driver_sql('CREATE TEMP TABLE "_keep_0007_users" AS SELECT * FROM users')
    op.create_table("_new_users", *_user_columns())
    op.drop_table("users")
    op.rename_table("_new_users", "users")
    names = ", ".join(_OLD_COLUMNS)
    bind.exec_driver_sql(f'INSERT INTO users ({names}) SELECT {names} FROM "_keep_0007_users"')
    for table, copy in kept.items():
        # Emptied by the cascade, or not when the connection has foreign keys off: the copy either way.
        bind.exec_driver_sql(f'DELETE FROM "{table}"')
        bind.exec_driver_sql(f'INSERT INTO "{table}" SELECT * FROM "{copy}"')
        bind.exec_driver_sql(f'DROP TABLE "{copy}"')
    bind.exec_driver_sql('DROP TABLE "_keep_0007_users"')
    op.create_index(_INDEX, "users", ["account_id", "username"], unique=True, sqlite_where=_LIVE)


def _log_every_user(bind: sa.Connection) -> None:
    """A ``sub_account`` change for each user, so the owner's next pull lists them."""
    tables = sa.MetaData()
    tables.reflect(bind, only=("users", "change_log"))
    users, log = tables.tables["users"], tables.tables["change_log"]
    for user in bind.execute(sa.select(users.c.id, users.c.account_id, users.c.version)).all():
        bind.execute(
            log.insert().values(
                account_id=user.account_id,
                entity="sub_account",
                entity_id=user.id,
                version=user.version,
                deleted=False,
                audience=None,
                user_id=None,
            )
        )


def downgrade() -> None:
    # Deleted users go (their tokens first); the rest keep their rows without the new columns, under
    # the plain unique constraint again.
    bind = op.get_bind()
    gone = "SELECT id FROM users WHERE deleted_at IS NOT NULL"
    bind.exec_driver_sql(f"DELETE FROM tokens WHERE user_id IN ({gone})")
    bind.exec_driver_sql("DELETE FROM change_log WHERE entity = 'sub_account'")
    op.drop_index(_INDEX, table_name="users")
    bind.exec_driver_sql("DELETE FROM users WHERE deleted_at IS NOT NULL")
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("ALTER TABLE tokens DROP COLUMN revoked_reason")
        bind.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        # Back to 0006's table (a copy of 0001's), with its unique constraint; rows as above.
        bind.exec_driver_sql('CREATE TEMP TABLE "_keep_0007_users" AS SELECT * FROM users')
        reads = "message_reads" in sa.inspect(bind).get_table_names()
        if reads:
            bind.exec_driver_sql('CREATE TEMP TABLE "_keep_0007_reads" AS SELECT * FROM message_reads')
        op.create_table(
            "_old_users", *_user_columns()[: len(_OLD_COLUMNS)], sa.UniqueConstraint("account_id", "username")
        )
        op.drop_table("users")
        op.rename_table("_old_users", "users")
        names = ", ".join(_OLD_COLUMNS)
        bind.exec_driver_sql(f'INSERT INTO users ({names}) SELECT {names} FROM "_keep_0007_users"')
        if reads:
            bind.exec_driver_sql("DELETE FROM message_reads")
            bind.exec_driver_sql('INSERT INTO message_reads SELECT * FROM "_keep_0007_reads"')
            bind.exec_driver_sql('DROP TABLE "_keep_0007_reads"')
        bind.exec_driver_sql('DROP TABLE "_keep_0007_users"')
        return
    op.drop_column("tokens", "revoked_reason")
    for column in reversed(_user_columns()[len(_OLD_COLUMNS) :]):
        op.drop_column("users", column.name)
    op.create_unique_constraint("users_account_id_username_key", "users", ["account_id", "username"])
