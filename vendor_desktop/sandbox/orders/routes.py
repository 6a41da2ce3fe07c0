"""Vendor commands on orders (订单管理): the price change, R-ORD-3 (API.md "Commands (push)").

Every route here is on a ``command_router``: it needs an ``Idempotency-Key`` and a retry replays
its first answer (core/idempotency.py). Order of checks: core/preconditions.py.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.commands import EntityId, command_errors, own
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import EntityEnvelope
from .models import Order
from .rules import change_price
from .schemas import PriceChangeRequest

router = command_router(tags=["commands"])


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
        order = own(t.session, Order, order_id, caller.account_id, ("order", "订单"))
        version = expected_version(if_match)
        change_price(t.session, order, body.new_price_fen, body.reason, version, clock_of(request).now())
        return t.answer(entities.envelope("order", order))
