"""Databases as older sandboxes left them, for the migration tests (test_migrations.py).

``data/sandbox_96f579b.json`` holds the schema (DDL for SQLite and PostgreSQL) and a demo
vendor's rows of the last release before migrations; its header says how it was made.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, MetaData, create_engine, select, text

from vendor_desktop.sandbox.core.database import Base

DATA = Path(__file__).with_name("data") / "sandbox_96f579b.json"


@functools.cache
def release_96f579b() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded


def build_96f579b(url: str, *, rows: bool = True) -> None:
    """Make the database at ``url`` what a 96f579b server left: its tables, and its rows."""
    fixture = release_96f579b()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for statement in fixture["ddl"][engine.dialect.name]:
                conn.exec_driver_sql(statement)
            if not rows:
                return
            tables = MetaData()
            tables.reflect(conn)
            for name, data in fixture["rows"].items():
                values = [dict(zip(data["columns"], row, strict=True)) for row in data["values"]]
                if values:
                    conn.execute(tables.tables[name].insert(), values)
            if engine.dialect.name == "postgresql":
                # Rows went in with their ids; a server that wrote them had advanced the sequences.
                for table, column in (("change_log", "seq"), ("login_failures", "id")):
                    sequence = f"pg_get_serial_sequence('{table}', '{column}')"
                    conn.execute(text(f"SELECT setval({sequence}, max({column})) FROM {table}"))
    finally:
        engine.dispose()


def schema_diff(engine: Engine, metadata: MetaData | None = None) -> list[Any]:
    """What ``alembic revision --autogenerate`` would write to turn the database into ``metadata``
    (the models by default): empty when the migrations produce exactly the models' schema."""
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), metadata or Base.metadata))


def revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the models, in primary-key order."""
    with engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in Base.metadata.sorted_tables
        }
