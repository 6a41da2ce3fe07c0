"""In-app messages (站内信): new orders and payments (R-ORD-2), review results later (R-LST-6)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.database import CacheDatabase
from vendor_desktop.cache.messages import MessageRow, message_ids, messages_by_id, unread_count

from .labels import is_chinese
from .orders import local_time
from .paged_table import PagedTableModel

#: Data role that tells the view to show a row as unread (bold); the view owns fonts.
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 1


def message_kind_label(kind: str) -> str:
    names = {
        "new_order": QCoreApplication.translate("MessagesViewModel", "New order"),
        "order_paid": QCoreApplication.translate("MessagesViewModel", "Order paid"),
    }
    return names.get(kind, QCoreApplication.translate("MessagesViewModel", "Notice"))


def title_of(m: MessageRow) -> str:
    return (m.title or m.title_en) if is_chinese() else (m.title_en or m.title)


def body_of(m: MessageRow) -> str:
    return (m.body or m.body_en) if is_chinese() else (m.body_en or m.body)


class MessagesTableModel(PagedTableModel[MessageRow]):
    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        super().__init__(self._ids, self._rows_by_id, parent)

    def _ids(self) -> list[str]:
        with self._db.session() as session:
            return message_ids(session)

    def _rows_by_id(self, ids: Sequence[str]) -> dict[str, MessageRow]:
        with self._db.session() as session:
            return messages_by_id(session, ids)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("MessagesViewModel", "Received"),
            QCoreApplication.translate("MessagesViewModel", "Kind"),
            QCoreApplication.translate("MessagesViewModel", "Message"),
        ]

    def display(self, row: MessageRow, column: int) -> Any:
        # The body says more than the title, and the kind column already says what the title would.
        return [local_time(row.created_at), message_kind_label(row.kind), body_of(row)][column]

    def row_data(self, row: MessageRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return (
                QCoreApplication.translate("MessagesViewModel", "Unread")
                if not row.read
                else QCoreApplication.translate("MessagesViewModel", "Read")
            )
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == UNREAD_ROLE:
            return not row.read
        return None


class MessagesViewModel(QObject):
    unread_changed = Signal(int)
    selected_changed = Signal()

    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.model = MessagesTableModel(db, self)
        self.selected: MessageRow | None = None
        self.unread = 0
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        with self._db.session() as session:
            self.unread = unread_count(session)
        self.unread_changed.emit(self.unread)

    def select(self, message_id: str | None) -> None:
        self.selected = None
        if message_id is not None:
            with self._db.session() as session:
                self.selected = messages_by_id(session, [message_id]).get(message_id)
        self.selected_changed.emit()

    def selected_text(self) -> tuple[str, str, str]:
        m = self.selected
        if m is None:
            return "", "", ""
        return title_of(m), local_time(m.created_at), body_of(m)

    def on_data_changed(self, changes: ChangeSet) -> None:
        if "message" in changes.entities():
            self.refresh()
