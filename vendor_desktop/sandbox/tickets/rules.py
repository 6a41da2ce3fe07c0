"""The ticket rules the sandbox enforces (R-TKT-1, domain/tickets.py): opening a ticket, the
conversation, attachments, urging once per rolling 24 hours, cancelling; and the marketplace
staff's reply and close (sandbox controls).

Checks come in API.md's order (core/preconditions.py): the body (422, every bad field named; an
attachment's 413/415), the ticket's state (409 TICKET_STATE, URGE_TOO_SOON, ATTACHMENT_LIMIT, even
with a stale version), then the version (412). Every change bumps the version, moves
``updated_at`` and logs the change.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from vendor_desktop.domain.tickets import (
    ACTIVE,
    DESCRIPTION_LENGTH,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    REPLY_LENGTH,
    STATE_NAMES,
    SUBJECT_LENGTH,
    TicketState,
    TicketType,
    attachment_type,
    can_cancel,
    can_reply,
    can_urge,
    next_urge_at,
    urge_allowed,
)

from ..core.changes import record_change
from ..core.clock import iso
from ..core.errors import ApiError
from ..core.preconditions import check_version
from ..core.schemas import bounded_text_problem
from ..listings.models import Listing
from ..messages.models import Message
from ..orders.models import Order
from .errors import ATTACHMENT_LIMIT, ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE, TICKET_STATE, URGE_TOO_SOON
from .models import Ticket, TicketAttachment
from .notices import CLOSED, REPLIED, vendor_message_row

VENDOR, MARKETPLACE = "vendor", "marketplace"  # who wrote a message
#: The name the marketplace's staff sign their replies with.
MARKETPLACE_STAFF = "云市场客服"
FILENAME_MAX = 200
_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "application/pdf": ".pdf"}
_SAME_TYPE = {".jpeg": "image/jpeg", ".jpe": "image/jpeg"}


# --- fields --------------------------------------------------------------------------------


def _refuse(problems: dict[str, str]) -> None:
    if problems:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": problems})


def _message(author: str, author_name: str, body: str, at: str) -> dict[str, Any]:
    """One entry of ``messages`` (domain/synced.py ``ticket``)."""
    return {"id": uuid.uuid4().hex, "at": at, "author": author, "author_name": author_name, "body": body.strip()}


def _state_conflict(ticket: Ticket, doing_en: str, doing_zh: str) -> ApiError:
    en, zh = STATE_NAMES[ticket.state]
    return ApiError(
        409,
        TICKET_STATE,
        f"A ticket in state “{en}” cannot be {doing_en}.",
        f"工单状态为「{zh}」，不能{doing_zh}。",
        details={"state": ticket.state},
    )


def _changed(s: Session, ticket: Ticket, at: str) -> Ticket:
    ticket.updated_at = at
    ticket.version += 1
    record_change(s, ticket.account_id, "ticket", ticket.id, ticket.version)
    return ticket


# --- the vendor's commands ----------------------------------------------------------------


def open_ticket(
    s: Session,
    account_id: str,
    kind: TicketType,
    subject: str,
    description: str,
    listing_id: str | None,
    order_id: str | None,
    actor: str,
    now: dt.datetime,
) -> Ticket:
    """R-TKT-1 提交工单: a new open ticket whose first message is the description. The listing or
    order it is about must be the vendor's own (else 422 naming the field)."""
    problems = {
        name: problem
        for name, problem in (
            ("subject", bounded_text_problem(subject, SUBJECT_LENGTH, multiline=False)),
            ("description", bounded_text_problem(description, DESCRIPTION_LENGTH, multiline=True)),
        )
        if problem is not None
    }
    if listing_id is not None:
        listing = s.get(Listing, listing_id)
        if listing is None or listing.account_id != account_id:
            problems["listing_id"] = "no such listing"
    order = None
    if order_id is not None:
        order = s.get(Order, order_id)
        if order is None or order.account_id != account_id:
            problems["order_id"] = "no such order"
    _refuse(problems)
    at = iso(now)
    ticket = Ticket(
        id=uuid.uuid4().hex,
        account_id=account_id,
        type=kind.value,
        subject=subject.strip(),
        state=TicketState.OPEN.value,
        listing_id=listing_id,
        order_id=order_id,
        order_number=order.number if order is not None else None,
        messages=[_message(VENDOR, actor, description, at)],
        attachments=[],
        created_at=at,
        created_by=actor,
        updated_at=at,
        last_urged_at=None,
        closed_at=None,
        version=1,
    )
    s.add(ticket)
    record_change(s, account_id, "ticket", ticket.id, ticket.version)
    return ticket


def reply(s: Session, ticket: Ticket, body: str, expected: int, actor: str, now: dt.datetime) -> Ticket:
    """回复: the vendor's message; the ticket goes back to the marketplace (open)."""
    _refuse({"body": p} if (p := bounded_text_problem(body, REPLY_LENGTH, multiline=True)) else {})
    if not can_reply(ticket.state):
        raise _state_conflict(ticket, "replied to", "回复")
    check_version("ticket", ticket, expected)
    at = iso(now)
    ticket.messages = [*ticket.messages, _message(VENDOR, actor, body, at)]
    ticket.state = TicketState.OPEN.value
    return _changed(s, ticket, at)


@dataclass(frozen=True)
class Upload:
    """What the multipart body held: the one ``file`` part's name and its first bytes (at most
    MAX_ATTACHMENT_BYTES + 1, enough to know it is too large), or what was wrong with the body."""

    filename: str | None = None
    content: bytes = b""
    problem: str | None = None  # a 422 for the ``file`` field: missing, twice, not a file


