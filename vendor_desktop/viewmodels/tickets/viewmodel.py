"""Tickets (工单), R-TKT-1: open one, read the conversation, reply, attach, urge, cancel.

Everything the vendor does is a command in the durable outbox. A ticket opened here is a row at
the top of the list until the marketplace names it; what is queued on it after (a reply, an
attachment) moves along with it (cache.outbox_results carries it forward). An attachment is
copied beside the cache the moment it is chosen (cache.outbox_files), so it survives a moved
original, a crash or a restart; reading and copying files runs on the writes runner, never on
the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core import outbox, outbox_files
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.cache.tickets.queries import listings_for_choice, orders_for_choice
from vendor_desktop.domain.roles import Permission
from vendor_desktop.domain.tickets import (
    DESCRIPTION_LENGTH,
    MAX_ATTACHMENTS,
    REPLY_LENGTH,
    SUBJECT_LENGTH,
    TicketType,
    can_cancel,
    can_reply,
)
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import business_time, ticket_type_label
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.tickets import conversation as talk
from vendor_desktop.viewmodels.tickets import files
from vendor_desktop.viewmodels.tickets.files import FileCheck
from vendor_desktop.viewmodels.tickets.table import (
    ABOUT,
    OPEN_KIND,
    TYPE,
    TicketLine,
    TicketsTableModel,
    change_notice,
    state_choices,
)

__all__ = ["FileCheck", "TicketForm", "TicketsViewModel", "state_choices", "type_choices"]

# GET a file the API serves: (bytes, media type, filename). ``MarketplaceClient.download``.
FetchFile = Callable[[str], tuple[bytes, str, str]]


def type_choices() -> list[tuple[str, str]]:
    return [(t.value, ticket_type_label(t.value)) for t in TicketType]


@dataclass(frozen=True)
class TicketForm:
    type: str
    subject: str
    description: str
    listing_id: str | None = None
    order_id: str | None = None
    files: tuple[str, ...] = field(default=())


class TicketsViewModel(QObject):
    selected_changed = Signal()
    count_changed = Signal(int)
    problems_changed = Signal(dict)  # field → message, for the open dialog and the reply box
    queued = Signal(object)  # ChangeSet, once the change is on disk (a dialog closes)
    save_failed = Signal(str)  # nothing was queued: why, in the user's language
    files_checked = Signal(list)  # [FileCheck] for the files the open dialog lists
    file_ready = Signal(str)  # a downloaded attachment's path, to open
    file_failed = Signal(str)

    def __init__(
        self,
        queue: CommandQueue,
        reads: BackgroundRunner,
        writes: BackgroundRunner,
        runner: BackgroundRunner,
        *,
        fetch_file: FetchFile | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._db: CacheDatabase = queue.db
        self._user = queue.user
        self._reads, self._writes, self._runner = reads, writes, runner
        self._fetch_file = fetch_file
        self.clock = clock
        self.model = TicketsTableModel(self._db, self)
        self.selected: TicketLine | None = None
        self._refresh: Refresher[tuple[Sequence[str], dict[str, TicketLine]]] = Refresher(
            reads, self.model.loader, self._reloaded
        )
        self.model.reload()

    # -- who may --------------------------------------------------------------------------------
    @property
    def can_write(self) -> bool:
        return Permission.TICKETS_WRITE.value in self._user.permissions

    def why_read_only(self) -> str:
        if self.can_write:
            return ""
        return QCoreApplication.translate("TicketsViewModel", "Your role can read tickets but not open or answer them.")

    # -- the list -----------------------------------------------------------------------------
    def set_search_text(self, text: str) -> None:
        self.model.text = text.strip()[:100]
        self._filtered()

    def set_states(self, states: Sequence[str]) -> None:
        self.model.states = tuple(states)
        self._filtered()

    def _filtered(self) -> None:
        self.model.reload()
        self._refresh.supersede()
        self._reselect()
        self.count_changed.emit(self.model.total)

    @property
    def count(self) -> int:
        return self.model.total

    def empty_text(self) -> str:
        if self.model.filtered:
            return QCoreApplication.translate(
                "TicketsViewModel", "No tickets match the search or state. Clear them to see every ticket."
            )
        return QCoreApplication.translate(
            "TicketsViewModel",
            "No tickets yet. When you need the marketplace's help with a listing, an order or your account, use “Open a ticket…”.",
        )

    def select(self, row: int) -> None:
        self.selected = self.model.row_at(row) if row >= 0 else None
        self.selected_changed.emit()

    def _reselect(self) -> None:
        """After a reload: the same ticket stays selected, now as the cache has it (a ticket opened
        here is followed to the id the marketplace gave it)."""
        if self.selected is None:
            return
        row = self.model.row_of(self.selected.id)
        if row < 0 and self.selected.ticket is None:
            row = self._row_of_created(self.selected)
        self.select(row)

    def _row_of_created(self, line: TicketLine) -> int:
        opening = line.opening
        if opening is None:
            return -1
        with self._db.session() as session:
            done = outbox.get_command(session, opening.id)
        return self.model.row_of(done.entity_id) if done is not None else -1

    # -- the selected ticket ----------------------------------------------------------------------
    def conversation(self) -> list[talk.Entry]:
        return talk.conversation(self.selected) if self.selected else []

    def attachments(self) -> list[talk.AttachmentEntry]:
        return talk.attachments(self.selected) if self.selected else []

    def facts(self) -> str:
        """What the ticket is about and who opened it when: 订单 · 订单 2026… · 由 张三 于 … 提交."""
        line = self.selected
        if line is None:
            return ""
        cells = line.cells()
        parts = [cells[ABOUT] or cells[TYPE]]  # 订单 2026…, not 订单 · 订单 2026…
        t = line.ticket
        if t is not None and t.created_at is not None:
            parts.append(
                QCoreApplication.translate("TicketsViewModel", "opened by %1 at %2")
                .replace("%1", t.created_by)
                .replace("%2", business_time(t.created_at))
            )
        return " · ".join(p for p in parts if p)

    def refused_change(self) -> Command | None:
        """The ticket's change the marketplace did not accept: it holds the later ones until let go."""
        return self.selected.problem if self.selected is not None else None

    def discard_refused(self) -> None:
        refused = self.refused_change()
        if refused is not None:
            self._queue.discard(refused.id)  # its kept copy goes too (an attachment)

    def change_text(self) -> str:
        """The ticket's open change in a sentence: the marketplace's reason first when it refused one
        (an urge too soon says when it is allowed again, R-TKT-1)."""
        line = self.selected
        if line is None or not line.commands:
            return ""
        command = line.problem or line.commands[-1]
        text = change_notice(command)
        until = talk.urge_refused_until(command)
        if until is not None:
            text += " " + QCoreApplication.translate("TicketsViewModel", "You can urge again at %1.").replace(
                "%1", business_time(until)
            )
        return text

    def why_cannot_urge(self) -> str:
        why = self.why_read_only() or talk.why_cannot_urge(self.selected, self.clock())
        return why

    def why_cannot_reply(self) -> str:
        if not self.can_write:
            return self.why_read_only()
        line = self.selected
        if line is None:
            return QCoreApplication.translate("TicketsViewModel", "Select a ticket.")
        if line.ticket is not None and not can_reply(line.ticket.state):
            return QCoreApplication.translate("TicketsViewModel", "This ticket is closed.")
        return ""

    def why_cannot_attach(self) -> str:
        why = self.why_cannot_reply()
        if not why and self.selected is not None and talk.attachments_left(self.selected) == 0:
            return files.too_many(0)
        return why

    def why_cannot_cancel(self) -> str:
        why = self.why_cannot_reply()
        if why:
            return why
        line = self.selected
        assert line is not None
        if line.ticket is None:
            return QCoreApplication.translate(
                "TicketsViewModel",
                "The marketplace does not have this ticket yet. To take it back, discard it in Pending changes.",
            )
        if any(c.kind == "ticket.cancel" for c in line.commands):
            return QCoreApplication.translate("TicketsViewModel", "Cancelling it is already waiting to send.")
        return (
            ""
            if can_cancel(line.ticket.state)
            else QCoreApplication.translate("TicketsViewModel", "This ticket is closed.")
        )

    # -- choices for the open dialog ----------------------------------------------------------------
    def listings(self) -> list[tuple[str, str]]:
        with self._db.session() as session:
            return listings_for_choice(session)

    def orders(self) -> list[tuple[str, str]]:
        """(id, text) of the latest orders: 订单号 · 商品."""
        with self._db.session() as session:
            return [(i, f"{number} · {name}" if name else number) for i, number, name in orders_for_choice(session)]

    def check_files(self, paths: Sequence[str]) -> None:
        """Size and type of each chosen file, read off the GUI thread; ``files_checked`` answers."""
        chosen = list(paths)

        self._reads.submit(lambda: files.check_files(chosen), on_done=self.files_checked.emit)

    # -- open a ticket ---------------------------------------------------------------------------
    def check(self, form: TicketForm) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not self.can_write:
            problems["form"] = self.why_read_only()
        subject = form.subject.strip()
        if not SUBJECT_LENGTH[0] <= len(subject) <= SUBJECT_LENGTH[1] or "\n" in subject:
            problems["subject"] = QCoreApplication.translate(
                "TicketsViewModel", "Say in one line what it is about (at most %1 characters)."
            ).replace("%1", str(SUBJECT_LENGTH[1]))
        if not DESCRIPTION_LENGTH[0] <= len(form.description.strip()) <= DESCRIPTION_LENGTH[1]:
            problems["description"] = QCoreApplication.translate(
                "TicketsViewModel", "Describe the problem (at most %1 characters)."
            ).replace("%1", str(DESCRIPTION_LENGTH[1]))
        if form.type == TicketType.ORDER and not form.order_id:
            problems["about"] = QCoreApplication.translate("TicketsViewModel", "Choose the order it is about.")
        if form.type == TicketType.LISTING and not form.listing_id:
            problems["about"] = QCoreApplication.translate("TicketsViewModel", "Choose the listing it is about.")
        if len(form.files) > MAX_ATTACHMENTS:
            problems["files"] = files.too_many(MAX_ATTACHMENTS)
        self.problems_changed.emit(problems)
        return problems

    def open_ticket(self, form: TicketForm) -> bool:
        """Queue the ticket (and its attachments, copied first): ``queued`` or ``save_failed`` follows."""
        if self.check(form):
            return False
        ticket_id = f"local-{uuid.uuid4()}"
        subject = form.subject.strip()
        payload: dict[str, object] = {"type": form.type, "subject": subject, "description": form.description.strip()}
        summary: dict[str, object] = {"type": form.type, "subject": subject}
        if form.type == TicketType.ORDER and form.order_id:
            payload["order_id"] = form.order_id
            summary["order_number"] = dict(self.orders()).get(form.order_id, form.order_id).split(" · ")[0]
        if form.type == TicketType.LISTING and form.listing_id:
            payload["listing_id"] = form.listing_id
            summary["listing_name"] = dict(self.listings()).get(form.listing_id, form.listing_id)
        opening = {
            "kind": OPEN_KIND, "entity": "ticket", "entity_id": ticket_id, "base_version": None,
            "method": "POST", "path": "/tickets", "payload": payload, "summary": summary,
        }  # fmt: skip
        self._store_then_queue(ticket_id, None, subject, form.files, first=opening)
        return True

    # -- act on the selected ticket -------------------------------------------------------------------
    def _target(self) -> tuple[str, int | None, str]:
        line = self.selected
        assert line is not None
        version = line.ticket.version if line.ticket is not None else None  # a local one: carried forward
        return line.id, version, line.subject

    def reply(self, body: str) -> bool:
        why = self.why_cannot_reply()
        text = body.strip()
        if not why and not REPLY_LENGTH[0] <= len(text) <= REPLY_LENGTH[1]:
            why = QCoreApplication.translate("TicketsViewModel", "Write your reply (at most %1 characters).").replace(
                "%1", str(REPLY_LENGTH[1])
            )
        self.problems_changed.emit({"body": why} if why else {})
        if why:
            return False
        ticket_id, version, subject = self._target()
        self._queue.enqueue(
            self.queued.emit, self.save_failed.emit,
            kind="ticket.reply", entity="ticket", entity_id=ticket_id, base_version=version, method="POST",
            path=f"/tickets/{ticket_id}/messages", payload={"body": text}, summary={"subject": subject},
        )  # fmt: skip
        return True

    def attach(self, paths: Sequence[str]) -> bool:
        why = self.why_cannot_attach()
        if not why and self.selected is not None and len(paths) > talk.attachments_left(self.selected):
            why = files.too_many(talk.attachments_left(self.selected))
        if why:
            self.save_failed.emit(why)
            return False
        if not paths:
            return False
        ticket_id, version, subject = self._target()
        self._store_then_queue(ticket_id, version, subject, tuple(paths))
        return True

    def urge(self) -> bool:
        """R-TKT-1: at most once per rolling 24 hours; a refusal (URGE_TOO_SOON) is never retried by itself."""
        if self.why_cannot_urge():
            return False
        ticket_id, version, subject = self._target()
        self._queue.enqueue(
            self.queued.emit, self.save_failed.emit,
            kind="ticket.urge", entity="ticket", entity_id=ticket_id, base_version=version, method="POST",
            path=f"/tickets/{ticket_id}/urge", payload=None, summary={"subject": subject},
        )  # fmt: skip
        return True

    def cancel(self) -> bool:
        if self.why_cannot_cancel():
            return False
        ticket_id, version, subject = self._target()
        self._queue.enqueue(
            self.queued.emit, self.save_failed.emit,
            kind="ticket.cancel", entity="ticket", entity_id=ticket_id, base_version=version, method="POST",
            path=f"/tickets/{ticket_id}/cancel", payload=None, summary={"subject": subject},
        )  # fmt: skip
        return True

    def _store_then_queue(
        self, ticket_id: str, version: int | None, subject: str, chosen: Sequence[str], *, first: dict | None = None
    ) -> None:
        """Copy the files beside the cache (writes runner), then queue ``first`` and one attach per
        file in one transaction: all of it or none."""
        folder = outbox_files.folder_for(self._db.path)
        paths = [Path(p) for p in chosen]

        def queue(stored: list[outbox_files.StoredFile]) -> None:
            commands = [first] if first else []
            commands += files.attach_commands(ticket_id, version, subject, stored)

            def failed(message: str) -> None:
                outbox_files.remove(folder, [s.stored for s in stored])  # nothing names them
                self.save_failed.emit(message)

            self._queue.enqueue_many(commands, lambda _ids: self._queued(ticket_id), failed)

        def not_copied(error: BaseException) -> None:
            self.save_failed.emit(files.copy_failure_text(error))

        self._writes.submit(lambda: files.copy_files(folder, paths), on_done=queue, on_error=not_copied)

    def _queued(self, ticket_id: str) -> None:
        changes = ChangeSet()
        changes.add("ticket", ticket_id)
        self.queued.emit(changes)

    # -- attachments: open or save a copy -------------------------------------------------------------
    def open_attachment(self, attachment_id: str, name: str, target: str | None = None) -> None:
        """Download the attachment off the GUI thread, into a temporary folder (to open) or to
        ``target`` (save as); ``file_ready(path)`` or ``file_failed(why)`` answers."""
        line = self.selected
        if line is None or line.ticket is None or self._fetch_file is None:
            self.file_failed.emit(
                QCoreApplication.translate("TicketsViewModel", "This file is not at the marketplace yet.")
            )
            return
        fetch, ticket_id = self._fetch_file, line.ticket.id

        def failed(error: BaseException) -> None:
            self.file_failed.emit(
                QCoreApplication.translate("TicketsViewModel", "Could not get the file: %1").replace("%1", str(error))
            )

        self._runner.submit(
            lambda: files.download(fetch, ticket_id, attachment_id, name, target),
            on_done=self.file_ready.emit,
            on_error=failed,
        )

    # -- refreshing -----------------------------------------------------------------------------
    def on_data_changed(self, changes: ChangeSet) -> None:
        if {"ticket", "command"} & set(changes.entities()):
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _reloaded(self, loaded: tuple[Sequence[str], dict[str, TicketLine]]) -> None:
        self.model.apply_ids(*loaded)
        self._reselect()
        self.count_changed.emit(self.model.total)
