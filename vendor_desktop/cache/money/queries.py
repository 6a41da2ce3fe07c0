"""Reading the money's small entities from the cache: one deposit summary, an earning per market,
the deposit payments, the bank account and the agreements. They live as JSON in ``entities``
(a handful of rows each); the ledger and withdrawals, which grow, have tables of their own.

Every reader works offline from the last pull, and returns None or empty before the first.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import Entity, Withdrawal
from vendor_desktop.domain.earnings import IN_FLIGHT
from vendor_desktop.domain.markets import MARKETS

_MARKET_ORDER = {m: i for i, m in enumerate(MARKETS)}


def _datas(session: Session, entity: str) -> list[tuple[str, dict[str, Any]]]:
    rows = session.execute(select(Entity.id, Entity.data).where(Entity.entity == entity).order_by(Entity.id))
    return [(id_, json.loads(data)) for id_, data in rows]


def _one(session: Session, entity: str) -> dict[str, Any] | None:
    data = session.scalar(select(Entity.data).where(Entity.entity == entity).order_by(Entity.id).limit(1))
    return json.loads(data) if data else None


def deposit(session: Session) -> dict[str, Any] | None:
    """The balance and deposit summary (R-DEP-2/3; ``domain.synced`` "deposit"), or None."""
    return _one(session, "deposit")


def bank_account(session: Session) -> dict[str, Any] | None:
    """The bank account on file (R-ACC-2), masked unless the main account pulled it, or None."""
    return _one(session, "bank_account")


def earnings(session: Session) -> list[dict[str, Any]]:
    """One earning per market with revenue (R-WDR-1/2), in SPEC §1's market order; each dict
    has the synced fields plus ``id``."""
    rows = [{**data, "id": id_} for id_, data in _datas(session, "earning")]
    return sorted(rows, key=lambda e: (_MARKET_ORDER.get(str(e.get("market")), len(_MARKET_ORDER)), e["id"]))


def agreements(session: Session) -> dict[str, dict[str, Any]]:
    """Agreement kind (``access``, ``revenue``) → its synced data; absent before the first pull."""
    return {data["kind"]: data for _id, data in _datas(session, "agreement") if isinstance(data.get("kind"), str)}


def deposit_payments(session: Session) -> list[dict[str, Any]]:
    """Every deposit payment (R-DEP-6), newest first, each with its ``id``. A vendor has a few:
    together they never exceed tier 3 (R-DEP-4)."""
    rows = [{**data, "id": id_} for id_, data in _datas(session, "deposit_payment")]
    return sorted(rows, key=lambda p: (str(p.get("paid_at") or ""), p["id"]), reverse=True)


def withdrawals_in_flight(session: Session) -> tuple[int, int]:
    """(count, total fen) of withdrawals requested or processing (R-WDR-5)."""
    count, total = session.execute(
        select(func.count(), func.coalesce(func.sum(Withdrawal.amount_fen), 0)).where(
            Withdrawal.state.in_([s.value for s in IN_FLIGHT])
        )
    ).one()
    return int(count or 0), int(total or 0)
