"""A listing's life on the marketplace side (R-LST-3 … R-LST-6): drafting, editing (in place, or
through a revision while on sale), submitting for review, delisting, and the operator's review
with its in-app message.

Checks in API.md's order: the body's rules (422), then the listing's state (409 LISTING_STATE,
even with a stale version: "it is in review" says more than "someone changed it"), then the
version (412). Submitting checks the stored content last (422), once the version shows the
vendor is submitting what they saw.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from vendor_desktop.domain.listings import (
    EDITABLE_IN_PLACE,
    STATE_NAMES,
    ListingState,
    can_delist,
    can_submit,
    review_due,
)
from vendor_desktop.domain.markets import MARKETS, Delivery, delivery_for
from vendor_desktop.domain.workdays import SHANGHAI

from ..core.changes import record_change
from ..core.clock import iso
from ..core.database import Vendor
from ..core.errors import ApiError
from ..core.preconditions import check_version
from ..messages.models import Message
from .content import CONTENT_FIELDS, check_content, content_error, content_of, normalised, problems_of
from .errors import LISTING_STATE, VENDOR_EXITED
from .models import Listing

#: A revision's review fields, cleared when it is decided.
_NO_REVIEW: dict[str, Any] = {
    "submitted_at": None,
    "review_due": None,
    "review_due_approximate": None,
    "security_review": False,
}


def create(s: Session, account_id: str, fields: Mapping[str, Any], now: dt.datetime) -> Listing:
    """A new draft (R-LST-1); its delivery type follows from the market (R-MKT-1). A draft may
    lack its agreement (R-LST-2 asks for it at submission)."""
    market = fields.get("market")
    known = market if isinstance(market, str) and market in MARKETS else None
    content = normalised(delivery_for(known) if known else Delivery.MANUAL, fields)
    check_content(market, content, for_submit=False)  # an unknown market is a 422 here
    assert known is not None
    listing = Listing(
        id=uuid.uuid4().hex,
        account_id=account_id,
        market=known,
        delivery=delivery_for(known).value,
        state=ListingState.DRAFT.value,
        reject_reason=None,
        approved_at=None,
        revision=None,
        created_at=iso(now),
        updated_at=iso(now),
        version=1,
        **content,
        **_NO_REVIEW,
    )
    s.add(listing)
    record_change(s, account_id, "listing", listing.id, listing.version)
    return listing


def _revision_state(listing: Listing) -> str | None:
    return listing.revision["state"] if listing.revision else None


def _under_review(listing: Listing) -> bool:
    return listing.state == ListingState.IN_REVIEW or _revision_state(listing) == ListingState.IN_REVIEW


def _state_details(listing: Listing) -> dict[str, Any]:
    return {"state": listing.state, "revision_state": _revision_state(listing)}


def edit(s: Session, listing: Listing, changes: Mapping[str, Any], expected_version: int, now: dt.datetime) -> Listing:
    """Edit the content (any of CONTENT_FIELDS; ``market`` only to its current value).

    draft / rejected / delisted: in place (R-LST-3: a rejected listing is edited, then
    resubmitted). on_sale: into its revision (R-LST-5), created on the first edit; the live fields
    stay on sale. In review (the listing or its revision): 409 LISTING_STATE."""
    extra = {}
    if "market" in changes and changes["market"] != listing.market:
        extra["market"] = "cannot_change"
    on_sale = listing.state == ListingState.ON_SALE
    base = content_of(listing.revision if on_sale and listing.revision else listing)
    content = normalised(listing.delivery, {**base, **{k: v for k, v in changes.items() if k in CONTENT_FIELDS}})
    check_content(listing.market, content, for_submit=False, extra=extra)
    if _under_review(listing):
        raise ApiError(
            409,
            LISTING_STATE,
            "This listing is in review: it cannot be edited until the review is decided.",
            "该商品正在审核中，审核结果出来之前不能修改。",
            details=_state_details(listing),
        )
    check_version("listing", listing, expected_version)
    if content == base:
        return listing  # nothing changed: no new version, no revision
    if ListingState(listing.state) in EDITABLE_IN_PLACE:
        for key, value in content.items():
            setattr(listing, key, value)
    else:  # on sale: R-LST-5
        revision = dict(listing.revision or {"state": ListingState.DRAFT.value, "reject_reason": None, **_NO_REVIEW})
        listing.revision = {**revision, **content, "updated_at": iso(now)}
    return _changed(s, listing, now)


def submit(s: Session, listing: Listing, expected_version: int, now: dt.datetime) -> Listing:
    """Ask for review (R-LST-3, R-LST-4): a draft, rejected or delisted listing goes in_review; an
    on-sale listing's draft or rejected revision goes in review while the live version stays on sale
    (R-LST-5). The content must be complete, agreement included (R-LST-2)."""
    vendor = s.get(Vendor, listing.account_id)
    if vendor is not None and vendor.exited_at is not None:  # R-EXT-1: nothing new after exit
        raise ApiError(409, VENDOR_EXITED, details={"exited_at": vendor.exited_at})
    revision = listing.revision if listing.state == ListingState.ON_SALE else None
    if can_submit(listing.state):
        content = content_of(listing)
    elif revision and revision["state"] in {ListingState.DRAFT, ListingState.REJECTED}:
        content = content_of(revision)
    else:
        en, zh = _why_not_submittable(listing)
        raise ApiError(409, LISTING_STATE, en, zh, details=_state_details(listing))
    check_version("listing", listing, expected_version)
    codes = problems_of(listing.market, content, for_submit=True)
    if codes:
        raise content_error(codes)
    due = review_due(now.astimezone(SHANGHAI).date(), listing.market)  # R-LST-4
    review = {
        "submitted_at": iso(now),
        "review_due": due.date.isoformat(),
        "review_due_approximate": due.approximate,
        "security_review": listing.delivery == Delivery.IMAGE,  # 镜像安全审核 first
        "reject_reason": None,
    }
    if revision is not None and not can_submit(listing.state):
        listing.revision = {**revision, **review, "state": ListingState.IN_REVIEW.value, "updated_at": iso(now)}
    else:
        listing.state = ListingState.IN_REVIEW.value
        for key, value in review.items():
            setattr(listing, key, value)
    return _changed(s, listing, now)


def _why_not_submittable(listing: Listing) -> tuple[str, str]:
    if _under_review(listing):
        return "This listing is already in review.", "该商品已在审核中。"
    if listing.state == ListingState.ON_SALE:
        return (
            "This listing is on sale with no pending changes: edit it first, then submit the changes.",
            "该商品已上架且没有待提交的修改：请先修改，再提交审核。",
        )
    en, zh = STATE_NAMES[listing.state]
    return f"A listing in state “{en}” cannot be submitted.", f"商品状态为「{zh}」，不能提交审核。"


def delist(s: Session, listing: Listing, expected_version: int, now: dt.datetime) -> Listing:
    """Take an on-sale listing off sale (下架, R-LST-3); it comes back through /submit.

    A pending revision is folded into the delisted listing (its review, if any, is withdrawn): the
    vendor's latest edits are what they will resubmit, and nothing is on sale to protect."""
    if not can_delist(listing.state):
        raise ApiError(
            409,
            LISTING_STATE,
            f"Only a listing on sale can be delisted; this one is “{STATE_NAMES[listing.state][0]}”.",
            f"只有已上架的商品可以下架，该商品状态为「{STATE_NAMES[listing.state][1]}」。",
            details=_state_details(listing),
        )
    check_version("listing", listing, expected_version)
    if listing.revision:
        for key, value in content_of(listing.revision).items():
            setattr(listing, key, value)
        listing.revision = None
    listing.state = ListingState.DELISTED.value
    listing.reject_reason = None
    return _changed(s, listing, now)


