"""Pending changes (待发送的修改): every queued, sending and rejected change across the app.

Writes are commands in the durable outbox (DESIGN.md): this viewmodel lists them in the vendor's
words with their state as a coloured tag, counts them for the status bar, and lets the user
send one again or discard it — only where that can succeed (viewmodels/core/commands.py), and
says why not where it cannot. Reading and writing the outbox is disk work, so it runs on the
local-writes runner, never the GUI thread.
"""

from __future__ import annotations

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

from vendor_desktop.cache.core import outbox, outbox_bulk
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.domain.discounts import zhe
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.changes import money_changes, ticket_changes
from vendor_desktop.viewmodels.changes.invoice_changes import pending_change_text
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue, can_discard, can_retry
from vendor_desktop.viewmodels.core.labels import (
    CHANGE_ROLE,
    is_chinese,
    local_time,
    message_kind_label,
    server_message,
)
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, tone

# Marking messages read is queued too, but is not worth a line in the panel unless refused.
QUIET_KINDS = frozenset({"message.read", "message.read_all"})
STATE_COLUMN = 3
# The filter's choices (ids as the view's combo data): the states each shows.
FILTERS: dict[str, frozenset[str]] = {
    "rejected": frozenset({CommandState.REJECTED}),
    "waiting": frozenset({CommandState.PENDING, CommandState.SENDING, CommandState.HELD}),
}


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
            .replace("%2", zhe(percent) if is_chinese() else f"{100 - percent}% off (buyer pays {percent}%)")
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
    if command.kind.startswith("invoice."):
        return pending_change_text(command)
    if command.kind in money_changes.MONEY_KINDS:
        return money_changes.pending_change_text(command)
    if command.kind in ticket_changes.TICKET_KINDS:
        return ticket_changes.pending_change_text(command)
    if command.kind == "message.read":
        return QCoreApplication.translate("ChangesViewModel", "Mark a message as read")
    if command.kind == "message.read_all":
        if s.get("kind"):
            return QCoreApplication.translate("ChangesViewModel", "Mark all “%1” messages as read").replace(
                "%1", message_kind_label(str(s["kind"]))
            )
        return QCoreApplication.translate("ChangesViewModel", "Mark all messages as read")
    return command.kind


def filter_choices() -> list[tuple[str, str]]:
    """(id, name) of the filter's choices besides every change."""
    return [
        ("rejected", QCoreApplication.translate("ChangesViewModel", "Not accepted")),
        ("waiting", QCoreApplication.translate("ChangesViewModel", "Waiting")),
    ]


def state_text(command: Command) -> str:
    """The change's state in the glossary's words (待发送, 发送中, 等待前一项, 已生效, 云市场未接受)."""
    names = {
        CommandState.PENDING: QCoreApplication.translate("ChangesViewModel", "Waiting to send"),
        CommandState.SENDING: QCoreApplication.translate("ChangesViewModel", "Sending"),
        CommandState.REJECTED: QCoreApplication.translate("ChangesViewModel", "Not accepted"),
        CommandState.HELD: QCoreApplication.translate("ChangesViewModel", "Waiting for an earlier change"),
        CommandState.APPLIED: QCoreApplication.translate("ChangesViewModel", "Applied"),
    }
    return names[CommandState(command.state)]


def _refusal(command: Command) -> str:
    return server_message(command.error_message or "", command.error_message_zh or "") or (command.error_code or "")


def reason_text(command: Command) -> str:
    """The marketplace's answer in a sentence: why it did not accept the change, or when a change
    that could not be sent yet is tried again."""
    if command.state == CommandState.REJECTED:
        return QCoreApplication.translate("ChangesViewModel", "The marketplace did not accept this change: %1").replace(
            "%1", _refusal(command)
        )
    if command.state == CommandState.HELD:
        return QCoreApplication.translate(
            "ChangesViewModel", "Waits until the earlier change of the same item is settled."
        )
    if command.state == CommandState.PENDING and command.attempts:
        when = local_time(command.next_try_at)
        if when:
            return QCoreApplication.translate(
                "ChangesViewModel", "Could not be sent yet. Will try again at %1."
            ).replace("%1", when)
        return QCoreApplication.translate("ChangesViewModel", "Could not be sent yet. Will try again at the next sync.")
    return ""


