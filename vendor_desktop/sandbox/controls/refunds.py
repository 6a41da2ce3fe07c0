"""The buyer's side of refunds (退款, SPEC §5; API.md "Sandbox-only"): a buyer asks for a refund.

Operator controls like the rest of ``/sandbox/*`` (routes.py): the operator token, no
Idempotency-Key, no If-Match. It first brings the vendor up to the sandbox clock (core/catch_up.py).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from ..core import entities
from ..core.auth import clock_of, db_of
from ..core.catch_up import catch_up
from ..core.errors import ApiError, error_responses
from ..core.schemas import EntityEnvelope
from ..orders.models import Order
from ..refunds.rules import request_refund
from ..refunds.schemas import SandboxRefundRequest
from .routes import require_operator

router = APIRouter(prefix="/sandbox", tags=["sandbox"], dependencies=[Depends(require_operator)])


@router.post(
    "/refunds",
    status_code=201,
    response_model=EntityEnvelope,
    responses=error_responses(
        400,
        401,
        404,
        409,
        422,
        notes={
            409: "NOT_REFUNDABLE (R-REF-2: API and image orders); ORDER_STATE (details.state: unpaid, cancelled, "
            "being refunded or fully refunded)",
            422: "AMOUNT_EXCEEDS_PAID (details.refundable_fen); VALIDATION_FAILED (details.fields)",
        },
    ),
)
def ask_refund(body: SandboxRefundRequest, request: Request) -> dict[str, Any]:
    """The buyer asks for a refund of a paid order: `amount_fen` (the whole refundable amount when
    absent) and a reason. R-REF-1…3 decide what happens: a SaaS order in its review period (复议期)
    from a buyer with fewer than four self-service refunds (counted with every vendor) is refunded
    at once (state `approved`, a `refund_refunded` message); otherwise the request waits for the
    vendor's decision by `decide_by` (state `requested`, the order `refunding`, a
    `refund_requested` message). `invoice_issued` flags an invoice already issued for the order."""
    with db_of(request).session(write=True) as s:
        order = s.get(Order, body.order_id)
        if order is None:
            raise ApiError(404, "NOT_FOUND", "No such order.", "订单不存在。")
        now = clock_of(request).now()
        catch_up(s, order.account_id, now)
        refund = request_refund(s, order, body.amount_fen, body.reason, now)
        return entities.envelope("refund", refund)
