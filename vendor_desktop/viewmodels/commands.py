"""The one way viewmodels write: queue a command in the durable outbox, retry or discard one.

Every write runs on the local-writes runner (disk work off the GUI thread) and ends by
publishing a change set — the command and the entity it targets — so every viewmodel refreshes
what it shows and the sync engine sends what is now due (DESIGN.md "Writes are commands").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from vendor_desktop.cache import outbox
from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.database import CacheDatabase
from vendor_desktop.cache.outbox import Command
from vendor_desktop.sync.client import SignedInUser

from .background import BackgroundRunner


def _touched(command: Command) -> ChangeSet:
    changes = ChangeSet()
    changes.add("command", str(command.id))
    changes.add(command.entity, command.entity_id)
    return changes


class CommandQueue(QObject):
    """Queue, retry and discard commands for the signed-in user."""

    published = Signal(object)  # ChangeSet after any write here
    failed = Signal(str)  # the local write itself failed (disk full, …)

    def __init__(
        self, db: CacheDatabase, user: SignedInUser, writes: BackgroundRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.user = user
        self._writes = writes

    def enqueue(self, on_queued: Callable[[ChangeSet], None] | None = None, **command: Any) -> None:
        """Queue one command (kind, entity, entity_id, base_version, method, path, payload, summary)."""
        username = self.user.username
        self._write(lambda session: _touched(outbox.enqueue(session, created_by=username, **command)), on_queued)

    def retry(self, command_id: int, *, base_version: int | None = None) -> None:
        self._write(lambda session: _touched(outbox.retry(session, command_id, base_version=base_version)))

    def discard(self, command_id: int) -> None:
        self._write(lambda session: outbox.discard(session, command_id))

    def _write(self, act: Callable[[Any], ChangeSet], then: Callable[[ChangeSet], None] | None = None) -> None:
        def work() -> ChangeSet:
            with self.db.session(write=True) as session, session.begin():
                return act(session)

        def done(changes: ChangeSet) -> None:
            self.published.emit(changes)
            if then is not None:
                then(changes)

        self._writes.submit(work, on_done=done, on_error=lambda exc: self.failed.emit(str(exc)))