def advice(command: Command) -> str:
    """What happened to the change and what the user can do next, in sentences."""
    if command.state == CommandState.REJECTED:
        if can_retry(command):
            follow = QCoreApplication.translate(
                "ChangesViewModel",
                "Send it again to apply it to the latest version, or discard it.",
            )
        else:
            follow = QCoreApplication.translate(
                "ChangesViewModel", "Sending it again would not be accepted either. Discard it."
            )
        return f"{reason_text(command)}{_sentence_gap()}{follow}"
    if command.state == CommandState.HELD:
        return QCoreApplication.translate(
            "ChangesViewModel",
            "Waits for an earlier change of the same item that the marketplace did not accept. Send that one again or discard it first.",
        )
    if command.state == CommandState.PENDING and command.attempts:
        return reason_text(command)
    if command.state == CommandState.PENDING:
        return QCoreApplication.translate("ChangesViewModel", "Goes to the marketplace at the next sync.")
    if command.state == CommandState.SENDING:
        return QCoreApplication.translate("ChangesViewModel", "On its way to the marketplace.")
    return ""


def not_accepted(command: Command | None) -> bool:
    """Whether the marketplace refused this change (its notice reads as a warning)."""
    return command is not None and command.state == CommandState.REJECTED


def why_cannot_retry(command: Command | None) -> str:
    """Why "Send again" cannot succeed for this change; empty when it can (commands.can_retry)."""
    if command is None:
        return QCoreApplication.translate("ChangesViewModel", "Select a change first.")
    if can_retry(command):
        return ""
    if command.state == CommandState.REJECTED:
        return QCoreApplication.translate(
            "ChangesViewModel", "The marketplace would not accept it again for the same reason. Discard it."
        )
    if command.state == CommandState.HELD:
        return QCoreApplication.translate(
            "ChangesViewModel", "It waits for an earlier change. Send that one again or discard it first."
        )
    if command.state == CommandState.SENDING:
        return QCoreApplication.translate("ChangesViewModel", "It is being sent now.")
    if command.state == CommandState.APPLIED:
        return QCoreApplication.translate("ChangesViewModel", "The marketplace has already applied it.")
    return QCoreApplication.translate(
        "ChangesViewModel", "It goes to the marketplace at the next sync: nothing to send again."
    )


def why_cannot_discard(command: Command | None) -> str:
    """Why "Discard" cannot succeed for this change; empty when it can (commands.can_discard)."""
    if command is None:
        return QCoreApplication.translate("ChangesViewModel", "Select a change first.")
    if can_discard(command):
        return ""
    if command.state == CommandState.SENDING:
        return QCoreApplication.translate(
            "ChangesViewModel", "It is being sent now and may already be applied: wait for the marketplace's answer."
        )
    return QCoreApplication.translate("ChangesViewModel", "The marketplace has already applied it.")


def _sentence_gap() -> str:
    """Between two sentences: nothing after a full-width stop, a space after an English one."""
    return "" if is_chinese() else " "