def review(s: Session, listing: Listing, approve: bool, reason: str | None, now: dt.datetime) -> Listing:
    """The operator decides the review in progress (R-LST-3, R-LST-5) and the vendor hears of it
    (R-LST-6). Nothing in review: 409 LISTING_STATE."""
    if listing.state == ListingState.IN_REVIEW:
        listing.state = (ListingState.ON_SALE if approve else ListingState.REJECTED).value
        for key, value in _NO_REVIEW.items():
            setattr(listing, key, value)
        listing.reject_reason = None if approve else reason
        if approve:
            listing.approved_at = iso(now)
        revision = False
    elif listing.state == ListingState.ON_SALE and _revision_state(listing) == ListingState.IN_REVIEW:
        assert listing.revision is not None
        if approve:  # R-LST-5: the revision replaces the live version
            for key, value in content_of(listing.revision).items():
                setattr(listing, key, value)
            listing.revision, listing.approved_at = None, iso(now)
        else:
            listing.revision = {
                **listing.revision,
                **_NO_REVIEW,
                "state": ListingState.REJECTED.value,
                "reject_reason": reason,
                "updated_at": iso(now),
            }
        revision = True
    else:
        raise ApiError(
            409,
            LISTING_STATE,
            "Nothing of this listing is in review.",
            "该商品没有待审核的内容。",
            details=_state_details(listing),
        )
    _changed(s, listing, now)
    kind = "listing_approved" if approve else "listing_rejected"
    row = listing_message_row(kind, listing, uuid.uuid4().hex, iso(now), reason=reason, revision=revision)
    s.add(Message(**row))
    record_change(s, listing.account_id, "message", row["id"], 1, audience="listing")  # SPEC §11
    return listing


