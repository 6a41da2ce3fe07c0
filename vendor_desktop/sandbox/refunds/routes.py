"""Vendor commands on refunds (退款, SPEC §5): the decision, R-REF-4 (API.md "Commands (push)").

On a ``command_router``: it needs an ``Idempotency-Key`` and a retry replays its first answer
(core/idempotency.py). Order of checks: core/preconditions.py.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.catch_up import catch_up
from ..core.commands import EntityId, actor_name, command_errors, own
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import EntityEnvelope
from .models import Refund
from .rules import decide
from .schemas import DecisionRequest

router = command_router(tags=["commands"])


@router.post(
    "/refunds/{refund_id}/decision",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409="REFUND_STATE (details.state): the request was already decided — sent even when If-Match is stale",
        s422="AMOUNT_EXCEEDS_PAID (details.refundable_fen): a partial amount above what was paid and not yet "
        "refunded; VALIDATION_FAILED (details.fields, details.codes: REASON_REQUIRED for a rejection without "
        "a reason, AMOUNT_REQUIRED for a partial refund without a positive amount)",
    ),
)
def decision(
    refund_id: EntityId,
    body: DecisionRequest,
    caller: Annotated[Caller, Depends(require(Permission.REFUNDS_DECIDE))],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-REF-4 退款处理: approve (refunds the amount the buyer asked), reject (with a reason the
    buyer reads), or partial (`amount_fen` ≤ what was paid and not yet refunded). Owner and support
    (SPEC §11). Answers the refund; the order changes too (R-REF-5: `refunded` once everything paid
    is refunded, else back to its state before the request, with `refunded_fen`), and the earnings
    drop by the refunded amount (R-WDR-1: from pending, else withdrawable, else owed, with a
    `refund` ledger entry for settled money).

    Checks, in order: 403 PERMISSION_DENIED → 404 NOT_FOUND → 428/400 If-Match → 422
    VALIDATION_FAILED → 409 REFUND_STATE → 422 AMOUNT_EXCEEDS_PAID → 412 VERSION_CONFLICT."""
    with command_transaction(request) as t:
        s = t.session
        refund = own(s, Refund, refund_id, caller.account_id, ("refund request", "退款申请"))
        version = expected_version(if_match)
        now = clock_of(request).now()
        catch_up(s, caller.account_id, now)
        decide(s, refund, body.decision, body.amount_fen, body.reason, version, actor_name(s, caller), now)
        return t.answer(entities.envelope("refund", refund))
