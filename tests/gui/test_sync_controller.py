"""The sync controller off the GUI thread: offline with backoff, automatic reconnect, periodic pulls."""

from __future__ import annotations

import random

import httpx
import pytest

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.backoff import Backoff
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.engine import SyncEngine
from vendor_desktop.viewmodels.core.sync_status import Connection, SyncController


@pytest.fixture
def marketplace(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    sandbox = EmbeddedSandbox(url, operator_token="op").start()
    vendor = sandbox.seed(orders=40, listings=6, seed=3)
    state = {"sandbox": sandbox, "url": url, "vendor": vendor}
    yield state
    state["sandbox"].stop()


def signed_in_engine(sandbox, vendor, tmp_path) -> SyncEngine:
    client = MarketplaceClient(sandbox.base_url)
    password = next(u["password"] for u in vendor["users"] if u["username"] == "owner")
    client.login(vendor["account_id"], "owner", password)
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    return SyncEngine(client, db, backoff=Backoff(initial=0.2, cap=0.5, rng=random.Random(1)), page_size=10)


def test_reports_progress_and_the_changes_of_a_pull(qtbot, runner, marketplace, tmp_path):
    engine = signed_in_engine(marketplace["sandbox"], marketplace["vendor"], tmp_path)
    sync = SyncController(engine, runner, interval_ms=3_600_000)
    states = []
    sync.state_changed.connect(states.append)
    with qtbot.waitSignal(sync.data_changed, timeout=30_000) as changed:
        sync.sync_now()
    qtbot.waitUntil(lambda: sync.state == Connection.ONLINE)
    assert states[0] == "syncing" and states[-1] == "online"
    assert len(changed.args[0].ids("order")) == 40
    assert sync.last_synced is not None
    sync.stop()


def test_goes_offline_and_reconnects_by_itself_when_the_backend_returns(qtbot, runner, marketplace, tmp_path):
    sandbox = marketplace["sandbox"]
    engine = signed_in_engine(sandbox, marketplace["vendor"], tmp_path)
    port = sandbox.port
    sandbox.stop()
    sync = SyncController(engine, runner, interval_ms=3_600_000)
    sync.sync_now()
    qtbot.waitUntil(lambda: sync.state == Connection.OFFLINE, timeout=15_000)
    assert engine.backoff.attempts >= 1

    marketplace["sandbox"] = EmbeddedSandbox(marketplace["url"], port=port, operator_token="op").start()
    # No user action: the backoff timer tries again and the pull succeeds.
    qtbot.waitUntil(lambda: sync.state == Connection.ONLINE, timeout=30_000)
    assert engine.backoff.attempts == 0
    sync.stop()


def test_periodic_pull_brings_new_orders_without_asking(qtbot, runner, marketplace, tmp_path):
    sandbox, vendor = marketplace["sandbox"], marketplace["vendor"]
    engine = signed_in_engine(sandbox, vendor, tmp_path)
    sync = SyncController(engine, runner, interval_ms=300)
    with qtbot.waitSignal(sync.data_changed, timeout=30_000):
        sync.sync_now()
    listing = engine.client.changes(None, 2000).changes
    listing_id = next(c["id"] for c in listing if c["entity"] == "listing" and c["data"]["state"] == "on_sale")
    placed = httpx.post(
        f"{sandbox.base_url}/api/v1/sandbox/orders",
        json={"account_id": vendor["account_id"], "listing_id": listing_id, "buyer_account_id": "B-PERIODIC"},
        headers={"Authorization": "Bearer op"},
    )
    assert placed.status_code == 201
    with qtbot.waitSignal(
        sync.data_changed, timeout=30_000, check_params_cb=lambda c: placed.json()["id"] in c.ids("order")
    ):
        pass
    sync.stop()
