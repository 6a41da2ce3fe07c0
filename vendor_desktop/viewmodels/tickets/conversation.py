"""One ticket as its detail shows it (工单, R-TKT-1): the conversation, vendor and marketplace,
oldest first, with replies still on their way at the end; the attachments with their sizes,
queued ones too; and whether it may be urged (催单) now, or when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.domain.tickets import MAX_ATTACHMENTS, can_reply, can_urge, next_urge_at
from vendor_desktop.viewmodels.core.labels import business_time, file_size
from vendor_desktop.viewmodels.tickets.table import OPEN_KIND, TicketLine, change_notice, parse_moment

URGE_TOO_SOON = "URGE_TOO_SOON"


@dataclass(frozen=True)
class Entry:
    """A message of the conversation."""

    who: str  # 您 (name) or 云市场
    at: str
    body: str
    from_marketplace: bool
    note: str = ""  # a reply on its way, or not accepted


@dataclass(frozen=True)
class AttachmentEntry:
    id: str | None  # None while it waits to be sent
    name: str
    size: str
    note: str = ""


def _at(moment: dt.datetime | None) -> str:
    return business_time(moment) if moment else ""


def conversation(line: TicketLine) -> list[Entry]:
    entries = []
    t = line.ticket
    if t is not None:
        for m in t.messages:
            market = m.author == "marketplace"
            who = QCoreApplication.translate("TicketsViewModel", "Marketplace") if market else m.author_name
            if market and m.author_name:
                who = QCoreApplication.translate("TicketsViewModel", "Marketplace (%1)").replace("%1", m.author_name)
            entries.append(Entry(who or "", _at(m.at), m.body, market))
    for c in line.commands:
        body = ""
        if c.kind == OPEN_KIND:
            body = str((c.payload or {}).get("description", ""))
        elif c.kind == "ticket.reply":
            body = str((c.payload or {}).get("body", ""))
        if body:
            entries.append(Entry(c.created_by, _at(c.created_at), body, False, change_notice(c)))
    return entries


def attachments(line: TicketLine) -> list[AttachmentEntry]:
    shown = [AttachmentEntry(a.id, a.name, file_size(a.size)) for a in (line.ticket.attachments if line.ticket else ())]
    for c in line.commands:
        if c.kind == "ticket.attach":
            s = c.summary or {}
            size = s.get("size")
            shown.append(
                AttachmentEntry(
                    None, str(s.get("name", "")), file_size(size if isinstance(size, int) else 0), change_notice(c)
                )
            )
    return shown


def attachments_left(line: TicketLine) -> int:
    """How many more files the ticket takes (R-TKT-1: 5, counting those on their way)."""
    return max(0, MAX_ATTACHMENTS - len(attachments(line)))


def _open_urge(line: TicketLine) -> Command | None:
    return next((c for c in reversed(line.commands) if c.kind == "ticket.urge"), None)


def urge_refused_until(command: Command) -> dt.datetime | None:
    """When a refused urge may be sent again (409 URGE_TOO_SOON ``details.next_allowed_at``)."""
    if command.state != CommandState.REJECTED or command.error_code != URGE_TOO_SOON:
        return None
    return parse_moment(command.error_details.get("next_allowed_at"))


def why_cannot_urge(line: TicketLine | None, now: dt.datetime) -> str:
    """Why Urge is off for this ticket, with the time it is allowed again (R-TKT-1: once per
    rolling 24 hours; a queued urge counts); empty when it may be urged now."""
    if line is None:
        return QCoreApplication.translate("TicketsViewModel", "Select a ticket.")
    t = line.ticket
    if t is None:
        return QCoreApplication.translate("TicketsViewModel", "It can be urged once the marketplace has the ticket.")
    if not can_urge(t.state):
        if can_reply(t.state):
            return QCoreApplication.translate(
                "TicketsViewModel", "The marketplace has answered: it is your turn to reply."
            )
        return QCoreApplication.translate("TicketsViewModel", "This ticket is closed.")
    queued = _open_urge(line)
    if queued is not None:
        until = urge_refused_until(queued)
        if until is not None and until > now:
            return _again_at(until)
        if queued.state != CommandState.REJECTED:
            return QCoreApplication.translate("TicketsViewModel", "Your urge is waiting to be sent.")
    allowed = t.next_urge_at or next_urge_at(t.last_urged_at)
    if allowed is not None and allowed > now:
        return _again_at(allowed)
    return ""


def _again_at(moment: dt.datetime) -> str:
    return QCoreApplication.translate(
        "TicketsViewModel", "Urged in the last 24 hours: you can urge again at %1."
    ).replace("%1", business_time(moment))
