"""The demo vendor's buyer discounts (指定商品折扣): one active with an upcoming one right after it,
one expired, one revoked, and the orders they priced (R-DSC-1, R-DSC-2)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from vendor_desktop.domain.discounts import discount_state, discounted_fen
from vendor_desktop.domain.workdays import SHANGHAI

from ..core import names
from ..core.clock import iso
from .rules import moment


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
