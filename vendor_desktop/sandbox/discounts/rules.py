"""Buyer-specific discounts (指定商品折扣) on the marketplace side: granting, revoking, finding the
one that prices an order (R-DSC-1, R-DSC-2). The demo's discounts are in ``seed.py``.

The rules themselves (range, period, state, overlap, rounding) are ``domain/discounts.py``, shared
with the app, so the server and the client explain a rejection the same way.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.domain.discounts import (
    DiscountState,
    discount_state,
    periods_overlap,
    validate_discount,
    zhe,
)
from vendor_desktop.domain.workdays import SHANGHAI

from ..core import entities, names
from ..core.changes import record_change, serialise_writers
from ..core.clock import iso
from ..core.errors import ApiError
from ..core.preconditions import check_version
from .errors import DISCOUNT_OVERLAP, DISCOUNT_STATE
from .models import Discount


class OnListing(Protocol):
    """What a discount needs of the listing it is on: a discount refers to its listing by id and
    keeps its name (R-DSC-1), so the discounts area reads it through ``entities`` and needs none of
    the listings area's code."""

    id: str
    account_id: str
    name: str


# Field problems in both languages, keyed by the domain's stable codes (DiscountProblem.code).
_PROBLEMS: dict[str, tuple[str, str]] = {
    "percent_out_of_range": ("must be 1 to 99 (the percentage the buyer pays)", "须为 1 至 99（买家支付的百分比）"),
    "until_not_after_from": ("must be after valid_from", "须晚于开始时间"),
    "until_in_past": ("is already over: the discount would never apply", "已过去：该折扣永远不会生效"),
}


def moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _shown(text: str) -> str:
    return moment(text).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def state_of(d: Discount, now: dt.datetime) -> DiscountState:
    return discount_state(moment(d.valid_from), moment(d.valid_until), now, revoked=d.revoked_at is not None)


def _pair(s: Session, account_id: str, listing_id: str, buyer_account_id: str) -> list[Discount]:
    """The non-revoked discounts of one (listing, buyer), oldest period first."""
    query = (
        select(Discount)
        .where(
            Discount.account_id == account_id,
            Discount.listing_id == listing_id,
            Discount.buyer_account_id == buyer_account_id,
            Discount.revoked_at.is_(None),
        )
        .order_by(Discount.valid_from)
    )
    return list(s.execute(query).scalars())


def active_discount(s: Session, listing: OnListing, buyer_account_id: str, now: dt.datetime) -> Discount | None:
    """R-DSC-2: the discount that prices an order placed now (at most one is active)."""
    for d in _pair(s, listing.account_id, listing.id, buyer_account_id):
        if state_of(d, now) is DiscountState.ACTIVE:
            return d
    return None


def grant(
    s: Session,
    listing: OnListing,
    buyer_account_id: str,
    percent: int,
    valid_from: dt.datetime,
    valid_until: dt.datetime,
    now: dt.datetime,
) -> Discount:
    """R-DSC-1, R-DSC-2: a new discount, or 422 (fields) / 409 DISCOUNT_OVERLAP."""
    # Stored to the second: check what will be stored, so a period and its neighbour agree.
    valid_from, valid_until = (moment(iso(valid_from)), moment(iso(valid_until)))
    codes = {p.field: p.code for p in validate_discount(percent, valid_from, valid_until)}
    if "valid_until" not in codes and valid_until <= now:
        codes["valid_until"] = "until_in_past"
    if codes:
        raise ApiError(
            422,
            "VALIDATION_FAILED",
            details={
                "fields": {f: _PROBLEMS[c][0] for f, c in codes.items()},
                "fields_zh": {f: _PROBLEMS[c][1] for f, c in codes.items()},
                "codes": codes,
            },
        )
    serialise_writers(s)  # check-then-insert must not race another grant for the same pair
    for other in _pair(s, listing.account_id, listing.id, buyer_account_id):
        if periods_overlap(valid_from, valid_until, moment(other.valid_from), moment(other.valid_until)):
            period = f"{_shown(other.valid_from)} – {_shown(other.valid_until)}"
            raise ApiError(
                409,
                DISCOUNT_OVERLAP,
                f"This buyer already has a {other.percent}% discount on this listing for {period} "
                "(Shanghai time); one buyer's discounts on one listing may not overlap.",
                f"该买家在此商品上已有{zhe(other.percent)}折扣（{period}，北京时间），"
                "同一买家同一商品的折扣期限不能重叠。",
                details={"conflicting": entities.envelope("discount", other)},
            )
    d = Discount(
        id=uuid.uuid4().hex,
        account_id=listing.account_id,
        listing_id=listing.id,
        listing_name=listing.name,
        buyer_account_id=buyer_account_id,
        buyer_name=names.buyer_identity(buyer_account_id)[0],
        percent=percent,
        valid_from=iso(valid_from),
        valid_until=iso(valid_until),
        state=discount_state(valid_from, valid_until, now).value,
        revoked_at=None,
        created_at=iso(now),
        version=1,
    )
    s.add(d)
    record_change(s, d.account_id, "discount", d.id, d.version)
    return d


def revoke(s: Session, d: Discount, expected_version: int, now: dt.datetime) -> Discount:
    """Revoke an upcoming or active discount; orders already placed keep their price."""
    state = state_of(d, now)
    if state in {DiscountState.REVOKED, DiscountState.EXPIRED}:
        # Business state before version (API.md): "already revoked" says more than "stale".
        raise ApiError(409, DISCOUNT_STATE, details={"state": state.value})
    check_version("discount", d, expected_version)
    d.revoked_at, d.state, d.version = iso(now), DiscountState.REVOKED.value, d.version + 1
    record_change(s, d.account_id, "discount", d.id, d.version)
    return d
