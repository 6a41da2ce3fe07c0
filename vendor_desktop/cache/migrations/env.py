"""Alembic environment for the local cache.

The app runs migrations itself at open (``CacheDatabase.open``) and hands over its connection
in ``config.attributes["connection"]``, so no alembic.ini is needed at run time. Developers
make a new revision with ``alembic -c <ini with script_location=vendor_desktop/cache/migrations>
revision --autogenerate``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from vendor_desktop.cache.core.models import Base

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
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
