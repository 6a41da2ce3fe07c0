"""Bring the sandbox's database to the newest schema at start-up, with Alembic (DESIGN.md).

The revisions live in ``sandbox/migrations/`` (loaded from files by Alembic, so they ship as
data). They run on the server's own engine, in one transaction that first takes a lock, so that
several servers starting at once on one database migrate it once and the others wait, then find
nothing to do: on PostgreSQL an advisory lock held until commit, on SQLite the write lock of ``BEGIN
IMMEDIATE``. PostgreSQL's DDL is transactional and SQLite's is too inside that transaction, so a
failed upgrade leaves the database as it was.

A database made before the sandbox had migrations has tables but no ``alembic_version``: the
embedded demo keeps its file across app updates, a team server its PostgreSQL database. Its
schema is recognised (``recognise``) and logged; revisions 0001 and 0002 then bring whatever it
is up to date, because they create only what is missing and back-fill only what they create, as
the start-up code they replace did. A database of the last release before migrations thus gets
0002; one of the release that introduced them gets nothing and is stamped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent.parent / "migrations"  # vendor_desktop/sandbox/migrations

# The key of the PostgreSQL advisory lock that serialises start-ups: any constant that other
# users of the same database are unlikely to pick ("VCsandbx" in ASCII).
_PG_LOCK_KEY = 0x5643_7361_6E64_6278


def alembic_config() -> Config:
    """The programmatic Alembic configuration: no alembic.ini, and no ``fileConfig``, so Alembic
    leaves the app's logging as the app set it up."""
    config = Config()
    # Config values go through configparser interpolation: a % in the install path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return config


def head() -> str:
    """The newest revision this build knows."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None
    return revision


@contextmanager
def upgraded(engine: Engine) -> Iterator[Connection]:
    """Migrate to head, then yield the migration's connection, still in its transaction and still
    holding the lock, for the rows every database needs (``Database`` adds its meta rows there, so
    two servers starting at once do not both add them). Commits when the block ends."""
    with engine.begin() as conn:
        _lock(conn)
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None:
            found = recognise(conn)
            if found != "empty":
                log.info("the sandbox database predates migrations (schema of revision %s); upgrading it", found)
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        yield conn


def recognise(conn: Connection) -> str:
    """Which revision's schema an unversioned database has, judged by what each added: ``empty``,
    ``0002`` (per-user read state: a database of the first release with migrations, 2e0d70f),
    ``0001`` (that of 96f579b) or ``older`` (a sandbox before that: 0001 adds what it lacks)."""
    schema = inspect(conn)
    tables = set(schema.get_table_names())
    if "vendors" not in tables:
        return "empty"
    if "message_reads" in tables and "audience" in {c["name"] for c in schema.get_columns("change_log")}:
        return "0002"
    listings = {c["name"] for c in schema.get_columns("listings")} if "listings" in tables else set()
    return "0001" if "discounts" in tables and "created_at" in listings else "older"


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        # Released by the commit (or rollback) that ends the migration transaction.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    elif conn.dialect.name == "sqlite":
        # pysqlite opens a transaction only before DML, so DDL would autocommit statement by
        # statement; an explicit BEGIN makes the whole upgrade one transaction, and IMMEDIATE takes
        # the write lock now, so a second process on the same file waits here (busy timeout).
        conn.exec_driver_sql("BEGIN IMMEDIATE")
