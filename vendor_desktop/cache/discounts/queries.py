"""Buyer-specific discounts (指定商品折扣, R-DSC-1/2) read from the cache, and the listings to grant
them on. Ids first, rows for the visible range (DESIGN "Big tables on ordered ids")."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.by_id import rows_by_id
from vendor_desktop.cache.core.models import Discount, Listing, Order
from vendor_desktop.cache.orders.queries import OrderRow, escape_like
from vendor_desktop.domain.discounts import discount_state

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

# Listings a discount can be granted on: buyers can order only what is on sale (R-LST-3).
ON_SALE = "on_sale"


@dataclass(frozen=True)
class DiscountRow:
    id: str
    version: int
    listing_id: str | None
    listing_name: str | None
    buyer_account_id: str | None
    buyer_name: str | None
    percent: int | None  # percentage paid: 80 = 八折
    valid_from: dt.datetime
    valid_until: dt.datetime
    state: str | None  # as the server last sent it; time may have moved it on (domain.discount_state)
    revoked_at: dt.datetime | None
    data: dict[str, Any]


def _to_row(d: Discount) -> DiscountRow:
    return DiscountRow(
        id=d.id,
        version=d.version,
        listing_id=d.listing_id,
        listing_name=d.listing_name,
        buyer_account_id=d.buyer_account_id,
        buyer_name=d.buyer_name,
        percent=d.percent,
        # A server without the period would be a bug; the epoch keeps the view working.
        valid_from=parse_timestamp(d.valid_from) or _EPOCH,
        valid_until=parse_timestamp(d.valid_until) or _EPOCH,
        state=d.state,
        revoked_at=parse_timestamp(d.revoked_at),
        data=json.loads(d.data),
    )


def discount_ids(
    session: Session, *, text: str = "", states: Sequence[str] = (), now: dt.datetime | None = None
) -> list[str]:
    """Matching discounts, latest start first; ``text`` searches the listing name and the buyer.

    ``states`` as the server last sent them, or, given ``now``, as they are at that moment
    (time moves a discount from upcoming to active to expired without the server saying so)."""
    stmt = select(Discount.id).order_by(Discount.valid_from_ts.desc(), Discount.id.desc())
    if states and now is None:
        stmt = stmt.where(Discount.state.in_(list(states)))
    text = text.strip()
    if text:
        pattern = f"%{escape_like(text)}%"
        stmt = stmt.where(
            or_(
                Discount.listing_name.ilike(pattern, escape="\\"),
                Discount.buyer_account_id.ilike(pattern, escape="\\"),
                Discount.buyer_name.ilike(pattern, escape="\\"),
            )
        )
    if not states or now is None:
        return list(session.scalars(stmt))
    # A vendor's discounts are few (one per buyer and listing at a time): the state by the clock
    # is worked out here rather than in SQL, with the domain's own rule.
    wanted = set(states)
    periods = stmt.add_columns(Discount.valid_from, Discount.valid_until, Discount.state)
    return [
        id_
        for id_, start, until, state in session.execute(periods)
        if discount_state(
            parse_timestamp(start) or _EPOCH, parse_timestamp(until) or _EPOCH, now, revoked=state == "revoked"
        ).value
        in wanted
    ]


def buyer_name(session: Session, buyer_account_id: str) -> str | None:
    """The buyer's name (masked, R-ORD-4) as this computer knows it: from the buyer's discounts or
    orders (ix_orders_buyer); None when no order or discount of that buyer is cached."""
    account = buyer_account_id.strip()
    if not account:
        return None
    for column, key in ((Discount.buyer_name, Discount.buyer_account_id), (Order.buyer_name, Order.buyer_account_id)):
        name = session.scalar(select(column).where(key == account, column.is_not(None), column != "").limit(1))
        if name:
            return str(name)
    return None


def listing_prices(session: Session, listing_id: str) -> dict[str, int]:
    """The listing's price per billing mode, in fen (R-MKT-2): what a discount reduces."""
    data = session.scalar(select(Listing.data).where(Listing.id == listing_id))
    billing = (json.loads(data) or {}).get("billing") if data else None
    if not isinstance(billing, dict):
        return {}
    return {str(mode): fen for mode, fen in billing.items() if isinstance(fen, int) and not isinstance(fen, bool)}


def discounts_by_id(session: Session, ids: Sequence[str]) -> dict[str, DiscountRow]:
    """Full rows for the given ids; missing ids are simply absent."""
    return rows_by_id(session, Discount, ids, _to_row)


def discount_for_order(session: Session, order: OrderRow) -> DiscountRow | None:
    """The discount the order was priced with (R-DSC-2), if any and if cached."""
    if not order.discount_id:
        return None
    found = session.get(Discount, order.discount_id)
    return _to_row(found) if found is not None else None


def listings_for_choice(session: Session) -> list[tuple[str, str, str | None, str | None]]:
    """(id, name, market, state) of the listings on sale, by name: the choices when granting."""
    stmt = (
        select(Listing.id, Listing.name, Listing.market, Listing.state)
        .where(Listing.state == ON_SALE)
        .order_by(Listing.name, Listing.id)
    )
    return [(id_, name or id_, market, state) for id_, name, market, state in session.execute(stmt)]
