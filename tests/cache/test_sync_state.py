"""Pull bookkeeping: cursor, last success, signed-in user."""

from __future__ import annotations

import datetime as dt

from tests.cache.conftest import order_change
from vendor_desktop.cache.core import sync_state
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.queries import OrderQuery, count_orders


def test_fresh_cache_has_no_cursor_and_never_synced(db: CacheDatabase) -> None:
    with db.session() as s:
        assert sync_state.cursor(s) is None
        assert sync_state.last_success_at(s) is None
        assert sync_state.signed_in_user(s) is None
        assert sync_state.generation(s) == 0


def test_cursor_and_success_survive_reopening(db: CacheDatabase) -> None:
    when = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)
    with db.session(write=True) as s, s.begin():
        sync_state.set_cursor(s, "c-42")
        sync_state.mark_success(s, when)
    path = db.path
    db.close()
    again = CacheDatabase.open(path)
    with again.session() as s:
        assert sync_state.cursor(s) == "c-42"
        assert sync_state.last_success_at(s) == when
    again.close()


def test_signed_in_user_is_remembered_for_offline_use(db: CacheDatabase) -> None:
    user = {"id": "u1", "username": "owner", "role": "owner", "permissions": ["orders.read"]}
    with db.session(write=True) as s, s.begin():
        assert not sync_state.save_signed_in_user(s, user)
    with db.session() as s:
        assert sync_state.signed_in_user(s) == user


def test_another_user_signing_in_wipes_what_the_previous_user_could_see(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        sync_state.save_signed_in_user(s, {"id": "u1", "role": "owner"})
        apply_changes(s, [order_change("1")])
        sync_state.set_cursor(s, "c-9")
    with db.session(write=True) as s, s.begin():
        # The same user again keeps everything.
        assert not sync_state.save_signed_in_user(s, {"id": "u1", "role": "owner"})
        wiped = sync_state.save_signed_in_user(s, {"id": "u2", "role": "support"})
    assert wiped.ids("order") == {"1"}
    with db.session() as s:
        assert count_orders(s, OrderQuery()) == 0
        assert sync_state.cursor(s) is None
        assert sync_state.signed_in_user(s) == {"id": "u2", "role": "support"}
