"""One sync round: online/offline, backoff, and the errors the app shows."""

from __future__ import annotations

import random

from tests.sync.conftest import Vendor, cache_state, operator, server_state
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.backoff import Backoff
from vendor_desktop.sync.client import ChangesPage, MarketplaceClient
from vendor_desktop.sync.engine import SyncEngine
from vendor_desktop.sync.errors import ApiError


def test_a_round_online_pulls_everything(client: MarketplaceClient, cache: CacheDatabase) -> None:
    outcome = SyncEngine(client, cache).sync_once()
    assert outcome.online and outcome.error is None and outcome.retry_in is None
    assert not outcome.needs_sign_in
    assert outcome.changes.ids("order") == set(server_state(client)["order"])
    assert cache_state(cache) == server_state(client)


def test_backend_down_is_offline_with_backoff_then_recovers_on_restart(
    sandbox: EmbeddedSandbox, vendor: Vendor, client: MarketplaceClient, cache: CacheDatabase
) -> None:
    engine = SyncEngine(client, cache, backoff=Backoff(2.0, 300.0, rng=random.Random(7)))
    assert engine.sync_once().online
    listing_id = next(iter(server_state(client)["listing"]))

    sandbox.stop()
    first = engine.sync_once()
    second = engine.sync_once()
    assert first.online is False and first.error is None
    assert first.retry_in is not None and 1.0 <= first.retry_in <= 2.0
    assert second.retry_in is not None and 2.0 <= second.retry_in <= 4.0
    assert not first.changes

    sandbox.start()  # same port, same (in-memory) data
    order = operator(sandbox, "POST", "/orders",
                     {"account_id": vendor.account_id, "listing_id": listing_id, "buyer_account_id": "b-9"})
    back = engine.sync_once()
    assert back.online and back.error is None and back.retry_in is None
    assert order["id"] in back.changes.ids("order")
    assert engine.backoff.attempts == 0
    assert cache_state(cache) == server_state(client)


def test_no_session_asks_for_sign_in(sandbox: EmbeddedSandbox, cache: CacheDatabase) -> None:
    outcome = SyncEngine(MarketplaceClient(sandbox.base_url), cache).sync_once()
    assert outcome.needs_sign_in and outcome.online and outcome.retry_in is None


class _Refusing:
    """A client whose every pull is refused with ``error``."""

    user = None

    def __init__(self, error: ApiError) -> None:
        self.error = error

    def changes(self, cursor: str | None, limit: int) -> ChangesPage:
        raise self.error


def test_rate_limit_retries_after_the_servers_hint(cache: CacheDatabase) -> None:
    err = ApiError(429, "RATE_LIMITED", "Too many", "太多", {"retry_after_seconds": 42})
    outcome = SyncEngine(_Refusing(err), cache).sync_once()  # type: ignore[arg-type]
    assert outcome.online and outcome.error is err and outcome.retry_in == 42


def test_a_refusal_the_user_must_act_on_is_not_retried(cache: CacheDatabase) -> None:
    err = ApiError(403, "PERMISSION_DENIED", "No", "无权")
    outcome = SyncEngine(_Refusing(err), cache).sync_once()  # type: ignore[arg-type]
    assert outcome.error is err and outcome.retry_in is None


def test_backoff_grows_to_its_cap_with_jitter_and_resets() -> None:
    backoff = Backoff(2.0, 300.0, rng=random.Random(1))
    delays = [backoff.next_delay() for _ in range(12)]
    for n, delay in enumerate(delays):
        base = min(300.0, 2.0 * 2**n)
        assert base / 2 <= delay <= base
    assert max(delays) <= 300.0 and delays[-1] >= 150.0
    backoff.reset()
    assert backoff.attempts == 0 and backoff.next_delay() <= 2.0
    # The same seed gives the same delays.
    again = Backoff(2.0, 300.0, rng=random.Random(1))
    assert [again.next_delay() for _ in range(12)] == delays
