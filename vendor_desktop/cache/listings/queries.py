"""Listings (商品管理, R-LST-1..5) read from the cache: filter in SQL, rows for what is shown.

A vendor has tens or hundreds of listings, not orders' hundreds of thousands, but the list uses
the same ids-first shape as every other list (DESIGN "Big tables on ordered ids").
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.by_id import rows_by_id
from vendor_desktop.cache.core.models import Listing
from vendor_desktop.cache.orders.queries import escape_like

#: A state filter beside the listing states: on-sale listings whose changes are in review (R-LST-5).
CHANGES_IN_REVIEW = "changes_in_review"


@dataclass(frozen=True)
class ListingRow:
    id: str
    version: int
    name: str
    market: str
    delivery: str
    state: str
    summary: str
    description: str
    billing: dict[str, int]  # mode → price in fen (R-MKT-2)
    delivery_config: dict[str, Any]  # per delivery type (R-LST-1)
    agreement: str  # product service agreement (R-LST-2)
    review_due: dt.date | None  # R-LST-4
    review_due_approximate: bool
    security_review: bool  # image listings (镜像安全审核)
    reject_reason: str | None
    updated_at: dt.datetime | None
    revision: dict[str, Any] | None  # an on-sale listing's edit under review (R-LST-5)
    data: dict[str, Any]

    def content(self) -> dict[str, Any]:
        """The editable fields, as the editor and the API name them."""
        return {
            "market": self.market,
            "name": self.name,
            "summary": self.summary,
            "description": self.description,
            "billing": dict(self.billing),
            "delivery_config": dict(self.delivery_config),
            "agreement": self.agreement,
        }


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _to_row(listing: Listing) -> ListingRow:
    data = json.loads(listing.data) if listing.data else {}
    revision = data.get("revision")
    return ListingRow(
        id=listing.id,
        version=listing.version,
        name=listing.name or "",
        market=listing.market or "",
        delivery=listing.delivery or "",
        state=listing.state or "",
        summary=str(data.get("summary") or ""),
        description=str(data.get("description") or ""),
        billing={str(k): int(v) for k, v in (data.get("billing") or {}).items() if isinstance(v, int)},
        delivery_config=dict(data.get("delivery_config") or {}),
        agreement=str(data.get("agreement") or ""),
        review_due=_date(data.get("review_due")),
        review_due_approximate=bool(data.get("review_due_approximate")),
        security_review=bool(data.get("security_review")),
        reject_reason=data.get("reject_reason"),
        updated_at=parse_timestamp(data.get("updated_at")),
        revision=revision if isinstance(revision, dict) else None,
        data=data,
    )


def listing_ids(
    session: Session, *, states: Sequence[str] = (), markets: Sequence[str] = (), text: str = ""
) -> list[str]:
    """Ids in the order the list shows them: by name (listings are looked up by name).

    ``states`` are listing states, and ``changes_in_review`` for on-sale listings whose changes are
    in review (R-LST-5); ``rejected`` also finds on-sale listings whose changes were rejected —
    either way the vendor has a rejection to act on (R-LST-3)."""
    stmt = select(Listing.id)
    if states:
        revision_state = func.json_extract(Listing.data, "$.revision.state")
        revision_states = [s for s in ("rejected",) if s in states]
        if CHANGES_IN_REVIEW in states:
            revision_states.append("in_review")
        listing_states = [s for s in states if s != CHANGES_IN_REVIEW]
        stmt = stmt.where(or_(Listing.state.in_(listing_states), revision_state.in_(revision_states)))
    if markets:
        stmt = stmt.where(Listing.market.in_(markets))
    if text:
        pattern = f"%{escape_like(text)}%"
        stmt = stmt.where(or_(Listing.name.like(pattern, escape="\\"), Listing.id.like(pattern, escape="\\")))
    return list(session.scalars(stmt.order_by(Listing.name, Listing.id)))


def listings_by_id(session: Session, ids: Sequence[str]) -> dict[str, ListingRow]:
    return rows_by_id(session, Listing, ids, _to_row)
