"""How each synced entity looks on the wire (``data`` of a change, API.md "Sync")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..discounts.models import Discount
from ..listings.models import Listing
from ..messages.models import Message, MessageRead
from ..orders.models import Order
from .database import Vendor


def vendor_profile_data(v: Vendor) -> dict[str, Any]:
    # R-ACC-1: company, customer-service and contact info.
    return {
        "account_id": v.account_id,
        "company_name": v.company_name,
        "contact_name": v.contact_name,
        "service_phone": v.service_phone,
        "service_email": v.service_email,
        "service_qq": v.service_qq,
    }


def listing_data(x: Listing) -> dict[str, Any]:
    # R-LST-*: the live content and its review; ``revision`` is the pending edit of an on-sale
    # listing (R-LST-5). Columns added later read NULL on older rows: shown as "none".
    return {
        "name": x.name,
        "summary": x.summary,
        "description": x.description or "",
        "market": x.market,
        "delivery": x.delivery,
        "state": x.state,
        "billing": dict(x.billing),
        "delivery_config": dict(x.delivery_config),
        "agreement": x.agreement,
        "review_due": x.review_due,
        "review_due_approximate": bool(x.review_due_approximate) if x.review_due else None,
        "security_review": bool(x.security_review),
        "submitted_at": x.submitted_at,
        "approved_at": x.approved_at,
        "reject_reason": x.reject_reason,
        "revision": dict(x.revision) if x.revision else None,
        "created_at": x.created_at,
        "updated_at": x.updated_at,
    }


def order_data(o: Order) -> dict[str, Any]:
    # R-ORD-4: buyer name and contact are stored masked; only the virtual number reaches the vendor.
    return {
        "number": o.number,
        "state": o.state,
        "amount_fen": o.amount_fen,
        "listing_id": o.listing_id,
        "listing_name": o.listing_name,
        "market": o.market,
        "billing_mode": o.billing_mode,
        "buyer_account_id": o.buyer_account_id,
        "buyer_name": o.buyer_name,
        "buyer_contact": o.buyer_contact,
        "virtual_number": o.virtual_number,
        "created_at": o.created_at,
        "paid_at": o.paid_at,
        # R-ORD-3 / R-DSC-2: the listing price before any discount or price change (orders from
        # before these fields existed were never changed, so their amount is the list price).
        "list_price_fen": o.list_price_fen if o.list_price_fen is not None else o.amount_fen,
        "discount_id": o.discount_id,
        "discount_percent": o.discount_percent,
        "price_changed_at": o.price_changed_at,
        "price_change_reason": o.price_change_reason,
    }


def discount_data(d: Discount) -> dict[str, Any]:
    # R-DSC-1; ``state`` as of the last change: the client recomputes it by its own clock.
    return {
        "listing_id": d.listing_id,
        "listing_name": d.listing_name,
        "buyer_account_id": d.buyer_account_id,
        "buyer_name": d.buyer_name,
        "percent": d.percent,
        "valid_from": d.valid_from,
        "valid_until": d.valid_until,
        "state": d.state,
        "revoked_at": d.revoked_at,
        "created_at": d.created_at,
    }


def message_data(m: Message) -> dict[str, Any]:
    # ``read`` is the caller's own (SPEC §11: read state is per user): ``load`` and ``envelope``
    # set it; a message's row never changes once sent.
    return {
        "kind": m.kind,
        "title": m.title,
        "body": m.body,
        "title_en": m.title_en,
        "body_en": m.body_en,
        "read": False,
        "created_at": m.created_at,
        "order_id": m.order_id,
        "listing_id": m.listing_id,
    }


def message_subject(order_id: str | None, listing_id: str | None) -> str | None:
    """The entity kind a message is about: only roles that read it receive it (SPEC §11)."""
    if order_id is not None:
        return "order"
    if listing_id is not None:
        return "listing"
    return None


def read_message_ids(s: Session, user_id: str, message_ids: Iterable[str]) -> set[str]:
    wanted = list(message_ids)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(MessageRead.message_id).where(MessageRead.user_id == user_id, MessageRead.message_id.in_(chunk))
        found.update(s.execute(query).scalars())
    return found


def _as_read_by(version: int, data: dict[str, Any], read: bool) -> tuple[int, dict[str, Any]]:
    # A user's copy of a message is one version further once they read it: the client applies
    # the newer version, and every user's versions only ever grow.
    return (version + 1, {**data, "read": True}) if read else (version, data)


# entity name → (model, primary-key column, serializer)
_ENTITIES: dict[str, tuple[type, Any, Callable[[Any], dict[str, Any]]]] = {
    "vendor_profile": (Vendor, Vendor.account_id, vendor_profile_data),
    "listing": (Listing, Listing.id, listing_data),
    "order": (Order, Order.id, order_data),
    "message": (Message, Message.id, message_data),
    "discount": (Discount, Discount.id, discount_data),
}

#: The entity types this sandbox syncs so far.
SYNCED_ENTITIES: tuple[str, ...] = tuple(_ENTITIES)


def entity_id(entity: str, row: Any) -> str:
    return row.account_id if entity == "vendor_profile" else row.id


def envelope(entity: str, row: Any, *, read: bool = False) -> dict[str, Any]:
    """``{"entity", "id", "version", "data"}``: what a command's 2xx answer carries (API.md).
    ``read``: for a message, whether the caller has read it."""
    version, data = row.version, _ENTITIES[entity][2](row)
    if entity == "message":
        version, data = _as_read_by(version, data, read)
    return {"entity": entity, "id": entity_id(entity, row), "version": version, "data": data}


def load(s: Session, entity: str, ids: Iterable[str], user_id: str) -> dict[str, tuple[int, dict[str, Any]]]:
    """Current (version, data) of these entities as ``user_id`` sees them; missing ids are simply
    absent (deleted)."""
    model, pk, serialize = _ENTITIES[entity]
    wanted = list(dict.fromkeys(ids))
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    # Chunked: SQLite caps bound parameters per statement.
    for start in range(0, len(wanted), 500):
        # Core rows (attribute access like the ORM objects) skip ORM instance building: ~2× faster.
        rows = s.execute(select(model.__table__).where(pk.in_(wanted[start : start + 500])))
        for row in rows:
            found[entity_id(entity, row)] = (row.version, serialize(row))
    if entity == "message":
        read = read_message_ids(s, user_id, found)
        found = {i: _as_read_by(v, d, i in read) for i, (v, d) in found.items()}
    return found
