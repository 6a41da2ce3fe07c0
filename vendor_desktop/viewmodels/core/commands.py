"""The one way viewmodels write: queue a command in the durable outbox, retry or discard one.

Every write runs on the local-writes runner (disk work off the GUI thread) and ends by
publishing a change set — the command and the entity it targets — so every viewmodel refreshes
what it shows and the sync engine sends what is now due (DESIGN.md "Writes are commands").
A write that fails is logged and reported in the user's language: to the form that asked for it
(``on_failed``) and through ``failed``, so the main window can say it when no form is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from vendor_desktop.cache.core import outbox, outbox_bulk, outbox_files
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.write_errors import CannotDiscard, write_failure_text

log = logging.getLogger(__name__)


# What the user may do with an open change, in every area that shows one (Pending changes, the
# Orders detail…).
#: Refusals that sending again can cure: the entity moved on under the change (someone else edited
#: it), so it is sent again on top of the current version. A refusal on the merits (the buyer
#: paid, the periods overlap, the role may not) would only be refused again: discard it.
RETRYABLE_REFUSALS = frozenset({"VERSION_CONFLICT", "PRECONDITION_REQUIRED", "IDEMPOTENCY_KEY_REUSED"})


def can_retry(command: Command) -> bool:
    if command.state == CommandState.REJECTED:
        return command.error_code in RETRYABLE_REFUSALS
    return command.state == CommandState.PENDING and command.attempts > 0


def can_discard(command: Command) -> bool:
    return command.state in (CommandState.PENDING, CommandState.REJECTED, CommandState.HELD)


def _touched(command: Command) -> ChangeSet:
    changes = ChangeSet()
    changes.add("command", str(command.id))
    changes.add(command.entity, command.entity_id)
    return changes


def _discard(session: Any, command_id: int) -> ChangeSet:
    """Discard only what can still be taken back. A change on the wire may be applied any moment,
    and an applied one already was: deleting either would tell the user "discarded" for a change
    the marketplace has (or soon will have)."""
    command = outbox.get_command(session, command_id)
    if command is None or command.state in (CommandState.SENDING, CommandState.APPLIED):
        raise CannotDiscard(command.state if command else None)
    return outbox.discard(session, command_id)


class CommandQueue(QObject):
    """Queue, retry and discard commands for the signed-in user."""

    published = Signal(object)  # ChangeSet after any write here
    #: A local write failed (disk full, read-only, …): the message in the user's language, and
    #: whether the caller shows it itself (a form that is still open).
    failed = Signal(str, bool)

    def __init__(
        self, db: CacheDatabase, user: SignedInUser, writes: BackgroundRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.user = user
        self._writes = writes
        # Queued changes handed to the writes thread, and how many of those have finished there
        # (written or failed). ``changes_finished`` is counted on the writes thread itself, so a
        # read of the outbox on that thread knows exactly which changes it already includes.
        self.changes_submitted = 0
        self.changes_finished = 0
        # Every user write (queue, send again, discard), for what a quit could still lose.
        self._writes_submitted = 0
        self._writes_finished = 0

    @property
    def unfinished_writes(self) -> int:
        """User writes accepted but not yet finished on the writes thread."""
        return self._writes_submitted - self._writes_finished

    def enqueue(
        self,
        on_queued: Callable[[ChangeSet], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        **command: Any,
    ) -> None:
        """Queue one command (kind, entity, entity_id, base_version, method, path, payload, summary).

        ``on_queued`` runs once it is on disk; ``on_failed(message)`` if it could not be written."""
        username = self.user.username
        self._write(
            lambda session: _touched(outbox.enqueue(session, created_by=username, **command)),
            what=str(command.get("kind", "command")),
            then=on_queued,
            on_failed=on_failed,
            is_change=True,
        )

    def enqueue_many(
        self,
        commands: list[dict[str, Any]],
        on_queued: Callable[[list[int]], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
    ) -> None:
        """Queue several commands in one transaction (a bulk import): all of them or none.

        ``on_queued(ids)`` runs once they are on disk, with their ids in the order given."""
        username = self.user.username
        ids: list[int] = []

        def act(session: Any) -> ChangeSet:
            ids.extend(outbox_bulk.enqueue_many(session, commands, created_by=username))
            changes = ChangeSet()
            for command_id, command in zip(ids, commands, strict=True):
                changes.add("command", str(command_id))
                changes.add(command["entity"], command["entity_id"])
            return changes

        self._write(
            act,
            what=f"{len(commands)} commands",
            then=None if on_queued is None else lambda _changes: on_queued(ids),
            on_failed=on_failed,
            is_change=True,
        )

    def retry(self, command_id: int, *, base_version: int | None = None) -> None:
        self._write(
            lambda session: _touched(outbox.retry(session, command_id, base_version=base_version)),
            what=f"send command {command_id} again",
        )

    def discard(self, command_id: int) -> None:
        gone: list[str] = []  # the attachment copy it would have sent (R-TKT-1), if any

        def act(session: Any) -> ChangeSet:
            command = outbox.get_command(session, command_id)
            upload = outbox_files.upload_of(command.payload) if command is not None else None
            changes = _discard(session, command_id)
            if upload is not None:
                gone.append(upload.stored)
            return changes

        folder = outbox_files.folder_for(self.db.path)
        self._write(act, what=f"discard command {command_id}", after_commit=lambda: outbox_files.remove(folder, gone))

    def _write(
        self,
        act: Callable[[Any], ChangeSet],
        *,
        what: str,
        then: Callable[[ChangeSet], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        is_change: bool = False,
        after_commit: Callable[[], None] | None = None,
    ) -> None:
        def work() -> ChangeSet:
            try:
                with self.db.session(write=True) as session, session.begin():
                    changes = act(session)
                if after_commit is not None:
                    try:
                        after_commit()
                    except OSError:  # a leftover file is tidied at the next start
                        log.warning("after %s", what, exc_info=True)
                return changes
            finally:  # on the writes thread: a later read of the outbox there includes this write
                self._writes_finished += 1
                if is_change:
                    self.changes_finished += 1

        def done(changes: ChangeSet) -> None:
            self.published.emit(changes)
            if then is not None:
                then(changes)

        def failed(error: BaseException) -> None:
            log.error("local write failed (%s); nothing was kept", what, exc_info=error)
            message = write_failure_text(error)
            if on_failed is not None:
                on_failed(message)
            self.failed.emit(message, on_failed is not None)

        # Counted before the hand-over, so the writes thread can never finish one not yet counted.
        self._writes_submitted += 1
        self.changes_submitted += is_change
        if self._writes.submit(work, on_done=done, on_error=failed) is None:
            self._writes_submitted -= 1
            self.changes_submitted -= is_change
            # The app is closing and takes no more work: the user must not think it was kept.
            failed(RuntimeError("Vendor Center is closing"))
