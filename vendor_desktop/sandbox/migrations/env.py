"""Alembic environment for the sandbox server's database.

The server migrates at start-up (``core/schema_upgrade.upgraded``) and hands over its connection, in a
transaction that holds the migration lock, in ``config.attributes["connection"]``; no alembic.ini
is needed at run time, and none is read, so Alembic never calls ``fileConfig`` on the app's
logging. Developers make a new revision against a scratch database with
``alembic -c <ini with script_location=vendor_desktop/sandbox/migrations, sqlalchemy.url=…>
revision --autogenerate``; revisions from 0003 on are ordinary, strict ones (see 0001's docstring).

No offline (``--sql``) mode: revisions 0001 and 0002 look at the database to decide what to add.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

# Importing the database module puts every area's tables on Base.metadata.
from vendor_desktop.sandbox.core.database import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    # Batch mode: SQLite cannot ALTER most things, Alembic rebuilds the table instead.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as conn:
        _configure_and_run(conn)


if context.is_offline_mode():
    raise SystemExit("the sandbox's migrations inspect the database: run them online")
run_migrations_online()
