"""Buyer-specific discounts (指定商品折扣) on the marketplace side: granting, revoking, finding the
one that prices an order, and the demo's seeded discounts (R-DSC-1, R-DSC-2).

The rules themselves (range, period, state, overlap, rounding) are ``domain/discounts.py``, shared
with the app, so the server and the client explain a rejection the same way.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.domain.discounts import (
    DiscountState,
    discount_state,
    discounted_fen,
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


# --- demo data -----------------------------------------------------------------------------


def seed_discounts(
    seed: int, account_id: str, listings: list[dict[str, Any]], orders: list[dict[str, Any]], now: dt.datetime
) -> list[dict[str, Any]]:
    """Deterministic demo discounts (rows for bulk insert) on pairs (listing, buyer) that ordered,
    and the orders placed while one was active repriced with it (R-DSC-2): one active with an
    upcoming one right after it (back-to-back is allowed), one expired, one revoked."""
    rng = random.Random(f"discounts:{seed}")  # its own stream: the rest of a seed stays unchanged
    today = now.astimezone(SHANGHAI).replace(hour=0, minute=0, second=0, microsecond=0)
    by_listing = {x["id"]: x for x in listings}
    on_sale = {x["id"] for x in listings if x["state"] == "on_sale"}
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for o in orders:
        if o["listing_id"] in on_sale:
            by_pair.setdefault((o["listing_id"], o["buyer_account_id"]), []).append(o)
    pairs = sorted(by_pair)
    rng.shuffle(pairs)
    day = dt.timedelta(days=1)
    old = [p for p in pairs if min(moment(o["created_at"]) for o in by_pair[p]) < today - 20 * day]
    plans: list[tuple[tuple[str, str], dt.datetime, dt.datetime, dt.datetime | None]] = []
    if pairs:  # active now, and an upcoming one starting the moment it ends
        first = pairs[0]
        start = min(today - 10 * day, *(moment(o["created_at"]) - day for o in by_pair[first][-1:]))
        plans += [(first, start, today + 30 * day, None), (first, today + 30 * day, today + 60 * day, None)]
    expired = next((p for p in old if p not in {x[0] for x in plans}), None)
    if expired is not None:  # covering its first order, over well before today
        first_order = moment(by_pair[expired][0]["created_at"])
        plans.append((expired, first_order - 3 * day, first_order + 7 * day, None))
    revoked = next((p for p in pairs if p not in {x[0] for x in plans}), None)
    if revoked is not None:
        plans.append((revoked, today - 20 * day, today + 20 * day, today - day))
    rows = []
    for n, ((listing_id, buyer), start, until, revoked_at) in enumerate(plans):
        percent = rng.choice([70, 75, 80, 85, 88, 90, 95])
        row = {
            "id": f"dsc-{account_id}-{n}",
            "account_id": account_id,
            "listing_id": listing_id,
            "listing_name": by_listing[listing_id]["name"],
            "buyer_account_id": buyer,
            "buyer_name": names.buyer_identity(buyer)[0],
            "percent": percent,
            "valid_from": iso(start),
            "valid_until": iso(until),
            "state": discount_state(start, until, now, revoked=revoked_at is not None).value,
            "revoked_at": iso(revoked_at) if revoked_at else None,
            "created_at": iso(start - day),
            "version": 2 if revoked_at else 1,
        }
        rows.append(row)
        ends = min(until, revoked_at) if revoked_at else until
        for o in by_pair[(listing_id, buyer)]:
            if start <= moment(o["created_at"]) < ends:
                o["amount_fen"] = discounted_fen(o["list_price_fen"], percent)
                o["discount_id"], o["discount_percent"] = row["id"], percent
    return rows