def clean_filename(raw: str | None, media_type: str) -> str:
    """A file name safe to store and to offer back: no folders, no control or invisible
    characters, at most 200 characters, and the extension of what the bytes are (a PNG named
    ``scan.pdf`` is stored as ``scan.png``: the name must not promise another type)."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        c for c in name if unicodedata.category(c) not in {"Cc", "Cf", "Cs"} and not (0x7F <= ord(c) <= 0x9F)
    ).strip()
    stem, extension = os.path.splitext(name)
    extension = extension.lower()
    if _EXTENSIONS.get(media_type) != extension and _SAME_TYPE.get(extension) != media_type:
        stem, extension = (name if not extension else stem), _EXTENSIONS[media_type]
    stem = stem.strip(" .") or "attachment"
    return stem[: FILENAME_MAX - len(extension)] + extension


def attach(s: Session, ticket: Ticket, upload: Upload, expected: int, actor: str, now: dt.datetime) -> Ticket:
    """附件: a PNG, JPEG or PDF (by its bytes) of at most 5 MB; at most 5 per ticket."""
    if upload.problem is not None:
        _refuse({"file": upload.problem})
    if len(upload.content) > MAX_ATTACHMENT_BYTES:
        raise ApiError(413, ATTACHMENT_TOO_LARGE, details={"max_bytes": MAX_ATTACHMENT_BYTES})
    media_type = attachment_media_type(upload.content)
    if not can_reply(ticket.state):
        raise _state_conflict(ticket, "given attachments", "添加附件")
    if len(ticket.attachments) >= MAX_ATTACHMENTS:
        raise ApiError(409, ATTACHMENT_LIMIT, details={"max": MAX_ATTACHMENTS})
    check_version("ticket", ticket, expected)
    at = iso(now)
    attachment_id = uuid.uuid4().hex
    s.add(TicketAttachment(id=attachment_id, ticket_id=ticket.id, media_type=media_type, content=upload.content))
    described = {
        "id": attachment_id,
        "name": clean_filename(upload.filename, media_type),
        "media_type": media_type,
        "size": len(upload.content),
        "at": at,
        "uploaded_by": actor,
    }
    ticket.attachments = [*ticket.attachments, described]
    return _changed(s, ticket, at)


def attachment_media_type(content: bytes) -> str:
    """The type the bytes are (domain.tickets.attachment_type); 415 ATTACHMENT_TYPE otherwise."""
    media_type = attachment_type(content[:16])
    if media_type is None:
        raise ApiError(415, ATTACHMENT_TYPE, details={"allowed": sorted(_EXTENSIONS)})
    return media_type


def urge(s: Session, ticket: Ticket, expected: int, now: dt.datetime) -> Ticket:
    """催单 (R-TKT-1): only while the ticket is with the marketplace, once per rolling 24 hours."""
    if not can_urge(ticket.state):
        raise _state_conflict(ticket, "urged (only an open ticket can be)", "催单（仅处理中的工单可催单）")
    last = dt.datetime.fromisoformat(ticket.last_urged_at) if ticket.last_urged_at else None
    if not urge_allowed(last, now):
        allowed = next_urge_at(last)
        assert allowed is not None
        raise ApiError(409, URGE_TOO_SOON, details={"next_allowed_at": iso(allowed)})
    check_version("ticket", ticket, expected)
    at = iso(now)
    ticket.last_urged_at = at
    return _changed(s, ticket, at)


def cancel(s: Session, ticket: Ticket, expected: int, now: dt.datetime) -> Ticket:
    """撤销: the vendor withdraws an open or replied ticket."""
    if not can_cancel(ticket.state):
        raise _state_conflict(ticket, "cancelled", "撤销")
    check_version("ticket", ticket, expected)
    at = iso(now)
    ticket.state, ticket.closed_at = TicketState.CANCELLED.value, at
    return _changed(s, ticket, at)


# --- the marketplace's staff (sandbox controls) ---------------------------------------------


def marketplace_reply(s: Session, ticket: Ticket, body: str, now: dt.datetime) -> Ticket:
    """The marketplace answers: the vendor's turn (replied, 待您回复)."""
    _refuse({"body": p} if (p := bounded_text_problem(body, REPLY_LENGTH, multiline=True)) else {})
    if ticket.state not in ACTIVE:
        raise _state_conflict(ticket, "replied to", "回复")
    at = iso(now)
    ticket.messages = [*ticket.messages, _message(MARKETPLACE, MARKETPLACE_STAFF, body, at)]
    ticket.state = TicketState.REPLIED.value
    _tell_vendor(s, REPLIED, ticket, at)
    return _changed(s, ticket, at)


def close(s: Session, ticket: Ticket, now: dt.datetime) -> Ticket:
    """The marketplace closes the ticket (已完成)."""
    if ticket.state not in ACTIVE:
        raise _state_conflict(ticket, "closed", "关闭")
    at = iso(now)
    ticket.state, ticket.closed_at = TicketState.CLOSED.value, at
    _tell_vendor(s, CLOSED, ticket, at)
    return _changed(s, ticket, at)


def _tell_vendor(s: Session, kind: str, ticket: Ticket, at: str) -> None:
    """站内信 about the ticket: it reaches the roles that read tickets, every one but viewer (SPEC §11)."""
    columns = {c.name: getattr(ticket, c.name) for c in Ticket.__table__.columns}
    message = Message(**vendor_message_row(kind, columns, uuid.uuid4().hex, at))
    s.add(message)
    record_change(s, ticket.account_id, "message", message.id, 1, audience="ticket")
