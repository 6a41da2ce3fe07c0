"""The Tickets list (工单, R-TKT-1): synced tickets, latest activity first, and tickets opened on
this computer that the marketplace has not taken yet, at the top. Each state is a coloured tag
(GLOSSARY): 待您回复 is the vendor's move; an open change shows as a second tag."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.tickets.queries import TicketRow, ticket_count, ticket_ids, tickets_by_id
from vendor_desktop.domain.tickets import TicketState
from vendor_desktop.viewmodels.core.labels import (
    CHANGE_ROLE,
    business_time,
    server_message,
    ticket_state_label,
    ticket_type_label,
)
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel, head_then_rest
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone, tone

OPEN_KIND = "ticket.open"
SUBJECT, TYPE, ABOUT, STATE, UPDATED = range(5)


def parse_moment(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def state_choices() -> list[tuple[str, str]]:
    """(id, name) of the ticket states, for the filter (GLOSSARY order)."""
    return [(s.value, ticket_state_label(s.value)) for s in TicketState]


def about_text(order_number: str | None, listing_name: str | None) -> str:
    """What a ticket is about: 订单 2026… or the listing's name; empty for neither."""
    if order_number:
        return QCoreApplication.translate("TicketsViewModel", "Order %1").replace("%1", order_number)
    return listing_name or ""


def change_notice(command: Command) -> str:
    """An open change in a sentence: the marketplace's reason when it did not accept it."""
    if command.state == CommandState.REJECTED:
        reason = server_message(command.error_message or "", command.error_message_zh or "") or command.error_code or ""
        return QCoreApplication.translate("TicketsViewModel", "The marketplace did not accept this change: %1").replace(
            "%1", reason
        )
    if command.state == CommandState.HELD:
        return QCoreApplication.translate(
            "TicketsViewModel", "Waits for an earlier change of this ticket that the marketplace did not accept."
        )
    return QCoreApplication.translate("TicketsViewModel", "Waiting to be sent to the marketplace.")


def change_tag(command: Command) -> tuple[str, Tone]:
    if command.state == CommandState.REJECTED:
        return QCoreApplication.translate("TicketsViewModel", "Not accepted"), tone("change", command.state)
    if command.state == CommandState.HELD:
        return QCoreApplication.translate("TicketsViewModel", "Waiting for an earlier change"), tone("change", "held")
    return QCoreApplication.translate("TicketsViewModel", "Waiting to send"), tone("change", "pending")


@dataclass(frozen=True)
class TicketLine:
    """A row of the list: a synced ticket, or one opened here and not yet taken (``ticket`` None),
    with the open changes of that ticket, oldest first."""

    id: str
    ticket: TicketRow | None
    commands: tuple[Command, ...]

    @property
    def opening(self) -> Command | None:
        return next((c for c in self.commands if c.kind == OPEN_KIND), None)

    @property
    def subject(self) -> str:
        if self.ticket is not None:
            return self.ticket.subject
        return str((self.opening.summary if self.opening else {}).get("subject", ""))

    @property
    def state(self) -> str | None:
        return self.ticket.state if self.ticket is not None else None

    @property
    def problem(self) -> Command | None:
        """The first change the marketplace did not accept (the one the user must decide on)."""
        return next((c for c in self.commands if c.state == CommandState.REJECTED), None)

    def tags(self) -> list[tuple[str, Tone]]:
        tags = []
        if self.ticket is not None:
            tags.append((ticket_state_label(self.ticket.state), tone("ticket", self.ticket.state)))
        if self.commands:
            tags.append(change_tag(self.problem or self.commands[-1]))
        return tags

    def cells(self) -> list[str]:
        state = " · ".join(text for text, _ in self.tags())
        t = self.ticket
        if t is not None:
            updated = t.updated_at or t.created_at
            return [
                t.subject,
                ticket_type_label(t.type),
                about_text(t.order_number, t.listing_name),
                state,
                business_time(updated) if updated else "",
            ]
        s = self.opening.summary if self.opening else {}
        created = self.opening.created_at if self.opening else None
        return [
            str(s.get("subject", "")),
            ticket_type_label(str(s.get("type", "other"))),
            about_text(s.get("order_number"), s.get("listing_name")),
            state,
            business_time(created) if created else "",
        ]

    @property
    def change_state(self) -> str | None:
        if not self.commands:
            return None
        return "rejected" if self.problem is not None else "pending"


def _opening_matches(command: Command, text: str, states: Sequence[str]) -> bool:
    """A ticket opened here is shown under "all states" and "open" (it will be, once taken)."""
    if states and TicketState.OPEN.value not in states:
        return False
    return not text or text.casefold() in str((command.summary or {}).get("subject", "")).casefold()


class TicketsTableModel(PagedTableModel[TicketLine]):
    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.text = ""
        self.states: tuple[str, ...] = ()
        super().__init__(None, self._lines, parent)

    @property
    def filtered(self) -> bool:
        return bool(self.text or self.states)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        text, states, db = self.text, self.states, self._db  # the search and filter as they are now

        def load() -> Sequence[str]:
            with db.session() as session:
                opened = [
                    c for c in outbox.open_commands_of_kind(session, OPEN_KIND) if _opening_matches(c, text, states)
                ]
            local = [c.entity_id for c in reversed(opened)]
            synced = head_then_rest(
                db,
                lambda s, limit: ticket_ids(s, text=text, states=states, limit=limit),
                lambda s: ticket_count(s, text=text, states=states),
            )
            return [*local, *synced] if local else synced  # a ticket opened here is rare: few rows

        return load

    def _lines(self, ids: Sequence[str]) -> dict[str, TicketLine]:
        with self._db.session() as session:
            tickets = tickets_by_id(session, ids)
            commands = outbox.open_commands_for(session, "ticket", list(ids))
        return {
            i: TicketLine(i, tickets.get(i), tuple(commands.get(i, ())))
            for i in ids
            if i in tickets or any(c.kind == OPEN_KIND for c in commands.get(i, ()))
        }

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("TicketsViewModel", "Subject"),
            QCoreApplication.translate("TicketsViewModel", "Type"),
            QCoreApplication.translate("TicketsViewModel", "About"),
            QCoreApplication.translate("TicketsViewModel", "State"),
            QCoreApplication.translate("TicketsViewModel", "Last activity"),
        ]

    def display(self, row: TicketLine, column: int) -> Any:
        return row.cells()[column]

    def cells(self, row: TicketLine) -> list[Any]:
        return row.cells()

    def row_data(self, row: TicketLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == STATE and row.commands:
            return f"{self.display(row, column)}\n{change_notice(row.problem or row.commands[-1])}"
        if role == CHANGE_ROLE:
            return row.change_state
        if role == TAGS_ROLE and column == STATE:
            return row.tags()
        return None
