"""Vendor commands on in-app messages (站内信): marking one read, or all of them up to a moment
(API.md "Commands (push)").

Every route here is on a ``command_router``: it needs an ``Idempotency-Key`` and a retry replays
its first answer (core/idempotency.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy import ColumnElement, and_, exists, insert, or_, select

from vendor_desktop.domain.roles import Permission, may_read_entity

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.changes import record_change, record_user_changes, serialise_writers
from ..core.clock import iso
from ..core.commands import EntityId, command_errors, own
from ..core.errors import ApiError
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import require
from ..core.schemas import EntityEnvelope
from .models import DEPOSIT_KINDS, Message, MessageRead, message_subject
from .schemas import ReadAllAnswer, ReadAllRequest

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
        subject = message_subject(
            message.order_id, message.listing_id, message.invoice_id, message.refund_id, message.ticket_id,
            kind=message.kind,
        )
        if subject is not None and not may_read_entity(caller.role, subject):
            raise ApiError(404, "NOT_FOUND", "No such message.", "站内信不存在。")
        if not s.get(MessageRead, (message.id, caller.user_id)):
            s.add(MessageRead(message_id=message.id, user_id=caller.user_id, at=iso(clock_of(request).now())))
            version = entities.envelope("message", message, read=True)["version"]
            record_change(
                s, message.account_id, "message", message.id, version, audience=subject, user_id=caller.user_id
            )
        return t.answer(entities.envelope("message", message, read=True))


@router.post(
    "/messages/read-all",
    response_model=ReadAllAnswer,
    responses=command_errors(403, s422="VALIDATION_FAILED (details.fields.up_to or details.fields.kind)"),
)
def mark_all_read(
    body: ReadAllRequest,
    caller: Annotated[Caller, Depends(require(Permission.MESSAGES_READ))],
    request: Request,
) -> Response:
    """API.md `POST /messages/read-all {up_to}`: mark every unread in-app message (站内信) of the
    caller read that was created at or before `up_to` (and is of `kind`, when given), in one
    command. Any role that
    reads messages may, and only the messages it receives are marked (SPEC §11: a message about
    an order reaches only roles that read orders). Read state is the caller's own: each marked
    message reaches the caller's later pulls with `read: true` at its next version, as after
    `POST /messages/{id}/read`; other users' copies stay unread. No If-Match: marking read is
    idempotent. Answers how many were marked (0 when all already were)."""
    up_to = iso(body.up_to)
    with command_transaction(request) as t:
        s = t.session
        serialise_writers(s)  # a single read committing meanwhile would insert the same mark
        already = exists().where(MessageRead.message_id == Message.id, MessageRead.user_id == caller.user_id)
        query = select(
            Message.id,
            Message.version,
            Message.order_id,
            Message.listing_id,
            Message.invoice_id,
            Message.refund_id,
            Message.ticket_id,
            Message.kind,
        ).where(
            Message.account_id == caller.account_id,
            # One offset and to the second for every stored timestamp (clock.iso): text order is time order.
            Message.created_at <= up_to,
            ~already,
            _received_by(caller.role),
        )
        if body.kind is not None:
            query = query.where(Message.kind == body.kind)
        unread = s.execute(query.order_by(Message.created_at, Message.id)).all()
        at = iso(clock_of(request).now())
        for start in range(0, len(unread), 500):
            rows = [{"message_id": m.id, "user_id": caller.user_id, "at": at} for m in unread[start : start + 500]]
            s.connection().execute(insert(MessageRead.__table__), rows)
        # Each user's copy of a read message is one version further (entities._as_read_by).
        changes = [
            (
                m.id,
                m.version + 1,
                message_subject(m.order_id, m.listing_id, m.invoice_id, m.refund_id, m.ticket_id, m.kind),
            )
            for m in unread
        ]
        record_user_changes(s, caller.account_id, "message", changes, caller.user_id)
        return t.answer({"marked": len(unread), "up_to": up_to, "kind": body.kind})


def _received_by(role: str) -> ColumnElement[bool]:
    """The messages a role receives (``message_subject`` in SQL): each message is about the first
    of ticket, refund, invoice, order and listing it names, and reaches the roles that read that
    kind; a message about nothing reaches everyone."""
    subjects = (
        ("ticket", Message.ticket_id),
        ("refund", Message.refund_id),
        ("invoice", Message.invoice_id),
        ("order", Message.order_id),
        ("listing", Message.listing_id),
    )
    about_nothing = and_(*(column.is_(None) for _, column in subjects))
    if not may_read_entity(role, "deposit"):  # the deposit's own messages (DEPOSIT_KINDS)
        about_nothing = and_(about_nothing, Message.kind.not_in(DEPOSIT_KINDS))
    received = [about_nothing]
    for n, (kind, column) in enumerate(subjects):
        if may_read_entity(role, kind):
            received.append(and_(column.is_not(None), *(before.is_(None) for _, before in subjects[:n])))
    return or_(*received)
