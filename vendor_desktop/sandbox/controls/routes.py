"""Sandbox-only controls (API.md "Sandbox-only"): play the buyer and the operator.

Mounted only when the app is created with ``sandbox_controls=True`` (otherwise these paths are
404), and authenticated with the operator token, not a vendor's access token.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from vendor_desktop.domain.orders import OrderState

from ..core import changes, entities
from ..core.auth import clock_of, db_of
from ..core.catch_up import catch_up
from ..core.clock import SettableClock
from ..core.database import Vendor
from ..core.errors import ApiError, error_responses
from ..core.schemas import EntityEnvelope, storable_problem
from ..listings import lifecycle as listing_lifecycle
from ..listings.models import Listing
from ..listings.schemas import ListingReviewRequest
from ..money import rules as money
from ..orders.models import Order
from ..orders.rules import complete_order, move_order, pay_order, place_order
from .schemas import (
    ClockRequest,
    ClockResponse,
    EpochResponse,
    SandboxOrderRequest,
    SeedRequest,
    SeedResponse,
)
from .seed import seed_vendor

_operator = HTTPBearer(auto_error=False, scheme_name="OperatorToken", description="the sandbox operator token")


def require_operator(
    request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_operator)]
) -> None:
    if creds is None or not creds.credentials:
        raise ApiError(401, "NOT_AUTHENTICATED", "Send the sandbox operator token.", "请提供沙箱操作员令牌。")
    expected: str = request.app.state.operator_token
    if not secrets.compare_digest(creds.credentials.encode(), expected.encode()):
        raise ApiError(401, "INVALID_TOKEN", "Wrong operator token.", "操作员令牌错误。")


router = APIRouter(prefix="/sandbox", tags=["sandbox"], dependencies=[Depends(require_operator)])


@router.post("/seed", status_code=201, response_model=SeedResponse, responses=error_responses(400, 401, 409, 422))
def seed(body: SeedRequest, request: Request) -> dict[str, Any]:
    """A new vendor with deterministic demo data and one user per role (SPEC §11)."""
    with db_of(request).session(write=True) as s:
        return seed_vendor(s, clock_of(request).now(), **body.model_dump())


@router.post(
    "/orders",
    status_code=201,
    response_model=EntityEnvelope,
    responses=error_responses(400, 401, 404, 409, 422),
)
def place(body: SandboxOrderRequest, request: Request) -> dict[str, Any]:
    """A buyer orders a listing: an unpaid order priced from the listing and the buyer's discount
    active at the sandbox clock's now (R-DSC-2: `discount_id`, `discount_percent`, `list_price_fen`),
    plus a new_order message to the vendor (R-ORD-1, R-ORD-2). Operator controls take no
    Idempotency-Key or If-Match: they play the marketplace, not a vendor's queued command."""
    with db_of(request).session(write=True) as s:
        listing = s.get(Listing, body.listing_id)
        if s.get(Vendor, body.account_id) is None or listing is None or listing.account_id != body.account_id:
            raise ApiError(404, "NOT_FOUND", "No such account or listing.", "账号或商品不存在。")
        mode = body.billing_mode.value if body.billing_mode else None
        order = place_order(s, listing, body.buyer_account_id, mode, clock_of(request).now())
        return entities.envelope("order", order)


def _move(request: Request, order_id: str, target: OrderState) -> dict[str, Any]:
    with db_of(request).session(write=True) as s:
        order = s.execute(select(Order).where(Order.id == order_id)).scalar_one_or_none()
        if order is None:
            raise ApiError(404, "NOT_FOUND", "No such order.", "订单不存在。")
        now = clock_of(request).now()
        # R-WDR-1: paid money is earned, and settles when domain.earnings.settles_at says.
        if target is OrderState.COMPLETED:
            complete_order(s, order, now)  # R-ORD-5: with its order_completed message
            money.order_completed(s, order, now)
        elif target is OrderState.PAID:
            # R-ORD-5: a SaaS, API or image order is completed as it is paid; its money still
            # settles by market and paid_at (SaaS after the review period, API and image at once).
            pay_order(s, order, now)
            money.order_paid(s, order, now)
        else:
            move_order(s, order, target, now)
        return entities.envelope("order", order)


# 422 never happens for a string path parameter, but FastAPI would otherwise document its own
# validation body for it; say truthfully that any 422 would be the envelope.
_MOVE_ERRORS = error_responses(401, 404, 409, 422)


@router.post("/orders/{order_id}/pay", response_model=EntityEnvelope, responses=_MOVE_ERRORS)
def pay(order_id: str, request: Request) -> dict[str, Any]:
    """The buyer pays an unpaid order (R-ORD-1); the vendor gets an order_paid message. A manual
    service is then `paid` (待交付) until the vendor starts its delivery; a SaaS, API or image order
    delivers itself (R-ORD-5): it is `completed` at once (`delivering_at` = `completed_at` =
    `paid_at`, one new version) and the vendor also gets an order_completed message."""
    return _move(request, order_id, OrderState.PAID)


