"""Upgrading from one cache file per account to one per user.

Versions before per-user caches kept a single file per (backend, account), whose outbox held
the unsent changes of every user who signed in on this computer (each row says who made it in
``created_by``). When a user signs in, that user's unsent changes move from the old file into
the user's own file, with their idempotency keys (``cache.salvage``), and are sent from there;
the other users' changes stay in the old file until each of them signs in. Once the old file
holds no unsent change, it is deleted. Its synced rows are not carried over: they are what the
last user's role could read, and a pull brings back what this user may read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.salvage import forget_commands, read_unsent_commands, requeue

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm", "-journal")


def adopt_legacy_commands(legacy: Path, db: CacheDatabase, username: str) -> int:
    """Move ``username``'s unsent commands from the per-account file ``legacy`` into ``db``.

    Returns how many are now in ``db``. Safe to repeat: a command already moved (the app stopped
    between the copy and the delete) is recognised by its key and not queued twice.
    """
    if not legacy.exists() or legacy.resolve() == db.path.resolve():
        return 0
    mine = read_unsent_commands(legacy, created_by=username)
    kept = 0
    if mine.commands:
        # First into the new file, durably; only then out of the old one.
        with db.session(write=True) as s, s.begin():
            kept = requeue(s, mine.commands)
        forget_commands(legacy, [c["idempotency_key"] for c in mine.commands])
        log.info("moved %d unsent change(s) of %s from %s to %s", kept, username, legacy, db.path)
    remaining = read_unsent_commands(legacy)
    if remaining.readable and not remaining.commands and not remaining.lost:
        _delete(legacy)
    return kept


def _delete(path: Path) -> None:
    for file in (path, *(path.with_name(path.name + suffix) for suffix in _SIDE_FILES)):
        try:
            file.unlink(missing_ok=True)
        except OSError as error:  # e.g. open in another program on Windows: try again next time
            log.warning("cannot delete the old cache file %s: %s", file, error)
            return
    log.info("deleted the old per-account cache %s: no unsent change is left in it", path)
