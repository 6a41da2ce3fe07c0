"""A cache file that cannot be used keeps its unsent changes: they move into the new file (issue 9.6)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tests.cache.conftest import order_change
from tests.cache.damage import damage_page, damage_the_orders, page_holding, stamp_a_newer_version
from vendor_desktop.cache.core import database, outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.core.outbox_results import mark_applied, mark_rejected, mark_sending
from vendor_desktop.cache.orders.queries import OrderQuery, count_orders


def price_change(db: CacheDatabase, order_id: str, new_fen: int, *, reason: str = "agreed", base: int = 1) -> Command:
    with db.session(write=True) as s, s.begin():
        return outbox.enqueue(
            s, kind="order.price_change", entity="order", entity_id=order_id, base_version=base,
            method="POST", path=f"/orders/{order_id}/price-change",
            payload={"new_price_fen": new_fen, "reason": reason},
            summary={"number": f"NO{order_id}", "old_fen": 10000, "new_fen": new_fen},
            created_by="owner",
        )


def open_commands(db: CacheDatabase) -> list[Command]:
    with db.session() as s:
        return outbox.visible_commands(s)


def a_cache_with_every_kind_of_unsent_change(path: Path) -> dict[str, Command]:
    """Orders to damage, and one command in each state: pending, sending, rejected, held, applied."""
    db = CacheDatabase.open(path)
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [order_change(str(i)) for i in range(300)])
    queued = {
        "pending": price_change(db, "1", 8000, base=1),
        "sending": price_change(db, "2", 7000, base=2),
        "rejected": price_change(db, "3", 6000, base=3),
        "applied": price_change(db, "5", 4000, base=5),
    }
    queued["held"] = price_change(db, "3", 5500, base=3)  # behind the rejected one on order 3
    now = dt.datetime.now(dt.UTC)
    with db.session(write=True) as s, s.begin():
        mark_sending(s, queued["sending"].id, now)
        mark_sending(s, queued["rejected"].id, now)
        mark_rejected(s, queued["rejected"].id, code="ORDER_NOT_UNPAID", message="The buyer paid",
                      message_zh="买家已支付", details={"state": "paid"}, now=now)
        mark_sending(s, queued["applied"].id, now)
        mark_applied(s, queued["applied"].id, order_change("5", 6, amount_fen=4000), now)
    db.close()
    return queued


def assert_unsent_changes_kept(db: CacheDatabase, queued: dict[str, Command]) -> None:
    kept = {c.idempotency_key: c for c in open_commands(db)}
    unsent = ("pending", "sending", "rejected", "held")
    assert set(kept) == {queued[name].idempotency_key for name in unsent}  # the applied one stays behind
    for name in unsent:
        before, after = queued[name], kept[queued[name].idempotency_key]
        assert (after.kind, after.entity_id, after.base_version, after.method, after.path, after.payload) == (
            before.kind, before.entity_id, before.base_version, before.method, before.path, before.payload)
        assert after.created_by == "owner" and after.summary == before.summary
    # Sending may have reached the server: pending again, with its key, so a resend is a replay.
    assert kept[queued["sending"].idempotency_key].state == CommandState.PENDING
    assert kept[queued["pending"].idempotency_key].state == CommandState.PENDING
    rejected = kept[queued["rejected"].idempotency_key]
    assert rejected.state == CommandState.REJECTED and rejected.error_code == "ORDER_NOT_UNPAID"
    assert rejected.error_message_zh == "买家已支付"
    assert kept[queued["held"].idempotency_key].state == CommandState.HELD
    # Per-entity order survives: the held change still comes after the rejected one.
    assert rejected.id < kept[queued["held"].idempotency_key].id
    assert db.recovery.kept == 4 and db.recovery.lost == 0 and db.recovery.outbox_read


def test_unsent_changes_of_a_damaged_cache_are_kept_with_their_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    queued = a_cache_with_every_kind_of_unsent_change(path)
    damage_the_orders(path)

    db = CacheDatabase.open(path)
    try:
        assert_unsent_changes_kept(db, queued)
        assert db.recovery.reason is database.SetAsideReason.DAMAGED
        assert ".corrupt-" in db.recovery.moved_to.name
        with db.session() as s:
            assert count_orders(s, OrderQuery()) == 0  # synced rows come again with the next pull
    finally:
        db.close()


def test_unsent_changes_of_a_cache_from_a_newer_version_are_kept_with_their_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    queued = a_cache_with_every_kind_of_unsent_change(path)
    stamp_a_newer_version(path)  # a column more in its outbox, and a revision unknown here

    db = CacheDatabase.open(path)
    try:
        assert_unsent_changes_kept(db, queued)
        assert db.recovery.reason is database.SetAsideReason.NEWER_VERSION
        assert ".incompatible-" in db.recovery.moved_to.name
    finally:
        db.close()
    # The newer version's file is kept as it was, for that version.
    kept_aside = sqlite3.connect(db.recovery.moved_to)
    try:
        assert kept_aside.execute("SELECT count(*) FROM outbox WHERE state != 'applied'").fetchone() == (4,)
    finally:
        kept_aside.close()


def test_a_damaged_page_of_the_outbox_loses_only_the_changes_on_it(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = CacheDatabase.open(path)
    padding = "x" * 500  # a few changes per page, so the outbox spans many pages
    queued = [price_change(db, str(i), 1000 + i, reason=f"marker-{i:04d}-{padding}") for i in range(200)]
    db.close()
    damage_page(path, page_holding(path, b"marker-0100-"))

    again = CacheDatabase.open(path)
    try:
        kept = {c.idempotency_key: c for c in open_commands(again)}
        assert queued[0].idempotency_key in kept and queued[199].idempotency_key in kept
        assert queued[100].idempotency_key not in kept
        recovery = again.recovery
        assert recovery.reason is database.SetAsideReason.DAMAGED and recovery.outbox_read
        assert 0 < recovery.lost < 20 and recovery.kept == len(kept) == 200 - recovery.lost
        for command in queued:
            if command.idempotency_key in kept:
                assert kept[command.idempotency_key].payload == command.payload
    finally:
        again.close()


def test_a_file_that_is_not_a_database_says_its_changes_could_not_be_read(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 200)
    db = CacheDatabase.open(path)
    try:
        assert db.recovery.reason is database.SetAsideReason.DAMAGED
        assert db.recovery.kept == 0 and not db.recovery.outbox_read
    finally:
        db.close()
