"""Writing server changes into the cache: versions only move forward, replays are harmless."""

from __future__ import annotations

import json

from sqlalchemy import select

from tests.cache.conftest import change, order_change, tombstone
from vendor_desktop.cache.core import sync_state
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import Entity, Listing
from vendor_desktop.cache.orders.queries import order_detail


def _apply(db: CacheDatabase, changes: list[dict]) -> ChangeSet:
    with db.session(write=True) as s, s.begin():
        return apply_changes(s, changes)


def test_upsert_inserts_then_updates_to_a_newer_version(db: CacheDatabase) -> None:
    _apply(db, [order_change("1", 1, state="unpaid")])
    _apply(db, [order_change("1", 2, state="paid", paid_at="2024-06-01T11:00:00+08:00")])
    with db.session() as s:
        row = order_detail(s, "1")
    assert row is not None and row.version == 2 and row.state == "paid"
    assert row.paid_at is not None and row.paid_at.hour == 11


def test_an_older_version_never_overwrites_a_newer_one(db: CacheDatabase) -> None:
    _apply(db, [order_change("1", 5, amount_fen=500)])
    _apply(db, [order_change("1", 3, amount_fen=300)])
    with db.session() as s:
        row = order_detail(s, "1")
    assert row is not None and row.version == 5 and row.amount_fen == 500


def test_replaying_a_page_changes_nothing(db: CacheDatabase) -> None:
    page = [order_change("1", 1), order_change("2", 1), order_change("1", 2, state="paid")]
    page.append(tombstone("order", "2"))
    _apply(db, page)
    _apply(db, page)
    with db.session() as s:
        one = order_detail(s, "1")
        assert one is not None and one.version == 2 and one.state == "paid"
        assert order_detail(s, "2") is None


def test_tombstone_deletes_the_row(db: CacheDatabase) -> None:
    _apply(db, [change("listing", "L1", 1, name="A", state="on_sale")])
    touched = _apply(db, [tombstone("listing", "L1")])
    assert touched.ids("listing") == {"L1"}
    with db.session() as s:
        assert s.get(Listing, "L1") is None


def test_unknown_entities_and_extra_fields_are_kept_as_json(db: CacheDatabase) -> None:
    touched = _apply(db, [
        change("space_station", "S1", 1, orbit="LEO"),
        order_change("1", 1, brand_new_field={"nested": [1, 2]}),
    ])
    assert touched.entities() == {"space_station", "order"}
    with db.session() as s:
        stored = s.get(Entity, ("space_station", "S1"))
        assert stored is not None and json.loads(stored.data) == {"orbit": "LEO"}
        row = order_detail(s, "1")
        assert row is not None and row.data["brand_new_field"] == {"nested": [1, 2]}
    _apply(db, [tombstone("space_station", "S1")])
    with db.session() as s:
        assert s.scalars(select(Entity)).all() == []


def test_malformed_changes_are_skipped_not_fatal(db: CacheDatabase) -> None:
    touched = _apply(db, [
        {"entity": "order", "version": 1, "data": {}},  # no id
        {"id": "x", "version": 1, "data": {}},  # no entity
        order_change("ok", 1, amount_fen="not a number", created_at="yesterday-ish"),
        {"entity": "order", "id": "nodata", "version": 1, "data": None},
    ])
    assert touched.ids("order") == {"ok", "nodata"}
    with db.session() as s:
        row = order_detail(s, "ok")
    assert row is not None and row.amount_fen is None


def test_messages_and_profile_land_in_their_tables(db: CacheDatabase) -> None:
    from vendor_desktop.cache.messages.queries import message_ids, messages_by_id, unread_count, vendor_profile

    _apply(db, [
        change("message", "m1", 1, kind="order", title="新订单", read=False,
               created_at="2024-06-01T09:00:00+08:00"),
        change("message", "m2", 1, kind="review", title="审核通过", read=True,
               created_at="2024-06-01T02:00:00Z"),
        change("message", "m3", 1, kind="order", title="x", read=False,
               created_at="2024-06-01T08:30:00+08:00"),
        change("vendor_profile", "acct", 1, account_id="acct", company_name="云栈科技"),
    ])
    with db.session() as s:
        # 02:00Z is 10:00 in Shanghai: newest, even though its text sorts first.
        assert message_ids(s) == ["m2", "m1", "m3"]
        assert message_ids(s, unread_only=True) == ["m1", "m3"]
        assert unread_count(s) == 2
        rows = messages_by_id(s, ["m1", "missing"])
        assert set(rows) == {"m1"} and rows["m1"].title == "新订单" and rows["m1"].read is False
        assert vendor_profile(s) == {"account_id": "acct", "company_name": "云栈科技"}


def test_changeset_merges_and_reports(db: CacheDatabase) -> None:
    a, b = ChangeSet(), ChangeSet()
    assert not a
    a.add("order", "1")
    b.add("order", "2")
    b.add("listing", "L")
    a.merge(b)
    assert a and a.entities() == {"order", "listing"} and a.ids("order") == {"1", "2"}
    assert a.ids("nothing") == frozenset() and len(a) == 3


def test_resync_sweep_removes_only_rows_the_resync_did_not_see(db: CacheDatabase) -> None:
    _apply(db, [order_change("keep", 1), order_change("gone", 1), change("widget", "w", 1)])
    _apply(db, [order_change("newer", 7)])
    with db.session(write=True) as s, s.begin():
        gen = sync_state.start_resync(s)
        # The server sends "newer" at an older version than cached (a command response got
        # there first): the row is kept and still counts as seen.
        apply_changes(s, [order_change("keep", 2), order_change("newer", 6)], generation=gen)
        swept = sync_state.finish_resync(s)
    assert swept.ids("order") == {"gone"} and swept.ids("widget") == {"w"}
    with db.session() as s:
        assert order_detail(s, "keep") is not None and order_detail(s, "gone") is None
        newer = order_detail(s, "newer")
        assert newer is not None and newer.version == 7
        assert not sync_state.is_resyncing(s)