def _changed(s: Session, listing: Listing, now: dt.datetime) -> Listing:
    listing.version += 1
    listing.updated_at = iso(now)
    record_change(s, listing.account_id, "listing", listing.id, listing.version)
    return listing


def listing_message_row(
    kind: str, listing: Any, message_id: str, at: str, *, reason: str | None, revision: bool, read: bool = False
) -> dict[str, Any]:
    """R-LST-6: a review result as an in-app message (站内信), in Chinese and English, naming the
    listing (and the reason of a rejection). ``listing`` is a row or a dict with id, account_id,
    name."""
    get = listing.get if isinstance(listing, Mapping) else lambda k: getattr(listing, k)
    name = get("name")
    why = (reason or "").strip().rstrip("。.")
    if kind == "listing_approved":
        title, title_en = "商品审核通过", "Listing approved"
        if revision:
            body = f"您的商品「{name}」的修改已通过审核，新内容已生效。"
            body_en = f'The changes to your listing "{name}" passed review and are now live.'
        else:
            body = f"您的商品「{name}」已通过审核，现已上架。"
            body_en = f'Your listing "{name}" passed review and is now on sale.'
    elif kind == "listing_rejected":
        title, title_en = "商品审核未通过", "Listing rejected"
        if revision:
            body = f"您的商品「{name}」的修改未通过审核，原因：{why}。已上架的版本保持不变，请修改后重新提交。"
            body_en = (
                f'The changes to your listing "{name}" did not pass review. Reason: {why}. '
                "The version on sale stays as it is; edit the changes and submit them again."
            )
        else:
            body = f"您的商品「{name}」未通过审核，原因：{why}。请修改后重新提交。"
            body_en = f'Your listing "{name}" did not pass review. Reason: {why}. Edit it and submit it again.'
    else:
        raise ValueError(kind)
    return {
        "id": message_id,
        "account_id": get("account_id"),
        "kind": kind,
        "title": title,
        "body": body,
        "title_en": title_en,
        "body_en": body_en,
        "read": read,
        "created_at": at,
        "order_id": None,
        "listing_id": get("id"),
        "invoice_id": None,
        "version": 1,
    }