@router.post("/orders/{order_id}/cancel", response_model=EntityEnvelope, responses=_MOVE_ERRORS)
def cancel(order_id: str, request: Request) -> dict[str, Any]:
    """The buyer cancels an unpaid order (R-ORD-1)."""
    return _move(request, order_id, OrderState.CANCELLED)


@router.post("/orders/{order_id}/complete", response_model=EntityEnvelope, responses=_MOVE_ERRORS)
def complete(order_id: str, request: Request) -> dict[str, Any]:
    """Delivery confirmed (R-ORD-5): the buyer confirms a manual service the vendor is delivering,
    (or the marketplace completes a paid manual service outright); a paid or delivering order becomes
    completed (`completed_at`, an order_completed message) and a manual service's money settles
    (R-WDR-1). SaaS, API and image orders are completed when paid, so there is nothing left to
    complete: an already completed order is 409 ORDER_STATE."""
    return _move(request, order_id, OrderState.COMPLETED)


@router.delete(
    "/listings/{listing_id}", status_code=204, response_class=Response, responses=error_responses(401, 404, 422)
)
def remove_listing(listing_id: str, request: Request) -> Response:
    """The operator removes a listing outright; vendors' clients receive a tombstone."""
    with db_of(request).session(write=True) as s:
        listing = s.get(Listing, listing_id)
        if listing is None:
            raise ApiError(404, "NOT_FOUND", "No such listing.", "商品不存在。")
        account_id, version = listing.account_id, listing.version + 1
        s.delete(listing)
        changes.record_change(s, account_id, "listing", listing_id, version, deleted=True)
    return Response(status_code=204)


@router.post(
    "/listings/{listing_id}/review",
    response_model=EntityEnvelope,
    responses=error_responses(
        400,
        401,
        404,
        409,
        422,
        notes={
            409: "LISTING_STATE (details.state, details.revision_state): nothing of this listing is in review",
            422: "VALIDATION_FAILED (details.fields.reason): a rejection needs a reason of 1–200 characters",
        },
    ),
)
def review_listing(listing_id: str, body: ListingReviewRequest, request: Request) -> dict[str, Any]:
    """The operator decides the review in progress (R-LST-3, R-LST-5): a listing in review becomes
    on_sale (`approved_at`) or rejected (`reject_reason`); an on-sale listing's revision in review
    replaces the live content when approved, or becomes a rejected revision (live unchanged). The
    vendor gets a listing_approved or listing_rejected message naming the listing (R-LST-6)."""
    with db_of(request).session(write=True) as s:
        listing = s.get(Listing, listing_id)
        if listing is None:
            raise ApiError(404, "NOT_FOUND", "No such listing.", "商品不存在。")
        reason = None if body.approve else _rejection_reason(body.reason)
        listing_lifecycle.review(s, listing, body.approve, reason, clock_of(request).now())
        return entities.envelope("listing", listing)


def _rejection_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    problem = None if 1 <= len(text) <= 200 else ("must be 1 to 200 characters", "须为 1 至 200 个字符")
    if problem is None and storable_problem(text):
        problem = ("contains characters that cannot be stored", "包含无法保存的字符")
    if problem is not None:
        raise ApiError(
            422,
            "VALIDATION_FAILED",
            "A rejection needs its reason (1 to 200 characters).",
            "驳回原因须为 1 至 200 个字符。",
            details={"fields": {"reason": problem[0]}, "fields_zh": {"reason": problem[1]}},
        )
    return text


@router.post("/clock", response_model=ClockResponse, responses=error_responses(400, 401, 422))
def set_clock(body: ClockRequest, request: Request) -> ClockResponse:
    """Set the sandbox clock; it then stands still at that moment until set again. Every vendor
    is brought up to it: money whose settlement time passed becomes withdrawable (R-WDR-1), and
    requested withdrawals whose next working day came are processing (R-WDR-5)."""
    clock: SettableClock = request.app.state.clock
    clock.set(body.now)
    with db_of(request).session() as s:
        for account_id in s.execute(select(Vendor.account_id)).scalars().all():
            catch_up(s, account_id, body.now)
    return ClockResponse(now=clock.now())


@router.post("/sync/expire-cursors", response_model=EpochResponse, responses=error_responses(401))
def expire_cursors(request: Request) -> EpochResponse:
    """Every sync cursor issued so far becomes 409 CURSOR_EXPIRED (to test a full re-sync)."""
    with db_of(request).session(write=True) as s:
        return EpochResponse(epoch=changes.expire_cursors(s))
