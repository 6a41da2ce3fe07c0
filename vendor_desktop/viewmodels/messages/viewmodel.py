"""In-app messages (站内信): new orders and payments (R-ORD-2), review results (R-LST-6).

The list searches, filters by kind and unread, counts what it shows, and marks every message
read with one queued command (``POST /messages/read-all``); a message about an order or a listing
links to it (``open_requested``: the shell shows that area with the row selected).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.messages.queries import (
    MessageQuery,
    MessageRow,
    count_messages,
    mark_all_read_command,
    message_ids,
    messages_by_id,
    new_order_messages,
    unread_count,
)
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import MESSAGE_KINDS, is_chinese, local_time, message_kind_label
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel, head_then_rest
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, tone

__all__ = ["UNREAD_ROLE", "MessagesTableModel", "MessagesViewModel", "kind_choices", "message_kind_label"]

log = logging.getLogger(__name__)

# Data role: True for an unread message (the view draws its dot; it owns how).
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 1

RECEIVED_COLUMN, KIND_COLUMN, TEXT_COLUMN = range(3)

# The messages a desktop notification announces (R-ORD-2; a buyer's invoice request, issue 12; a
# buyer's refund request and the marketplace's reply to a ticket, issue 14).
NEWS_KINDS = ("new_order", "invoice_requested", "refund_requested", "ticket_replied")


def kind_choices() -> list[tuple[str, str]]:
    """(kind, name) for the kind filter, in the current language."""
    return [(kind, message_kind_label(kind)) for kind in MESSAGE_KINDS]


def title_of(m: MessageRow) -> str:
    return (m.title or m.title_en or "") if is_chinese() else (m.title_en or m.title or "")


def body_of(m: MessageRow) -> str:
    return (m.body or m.body_en or "") if is_chinese() else (m.body_en or m.body or "")


@dataclass(frozen=True)
class _Reloaded:
    listed: tuple[Sequence[str], dict[str, MessageRow]] | None  # None: the page is hidden
    unread: int
    unread_in_scope: int  # of the chosen kind: what "Mark all read" would mark
    selected: MessageRow | None


class MessagesTableModel(PagedTableModel[MessageRow]):
    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.query = MessageQuery()
        super().__init__(None, self._rows_by_id, parent)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        query = self.query  # as filtered now, wherever the query runs
        return lambda: self._query_ids(query)

    def _query_ids(self, query: MessageQuery) -> Sequence[str]:
        """The first screenfuls and the count; the rest (170,000 after a big first sync) when
        scrolled to, as the orders list does."""
        return head_then_rest(
            self._db, lambda s, limit: message_ids(s, limit=limit, query=query), lambda s: count_messages(s, query)
        )

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
                QCoreApplication.translate("MessagesViewModel", "Read")
                if row.read
                else QCoreApplication.translate("MessagesViewModel", "Unread")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RECEIVED_COLUMN and not row.read:
                return QCoreApplication.translate("MessagesViewModel", "Unread")
            return body_of(row) if column == TEXT_COLUMN else None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == UNREAD_ROLE:
            return not row.read
        if role == TAGS_ROLE and column == KIND_COLUMN:
            return [(message_kind_label(row.kind), tone("message", row.kind or ""))]
        return None


class MessagesViewModel(QObject):
    unread_changed = Signal(int)
    count_changed = Signal(int)
    selected_changed = Signal()
    new_orders_arrived = Signal(str, str)  # title, body of a desktop notification (R-ORD-2)
    invoice_requests_arrived = Signal(str, str)  # the same for buyers' invoice requests (issue 12)
    refund_requests_arrived = Signal(str, str)  # buyers' refund requests to decide (SPEC §5)
    ticket_replies_arrived = Signal(str, str)  # the marketplace answered a ticket (R-TKT-1)
    # The user asked to see what the selected message is about: area id, entity id.
    open_requested = Signal(str, str)

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
        self.unread_in_scope = 0
        self._reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self._refresh: Refresher[_Reloaded] = Refresher(self._reads, self._prepare_reload, self._reloaded)
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
        self._count_unread()
        self.count_changed.emit(self.model.total)

    def _count_unread(self) -> None:
        with self._db.session() as session:
            self.unread = unread_count(session)
            self.unread_in_scope = unread_count(session, self.model.query.kind)
        self.unread_changed.emit(self.unread)

    # -- filters -------------------------------------------------------------------------------
    @property
    def query(self) -> MessageQuery:
        return self.model.query

    def _set_query(self, **changes: Any) -> None:
        query = dataclasses.replace(self.model.query, **changes)
        if query == self.model.query:
            return
        kind_changed = query.kind != self.model.query.kind
        self.model.query = query
        self.model.reload()
        self._refresh.supersede()
        if kind_changed:
            self._count_unread()  # what "Mark all read" covers
        self.count_changed.emit(self.model.total)
        if self.selected is not None and self.model.row_of(self.selected.id) < 0:
            self.select(None)  # filtered out: the pane no longer shows it

    @Slot(str)
    def set_search_text(self, text: str) -> None:
        self._set_query(text=text.strip()[:200])

    def set_kind(self, kind: str | None) -> None:
        self._set_query(kind=kind or None)

    def set_unread_only(self, unread_only: bool) -> None:
        self._set_query(unread_only=bool(unread_only))

    def clear_filters(self) -> None:
        self._set_query(text="", kind=None, unread_only=False)

    @property
    def filtered(self) -> bool:
        return self.model.query != MessageQuery()

    @property
    def count(self) -> int:
        """Messages the list shows (all that match the filters, also those not scrolled to)."""
        return self.model.total

    # -- reloads after a pull or a queued change -------------------------------------------------
    def set_shown(self, shown: bool) -> None:
        """Whether the Messages page is on screen. Hidden, a pull still updates the unread count
        (the navigation shows it) and still announces new orders; the list waits."""
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], _Reloaded]:
        list_loader = self.model.loader() if self._refresh.shown else None
        kind = self.model.query.kind
        selected = self.selected.id if self.selected is not None else None
        db = self._db

        def load() -> _Reloaded:
            listed = list_loader() if list_loader is not None else None
            with db.session() as session:
                row = messages_by_id(session, [selected]).get(selected) if selected else None
                return _Reloaded(listed, unread_count(session), unread_count(session, kind), row)

        return load

    def _reloaded(self, result: _Reloaded) -> None:
        self.unread, self.unread_in_scope = result.unread, result.unread_in_scope
        # The selection stays, read now, even when an "unread only" list no longer holds it.
        keep = self.selected is not None and result.selected is not None and self.selected.id == result.selected.id
        if keep:
            self.selected = result.selected
        if result.listed is not None:
            self.model.apply_ids(*result.listed)
            self.count_changed.emit(self.model.total)
        self.unread_changed.emit(self.unread)
        if keep:
            self.selected_changed.emit()

    # -- selection -----------------------------------------------------------------------------
    def select(self, message_id: str | None) -> None:
        self.selected = None
        if message_id is not None:
            with self._db.session() as session:
                self.selected = messages_by_id(session, [message_id]).get(message_id)
        self.selected_changed.emit()
        if self.selected is not None and not self.selected.read:
            self.mark_read(self.selected.id)

    def selected_text(self) -> tuple[str, str, str]:
        m = self.selected
        if m is None:
            return "", "", ""
        return title_of(m), local_time(m.created_at), body_of(m)

    # -- what a message is about ---------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        return self._queue is not None and permission.value in self._queue.user.permissions

    def link(self) -> tuple[str, str] | None:
        """(area id, entity id) of the order or listing the selected message is about, when this
        user may see it there."""
        m = self.selected
        if m is None:
            return None
        invoice_id = m.data.get("invoice_id") if isinstance(m.data, dict) else None
        if invoice_id and self._may(Permission.INVOICES_READ):  # issue 12; finance reads no orders
            return "invoices", str(invoice_id)
        if m.order_id and self._may(Permission.ORDERS_READ):
            return "orders", m.order_id
        if m.listing_id and self._may(Permission.LISTINGS_READ):
            return "listings", m.listing_id
        return None

    def link_text(self) -> str:
        link = self.link()
        if link is None:
            return ""
        texts = {
            "orders": QCoreApplication.translate("MessagesViewModel", "View order"),
            "listings": QCoreApplication.translate("MessagesViewModel", "View listing"),
            "invoices": QCoreApplication.translate("MessagesViewModel", "View invoice"),
        }
        return texts[link[0]]

    def open_link(self) -> None:
        link = self.link()
        if link is not None:
            self.open_requested.emit(*link)

    # -- marking read --------------------------------------------------------------------------
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

    def why_cannot_mark_all_read(self) -> str:
        """Why "Mark all read" is disabled ("" when it is enabled)."""
        if self._queue is None:
            return QCoreApplication.translate("MessagesViewModel", "Sign in to mark messages as read.")
        if self.unread_in_scope:
            return ""
        if self.model.query.kind:
            return QCoreApplication.translate("MessagesViewModel", "No unread messages of this kind.")
        return QCoreApplication.translate("MessagesViewModel", "No unread messages.")

    def mark_all_read(self) -> None:
        """Every unread message (of the chosen kind) read in ONE queued command, up to the newest
        message in the list now: one that arrives after this stays unread. Works offline; the list
        and the unread count show it at once (the queued command counts, cache/messages)."""
        if self._queue is None or self.why_cannot_mark_all_read():
            return
        with self._db.session() as session:
            command = mark_all_read_command(session, self.model.query.kind)
        if command is not None:
            self._queue.enqueue(**command)

    # -- news ------------------------------------------------------------------------------------
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
        orders = [m for m in news if m.kind == "new_order"]
        if len(orders) == 1:
            self.new_orders_arrived.emit(title_of(orders[0]), body_of(orders[0]))
        elif orders:
            count = len(orders)  # lupdate skips a call whose count is a call
            self.new_orders_arrived.emit(self.tr("%n new orders", "", count), body_of(orders[-1]))
        # The server sends these only to roles that read their entity; a user who cannot is not told.
        requests = [m for m in news if m.kind == "invoice_requested"]
        if requests and self._told(Permission.INVOICES_READ):
            count = len(requests)
            title = title_of(requests[0]) if count == 1 else self.tr("%n new invoice requests", "", count)
            self.invoice_requests_arrived.emit(title, body_of(requests[-1]))
        refunds = [m for m in news if m.kind == "refund_requested"]
        if refunds and self._told(Permission.REFUNDS_READ):
            count = len(refunds)
            title = title_of(refunds[0]) if count == 1 else self.tr("%n new refund requests", "", count)
            self.refund_requests_arrived.emit(title, body_of(refunds[-1]))
        replies = [m for m in news if m.kind == "ticket_replied"]
        if replies and self._told(Permission.TICKETS_READ):
            count = len(replies)
            title = title_of(replies[0]) if count == 1 else self.tr("%n tickets replied", "", count)
            self.ticket_replies_arrived.emit(title, body_of(replies[-1]))

    def _told(self, permission: Permission) -> bool:
        return self._queue is None or self._may(permission)


def _news(db: CacheDatabase, changes: ChangeSet, since: dt.datetime) -> list[MessageRow]:
    """On the reads thread: the change set's unread messages of the kinds announced (NEWS_KINDS)
    from ``since`` on."""
    with db.session() as session:
        return new_order_messages(session, changes.ids("message"), since, kinds=NEWS_KINDS)
