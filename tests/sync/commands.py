"""Helpers for outbox tests: queue commands as the viewmodels do, lose answers, compare with the server."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import select

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import Discount, Order
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.discounts.queries import discounts_by_id
from vendor_desktop.cache.orders.queries import order_detail
from vendor_desktop.sync.client import MarketplaceClient


def queue_price_change(db: CacheDatabase, order_id: str, new_fen: int, reason: str = "negotiated") -> Command:
    """R-ORD-3 as the Orders view queues it: based on the cached version."""
    with db.session(write=True) as s, s.begin():
        row = order_detail(s, order_id)
        assert row is not None
        return outbox.enqueue(
            s, kind="order.price_change", entity="order", entity_id=order_id, base_version=row.version,
            method="POST", path=f"/orders/{order_id}/price-change",
            payload={"new_price_fen": new_fen, "reason": reason},
            summary={"number": row.number, "old_fen": row.amount_fen, "new_fen": new_fen},
            created_by="owner",
        )


def queue_grant(
    db: CacheDatabase, listing_id: str, buyer: str, percent: int, start: dt.datetime, days: int = 10
) -> Command:
    until = start + dt.timedelta(days=days)
    payload = {"listing_id": listing_id, "buyer_account_id": buyer, "percent": percent,
               "valid_from": start.isoformat(), "valid_until": until.isoformat()}
    with db.session(write=True) as s, s.begin():
        return outbox.enqueue(
            s, kind="discount.create", entity="discount", entity_id=outbox.new_local_id(), base_version=None,
            method="POST", path="/discounts", payload=payload, summary=dict(payload), created_by="owner",
        )


def queue_revoke(db: CacheDatabase, discount_id: str) -> Command:
    """Revoke a cached discount, or one still queued for creation (by its local id)."""
    with db.session(write=True) as s, s.begin():
        row = discounts_by_id(s, [discount_id]).get(discount_id)
        return outbox.enqueue(
            s, kind="discount.revoke", entity="discount", entity_id=discount_id,
            base_version=row.version if row is not None else None,
            method="DELETE", path=f"/discounts/{discount_id}", payload=None, summary={}, created_by="owner",
        )


def commands(db: CacheDatabase) -> dict[int, Command]:
    with db.session() as s:
        return {c.id: c for c in outbox.visible_commands(s)}


def command(db: CacheDatabase, command_id: int) -> Command:
    with db.session() as s:
        found = outbox.get_command(s, command_id)
    assert found is not None
    return found


def state_of(db: CacheDatabase, command_id: int) -> CommandState:
    return command(db, command_id).state


class LosingAdapter(HTTPAdapter):
    """Forwards each request; for the next ``lose`` mutating ones, drops the server's answer and
    raises ConnectionError, as a network that fails after the server committed."""

    def __init__(self) -> None:
        super().__init__()
        self.lose = 0
        self.sent: list[tuple[str, str, str | None]] = []  # (method, url, Idempotency-Key)

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        response = super().send(request, *args, **kwargs)
        if request.method != "GET":
            self.sent.append((request.method or "", request.url or "", request.headers.get("Idempotency-Key")))
            if self.lose > 0 and "/auth/" not in (request.url or ""):
                self.lose -= 1
                raise requests.ConnectionError("connection reset after the server answered")
        return response


def losing(client: MarketplaceClient) -> LosingAdapter:
    adapter = LosingAdapter()
    client._http.mount("http://", adapter)
    return adapter


def server_entities(client: MarketplaceClient, entity: str) -> dict[str, tuple[int, dict[str, Any]]]:
    """id → (version, data) of one entity type on the server now, via a fresh pull."""
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    cursor = None
    while True:
        page = client.changes(cursor, 2000)
        for change in page.changes:
            if change["entity"] != entity:
                continue
            if change.get("deleted"):
                found.pop(change["id"], None)
            else:
                found[change["id"]] = (change["version"], change["data"])
        cursor = page.cursor
        if not page.has_more:
            return found


def cached_entities(db: CacheDatabase, entity: str) -> dict[str, tuple[int, dict[str, Any]]]:
    table = {"order": Order, "discount": Discount}[entity]
    with db.session() as s:
        return {id_: (v, json.loads(d)) for id_, v, d in s.execute(select(table.id, table.version, table.data))}


def server_order(client: MarketplaceClient, order_id: str) -> tuple[int, dict[str, Any]]:
    return server_entities(client, "order")[order_id]
