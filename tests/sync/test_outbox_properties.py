"""Property: whatever the user queues, however the app crashes and the network loses answers, after a
final successful sync nothing is lost, nothing is applied twice, and the cache equals the server."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.sync.commands import (
    cached_entities,
    losing,
    queue_grant,
    queue_price_change,
    queue_revoke,
    server_entities,
)
from tests.sync.conftest import free_port
from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.core.outbox_results import mark_sending
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.engine import SyncEngine

_seeds = itertools.count(5000)

ORDERS = 3
BUYERS = ("buyer-a", "buyer-b")

price = st.tuples(st.just("price"), st.integers(0, ORDERS - 1), st.integers(0, 30000))  # 0 is refused (422)
grant = st.tuples(st.just("grant"), st.integers(0, 1), st.integers(0, 1), st.integers(1, 99), st.integers(0, 2))
# Commands first, then rounds that lose answers: weighted so most examples exercise a lost answer.
step = st.one_of(
    price,
    price,
    grant,
    st.tuples(st.just("pay"), st.integers(0, ORDERS - 1)),  # the buyer pays first: later changes refused
    st.tuples(st.just("revoke"), st.integers(0, 7)),
    st.tuples(st.just("sync"), st.integers(0, 2)),  # the network loses the next N answers
    st.tuples(st.just("sync"), st.integers(1, 2)),
    st.tuples(st.just("crash"), st.booleans()),  # True: dies after committing "sending"
)


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[EmbeddedSandbox]:
    # One server for the whole property; each example gets a vendor of its own.
    with EmbeddedSandbox("sqlite://", port=free_port()) as sb:
        yield sb


def _operator(sandbox: EmbeddedSandbox, path: str, json: Any = None) -> requests.Response:
    return requests.post(
        f"{sandbox.base_url}/api/v1/sandbox{path}", json=json, timeout=10,
        headers={"Authorization": f"Bearer {sandbox.operator_token}", "Idempotency-Key": str(uuid.uuid4())},
    )


class App:
    """The desktop app's durable part (cache file) and its in-memory part (engine), restartable."""

    def __init__(self, path: Path, client: MarketplaceClient) -> None:
        self.path, self.client = path, client
        self.db = CacheDatabase.open(path)
        self.engine = SyncEngine(client, self.db)

    def crash(self, mid_send: bool) -> None:
        if mid_send:
            with self.db.session(write=True) as s, s.begin():
                due = outbox.next_due(s, dt.datetime.now(dt.UTC))
                if due is not None:
                    mark_sending(s, due.id, dt.datetime.now(dt.UTC))
        self.db.close()  # every in-memory object is dropped; only the file remains
        self.db = CacheDatabase.open(self.path)
        self.engine = SyncEngine(self.client, self.db)


@settings(max_examples=25, deadline=None)
@given(steps=st.lists(step, max_size=14))
def test_cache_equals_server_and_each_command_applies_at_most_once(
    shared_sandbox: EmbeddedSandbox, steps: list[tuple[Any, ...]]
) -> None:
    sandbox = shared_sandbox
    vendor = sandbox.seed(orders=4, listings=3, seed=next(_seeds))
    passwords = {u["username"]: u["password"] for u in vendor["users"]}
    client = MarketplaceClient(sandbox.base_url, timeout=5.0)
    client.login(vendor["account_id"], "owner", passwords["owner"])
    network = losing(client)
    listings = [i for i, (_, d) in sorted(server_entities(client, "listing").items()) if d["state"] == "on_sale"]
    orders = [
        _operator(sandbox, "/orders", {"account_id": vendor["account_id"], "listing_id": listings[0],
                                       "buyer_account_id": BUYERS[n % 2]}).json()["id"]
        for n in range(ORDERS)
    ]
    start_versions = {o: v for o, (v, _) in server_entities(client, "order").items() if o in orders}
    start_discounts = set(server_entities(client, "discount"))
    now = dt.datetime.now(dt.UTC)

    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp) / "cache.sqlite3", client)
        try:
            assert app.engine.sync_once().online
            queued: list[int] = []
            paid: set[str] = set()
            for op, *args in steps:
                if op == "price":
                    queued.append(queue_price_change(app.db, orders[args[0]], args[1]).id)
                elif op == "pay" and orders[args[0]] not in paid:
                    assert _operator(sandbox, f"/orders/{orders[args[0]]}/pay").status_code == 200
                    paid.add(orders[args[0]])
                elif op == "grant":
                    listing, buyer, percent, week = args
                    start = now + dt.timedelta(days=1 + 7 * week)
                    queued.append(queue_grant(app.db, listings[listing % len(listings)], BUYERS[buyer], percent,
                                              start, days=10).id)
                elif op == "revoke":
                    with app.db.session() as s:
                        choices = sorted(cached_entities(app.db, "discount")) + [
                            c.entity_id for c in outbox.open_commands_of_kind(s, "discount.create")]
                    if choices:
                        queued.append(queue_revoke(app.db, choices[args[0] % len(choices)]).id)
                elif op == "sync":
                    network.lose = args[0]
                    app.engine.sync_once()
                    if network.lose < args[0]:
                        event("an answer was lost after the server committed")
                    network.lose = 0
                elif op == "crash":
                    app.crash(mid_send=args[0])

            # The final, successful rounds (a restart first, as a user would after all this).
            app.crash(mid_send=False)
            for _ in range(3):
                outcome = app.engine.sync_once()
                assert outcome.online and outcome.error is None
            with app.db.session() as s:
                rows = {r.id: r for r in s.scalars(select(OutboxCommand))}

            event(f"applied: {sum(r.state == CommandState.APPLIED for r in rows.values())}")
            event(f"rejected: {sum(r.state == CommandState.REJECTED for r in rows.values())}")
            # Nothing lost; everything the server will ever take was sent; nothing left in flight.
            assert set(rows) == set(queued)
            assert {r.state for r in rows.values()} <= {CommandState.APPLIED, CommandState.REJECTED,
                                                        CommandState.HELD}
            # The cache equals the server, entity by entity, versions and data included.
            for entity in ("order", "discount"):
                assert cached_entities(app.db, entity) == server_entities(client, entity)
            # Applied exactly once: each order moved one version per applied change and per payment.
            server_orders = server_entities(client, "order")
            for order_id in orders:
                applied = sum(1 for r in rows.values()
                              if r.entity_id == order_id and r.state == CommandState.APPLIED)
                assert server_orders[order_id][0] == start_versions[order_id] + applied + (order_id in paid)
            created = sum(1 for r in rows.values() if r.kind == "discount.create" and r.state == CommandState.APPLIED)
            assert len(set(server_entities(client, "discount")) - start_discounts) == created
        finally:
            app.db.close()
