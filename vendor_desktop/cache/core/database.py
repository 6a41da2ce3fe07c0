"""Opening the cache file: SQLite pragmas, migrations to head, and recovery from corruption.

The synced rows hold nothing the server does not, so a damaged file (or one a newer version of
the app wrote) is moved aside and rebuilt by the next pull rather than shown as an error. Its
outbox is another matter: the changes the server has not applied yet exist only there, so they
are salvaged into the new file (``cache.salvage``) and sent from it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from vendor_desktop.cache.core.salvage import read_unsent_commands, requeue

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent.parent / "migrations"  # cache/migrations

#: Seconds a connection waits for another writer (the sync worker) before giving up.
BUSY_TIMEOUT_S = 15.0

# SQLite's primary result codes that mean "this file is not a sound database". Anything else
# (locked, busy, read-only, I/O) is a problem of the moment and must not cost the user the file.
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_SIDE_FILES = ("-wal", "-shm", "-journal")


class SetAsideReason(StrEnum):
    DAMAGED = "damaged"  # not a database, or fails quick_check
    NEWER_VERSION = "newer_version"  # stamped with a migration this version does not know


@dataclass(frozen=True)
class Recovery:
    """A cache file that could not be used: why, where it went, and what of its outbox was kept."""

    reason: SetAsideReason
    moved_to: Path
    #: Unsent commands of the old file now queued in the new one (they will be sent).
    kept: int
    #: Rows of the old outbox that may have been unsent commands and could not be read.
    lost: int
    #: False when the old outbox could not be read at all, so nobody can say what was lost.
    outbox_read: bool


class CacheDatabase:
    """One user's cache file, migrated and ready; sessions are per thread (``session()``)."""

    def __init__(self, path: Path, engine: Engine, recovery: Recovery | None = None) -> None:
        self.path = path
        self.engine = engine
        #: Set when the file had to be moved aside; the UI tells the user, the next pull rebuilds.
        self.recovery = recovery
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            bind=engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @property
    def recovered_from(self) -> Path | None:
        """Where the unusable file was moved, if one was."""
        return self.recovery.moved_to if self.recovery is not None else None

    @classmethod
    def open(cls, path: Path) -> CacheDatabase:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        set_aside: tuple[SetAsideReason, Path] | None = None
        if not _is_sound(path):
            set_aside = SetAsideReason.DAMAGED, _move_aside(path, "corrupt")
        engine = _make_engine(path)
        try:
            _migrate(engine)
        except CommandError:
            # A revision this build does not know: the file was written by a newer app version.
            # Keep it for that version and start a fresh cache for this one.
            engine.dispose()
            set_aside = SetAsideReason.NEWER_VERSION, _move_aside(path, "incompatible")
            engine = _make_engine(path)
            _migrate(engine)
        except exc.DatabaseError as error:  # pragma: no cover - quick_check usually catches it first
            if not (isinstance(error.orig, sqlite3.DatabaseError) and _is_corruption(error.orig)):
                raise
            engine.dispose()
            set_aside = SetAsideReason.DAMAGED, _move_aside(path, "corrupt")
            engine = _make_engine(path)
            _migrate(engine)
        db = cls(path, engine)
        if set_aside is not None:
            db.recovery = db._salvage(*set_aside)
        return db

    def _salvage(self, reason: SetAsideReason, moved_to: Path) -> Recovery:
        """Queue the set-aside file's unsent commands here, so they are sent after all."""
        salvaged = read_unsent_commands(moved_to)
        kept = 0
        if salvaged.commands:
            with self.session(write=True) as s, s.begin():
                kept = requeue(s, salvaged.commands)
        log.warning(
            "salvaged %d unsent change(s) from %s (%s); %d unreadable%s",
            kept, moved_to, reason.value, salvaged.lost, "" if salvaged.readable else ", outbox unreadable",
        )
        return Recovery(reason, moved_to, kept, salvaged.lost, salvaged.readable)

    def session(self, *, write: bool = False) -> Session:
        """A new session; each thread (GUI, sync worker) uses its own.

        ``write=True`` starts its transactions with ``BEGIN IMMEDIATE``: a transaction that reads
        before it writes (the puller reads its cursor) would otherwise fail at once with
        "database is locked" when another writer got in between, instead of waiting its turn.
        Readers keep plain ``BEGIN`` so the GUI never waits for a sync page to commit (WAL).
        """
        return self._write_sessions() if write else self._sessions()

    def close(self) -> None:
        self.engine.dispose()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_S},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions start and end
        # (the module's implicit BEGIN skips DDL and SELECT, which breaks atomic pages).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers never block the sync writer
        cur.execute("PRAGMA synchronous=FULL")  # the outbox must survive power loss
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def _migrate(engine: Engine) -> None:
    config = Config()
    # Config values go through configparser interpolation: a % in the install path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "not a database" in str(error) or "malformed" in str(error)
    return (code & 0xFF) in _CORRUPT_CODES


def _is_sound(path: Path) -> bool:
    """False when the file is garbage or fails ``PRAGMA quick_check``; a missing file is sound."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if _is_corruption(error):
            log.warning("cache %s is not a sound database: %s", path, error)
            return False
        raise
    if rows != [("ok",)]:
        log.warning("cache %s failed quick_check: %s", path, rows[:5])
        return False
    return True


def _move_aside(path: Path, reason: str) -> Path:
    """Rename the file (and its -wal/-shm) to ``<name>.<reason>-<UTC timestamp>``; return the new path."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    if path.exists():
        os.replace(path, target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    log.warning("moved the cache %s aside to %s; it will be rebuilt from the server", path, target)
    return target
