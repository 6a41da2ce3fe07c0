"""Pending changes (待发送的修改): every queued, sending and rejected change across the app.

Writes are commands in the durable outbox (DESIGN.md): this viewmodel lists them in the vendor's
words, counts them for the status bar, and lets the user retry or discard one. Reading and
writing the outbox is disk work, so it runs on the local-writes runner, never the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import (
    CHANGE_ROLE,
    change_state_label,
    discount_label,
    local_time,
    server_message,
)
from vendor_desktop.viewmodels.core.refresh import Refresher

#: Marking a message read is queued too, but is not worth a line in the panel unless refused.
QUIET_KINDS = frozenset({"message.read"})


def _t(text: str) -> str:
    return QCoreApplication.translate("ChangesViewModel", text)


def describe(command: Command) -> str:
    """What the change is, in the vendor's words."""
    s = command.summary or {}
    if command.kind == "order.price_change":
        return (
            QCoreApplication.translate("ChangesViewModel", "Change the price of order %1 from %2 to %3")
            .replace("%1", str(s.get("number", command.entity_id)))
            .replace("%2", format_fen(int(s.get("old_fen", 0))))
            .replace("%3", format_fen(int(s.get("new_fen", 0))))
        )
    if command.kind == "discount.create":
        percent = int(s.get("percent", 0))
        return (
            QCoreApplication.translate("ChangesViewModel", "Give buyer %1 %2 on %3")
            .replace("%1", str(s.get("buyer_account_id", "")))
            .replace("%2", discount_label(percent))
            .replace("%3", str(s.get("listing_name", "")))
        )
    if command.kind == "discount.revoke":
        return (
            QCoreApplication.translate("ChangesViewModel", "Revoke the discount of buyer %1 on %2")
            .replace("%1", str(s.get("buyer_account_id", "")))
            .replace("%2", str(s.get("listing_name", "")))
        )
    if command.kind.startswith("listing."):
        name = str(s.get("name", ""))
        texts = {
            "listing.create": QCoreApplication.translate("ChangesViewModel", "Create the draft listing %1"),
            "listing.update": QCoreApplication.translate("ChangesViewModel", "Save changes to the listing %1"),
            "listing.submit": QCoreApplication.translate("ChangesViewModel", "Submit the listing %1 for review"),
            "listing.delist": QCoreApplication.translate("ChangesViewModel", "Delist the listing %1"),
        }
        return texts.get(command.kind, command.kind).replace("%1", name)
    if command.kind == "message.read":
        return QCoreApplication.translate("ChangesViewModel", "Mark a message as read")
    return command.kind


def state_text(command: Command, now: dt.datetime | None = None) -> str:
    if command.state == CommandState.PENDING and command.attempts and command.next_try_at:
        return QCoreApplication.translate("ChangesViewModel", "Waiting to send: will try again at %1").replace(
            "%1", local_time(command.next_try_at)
        )
    return change_state_label(CommandState(command.state).value)


def reason_text(command: Command) -> str:
    """The server's reason for a rejection, in the user's language; the last error of a retry."""
    if command.state == CommandState.REJECTED:
        return server_message(command.error_message or "", command.error_message_zh or "") or (command.error_code or "")
    if command.state == CommandState.PENDING and command.attempts:
        return command.last_error or ""
    return ""


class ChangesTableModel(QAbstractTableModel):
    """The open changes: a short list (what is unsent), so it is held in memory, not paged."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.commands: list[Command] = []

    def set_commands(self, commands: list[Command]) -> None:
        self.beginResetModel()
        self.commands = commands
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.commands)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            QCoreApplication.translate("ChangesViewModel", "Change"),
            QCoreApplication.translate("ChangesViewModel", "Queued"),
            QCoreApplication.translate("ChangesViewModel", "By"),
            QCoreApplication.translate("ChangesViewModel", "State"),
            QCoreApplication.translate("ChangesViewModel", "Marketplace's answer"),
        ][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        command = self.commands[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [
                describe(command),
                local_time(command.created_at),
                command.created_by,
                state_text(command),
                reason_text(command),
            ][index.column()]
        if role == CHANGE_ROLE:
            return "rejected" if command.state in (CommandState.REJECTED, CommandState.HELD) else "pending"
        return None


class ChangesViewModel(QObject):
    """The pending-changes panel and the count in the status bar."""

    changed = Signal()
    #: A local write failed: the message in the user's language, and whether a form shows it.
    write_failed = Signal(str, bool)

    def __init__(self, queue: CommandQueue, writes: BackgroundRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._db = queue.db
        self._writes = writes
        self.commands: list[Command] = []
        self.model = ChangesTableModel(self)
        self._unsent_in_outbox = 0  # waiting or sending, quiet kinds included, at the last load
        self._finished_at_load = 0  # the queue's changes_finished when that load read the outbox
        # The counts show outside the page (status bar, quit warning), so every refresh reads the
        # outbox; only the table waits while the page is hidden.
        self._shown = True
        self._table_stale = False
        self._refresh: Refresher[tuple[list[Command], int, int]] = Refresher(writes, self._prepare_load, self._loaded)
        queue.failed.connect(self._write_failed)
        self.refresh()

    @property
    def unsent(self) -> int:
        """What a quit now would leave unsent: changes in the outbox waiting or being sent, plus
        changes still on their way to it (accepted, not yet written)."""
        return self._unsent_in_outbox + self._queue.changes_submitted - self._finished_at_load

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the outbox again (on the writes runner); ``changed`` says when it is shown."""
        self._refresh.request(live=True)

    def set_shown(self, shown: bool) -> None:
        """Whether the Pending changes page is on screen: hidden, the counts stay current and the
        table is filled from them when shown (no read needed)."""
        self._shown = shown
        if shown and self._table_stale:
            self._table_stale = False
            self.model.set_commands(self.commands)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_load(self) -> Callable[[], tuple[list[Command], int, int]]:
        queue = self._queue

        def load() -> tuple[list[Command], int, int]:
            # On the writes thread, so exactly the changes finished before this point are in the
            # outbox this read sees (the queue writes on the same single thread).
            finished = queue.changes_finished
            with self._db.session() as session:
                counts = outbox.count_by_state(session)
                unsent = counts.get(CommandState.PENDING, 0) + counts.get(CommandState.SENDING, 0)
                return outbox.visible_commands(session), unsent, finished

        return load

    def _loaded(self, result: tuple[list[Command], int, int]) -> None:
        commands, self._unsent_in_outbox, self._finished_at_load = result
        self.commands = [c for c in commands if c.kind not in QUIET_KINDS or c.state == CommandState.REJECTED]
        if self._shown:
            self.model.set_commands(self.commands)
        else:
            self._table_stale = True
        self.changed.emit()

    def _write_failed(self, message: str, shown: bool) -> None:
        self.refresh()  # a failed change is no longer on its way: count it out
        self.write_failed.emit(message, shown)

    @property
    def open_count(self) -> int:
        return len(self.commands)

    @property
    def rejected_count(self) -> int:
        return sum(1 for c in self.commands if c.state == CommandState.REJECTED)

    # -- acting ----------------------------------------------------------------------------------
    def command_at(self, row: int) -> Command | None:
        return self.commands[row] if 0 <= row < len(self.commands) else None

    def retry(self, command_id: int) -> None:
        self._queue.retry(command_id)

    def discard(self, command_id: int) -> None:
        self._queue.discard(command_id)

    def on_data_changed(self, changes: ChangeSet) -> None:
        if "command" in changes.entities() or not changes:
            self.refresh()