class ChangesTableModel(QAbstractTableModel):
    """The open changes: a short list (what is unsent), so it is held in memory, not paged."""

    def __init__(self, parent: QObject | None = None, *, who: Callable[[str], str] = str) -> None:
        super().__init__(parent)
        self.commands: list[Command] = []
        self._who = who  # a user name as people read it: the signed-in user's display name

    def set_commands(self, commands: list[Command]) -> None:
        self.beginResetModel()
        self.commands = commands
        self.endResetModel()

    def relabel(self) -> None:
        """The language changed: same rows, new words."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.commands:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.commands) - 1, self.columnCount() - 1))

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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(command)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text where a narrow column cuts it
            if index.column() in (STATE_COLUMN, STATE_COLUMN + 1):
                text = advice(command) or state_text(command)
                if command.state == CommandState.PENDING and command.last_error:
                    text += f"\n({command.last_error})"  # the technical detail, for support
                return text
            return self._cells(command)[index.column()]
        if role == TAGS_ROLE and index.column() == STATE_COLUMN:
            return [(state_text(command), tone("change", command.state))]
        if role == CHANGE_ROLE:
            return "rejected" if command.state in (CommandState.REJECTED, CommandState.HELD) else "pending"
        return None

    def _cells(self, command: Command) -> list[str]:
        return [
            describe(command),
            local_time(command.created_at),
            self._who(command.created_by),
            state_text(command),
            reason_text(command),
        ]


class ChangesViewModel(QObject):
    """The pending-changes panel and the count in the status bar."""

    changed = Signal()
    # A local write failed: the message in the user's language, and whether a form shows it.
    write_failed = Signal(str, bool)

    def __init__(self, queue: CommandQueue, writes: BackgroundRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._db = queue.db
        self._writes = writes
        self.commands: list[Command] = []  # every open change, whatever the filter shows
        self.filter: str | None = None  # a FILTERS id, or None for every change
        user = queue.user
        # 提交人 shows the person, not the user name typed at sign-in (which may be "owner").
        self.model = ChangesTableModel(self, who=lambda name: user.display_name if name == user.username else name)
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
            self.model.set_commands(self.shown())

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_load(self) -> Callable[[], tuple[list[Command], int, int]]:
        queue = self._queue

        def load() -> tuple[list[Command], int, int]:
            # On the writes thread, so exactly the changes finished before this point are in the
            # outbox this read sees (the queue writes on the same single thread).
            finished = queue.changes_finished
            # No cyclic GC while thousands of commands are read (an import queues 10,000).
            with outbox_bulk.cyclic_gc_paused(), self._db.session() as session:
                counts = outbox.count_by_state(session)
                unsent = counts.get(CommandState.PENDING, 0) + counts.get(CommandState.SENDING, 0)
                return outbox.visible_commands(session), unsent, finished

        return load

    def _loaded(self, result: tuple[list[Command], int, int]) -> None:
        commands, self._unsent_in_outbox, self._finished_at_load = result
        self.commands = [c for c in commands if c.kind not in QUIET_KINDS or c.state == CommandState.REJECTED]
        if self._shown:
            self.model.set_commands(self.shown())
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

    # -- filtering -------------------------------------------------------------------------------
    def shown(self) -> list[Command]:
        """The open changes the filter lets through."""
        states = FILTERS.get(self.filter or "")
        return self.commands if states is None else [c for c in self.commands if c.state in states]

    def set_filter(self, choice: str | None) -> None:
        """Show every change (None), the ones not accepted ("rejected") or those waiting ("waiting")."""
        self.filter = choice if choice in FILTERS else None
        self.model.set_commands(self.shown())
        self.changed.emit()

    @property
    def count(self) -> int:
        """The changes in the list as filtered."""
        return self.model.rowCount()

    def empty_text(self) -> str:
        if self.filter == "rejected" and self.commands:
            return QCoreApplication.translate("ChangesViewModel", "The marketplace accepted every change sent so far.")
        if self.filter == "waiting" and self.commands:
            return QCoreApplication.translate("ChangesViewModel", "Nothing is waiting to be sent.")
        return QCoreApplication.translate(
            "ChangesViewModel", "Nothing waiting: every change has reached the marketplace."
        )

    # -- acting ----------------------------------------------------------------------------------
    def command_at(self, row: int) -> Command | None:
        """The change on this row of the list as shown (filtered)."""
        commands = self.model.commands
        return commands[row] if 0 <= row < len(commands) else None

    def retry(self, command_id: int) -> None:
        self._queue.retry(command_id)

    def discard(self, command_id: int) -> None:
        self._queue.discard(command_id)

    def on_data_changed(self, changes: ChangeSet) -> None:
        if "command" in changes.entities() or not changes:
            self.refresh()
