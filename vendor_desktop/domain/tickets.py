"""Tickets (工单), R-TKT-1: types, states, the urge limit and the attachments' limits. Shared by the
sandbox, which enforces them, and the app, which checks before anything is queued.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

#: R-TKT-1: at most one urge (催单) per rolling 24 hours per ticket.
URGE_INTERVAL = dt.timedelta(hours=24)
#: API.md: up to 5 attachments per ticket, each ≤ 5 MB, PNG, JPEG or PDF.
MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
SUBJECT_LENGTH = (1, 100)
DESCRIPTION_LENGTH = (1, 5_000)
REPLY_LENGTH = (1, 5_000)


class TicketType(StrEnum):
    LISTING = "listing"
    ORDER = "order"
    ACCOUNT = "account"
    FINANCE = "finance"
    OTHER = "other"


class TicketState(StrEnum):
    OPEN = "open"  # 处理中: with the marketplace
    REPLIED = "replied"  # 待您回复: the marketplace answered, the vendor's turn
    CLOSED = "closed"  # 已完成
    CANCELLED = "cancelled"  # 已撤销: the vendor withdrew it


STATE_NAMES: dict[str, tuple[str, str]] = {
    TicketState.OPEN: ("Open", "处理中"),
    TicketState.REPLIED: ("Awaiting you", "待您回复"),
    TicketState.CLOSED: ("Closed", "已完成"),
    TicketState.CANCELLED: ("Cancelled", "已撤销"),
}

#: A ticket the vendor can still reply to, urge or cancel.
ACTIVE = frozenset({TicketState.OPEN, TicketState.REPLIED})


def can_reply(state: TicketState | str) -> bool:
    return TicketState(state) in ACTIVE


def can_cancel(state: TicketState | str) -> bool:
    return TicketState(state) in ACTIVE


def can_urge(state: TicketState | str) -> bool:
    """Urging asks the marketplace to hurry: only while the ticket is with it."""
    return TicketState(state) is TicketState.OPEN


def next_urge_at(last_urged_at: dt.datetime | None) -> dt.datetime | None:
    """R-TKT-1: when the ticket may be urged again (None: now)."""
    return None if last_urged_at is None else last_urged_at + URGE_INTERVAL


def urge_allowed(last_urged_at: dt.datetime | None, now: dt.datetime) -> bool:
    allowed = next_urge_at(last_urged_at)
    return allowed is None or now >= allowed


# File signatures: the type is what the bytes are, not what the name says.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"%PDF-", "application/pdf"),
)


def attachment_type(head: bytes) -> str | None:
    """The media type of a file from its first bytes: PNG, JPEG or PDF; None for anything else
    (415 ``ATTACHMENT_TYPE``)."""
    return next((media for magic, media in _SIGNATURES if head.startswith(magic)), None)
