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
from .rules import change_price, deliver
from .schemas import DeliverRequest, PriceChangeRequest

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


@router.post(
    "/orders/{order_id}/deliver",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409="ORDER_STATE (details.state, details.market): only a paid order of a manual service is delivered "
        "by the vendor — sent even when If-Match is stale",
        s422="VALIDATION_FAILED (details.fields.note: 1–500 characters)",
    ),
)
def start_delivery(
    order_id: EntityId,
    body: DeliverRequest,
    caller: Annotated[Caller, Depends(require(Permission.ORDERS_DELIVER))],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-ORD-5 开始交付: a paid manual-service order becomes `delivering`, with the delivery note
    (交付说明) the buyer sees, `delivering_at`, and `completes_by` (7 days later: without the
    buyer's confirmation it then completes). Owner, operations and support (SPEC §11).

    Checks, in order: 403 PERMISSION_DENIED → 404 NOT_FOUND → 428/400 If-Match → 422
    VALIDATION_FAILED → 409 ORDER_STATE → 412 VERSION_CONFLICT."""
    with command_transaction(request) as t:
        order = own(t.session, Order, order_id, caller.account_id, ("order", "订单"))
        version = expected_version(if_match)
        deliver(t.session, order, body.note, version, clock_of(request).now())
        return t.answer(entities.envelope("order", order))
