"""Per-user read state and message audiences (SPEC §11), the refresh grace, pruning indexes.

Revision ID: 0002_reads_audience_grace
Revises: 0001_initial
Create Date: 2026-11-29

What changed after 96f579b, up to the release that brought migrations (2e0d70f):

- ``change_log.audience`` and ``change_log.user_id``: a message reaches only the roles that read
  its subject, a read mark only its reader;
- ``message_reads``: who read which message (it was one ``messages.read`` flag for everyone);
- ``refresh_grace``: a rotated refresh token's answer, for a retry after a lost answer;
- indexes on ``tokens.expires_at`` and ``login_failures.at``, by which pruning finds old rows.

Old messages are carried over: their change-log rows get the audience of their subject, and a
message read before is read for every user who receives it. Like 0001, and for the same reason (a
database from before migrations may be of any build in between), each step is taken only if the
database lacks it, and a back-fill runs only with the column or table it fills.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_reads_audience_grace"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Which subjects of messages each role reads: domain/roles.py's ``may_read_entity`` for "order"
# and "listing" when this revision was written, frozen so that the back-fill stays what it was.
_SUBJECTS_READ = {
    "owner": ("order", "listing"),
    "operations": ("order", "listing"),
    "finance": (),
    "support": ("order",),
    "viewer": ("order", "listing"),
}
_INDEXES = (
    ("tokens", "ix_tokens_expires_at", ["expires_at"]),
    ("login_failures", "ix_login_failures_at", ["at"]),
    ("refresh_grace", "ix_refresh_grace_session_id", ["session_id"]),
    ("refresh_grace", "ix_refresh_grace_rotated_at", ["rotated_at"]),
    ("message_reads", "ix_message_reads_user_id", ["user_id"]),
)


def upgrade() -> None:
    found = sa.inspect(op.get_bind())
    tables = set(found.get_table_names())
    log_columns = {c["name"] for c in found.get_columns("change_log")}
    audience_added = "audience" not in log_columns
    if audience_added:
        op.add_column("change_log", sa.Column("audience", sa.String(30), nullable=True))
    if "user_id" not in log_columns:
        op.add_column("change_log", sa.Column("user_id", sa.String(64), nullable=True))
    if "refresh_grace" not in tables:
        op.create_table(
            "refresh_grace",
            sa.Column("token_hash", sa.String(64), primary_key=True),
            sa.Column("session_id", sa.String(64), nullable=False),
            sa.Column("rotated_at", sa.Float(), nullable=False),
            sa.Column("sealed_pair", sa.String(400), nullable=False),
        )
    reads_added = "message_reads" not in tables
    if reads_added:
        op.create_table(
            "message_reads",
            sa.Column("message_id", sa.String(64), sa.ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
            sa.Column("user_id", sa.String(64), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
            sa.Column("at", sa.String(40), nullable=False),
        )
    for table, name, columns in _INDEXES:
        have = {ix["name"] for ix in found.get_indexes(table)} if table in tables else set()
        if name not in have:
            op.create_index(name, table, columns)
    if audience_added:
        _give_messages_their_audience()
    if reads_added:
        _carry_read_marks_over()


def _give_messages_their_audience() -> None:
    for subject, column in (("order", "order_id"), ("listing", "listing_id")):
        op.execute(
            sa.text(
                "UPDATE change_log SET audience = :subject WHERE entity = 'message' AND entity_id IN "
                f"(SELECT id FROM messages WHERE {column} IS NOT NULL)"
            ).bindparams(subject=subject)
        )


def _carry_read_marks_over() -> None:
    # A message without a subject reaches every role; one about an order or a listing only the
    # roles that read those. Each user who receives a read message has read it, when it came.
    for role, readable in _SUBJECTS_READ.items():
        about = [f"m.{subject}_id IS NOT NULL" for subject in readable]
        subjects = " OR ".join([*about, "(m.order_id IS NULL AND m.listing_id IS NULL)"])
        op.execute(
            sa.text(
                "INSERT INTO message_reads (message_id, user_id, at) "
                "SELECT m.id, u.id, m.created_at FROM messages m JOIN users u ON u.account_id = m.account_id "
                f"WHERE m.read AND u.role = :role AND ({subjects})"
            ).bindparams(role=role)
        )


def downgrade() -> None:
    # The schema only: read marks stay in messages.read as they were (true for what was read
    # before 0002), later per-user marks are lost with their table.
    for table, name, _columns in reversed(_INDEXES[:2]):
        op.drop_index(name, table_name=table)
    op.drop_table("message_reads")
    op.drop_table("refresh_grace")
    # SQLite rebuilds the table to drop columns; it must keep AUTOINCREMENT (seqs never reused).
    with op.batch_alter_table("change_log", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("user_id")
        batch.drop_column("audience")
