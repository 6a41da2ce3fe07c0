"""How the sender treats each kind of failure: what passes by waiting, what is the server's decision,
and what needs the user to sign in again (a scripted client; the HTTP cases are in test_outbox_sender)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from tests.cache.test_outbox import price_change
from tests.sync.commands import command
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.sync.backoff import Backoff
from vendor_desktop.sync.client import ChangesPage, SignedInUser
from vendor_desktop.sync.engine import SyncEngine
from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn

NOW = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)
OWNER = SignedInUser("u1", "owner", "Owner", "owner", frozenset(), "acct")


@pytest.fixture
def db(cache: CacheDatabase) -> CacheDatabase:
    return cache


class Scripted:
    """Answers each command call with the next scripted outcome (an exception or an entity)."""

    def __init__(self, *outcomes: Any) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[tuple[str, dict[str, str]]] = []
        self.user: SignedInUser | None = OWNER

    def request(self, method: str, path: str, json: Any = None, headers: dict[str, str] | None = None) -> Any:
        self.calls.append((path, dict(headers or {})))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def changes(self, cursor: str | None, limit: int) -> ChangesPage:
        return ChangesPage(cursor="c", has_more=False, changes=[])


def engine_for(db: CacheDatabase, client: Scripted, now: dt.datetime = NOW) -> SyncEngine:
    engine = SyncEngine(client, db, command_backoff=Backoff(2.0, 300.0, rng=random.Random(5)))  # type: ignore[arg-type]
    engine.sender.clock = lambda: now
    return engine


def answer(order_id: str, version: int) -> dict[str, Any]:
    return {"entity": "order", "id": order_id, "version": version, "data": {"number": "N", "amount_fen": 1}}


@pytest.mark.parametrize(
    "error",
    [
        ApiError(503, "UNAVAILABLE"),
        ApiError(500, "INTERNAL"),
        ApiError(408, "HTTP_408"),
        ApiError(409, "IDEMPOTENCY_KEY_IN_USE"),
        ApiError(429, "RATE_LIMITED"),
    ],
    ids=lambda e: f"{e.status}-{e.code}",
)
def test_a_failure_that_passes_by_waiting_backs_off_and_other_orders_flow(db: CacheDatabase, error: ApiError) -> None:
    a = price_change(db, "a", 900)
    b = price_change(db, "b", 800)
    client = Scripted(error, answer("b", 2))
    outcome = engine_for(db, client).sync_once()
    assert outcome.online and outcome.error is None and outcome.applied == 1
    failed = command(db, a.id)
    assert failed.state is CommandState.PENDING and failed.attempts == 1 and failed.last_error
    assert failed.error_code is None  # not a rejection: nothing for the user to decide
    assert failed.next_try_at is not None and 1.0 <= (failed.next_try_at - NOW).total_seconds() <= 2.0
    assert outcome.next_command_in is not None and 1.0 <= outcome.next_command_in <= 2.0
    assert command(db, b.id).state is CommandState.APPLIED
    # Not due before its time; then resent with the same key and If-Match.
    assert engine_for(db, client, NOW + dt.timedelta(seconds=0.5)).sync_once().applied == 0
    client.outcomes.append(answer("a", 2))
    assert engine_for(db, client, NOW + dt.timedelta(seconds=3)).sync_once().applied == 1
    first, _, again = client.calls
    assert first[1] == again[1] == {"Idempotency-Key": a.idempotency_key, "If-Match": "1"}


def test_a_rate_limit_waits_as_long_as_the_server_asks(db: CacheDatabase) -> None:
    a = price_change(db, "a", 900)
    client = Scripted(ApiError(429, "RATE_LIMITED", details={"retry_after_seconds": 42}))
    outcome = engine_for(db, client).sync_once()
    assert command(db, a.id).next_try_at == NOW + dt.timedelta(seconds=42)
    assert outcome.next_command_in == 42.0


def test_attempts_grow_the_delay(db: CacheDatabase) -> None:
    a = price_change(db, "a", 900)
    client = Scripted(*[ApiError(503, "UNAVAILABLE")] * 4)
    moment = NOW
    delays = []
    for _ in range(4):
        engine_for(db, client, moment).sync_once()
        failed = command(db, a.id)
        assert failed.next_try_at is not None
        delays.append((failed.next_try_at - moment).total_seconds())
        moment = failed.next_try_at
    assert command(db, a.id).attempts == 4
    for n, delay in enumerate(delays):
        assert 2.0 * 2**n / 2 <= delay <= 2.0 * 2**n


def test_offline_stops_the_push_and_leaves_commands_due_for_the_next_round(db: CacheDatabase) -> None:
    a = price_change(db, "a", 900)
    b = price_change(db, "b", 800)
    client = Scripted(BackendUnreachable("refused"))
    outcome = engine_for(db, client).sync_once()
    assert not outcome.online and outcome.retry_in is not None
    assert len(client.calls) == 1  # b was not tried: the backend is gone
    failed = command(db, a.id)
    assert failed.state is CommandState.PENDING and failed.attempts == 1 and "refused" in (failed.last_error or "")
    assert failed.next_try_at == NOW  # the engine's own backoff paces rounds while offline
    assert command(db, b.id).attempts == 0


@pytest.mark.parametrize("error", [NotSignedIn("sign in"), ApiError(401, "INVALID_TOKEN")], ids=["no-session", "401"])
def test_a_lost_session_puts_the_command_back_without_counting(db: CacheDatabase, error: Exception) -> None:
    a = price_change(db, "a", 900)
    outcome = engine_for(db, Scripted(error)).sync_once()
    assert outcome.needs_sign_in or (outcome.error is not None and outcome.error.status == 401)
    back = command(db, a.id)
    assert back.state is CommandState.PENDING and back.attempts == 0


@pytest.mark.parametrize(
    "error",
    [ApiError(409, "ORDER_NOT_UNPAID"), ApiError(403, "PERMISSION_DENIED"), ApiError(404, "NOT_FOUND"),
     ApiError(422, "IDEMPOTENCY_KEY_REUSED"), ApiError(428, "PRECONDITION_REQUIRED")],
    ids=lambda e: f"{e.status}-{e.code}",
)
def test_a_refusal_is_the_servers_decision_and_never_retried_by_itself(db: CacheDatabase, error: ApiError) -> None:
    a = price_change(db, "a", 900)
    client = Scripted(error)
    outcome = engine_for(db, client).sync_once()
    assert outcome.rejected == 1 and outcome.next_command_in is None
    assert command(db, a.id).state is CommandState.REJECTED and command(db, a.id).error_code == error.code
    assert engine_for(db, client, NOW + dt.timedelta(days=1)).sync_once().rejected == 0
    assert len(client.calls) == 1


def test_another_users_queue_is_not_sent_under_this_session(db: CacheDatabase) -> None:
    a = price_change(db, "a", 900)  # queued by "owner"
    client = Scripted()
    client.user = SignedInUser("u2", "support1", "Support", "support", frozenset(), "acct")
    outcome = engine_for(db, client).sync_once()
    assert client.calls == [] and outcome.next_command_in is None
    assert command(db, a.id).state is CommandState.PENDING
