"""A failed write to the cache is recognised for what it is, from SQLite's real errors, so the
user hears "the disk is full" rather than a driver message (issue 9: failed writes reach the user)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.write_failures import WriteFailure, write_failure


@pytest.fixture
def db(tmp_path: Path):
    database = CacheDatabase.open(tmp_path / "cache.sqlite3")
    yield database
    database.close()


def failure_of_a_write(db: CacheDatabase, *pragmas: str) -> WriteFailure:
    """Write through the cache's own engine after ``pragmas`` (set on that connection first)."""
    with db.engine.connect() as conn, pytest.raises(OperationalError) as raised:
        for pragma in pragmas:
            conn.exec_driver_sql(pragma)
        conn.exec_driver_sql("CREATE TABLE filler (x TEXT)")
        conn.exec_driver_sql("INSERT INTO filler (x) VALUES (?)", ("x" * 200_000,))
        conn.commit()
    return write_failure(raised.value)


def test_a_full_disk_is_recognised(db: CacheDatabase) -> None:
    with db.session() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar()
    # The file may not grow: what SQLite reports when the disk is full (SQLITE_FULL).
    assert failure_of_a_write(db, f"PRAGMA max_page_count = {pages}") == WriteFailure.DISK_FULL


def test_a_file_that_cannot_be_written_is_recognised(db: CacheDatabase) -> None:
    assert failure_of_a_write(db, "PRAGMA query_only = ON") == WriteFailure.READ_ONLY  # SQLITE_READONLY


def test_a_file_locked_by_another_program_is_recognised(db: CacheDatabase) -> None:
    other = sqlite3.connect(db.path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        assert failure_of_a_write(db, "PRAGMA busy_timeout = 0") == WriteFailure.IN_USE
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_os_errors_and_unknown_errors() -> None:
    assert write_failure(OSError(errno.ENOSPC, "No space left on device")) == WriteFailure.DISK_FULL
    assert write_failure(OSError(errno.EROFS, "Read-only file system")) == WriteFailure.READ_ONLY
    assert write_failure(ValueError("something else")) == WriteFailure.OTHER
