"""Why a write to the cache failed, as a kind the app can explain (the words live in viewmodels).

SQLite reports a full disk, a read-only file or a lock held by another program as result codes;
an OS error can surface as well. Anything else is ``OTHER`` and is shown as it was raised.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum

from sqlalchemy import exc


class WriteFailure(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    IN_USE = "in_use"  # locked or busy: another program (or connection) holds the file
    DISK_ERROR = "disk_error"
    OTHER = "other"


_BY_SQLITE_CODE = {
    sqlite3.SQLITE_FULL: WriteFailure.DISK_FULL,
    sqlite3.SQLITE_READONLY: WriteFailure.READ_ONLY,
    sqlite3.SQLITE_PERM: WriteFailure.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: WriteFailure.READ_ONLY,
    sqlite3.SQLITE_BUSY: WriteFailure.IN_USE,
    sqlite3.SQLITE_LOCKED: WriteFailure.IN_USE,
    sqlite3.SQLITE_IOERR: WriteFailure.DISK_ERROR,
}

# SQLite's own message texts, for an error that carries no result code (raised by hand, or by a
# driver that does not set it).
_BY_SQLITE_TEXT = (
    ("database or disk is full", WriteFailure.DISK_FULL),
    ("readonly database", WriteFailure.READ_ONLY),
    ("database is locked", WriteFailure.IN_USE),
    ("database table is locked", WriteFailure.IN_USE),
    ("disk i/o error", WriteFailure.DISK_ERROR),
)

_BY_ERRNO = {
    errno.ENOSPC: WriteFailure.DISK_FULL,
    errno.EDQUOT: WriteFailure.DISK_FULL,
    errno.EROFS: WriteFailure.READ_ONLY,
    errno.EACCES: WriteFailure.READ_ONLY,
    errno.EPERM: WriteFailure.READ_ONLY,
    errno.EIO: WriteFailure.DISK_ERROR,
}


def write_failure(error: BaseException) -> WriteFailure:
    """What kind of failure ``error`` (SQLAlchemy's, sqlite3's or the OS's) is."""
    cause: BaseException = error.orig if isinstance(error, exc.DBAPIError) and error.orig is not None else error
    if isinstance(cause, OSError) and cause.errno in _BY_ERRNO:
        return _BY_ERRNO[cause.errno]
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _BY_SQLITE_CODE:
        return _BY_SQLITE_CODE[code & 0xFF]
    text = str(cause).lower()
    return next((kind for needle, kind in _BY_SQLITE_TEXT if needle in text), WriteFailure.OTHER)
