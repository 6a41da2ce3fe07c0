"""The marketplace staff's side of tickets (工单, R-TKT-1; API.md "Sandbox-only"): reply to a
vendor's ticket, close it.

Operator controls like the rest of ``/sandbox/*`` (routes.py): the operator token, no
Idempotency-Key, no If-Match.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy.orm import Session

from ..core import entities
from ..core.auth import clock_of, db_of
from ..core.commands import EntityId
from ..core.errors import ApiError, error_responses
from ..core.schemas import EntityEnvelope
from ..tickets.models import Ticket
from ..tickets.rules import close, marketplace_reply
from ..tickets.schemas import ReplyRequest
from .routes import require_operator

router = APIRouter(prefix="/sandbox/tickets", tags=["sandbox"], dependencies=[Depends(require_operator)])

_CLOSED = "TICKET_STATE (details.state): the ticket is closed or cancelled"


def _ticket(s: Session, ticket_id: str) -> Ticket:
    # Locked: a vendor's command on the same ticket waits, then sees the new state.
    ticket = s.get(Ticket, ticket_id, with_for_update=True, populate_existing=True)
    if ticket is None:
        raise ApiError(404, "NOT_FOUND", "No such ticket.", "工单不存在。")
    return ticket


@router.post(
    "/{ticket_id}/reply",
    response_model=EntityEnvelope,
    responses=error_responses(
        400, 401, 404, 409, 422, notes={409: _CLOSED, 422: "VALIDATION_FAILED (details.fields.body)"}
    ),
)
def staff_reply(ticket_id: EntityId, body: ReplyRequest, request: Request) -> dict[str, Any]:
    """The marketplace's staff (云市场客服) answer: the ticket becomes replied (待您回复), the
    vendor's turn."""
    with db_of(request).session(write=True) as s:
        ticket = _ticket(s, ticket_id)
        marketplace_reply(s, ticket, body.body, clock_of(request).now())
        return entities.envelope("ticket", ticket)


@router.post(
    "/{ticket_id}/close",
    response_model=EntityEnvelope,
    responses=error_responses(401, 404, 409, 422, notes={409: _CLOSED}),
)
def staff_close(ticket_id: EntityId, request: Request) -> dict[str, Any]:
    """The marketplace closes the ticket (已完成)."""
    with db_of(request).session(write=True) as s:
        ticket = _ticket(s, ticket_id)
        close(s, ticket, clock_of(request).now())
        return entities.envelope("ticket", ticket)
