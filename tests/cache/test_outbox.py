"""The durable outbox's states and queries, without a server (DESIGN "Outbox states")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.cache.conftest import change, order_change
from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import COMMAND_ENTITY, Command, CommandState
from vendor_desktop.cache.core.outbox_results import mark_applied, mark_rejected, mark_sending, mark_transient
from vendor_desktop.cache.messages.queries import message_ids, messages_by_id, unread_count
from vendor_desktop.cache.orders.queries import order_detail

T0 = dt.datetime(2024, 6, 1, 2, 0, tzinfo=dt.UTC)


def price_change(db: CacheDatabase, order_id: str, new_fen: int, base: int | None = 1) -> Command:
    with db.session(write=True) as s, s.begin():
        return outbox.enqueue(
            s, kind="order.price_change", entity="order", entity_id=order_id, base_version=base,
            method="post", path=f"/orders/{order_id}/price-change",
            payload={"new_price_fen": new_fen, "reason": "test"},
            summary={"number": f"NO{order_id}", "old_fen": 10000, "new_fen": new_fen},
            created_by="owner", now=T0,
        )


def states(db: CacheDatabase) -> dict[int, CommandState]:
    with db.session() as s:
        return {c.id: c.state for c in outbox.visible_commands(s)}


def due(db: CacheDatabase, now: dt.datetime = T0) -> Command | None:
    with db.session() as s:
        return outbox.next_due(s, now)


def reject(db: CacheDatabase, command_id: int, code: str = "ORDER_NOT_UNPAID") -> None:
    with db.session(write=True) as s, s.begin():
        mark_sending(s, command_id, T0)
        mark_rejected(s, command_id, code=code, message="The buyer paid", message_zh="买家已付款",
                      details={"state": "paid"}, now=T0)


def apply_answer(db: CacheDatabase, command_id: int, answer: dict[str, Any]) -> None:
    with db.session(write=True) as s, s.begin():
        mark_sending(s, command_id, T0)
        mark_applied(s, command_id, answer, T0)


def test_an_enqueued_command_is_durable_typed_and_due(tmp_path: Path) -> None:
    db = CacheDatabase.open(tmp_path / "c.sqlite3")
    queued = price_change(db, "o1", 8800)
    db.close()
    db = CacheDatabase.open(tmp_path / "c.sqlite3")  # as after a restart
    try:
        with db.session() as s:
            [again] = outbox.visible_commands(s)
            counts = outbox.count_by_state(s)
        assert again == queued
        assert again.state is CommandState.PENDING and again.attempts == 0 and again.next_try_at is None
        assert again.method == "POST" and again.payload == {"new_price_fen": 8800, "reason": "test"}
        assert again.summary["new_fen"] == 8800 and again.created_at == T0 and again.created_at.tzinfo
        assert len(again.idempotency_key) == 36
        assert counts[CommandState.PENDING] == 1 and counts[CommandState.REJECTED] == 0
        assert due(db) == again
    finally:
        db.close()


def test_commands_on_one_entity_go_in_creation_order_while_others_flow(db: CacheDatabase) -> None:
    a1 = price_change(db, "a", 9000)
    a2 = price_change(db, "a", 8000)
    b1 = price_change(db, "b", 7000)
    assert due(db) == a1
    with db.session(write=True) as s, s.begin():
        mark_sending(s, a1.id, T0)
    # a2 waits for a1 on the wire; b1 is another order and goes.
    assert due(db) == b1
    with db.session(write=True) as s, s.begin():
        mark_transient(s, a1.id, error="offline", next_try_at=T0 + dt.timedelta(seconds=30), now=T0)
    nxt = due(db)
    assert nxt is not None and nxt.id == b1.id
    with db.session() as s:
        [failed] = outbox.open_commands_for(s, "order", ["a"])["a"][:1]
        assert outbox.next_try_in(s, T0) == 0.0  # b1 is due
    assert failed.attempts == 1 and failed.last_error == "offline" and failed.state is CommandState.PENDING
    reject(db, b1.id)
    # a1 is backing off, a2 behind it, b1 rejected: nothing due until a1's time comes.
    assert due(db) is None
    with db.session() as s:
        assert outbox.next_try_in(s, T0) == 30.0
    later = due(db, T0 + dt.timedelta(seconds=31))
    assert later is not None and later.id == a1.id
    assert a2.id not in {c.id for c in [due(db, T0 + dt.timedelta(days=1))] if c}


def test_a_rejection_holds_later_commands_on_its_entity_until_discarded(db: CacheDatabase) -> None:
    first = price_change(db, "a", 9000)
    second = price_change(db, "a", 8000)
    other = price_change(db, "b", 7000)
    reject(db, first.id)
    assert states(db) == {first.id: CommandState.REJECTED, second.id: CommandState.HELD,
                          other.id: CommandState.PENDING}
    # A command queued after the rejection waits too.
    third = price_change(db, "a", 7500)
    assert states(db)[third.id] is CommandState.HELD
    with db.session() as s:
        rejected = outbox.get_command(s, first.id)
    assert rejected is not None and rejected.error_code == "ORDER_NOT_UNPAID"
    assert rejected.error_message_zh == "买家已付款" and rejected.error_details == {"state": "paid"}
    nxt = due(db)
    assert nxt is not None and nxt.id == other.id

    with db.session(write=True) as s, s.begin():
        changed = outbox.discard(s, first.id)
    assert changed.ids(COMMAND_ENTITY) == {str(first.id), str(second.id), str(third.id)}
    assert changed.ids("order") == {"a"}
    assert states(db) == {second.id: CommandState.PENDING, third.id: CommandState.PENDING,
                          other.id: CommandState.PENDING}
    nxt = due(db)
    assert nxt is not None and nxt.id == second.id


def test_retry_sends_a_rejected_command_again_with_a_new_key_and_base(db: CacheDatabase) -> None:
    first = price_change(db, "a", 9000)
    held = price_change(db, "a", 8000)
    reject(db, first.id, "VERSION_CONFLICT")
    with db.session(write=True) as s, s.begin():
        # A held command stays held while the rejected one before it remains.
        assert outbox.retry(s, held.id).state is CommandState.HELD
        again = outbox.retry(s, first.id, base_version=4)
    assert again.state is CommandState.PENDING and again.base_version == 4 and again.attempts == 0
    assert again.idempotency_key != first.idempotency_key and again.error_code is None
    assert states(db)[held.id] is CommandState.PENDING
    nxt = due(db)
    assert nxt is not None and nxt.id == first.id


def test_retry_makes_a_backing_off_command_due_now(db: CacheDatabase) -> None:
    cmd = price_change(db, "a", 9000)
    with db.session(write=True) as s, s.begin():
        mark_sending(s, cmd.id, T0)
        mark_transient(s, cmd.id, error="503", next_try_at=T0 + dt.timedelta(minutes=5), now=T0)
    assert due(db) is None
    with db.session(write=True) as s, s.begin():
        again = outbox.retry(s, cmd.id)
    assert again.idempotency_key == cmd.idempotency_key  # not sent with another body: same key
    assert again.attempts == 1 and due(db) == again


def test_a_crash_while_sending_leaves_it_to_resend_with_the_same_key(tmp_path: Path) -> None:
    db = CacheDatabase.open(tmp_path / "c.sqlite3")
    cmd = price_change(db, "a", 9000)
    with db.session(write=True) as s, s.begin():
        mark_sending(s, cmd.id, T0)
    db.close()  # the app dies before the answer is recorded
    db = CacheDatabase.open(tmp_path / "c.sqlite3")
    try:
        assert due(db) is None  # still "sending"
        with db.session(write=True) as s, s.begin():
            assert outbox.recover_after_crash(s) == 1
        again = due(db)
        assert again is not None and again.idempotency_key == cmd.idempotency_key
        with db.session(write=True) as s, pytest.raises(ValueError):
            outbox.discard(s, mark_sending(s, cmd.id, T0).id)
    finally:
        db.close()


def test_applied_answer_lands_in_the_cache_and_later_commands_follow_it(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [order_change("a", 3)])
    first = price_change(db, "a", 9000, base=3)
    second = price_change(db, "a", 8000, base=3)  # queued offline on the same cached version
    apply_answer(db, first.id, {**order_change("a", 4, amount_fen=9000)})
    with db.session() as s:
        row = order_detail(s, "a")
        nxt = outbox.next_due(s, T0)
        counts = outbox.count_by_state(s)
        assert [c.id for c in outbox.visible_commands(s)] == [second.id]
    assert row is not None and row.version == 4 and row.amount_fen == 9000
    assert nxt is not None and nxt.id == second.id and nxt.base_version == 4
    assert counts[CommandState.APPLIED] == 1
    with db.session(write=True) as s, s.begin():
        assert outbox.prune_applied(s, now=T0 + dt.timedelta(days=8)) == 1


def test_a_created_entity_takes_the_servers_id_in_later_commands(db: CacheDatabase) -> None:
    local = outbox.new_local_id()
    with db.session(write=True) as s, s.begin():
        create = outbox.enqueue(
            s, kind="discount.create", entity="discount", entity_id=local, base_version=None, method="POST",
            path="/discounts", payload={"percent": 80}, summary={"percent": 80}, created_by="owner", now=T0)
        revoke = outbox.enqueue(
            s, kind="discount.revoke", entity="discount", entity_id=local, base_version=None,
            method="DELETE", path=f"/discounts/{local}", payload=None, summary={}, created_by="owner", now=T0)
        assert [c.id for c in outbox.open_commands_of_kind(s, "discount.create")] == [create.id]
    apply_answer(db, create.id, change("discount", "d-7", 1, percent=80, state="active",
                                       valid_from="2024-06-01T00:00:00+08:00"))
    nxt = due(db)
    assert nxt is not None and nxt.id == revoke.id
    assert nxt.entity_id == "d-7" and nxt.path == "/discounts/d-7" and nxt.base_version == 1


def test_a_queued_mark_read_counts_as_read_offline(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [change("message", m, 1, read=False, title=m, created_at=f"2024-06-0{i + 1}T10:00:00+08:00")
                          for i, m in enumerate(["m1", "m2"])])
        assert unread_count(s) == 2
        outbox.enqueue(s, kind="message.read", entity="message", entity_id="m1", base_version=None,
                       method="POST", path="/messages/m1/read", payload=None, summary={}, created_by="owner")
    with db.session() as s:
        assert unread_count(s) == 1
        assert message_ids(s, unread_only=True) == ["m2"]
        rows = messages_by_id(s, ["m1", "m2"])
    assert rows["m1"].read and not rows["m2"].read
