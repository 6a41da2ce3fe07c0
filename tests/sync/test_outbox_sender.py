"""Sending the outbox to the real sandbox over HTTP: nothing lost, nothing applied twice
(DESIGN "Outbox states", "Durability"; R-ORD-3, R-DSC-1/2)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sync.commands import (
    cached_entities,
    command,
    commands,
    losing,
    queue_grant,
    queue_price_change,
    queue_revoke,
    server_entities,
    server_order,
    state_of,
)
from tests.sync.conftest import Vendor, operator
from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import COMMAND_ENTITY, CommandState
from vendor_desktop.cache.core.outbox_results import mark_sending
from vendor_desktop.cache.messages.queries import mark_all_read_command, message_ids, messages_by_id, unread_count
from vendor_desktop.cache.orders.queries import order_detail
from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.backoff import Backoff
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.engine import SyncEngine


@pytest.fixture
def engine(client: MarketplaceClient, cache: CacheDatabase) -> SyncEngine:
    eng = SyncEngine(client, cache, backoff=Backoff(2.0, 300.0, rng=random.Random(3)))
    assert eng.sync_once().online  # the cache knows the vendor's orders and listings
    return eng


@pytest.fixture
def place_order(sandbox: EmbeddedSandbox, vendor: Vendor, engine: SyncEngine) -> Callable[[], str]:
    """A buyer places a new unpaid order; the cache pulls it. Returns its id."""

    def place() -> str:
        listings = server_entities(engine.client, "listing")
        # A manual service: paid, it stays paid (SaaS, API and image complete at once, R-ORD-5).
        listing_id = next(
            i for i, (_, d) in sorted(listings.items()) if d["state"] == "on_sale" and delivered_by_vendor(d["market"])
        )
        order = operator(sandbox, "POST", "/orders",
                         {"account_id": vendor.account_id, "listing_id": listing_id, "buyer_account_id": "b-1"})
        assert engine.sync_once().online
        return str(order["id"])

    return place


def test_a_price_change_is_sent_applied_and_shown(engine: SyncEngine, place_order: Callable[[], str]) -> None:
    order_id = place_order()
    version, _ = server_order(engine.client, order_id)
    cmd = queue_price_change(engine.db, order_id, 4321)
    outcome = engine.sync_once()
    assert outcome.online and outcome.applied == 1 and outcome.rejected == 0
    assert str(cmd.id) in outcome.changes.ids(COMMAND_ENTITY) and order_id in outcome.changes.ids("order")
    assert state_of(engine.db, cmd.id) is CommandState.APPLIED and commands(engine.db) == {}
    with engine.db.session() as s:
        row = order_detail(s, order_id)
    assert row is not None and row.amount_fen == 4321 and row.version == version + 1
    assert server_order(engine.client, order_id) == (row.version, row.data)


def test_a_lost_answer_is_resent_with_the_same_key_and_applied_once(
    engine: SyncEngine, place_order: Callable[[], str]
) -> None:
    order_id = place_order()
    version, _ = server_order(engine.client, order_id)
    cmd = queue_price_change(engine.db, order_id, 5000)
    network = losing(engine.client)
    network.lose = 1
    lost = engine.sync_once()
    assert not lost.online
    back = command(engine.db, cmd.id)
    assert back.state is CommandState.PENDING and back.attempts == 1 and back.last_error
    # The server did apply it; the cache does not know yet.
    assert server_order(engine.client, order_id)[0] == version + 1

    again = engine.sync_once()
    assert again.online and again.applied == 1
    keys = [key for method, url, key in network.sent if url.endswith("/price-change")]
    assert keys == [cmd.idempotency_key, cmd.idempotency_key]
    assert state_of(engine.db, cmd.id) is CommandState.APPLIED
    assert server_order(engine.client, order_id)[0] == version + 1  # bumped exactly once
    assert cached_entities(engine.db, "order")[order_id] == server_order(engine.client, order_id)


def test_a_crash_between_sending_and_the_call_sends_once_after_restart(
    engine: SyncEngine, place_order: Callable[[], str], client: MarketplaceClient, tmp_path: Path
) -> None:
    order_id = place_order()
    version, _ = server_order(client, order_id)
    cmd = queue_price_change(engine.db, order_id, 6100)
    with engine.db.session(write=True) as s, s.begin():
        mark_sending(s, cmd.id, dt.datetime.now(dt.UTC))
    engine.db.close()  # the app dies here: "sending" is committed, the request never left

    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    try:
        restarted = SyncEngine(client, db)
        assert restarted.recovered == 1
        assert restarted.sync_once().applied == 1
        assert restarted.sync_once().applied == 0
        assert state_of(db, cmd.id) is CommandState.APPLIED
        assert server_order(client, order_id)[0] == version + 1
        assert server_order(client, order_id)[1]["amount_fen"] == 6100
    finally:
        db.close()


def test_a_price_change_after_the_buyer_paid_is_rejected_and_holds_the_next(
    engine: SyncEngine, place_order: Callable[[], str], sandbox: EmbeddedSandbox
) -> None:
    order_id = place_order()
    operator(sandbox, "POST", f"/orders/{order_id}/pay")  # the cache still shows it unpaid
    first = queue_price_change(engine.db, order_id, 7000)
    outcome = engine.sync_once()
    assert outcome.rejected == 1 and outcome.applied == 0 and outcome.error is None
    rejected = command(engine.db, first.id)
    assert rejected.state is CommandState.REJECTED and rejected.error_code == "ORDER_NOT_UNPAID"
    assert rejected.error_message and rejected.error_message_zh
    paid_version, paid = server_order(engine.client, order_id)
    assert paid["state"] == "paid" and paid["amount_fen"] != 7000  # R-ORD-3: nothing changed

    second = queue_price_change(engine.db, order_id, 6000)
    network = losing(engine.client)
    held = engine.sync_once()
    assert state_of(engine.db, second.id) is CommandState.HELD and held.applied == held.rejected == 0
    assert not [url for _, url, _ in network.sent if "price-change" in url]  # never retried by itself

    with engine.db.session(write=True) as s, s.begin():
        released = outbox.discard(s, first.id)
    assert str(second.id) in released.ids(COMMAND_ENTITY)
    assert state_of(engine.db, second.id) is CommandState.PENDING
    sent = engine.sync_once()
    # Sent, and refused for the same business reason (the order is paid): the server decides.
    assert sent.rejected == 1 and command(engine.db, second.id).error_code == "ORDER_NOT_UNPAID"
    assert server_order(engine.client, order_id)[0] == paid_version


def test_a_discarded_rejection_releases_a_held_change_that_then_applies(
    engine: SyncEngine, place_order: Callable[[], str]
) -> None:
    order_id = place_order()
    bad = queue_price_change(engine.db, order_id, 0)  # 422 INVALID_PRICE
    good = queue_price_change(engine.db, order_id, 1234)
    outcome = engine.sync_once()
    assert outcome.rejected == 1 and command(engine.db, bad.id).error_code == "INVALID_PRICE"
    assert state_of(engine.db, good.id) is CommandState.HELD
    with engine.db.session(write=True) as s, s.begin():
        outbox.discard(s, bad.id)
    assert engine.sync_once().applied == 1
    assert server_order(engine.client, order_id)[1]["amount_fen"] == 1234


def test_a_version_conflict_shows_the_current_order_and_a_retry_on_it_applies(
    engine: SyncEngine, place_order: Callable[[], str], client: MarketplaceClient
) -> None:
    order_id = place_order()
    version, _ = server_order(client, order_id)
    # Someone else (another desktop) changes the price first.
    client.request("POST", f"/orders/{order_id}/price-change", {"new_price_fen": 3000, "reason": "desk 2"},
                   headers={"If-Match": str(version)})
    cmd = queue_price_change(engine.db, order_id, 3500)  # based on the stale cached version
    outcome = engine.sync_once()
    rejected = command(engine.db, cmd.id)
    assert rejected.state is CommandState.REJECTED and rejected.error_code == "VERSION_CONFLICT"
    current = rejected.error_details["current"]
    assert current["version"] == version + 1
    with engine.db.session() as s:
        row = order_detail(s, order_id)
    assert row is not None and row.version == version + 1 and row.amount_fen == 3000  # seen at once
    assert order_id in outcome.changes.ids("order")

    with engine.db.session(write=True) as s, s.begin():
        again = outbox.retry(s, cmd.id, base_version=current["version"])
    assert again.idempotency_key != cmd.idempotency_key
    assert engine.sync_once().applied == 1
    assert server_order(client, order_id)[0] == version + 2
    assert cached_entities(engine.db, "order")[order_id] == server_order(client, order_id)


def test_offline_commands_survive_a_restart_and_go_when_the_server_is_back(
    engine: SyncEngine, place_order: Callable[[], str], sandbox: EmbeddedSandbox, client: MarketplaceClient,
    tmp_path: Path,
) -> None:
    order_id = place_order()
    version, _ = server_order(client, order_id)
    sandbox.stop()
    first = queue_price_change(engine.db, order_id, 2000)
    second = queue_price_change(engine.db, order_id, 2500)  # queued on the same cached version
    offline = engine.sync_once()
    assert not offline.online and offline.applied == 0
    assert command(engine.db, first.id).attempts == 1 and state_of(engine.db, second.id) is CommandState.PENDING
    engine.db.close()

    db = CacheDatabase.open(tmp_path / "cache.sqlite3")  # the app restarts, still offline
    try:
        restarted = SyncEngine(client, db)
        assert set(commands(db)) == {first.id, second.id}
        sandbox.start()  # same port, same data
        back = restarted.sync_once()
        assert back.online and back.applied == 2 and commands(db) == {}
        # In creation order: the later price is the one that stays.
        assert server_order(client, order_id)[0] == version + 2
        assert server_order(client, order_id)[1]["amount_fen"] == 2500
        assert cached_entities(db, "order")[order_id] == server_order(client, order_id)
    finally:
        db.close()


def test_other_entities_keep_flowing_past_a_rejected_one_in_creation_order(
    engine: SyncEngine, place_order: Callable[[], str], sandbox: EmbeddedSandbox
) -> None:
    a, b = place_order(), place_order()
    operator(sandbox, "POST", f"/orders/{a}/pay")
    a1 = queue_price_change(engine.db, a, 1000)
    a2 = queue_price_change(engine.db, a, 1100)
    b1 = queue_price_change(engine.db, b, 2000)
    b2 = queue_price_change(engine.db, b, 2100)
    network = losing(engine.client)
    outcome = engine.sync_once()
    assert outcome.rejected == 1 and outcome.applied == 2
    assert [state_of(engine.db, c.id) for c in (a1, a2, b1, b2)] == [
        CommandState.REJECTED, CommandState.HELD, CommandState.APPLIED, CommandState.APPLIED]
    sent = [key for _, url, key in network.sent if "price-change" in url]
    assert sent == [a1.idempotency_key, b1.idempotency_key, b2.idempotency_key]
    assert server_order(engine.client, b)[1]["amount_fen"] == 2100


def test_a_granted_discount_takes_the_servers_id(engine: SyncEngine, sandbox: EmbeddedSandbox) -> None:
    listings = server_entities(engine.client, "listing")
    listing_id = next(i for i, (_, d) in sorted(listings.items()) if d["state"] == "on_sale")
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    cmd = queue_grant(engine.db, listing_id, "buyer-77", 85, start)
    with engine.db.session() as s:
        assert [c.id for c in outbox.open_commands_of_kind(s, "discount.create")] == [cmd.id]
    outcome = engine.sync_once()
    assert outcome.applied == 1
    [new_id] = outcome.changes.ids("discount") - {cmd.entity_id}
    cached = cached_entities(engine.db, "discount")
    assert cached[new_id] == server_entities(engine.client, "discount")[new_id]
    assert cached[new_id][1]["percent"] == 85


def test_a_discount_queued_and_revoked_offline_is_granted_then_revoked(
    engine: SyncEngine, sandbox: EmbeddedSandbox
) -> None:
    listings = server_entities(engine.client, "listing")
    listing_id = next(i for i, (_, d) in sorted(listings.items()) if d["state"] == "on_sale")
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
    grant = queue_grant(engine.db, listing_id, "buyer-88", 90, start)
    revoke = queue_revoke(engine.db, grant.entity_id)  # by its local id: no server id yet
    outcome = engine.sync_once()
    assert outcome.applied == 2 and outcome.rejected == 0
    revoked = command(engine.db, revoke.id)
    assert revoked.entity_id != grant.entity_id and revoked.path == f"/discounts/{revoked.entity_id}"
    version, data = server_entities(engine.client, "discount")[revoked.entity_id]
    assert data["state"] == "revoked" and data["revoked_at"]
    assert cached_entities(engine.db, "discount")[revoked.entity_id] == (version, data)


def test_an_overlapping_discount_is_rejected_with_the_conflicting_one(engine: SyncEngine) -> None:
    listings = server_entities(engine.client, "listing")
    listing_id = next(i for i, (_, d) in sorted(listings.items()) if d["state"] == "on_sale")
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=60)
    first = queue_grant(engine.db, listing_id, "buyer-99", 80, start, days=10)
    second = queue_grant(engine.db, listing_id, "buyer-99", 70, start + dt.timedelta(days=5), days=10)
    outcome = engine.sync_once()
    assert outcome.applied == 1 and outcome.rejected == 1
    refused = command(engine.db, second.id)
    assert refused.error_code == "DISCOUNT_OVERLAP" and refused.error_details.get("conflicting")
    with engine.db.session() as s:
        assert [c.id for c in outbox.open_commands_of_kind(s, "discount.create")] == [second.id]
    assert state_of(engine.db, first.id) is CommandState.APPLIED


def test_marking_a_message_read_counts_at_once_and_reaches_the_server(engine: SyncEngine) -> None:
    with engine.db.session() as s:
        before = unread_count(s)
        [message_id, *_] = message_ids(s, unread_only=True)
    with engine.db.session(write=True) as s, s.begin():
        cmd = outbox.enqueue(s, kind="message.read", entity="message", entity_id=message_id, base_version=None,
                             method="POST", path=f"/messages/{message_id}/read", payload=None, summary={},
                             created_by="owner")
    with engine.db.session() as s:
        assert unread_count(s) == before - 1  # offline too: the queued mark counts
    assert engine.sync_once().applied == 1
    assert state_of(engine.db, cmd.id) is CommandState.APPLIED
    assert server_entities(engine.client, "message")[message_id][1]["read"] is True
    with engine.db.session() as s:
        assert unread_count(s) == before - 1 and messages_by_id(s, [message_id])[message_id].read


def test_marking_every_message_read_is_one_command_that_reaches_the_server(
    engine: SyncEngine, place_order: Callable[[], str]
) -> None:
    place_order()
    place_order()
    with engine.db.session() as s:
        unread = message_ids(s, unread_only=True)
        queued = mark_all_read_command(s)
    assert len(unread) >= 2 and queued is not None
    with engine.db.session(write=True) as s, s.begin():
        cmd = outbox.enqueue(s, created_by="owner", **queued)
    with engine.db.session() as s:
        assert unread_count(s) == 0  # offline too: the queued mark counts for every message
    outcome = engine.sync_once()
    assert outcome.applied == 1 and outcome.rejected == 0
    assert command(engine.db, cmd.id).state is CommandState.APPLIED
    on_server = server_entities(engine.client, "message")
    assert all(on_server[i][1]["read"] is True for i in unread)
    assert not [i for i, (_, data) in on_server.items() if not data["read"]]
    with engine.db.session() as s:
        rows = messages_by_id(s, unread)
        assert unread_count(s) == 0 and all(m.read and m.data["read"] for m in rows.values())


def test_a_mark_all_read_the_server_refuses_is_kept_with_its_reason(engine: SyncEngine) -> None:
    with engine.db.session() as s:
        queued = mark_all_read_command(s)
    assert queued is not None
    queued["payload"] = {**queued["payload"], "kind": "Not a kind!"}
    with engine.db.session(write=True) as s, s.begin():
        cmd = outbox.enqueue(s, created_by="owner", **queued)
    assert engine.sync_once().rejected == 1
    refused = command(engine.db, cmd.id)
    assert refused.state is CommandState.REJECTED and refused.error_code == "VALIDATION_FAILED"
    assert "kind" in refused.error_details["fields"]
