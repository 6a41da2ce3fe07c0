"""Vendor commands on orders and messages (API.md "Commands (push)").

Every route here is on a ``command_router``: it needs an ``Idempotency-Key`` and a retry replays
its first answer (idempotency.py). Order of checks: preconditions.py.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Request, Response
from sqlalchemy.orm import Session

from vendor_desktop.domain.roles import Permission, may_read_entity

from ..messages.models import Message, MessageRead, message_subject
from ..orders.models import Order
from ..orders.rules import change_price
from . import entities
from .auth import Caller, clock_of
from .changes import record_change
from .clock import iso
from .errors import ApiError, error_responses
from .idempotency import command_router, command_transaction
from .preconditions import IfMatch, expected_version, require
from .schemas import EntityEnvelope, PriceChangeRequest

router = command_router(tags=["commands"])

EntityId = Annotated[str, Path(max_length=64)]

# What every command may answer besides its own errors (the idempotency layer and auth).
_IDEMPOTENCY_NOTES = {
    400: "IDEMPOTENCY_KEY_REQUIRED (no Idempotency-Key), IDEMPOTENCY_KEY_INVALID, or MALFORMED_REQUEST "
    "(bad JSON, If-Match not an integer)",
    409: "IDEMPOTENCY_KEY_IN_USE (the first request with this key is still running)",
    422: "IDEMPOTENCY_KEY_REUSED (this key was used for another request), or VALIDATION_FAILED (details.fields)",
}


def command_errors(*statuses: int, **notes: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a command: the idempotency codes, plus per-status notes (``s409=...``)."""
    described = dict(_IDEMPOTENCY_NOTES)
    for name, text in notes.items():
        status = int(name.removeprefix("s"))
        described[status] = f"{text}; or {described[status]}" if status in described else text
    return error_responses(400, 401, 409, 422, *statuses, notes=described)


def _own(s: Session, model: type[Any], entity_id: str, account_id: str, what: tuple[str, str]) -> Any:
    """The vendor's own entity; another vendor's is as unknown as a missing one (404)."""
    row = s.get(model, entity_id)
    if row is None or row.account_id != account_id:
        raise ApiError(404, "NOT_FOUND", f"No such {what[0]}.", f"{what[1]}不存在。")
    return row


@router.post(
    "/orders/{order_id}/price-change",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409="ORDER_NOT_UNPAID (details.state): the buyer already paid or the order was cancelled — "
        "sent even when If-Match is stale",
        s422="INVALID_PRICE (details.fields.new_price_fen: ≤ 0 or above the maximum)",
    ),
)
def price_change(
    order_id: EntityId,
    body: PriceChangeRequest,
    caller: Annotated[Caller, Depends(require(Permission.ORDERS_CHANGE_PRICE))],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-ORD-3 改价: set an unpaid order's price (owner and operations, SPEC §11). Answers the
    order with its new version; its data keeps `list_price_fen` and gains `price_changed_at` and
    `price_change_reason`. The buyer then pays the new price.

    Checks, in order: 403 PERMISSION_DENIED → 404 NOT_FOUND (unknown or another vendor's order) →
    428/400 If-Match → 422 INVALID_PRICE / VALIDATION_FAILED (reason 1–200 characters) → 409
    ORDER_NOT_UNPAID → 412 VERSION_CONFLICT."""
    with command_transaction(request) as t:
        order = _own(t.session, Order, order_id, caller.account_id, ("order", "订单"))
        version = expected_version(if_match)
        change_price(t.session, order, body.new_price_fen, body.reason, version, clock_of(request).now())
        return t.answer(entities.envelope("order", order))


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
        message = _own(s, Message, message_id, caller.account_id, ("message", "消息"))
        subject = message_subject(message.order_id, message.listing_id)
        if subject is not None and not may_read_entity(caller.role, subject):
            raise ApiError(404, "NOT_FOUND", "No such message.", "消息不存在。")
        if not s.get(MessageRead, (message.id, caller.user_id)):
            s.add(MessageRead(message_id=message.id, user_id=caller.user_id, at=iso(clock_of(request).now())))
            version = entities.envelope("message", message, read=True)["version"]
            record_change(
                s, message.account_id, "message", message.id, version, audience=subject, user_id=caller.user_id
            )
        return t.answer(entities.envelope("message", message, read=True))
