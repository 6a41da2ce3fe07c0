"""In-app messages (站内信): new orders and payments (R-ORD-2), review results later (R-LST-6)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.messages.queries import (
    MessageRow,
    count_messages,
    message_ids,
    messages_by_id,
    new_order_messages,
    unread_count,
)
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import is_chinese, local_time
from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP, HeadIds, PagedTableModel
from vendor_desktop.viewmodels.core.refresh import Refresher

log = logging.getLogger(__name__)

# The list's ids and first rows, read after a pull.
_Listed = tuple[Sequence[str], dict[str, MessageRow]]

#: Data role that tells the view to show a row as unread (bold); the view owns fonts.
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 1


def message_kind_label(kind: str) -> str:
    names = {
        "listing_approved": QCoreApplication.translate("MessagesViewModel", "Review passed"),
        "listing_rejected": QCoreApplication.translate("MessagesViewModel", "Review failed"),
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
        super().__init__(self._message_ids, self._rows_by_id, parent)

    def _message_ids(self) -> Sequence[str]:
        """The first screenfuls and the count; the rest (170,000 after a big first sync) when
        scrolled to, as the orders list does."""
        with self._db.session() as session:
            head = message_ids(session, limit=FETCH_STEP)
            if len(head) < FETCH_STEP:
                return head
            total = count_messages(session)
        return HeadIds(head, total, self._all_ids)

    def _all_ids(self) -> list[str]:
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
    new_orders_arrived = Signal(str, str)  # title, body of a desktop notification (R-ORD-2)

    def __init__(
        self,
        db: CacheDatabase,
        parent: QObject | None = None,
        *,
        queue: CommandQueue | None = None,
        reads: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._queue = queue
        self.model = MessagesTableModel(db, self)
        self.selected: MessageRow | None = None
        self.unread = 0
        self._reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self._refresh: Refresher[tuple[_Listed | None, int]] = Refresher(
            self._reads, self._prepare_reload, self._reloaded
        )
        self.refresh()
        # Only messages newer than what this computer already had are news: the first pull of a
        # fresh cache brings months of history, which is not worth a notification.
        # Timestamps are to the second, so the boundary second is inclusive and ids already seen
        # there are remembered.
        newest = self.model.row_at(0) if self.model.rowCount() else None
        since = (newest.created_at if newest and newest.created_at else None) or dt.datetime.now(dt.UTC)
        self._since = since.replace(microsecond=0)
        self._seen: set[str] = {newest.id} if newest else set()

    def refresh(self) -> None:
        """Read the list and the unread count here and now (at start, and in tests)."""
        self.model.reload()
        self._refresh.supersede()
        with self._db.session() as session:
            self.unread = unread_count(session)
        self.unread_changed.emit(self.unread)

    def set_shown(self, shown: bool) -> None:
        """Whether the Messages page is on screen. Hidden, a pull still updates the unread count
        (the navigation shows it) and still announces new orders; the list waits."""
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], tuple[_Listed | None, int]]:
        list_loader = self.model.loader() if self._refresh.shown else None
        db = self._db

        def load() -> tuple[_Listed | None, int]:
            listed = list_loader() if list_loader is not None else None
            with db.session() as session:
                return listed, unread_count(session)

        return load

    def _reloaded(self, result: tuple[_Listed | None, int]) -> None:
        listed, self.unread = result
        if listed is not None:
            self.model.apply_ids(*listed)
        self.unread_changed.emit(self.unread)

    def select(self, message_id: str | None) -> None:
        self.selected = None
        if message_id is not None:
            with self._db.session() as session:
                self.selected = messages_by_id(session, [message_id]).get(message_id)
        self.selected_changed.emit()
        if self.selected is not None and not self.selected.read:
            self.mark_read(self.selected.id)

    def mark_read(self, message_id: str) -> None:
        """Queued like any change, so it works offline; the list shows it read at once."""
        if self._queue is None:
            return
        self._queue.enqueue(
            kind="message.read",
            entity="message",
            entity_id=message_id,
            base_version=None,  # marking read is idempotent: no If-Match needed
            method="POST",
            path=f"/messages/{message_id}/read",
            payload=None,
            summary={},
        )

    def selected_text(self) -> tuple[str, str, str]:
        m = self.selected
        if m is None:
            return "", "", ""
        return title_of(m), local_time(m.created_at), body_of(m)

    def on_data_changed(self, changes: ChangeSet) -> None:
        if "message" not in changes.entities():
            return
        self._refresh.request(live=True)  # the unread badge shows while the page is hidden too
        # Every change set's news is announced once, in order: never superseded by a later one.
        # Of a first sync's 170,000 messages the worker hands back only the few new orders.
        db, since = self._db, self._since
        self._reads.submit(
            lambda: _news(db, changes, since),
            on_done=self._announce,
            on_error=lambda error: log.error("looking for new orders failed", exc_info=error),
        )

    def _announce(self, arrived: list[MessageRow]) -> None:
        # Against what is known now: an earlier change set's news may have moved the boundary.
        news = [m for m in arrived if m.id not in self._seen and m.created_at and m.created_at >= self._since]
        if not news:
            return
        self._since = news[-1].created_at or self._since
        self._seen = {m.id for m in news if m.created_at == self._since}
        if len(news) == 1:
            self.new_orders_arrived.emit(title_of(news[0]), body_of(news[0]))
        else:
            count = len(news)  # lupdate skips a call whose count is a call
            self.new_orders_arrived.emit(self.tr("%n new orders", "", count), body_of(news[-1]))


def _news(db: CacheDatabase, changes: ChangeSet, since: dt.datetime) -> list[MessageRow]:
    """On the reads thread: the change set's unread new-order messages from ``since`` on."""
    with db.session() as session:
        return new_order_messages(session, changes.ids("message"), since)
