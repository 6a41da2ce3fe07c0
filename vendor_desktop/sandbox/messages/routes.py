"""Vendor commands on in-app messages (站内信): marking one read (API.md "Commands (push)").

Every route here is on a ``command_router``: it needs an ``Idempotency-Key`` and a retry replays
its first answer (core/idempotency.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from vendor_desktop.domain.roles import Permission, may_read_entity

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.changes import record_change
from ..core.clock import iso
from ..core.commands import EntityId, command_errors, own
from ..core.errors import ApiError
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import require
from ..core.schemas import EntityEnvelope
from .models import Message, MessageRead, message_subject

router = command_router(tags=["commands"])


@router.post(
    "/messages/{message_id}/read",
    response_model=EntityEnvelope,
    responses=command_errors(403, 404),
)
def mark_read(
    message_id: EntityId,
    caller: Annotated[Caller, Depends(require(Permission.MESSAGES_READ))],
    request: Request,
) -> Response:
    """Extension (not in API.md's table): mark an in-app message (站内信) read. Any role that
    reads messages may. No If-Match: marking read is idempotent, so a stale client cannot undo
    anything. Read state is the caller's own (SPEC §11): the answer, and the caller's later pulls,
    carry `read: true` at the next version; other users' copies stay unread. A message about
    something the caller's role does not read is 404, as if it did not exist."""
    with command_transaction(request) as t:
        s = t.session
        message = own(s, Message, message_id, caller.account_id, ("message", "站内信"))
        subject = message_subject(message.order_id, message.listing_id)
        if subject is not None and not may_read_entity(caller.role, subject):
            raise ApiError(404, "NOT_FOUND", "No such message.", "站内信不存在。")
        if not s.get(MessageRead, (message.id, caller.user_id)):
            s.add(MessageRead(message_id=message.id, user_id=caller.user_id, at=iso(clock_of(request).now())))
            version = entities.envelope("message", message, read=True)["version"]
            record_change(
                s, message.account_id, "message", message.id, version, audience=subject, user_id=caller.user_id
            )
        return t.answer(entities.envelope("message", message, read=True))
