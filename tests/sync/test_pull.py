"""Pulling the sandbox's changes into the cache, over real HTTP (API.md "Sync (pull)")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sync.conftest import Vendor, cache_state, operator, server_state
from vendor_desktop.cache.core import sync_state
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.queries import OrderQuery, count_orders, order_detail
from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.errors import ApiError
from vendor_desktop.sync.pull import Puller, PullProgress


def test_full_pull_makes_the_cache_equal_to_the_server(
    client: MarketplaceClient, cache: CacheDatabase
) -> None:
    seen: list[PullProgress] = []
    changed = Puller(client, cache, page_size=25).pull(progress=seen.append)
    server = server_state(client)
    assert cache_state(cache) == server
    assert {e: len(ids) for e, ids in server.items()}["order"] == 60
    assert {"order", "listing", "message", "vendor_profile"} <= server.keys()
    assert changed.ids("order") == set(server["order"])
    # Pages of 25 until the end; the last one says there is no more.
    assert [p.pages for p in seen] == list(range(1, len(seen) + 1))
    assert seen[-1].has_more is False and all(p.has_more for p in seen[:-1])
    assert seen[-1].changes_applied == sum(len(ids) for ids in server.values())
    with cache.session() as s:
        assert sync_state.last_success_at(s) is not None
        assert count_orders(s, OrderQuery()) == 60


def test_incremental_pull_brings_a_new_order_and_its_payment(
    sandbox: EmbeddedSandbox, vendor: Vendor, client: MarketplaceClient, cache: CacheDatabase
) -> None:
    puller = Puller(client, cache)
    puller.pull()
    listing_id = next(iter(server_state(client)["listing"]))
    order = operator(
        sandbox, "POST", "/orders",
        {"account_id": vendor.account_id, "listing_id": listing_id, "buyer_account_id": "buyer-1"},
    )
    order_id = order["id"]

    changed = puller.pull()
    assert order_id in changed.ids("order")
    # Only what changed since the cursor came: the new order (and its new-order message, R-ORD-2).
    assert changed.entities() <= {"order", "message"}
    with cache.session() as s:
        row = order_detail(s, order_id)
    assert row is not None and row.state == "unpaid" and row.listing_id == listing_id

    operator(sandbox, "POST", f"/orders/{order_id}/pay")
    changed = puller.pull()
    assert order_id in changed.ids("order")
    with cache.session() as s:
        row = order_detail(s, order_id)
    assert row is not None and row.paid_at is not None
    # R-ORD-5: a manual service waits for delivery; SaaS, API and image complete as they are paid.
    assert row.state == ("paid" if delivered_by_vendor(row.market) else "completed")
    assert row.paid_at.tzinfo is not None
    assert cache_state(cache) == server_state(client)


def test_nothing_new_means_an_empty_change_set(client: MarketplaceClient, cache: CacheDatabase) -> None:
    puller = Puller(client, cache)
    puller.pull()
    assert not puller.pull()


class Crash(Exception):
    pass


def test_a_crash_mid_pull_resumes_without_duplicates_or_gaps(
    client: MarketplaceClient, cache: CacheDatabase
) -> None:
    def crash_after_page_2(p: PullProgress) -> None:
        if p.pages == 2:
            raise Crash

    with pytest.raises(Crash):
        Puller(client, cache, page_size=20).pull(progress=crash_after_page_2)
    # Two pages committed, each with its cursor; nothing of page 3.
    assert sum(len(ids) for ids in cache_state(cache).values()) == 40
    with cache.session() as s:
        assert sync_state.cursor(s) is not None
        assert sync_state.last_success_at(s) is None

    # "Restart": a new puller over the same file continues from the stored cursor.
    seen: list[PullProgress] = []
    Puller(client, cache, page_size=20).pull(progress=seen.append)
    server = server_state(client)
    assert cache_state(cache) == server
    # The second run fetched only what the first did not: no page was replayed or skipped.
    assert seen[-1].changes_applied == sum(len(ids) for ids in server.values()) - 40


def test_cancelling_stops_between_pages_and_the_next_pull_continues(
    client: MarketplaceClient, cache: CacheDatabase
) -> None:
    pages: list[PullProgress] = []
    Puller(client, cache, page_size=10).pull(progress=pages.append, cancelled=lambda: len(pages) >= 3)
    assert len(pages) == 3 and pages[-1].has_more
    Puller(client, cache, page_size=10).pull()
    assert cache_state(cache) == server_state(client)


def test_expired_cursor_triggers_a_full_resync_that_drops_rows_deleted_meanwhile(
    sandbox: EmbeddedSandbox, client: MarketplaceClient, cache: CacheDatabase
) -> None:
    puller = Puller(client, cache, page_size=50)
    puller.pull()
    before = cache_state(cache)
    # While the app was away: the operator removed a listing, and a row the server no longer has
    # (its tombstone long compacted away) lingers in the cache.
    removed = sorted(before["listing"])[0]
    operator(sandbox, "DELETE", f"/listings/{removed}")
    with cache.session(write=True) as s, s.begin():
        apply_changes(s, [{"entity": "order", "id": "ghost", "version": 1, "data": {"number": "X"}},
                          {"entity": "mystery", "id": "m1", "version": 1, "data": {}}])
    operator(sandbox, "POST", "/sync/expire-cursors")

    # The old rows stay visible while the resync runs; checked on its first page.
    visible_during: list[bool] = []

    def check(_p: PullProgress) -> None:
        with cache.session() as s:
            visible_during.append(order_detail(s, "ghost") is not None)

    changed = puller.pull(progress=check)
    assert visible_during[0] is True
    assert cache_state(cache) == server_state(client)
    assert removed not in cache_state(cache).get("listing", {})
    assert "ghost" in changed.ids("order") and "m1" in changed.ids("mystery")
    with cache.session() as s:
        assert order_detail(s, "ghost") is None
        assert not sync_state.is_resyncing(s)


def test_a_resync_interrupted_by_a_crash_still_sweeps_when_it_finishes(
    sandbox: EmbeddedSandbox, client: MarketplaceClient, cache: CacheDatabase
) -> None:
    Puller(client, cache, page_size=50).pull()
    with cache.session(write=True) as s, s.begin():
        apply_changes(s, [{"entity": "order", "id": "ghost", "version": 1, "data": {}}])
    operator(sandbox, "POST", "/sync/expire-cursors")

    def crash(p: PullProgress) -> None:
        raise Crash

    with pytest.raises(Crash):
        Puller(client, cache, page_size=50).pull(progress=crash)
    with cache.session() as s:
        assert sync_state.is_resyncing(s)
        assert order_detail(s, "ghost") is not None
    Puller(client, cache, page_size=50).pull()
    assert cache_state(cache) == server_state(client)


def test_a_garbage_cursor_in_the_cache_recovers_by_resyncing(
    client: MarketplaceClient, cache: CacheDatabase
) -> None:
    with cache.session(write=True) as s, s.begin():
        sync_state.set_cursor(s, "not-a-cursor")
    Puller(client, cache).pull()
    assert cache_state(cache) == server_state(client)


def test_a_role_that_may_not_read_orders_gets_no_orders(
    sandbox: EmbeddedSandbox, vendor: Vendor, cache: CacheDatabase
) -> None:
    finance = MarketplaceClient(sandbox.base_url)
    finance.login(vendor.account_id, "finance", vendor.passwords["finance"])
    Puller(finance, cache).pull()
    state = cache_state(cache)
    assert "order" not in state and "vendor_profile" in state


def test_last_success_is_recorded_only_at_the_end(client: MarketplaceClient, cache: CacheDatabase) -> None:
    before = dt.datetime.now(dt.UTC)
    times: list[dt.datetime | None] = []

    def look(p: PullProgress) -> None:
        with cache.session() as s:
            times.append(sync_state.last_success_at(s))

    Puller(client, cache, page_size=30).pull(progress=look)
    assert all(t is None for t in times[:-1])
    assert times[-1] is not None and times[-1] >= before


def test_page_size_is_bounded_by_the_api(client: MarketplaceClient, cache: CacheDatabase) -> None:
    with pytest.raises(ValueError):
        Puller(client, cache, page_size=5000)


def test_other_api_errors_propagate(sandbox: EmbeddedSandbox, vendor: Vendor, cache: CacheDatabase) -> None:
    c = MarketplaceClient(sandbox.base_url)
    with pytest.raises(ApiError) as err:
        c.login(vendor.account_id, "owner", "wrong")
    assert err.value.status == 401 and err.value.code == "INVALID_CREDENTIALS"
    assert err.value.message and err.value.message_zh
