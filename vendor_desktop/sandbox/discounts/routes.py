"""Vendor commands on buyer-specific discounts (指定商品折扣): R-DSC-1, R-DSC-2.

On a ``command_router`` like every command (Idempotency-Key required, retries replay).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Request, Response

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.commands import EntityId, command_errors
from ..core.errors import ApiError
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import EntityEnvelope
from .models import Discount
from .rules import grant, revoke
from .schemas import DiscountRequest

router = command_router(prefix="/discounts", tags=["commands"])

_WRITE = Depends(require(Permission.DISCOUNTS_WRITE))


@router.post(
    "",
    status_code=201,
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        s409="DISCOUNT_OVERLAP: the buyer has another discount on this listing in an overlapping period "
        "(details.conflicting is that discount)",
        s422="VALIDATION_FAILED: percent outside 1–99, valid_until not after valid_from or already past, "
        "a moment without offset, unknown listing_id (details.fields names them)",
    ),
)
def create_discount(body: DiscountRequest, caller: Annotated[Caller, _WRITE], request: Request) -> Response:
    """Grant one buyer account a discount on one listing (owner and operations, SPEC §11).
    Periods are half-open [valid_from, valid_until): one may start the moment another ends."""
    with command_transaction(request) as t:
        s = t.session
        listing = entities.get(s, "listing", body.listing_id)
        if listing is None or listing.account_id != caller.account_id:
            # A body field, not the URL: a validation failure naming the field.
            raise ApiError(
                422,
                "VALIDATION_FAILED",
                "No such listing.",
                "商品不存在。",
                details={"fields": {"listing_id": "no such listing"}},
            )
        d = grant(s, listing, body.buyer_account_id, body.percent, body.valid_from, body.valid_until, _now(request))
        return t.answer(entities.envelope("discount", d))


@router.delete(
    "/{discount_id}",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409="DISCOUNT_STATE (details.state): already revoked or expired — sent even when If-Match is stale",
    ),
)
def revoke_discount(
    discount_id: EntityId, caller: Annotated[Caller, _WRITE], request: Request, if_match: IfMatch = None
) -> Response:
    """Revoke a discount: answers 200 with the revoked entity (state `revoked`, version bumped,
    `revoked_at` set), not 204, so the client applies it at once. Orders already placed keep their
    price. Checks: 403 → 404 → 428/400 If-Match → 409 DISCOUNT_STATE → 412 VERSION_CONFLICT."""
    with command_transaction(request) as t:
        d = t.session.get(Discount, discount_id)
        if d is None or d.account_id != caller.account_id:
            raise ApiError(404, "NOT_FOUND", "No such discount.", "折扣不存在。")
        revoke(t.session, d, expected_version(if_match), _now(request))
        return t.answer(entities.envelope("discount", d))


def _now(request: Request) -> dt.datetime:
    return clock_of(request).now()
