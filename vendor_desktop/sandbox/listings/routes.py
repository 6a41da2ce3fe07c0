"""Vendor commands on listings (商品管理): R-LST-1 … R-LST-5, R-MKT-1, R-MKT-2.

On a ``command_router`` like every command (Idempotency-Key required, retries replay). Order of
checks: 401 → Idempotency-Key → 403 PERMISSION_DENIED (listings.write: owner and operations) →
404 NOT_FOUND (unknown or another vendor's) → 428/400 If-Match → 422 body → 409 LISTING_STATE →
412 VERSION_CONFLICT; /submit then checks the stored content (422).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.commands import EntityId, command_errors
from ..core.errors import ApiError
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import EntityEnvelope
from . import lifecycle as listing_lifecycle
from .models import Listing
from .schemas import ListingDraftRequest, ListingEditRequest

router = command_router(prefix="/listings", tags=["commands"])

_WRITE = Depends(require(Permission.LISTINGS_WRITE))
_FIELDS_422 = (
    "VALIDATION_FAILED: details.fields {field: English}, details.fields_zh {field: 中文}, details.codes "
    "{field: code} — fields like name, billing, billing.monthly, delivery_config.callback_url (https only)"
)
_STATE_409 = "LISTING_STATE (details.state, details.revision_state)"


def _own(s: Session, listing_id: str, caller: Caller) -> Listing:
    # command_transaction took the write lock before this read: a check of state and version then
    # holds until commit (on PostgreSQL too, where two edits could otherwise both pass If-Match).
    listing = s.get(Listing, listing_id)
    if listing is None or listing.account_id != caller.account_id:
        raise ApiError(404, "NOT_FOUND", "No such listing.", "商品不存在。")
    return listing


def _now(request: Request) -> dt.datetime:
    return clock_of(request).now()


@router.post("", status_code=201, response_model=EntityEnvelope, responses=command_errors(403, s422=_FIELDS_422))
def create_listing(body: ListingDraftRequest, caller: Annotated[Caller, _WRITE], request: Request) -> Response:
    """A new listing in state `draft` (R-LST-1): market, name, summary, optional description,
    billing modes with prices (R-MKT-2), the delivery configuration of the market's delivery type
    (R-MKT-1: `delivery` follows from the market), and optionally the agreement (R-LST-2: needed
    only to submit). Owner and operations (SPEC §11)."""
    fields = {name: getattr(body, name) for name in type(body).model_fields}
    with command_transaction(request) as t:
        listing = listing_lifecycle.create(t.session, caller.account_id, fields, _now(request))
        return t.answer(entities.envelope("listing", listing))


@router.patch(
    "/{listing_id}",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409=f"{_STATE_409}: the listing (or its revision) is in review — sent even when If-Match is stale",
        s422=f"{_FIELDS_422}; market other than the listing's (codes.market cannot_change)",
    ),
)
def edit_listing(
    listing_id: EntityId,
    body: ListingEditRequest,
    caller: Annotated[Caller, _WRITE],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """Edit a listing; only the fields sent change. draft, rejected or delisted: in place (R-LST-3:
    a rejected listing is edited, then resubmitted). on_sale: the edit goes into `data.revision`
    (state `draft`, created by the first edit, updated by later ones) while the live fields stay on
    sale (R-LST-5). An edit that changes nothing answers the listing unchanged (same version)."""
    changes = {name: getattr(body, name) for name in body.model_fields_set}
    with command_transaction(request) as t:
        listing = _own(t.session, listing_id, caller)
        version = expected_version(if_match)
        listing_lifecycle.edit(t.session, listing, changes, version, _now(request))
        return t.answer(entities.envelope("listing", listing))


@router.post(
    "/{listing_id}/submit",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409=f"{_STATE_409}: nothing to submit (in review, or on sale without a draft or rejected revision)",
        s422="AGREEMENT_MISSING (details.fields.agreement, R-LST-2; other bad fields named too), or "
        f"{_FIELDS_422}: the stored content is incomplete",
    ),
)
def submit_listing(
    listing_id: EntityId, caller: Annotated[Caller, _WRITE], request: Request, if_match: IfMatch = None
) -> Response:
    """Submit for review (R-LST-3, R-LST-4). A draft, rejected or delisted listing becomes
    `in_review` with `submitted_at`, `review_due` (7 working days in Asia/Shanghai; image listings
    add the security review 镜像安全审核, `security_review: true`) and `review_due_approximate`
    (that year's holidays are not known yet). An on-sale listing's draft or rejected revision goes
    in review the same way inside `revision`; the live version stays on sale (R-LST-5).
    Checks: 403 → 404 → 428/400 → 409 LISTING_STATE → 412 → 422 (the stored content)."""
    with command_transaction(request) as t:
        listing = _own(t.session, listing_id, caller)
        version = expected_version(if_match)
        listing_lifecycle.submit(t.session, listing, version, _now(request))
        return t.answer(entities.envelope("listing", listing))


@router.post(
    "/{listing_id}/delist",
    response_model=EntityEnvelope,
    responses=command_errors(
        403, 404, 412, 428, s409=f"{_STATE_409}: only an on-sale listing can be delisted — sent even when stale"
    ),
)
def delist_listing(
    listing_id: EntityId, caller: Annotated[Caller, _WRITE], request: Request, if_match: IfMatch = None
) -> Response:
    """Take an on-sale listing off sale (下架): state `delisted` (R-LST-3); it comes back with
    /submit. A pending revision's content is kept as the delisted listing's (its review withdrawn)."""
    with command_transaction(request) as t:
        listing = _own(t.session, listing_id, caller)
        version = expected_version(if_match)
        listing_lifecycle.delist(t.session, listing, version, _now(request))
        return t.answer(entities.envelope("listing", listing))
