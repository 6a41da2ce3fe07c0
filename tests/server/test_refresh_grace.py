"""A refresh whose answer was lost can be retried (API.md "Health and auth": the previous refresh
token stays usable for 60 s after rotation and returns the same pair again; later reuse ends the
session; issue 9.9)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from sqlalchemy import select, text

from vendor_desktop.sandbox.core import auth
from vendor_desktop.sandbox.core.clock import SettableClock
from vendor_desktop.sandbox.core.passwords import token_hash
from vendor_desktop.sandbox.embedded import EmbeddedSandbox

from .conftest import API, OPERATOR_TOKEN, assert_error, bearer, login

SYNC = f"{API}/sync/changes"


def _refresh(client: Any, refresh_token: str) -> Any:
    return client.post(f"{API}/auth/refresh", json={"refresh_token": refresh_token})


def _pair(tokens: dict[str, Any]) -> tuple[str, str]:
    return tokens["access_token"], tokens["refresh_token"]


def _rotated(client: Any, vendor: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Signed in, then refreshed once: (the first pair, the pair it was traded for)."""
    first = login(client, vendor)
    r = _refresh(client, first["refresh_token"])
    assert r.status_code == 200, r.text
    return first, r.json()


def _assert_ended(client: Any, tokens: dict[str, Any]) -> None:
    assert_error(client.get(SYNC, headers=bearer(tokens)), 401, "INVALID_TOKEN")
    assert_error(_refresh(client, tokens["refresh_token"]), 401, "INVALID_TOKEN")


def test_a_retry_within_sixty_seconds_gets_the_same_pair_and_later_reuse_ends_the_session(client, vendor, clock):
    first, second = _rotated(client, vendor)
    clock.advance(dt.timedelta(seconds=59))
    r = _refresh(client, first["refresh_token"])  # the retry of a refresh whose answer was lost
    assert r.status_code == 200, r.text
    again = r.json()
    assert _pair(again) == _pair(second)
    assert again["expires_in"] == 900 - 59  # the same access token, 59 s older
    assert again["user"] == second["user"]
    # Nothing was revoked: the pair works, and its refresh token is the session's live one.
    assert client.get(SYNC, headers=bearer(second)).status_code == 200

    clock.advance(dt.timedelta(seconds=2))  # 61 s after the rotation: reuse, as by a thief
    err = assert_error(_refresh(client, first["refresh_token"]), 401, "INVALID_TOKEN")
    assert err["details"] == {"reused": True}
    _assert_ended(client, second)


def test_a_sign_out_inside_the_grace_is_not_undone_by_a_retry(client, vendor, clock):
    first, second = _rotated(client, vendor)
    clock.advance(dt.timedelta(seconds=10))
    assert _pair(_refresh(client, first["refresh_token"]).json()) == _pair(second)
    assert client.post(f"{API}/auth/logout", headers=bearer(second)).status_code == 204
    clock.advance(dt.timedelta(seconds=10))  # still inside the 60 s
    assert_error(_refresh(client, first["refresh_token"]), 401, "INVALID_TOKEN")
    _assert_ended(client, second)
    assert login(client, vendor)["user"]["username"] == "owner"  # a new sign-in is unaffected


def test_a_retry_after_the_new_pair_was_itself_refreshed_brings_nothing_back(client, vendor, clock):
    first, second = _rotated(client, vendor)
    assert _pair(_refresh(client, first["refresh_token"]).json()) == _pair(second)
    clock.advance(dt.timedelta(seconds=5))
    third = _refresh(client, second["refresh_token"]).json()
    assert _pair(third) != _pair(second)
    clock.advance(dt.timedelta(seconds=5))  # the first rotation is 10 s old
    # The pair the first token was traded for is gone: handing it out again would resurrect it.
    # Presenting a token two rotations back is no retry: reuse, which ends the session.
    err = assert_error(_refresh(client, first["refresh_token"]), 401, "INVALID_TOKEN")
    assert err["details"] == {"reused": True}
    assert_error(client.get(SYNC, headers=bearer(second)), 401, "INVALID_TOKEN")
    _assert_ended(client, third)


def test_the_kept_pair_is_sealed_and_forgotten_after_the_grace(client, vendor, clock):
    from vendor_desktop.sandbox.core.database import RefreshGrace
    from vendor_desktop.sandbox.core.token_seal import unseal

    first, second = _rotated(client, vendor)
    db = client.app.state.db
    with db.session() as s:
        kept = s.execute(select(RefreshGrace)).scalars().all()
    assert [k.token_hash for k in kept] == [token_hash(first["refresh_token"])]
    stored = kept[0].sealed_pair
    # No token in the clear: only the first refresh token, which the server never stores, opens it.
    assert second["access_token"] not in stored and second["refresh_token"] not in stored
    assert unseal(second["refresh_token"], stored) is None
    assert unseal(first["refresh_token"], stored) == f"{second['access_token']} {second['refresh_token']}".encode()

    clock.advance(dt.timedelta(seconds=61))
    login(client, vendor)  # any sign-in or refresh tidies up
    with db.session() as s:
        assert s.execute(select(RefreshGrace)).scalars().all() == []


@pytest.fixture
def served(database_url: str, clock: SettableClock) -> Iterator[EmbeddedSandbox]:
    with EmbeddedSandbox(database_url, clock=clock, operator_token=OPERATOR_TOKEN) as sandbox:
        yield sandbox


def test_parallel_refreshes_of_one_token_all_get_the_same_pair(served):
    vendor = served.seed(orders=0, listings=0, seed=91)
    password = next(u["password"] for u in vendor["users"] if u["username"] == "owner")
    url = f"{served.base_url}{API}"
    body = {"account_id": vendor["account_id"], "username": "owner", "password": password}
    first = requests.post(f"{url}/auth/login", json=body, timeout=30).json()
    start = threading.Barrier(10)
    answers: list[requests.Response] = []

    def retry() -> None:
        start.wait(timeout=30)
        answers.append(requests.post(f"{url}/auth/refresh", json={"refresh_token": first["refresh_token"]}, timeout=30))

    threads = [threading.Thread(target=retry) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [200] * 10, [a.text for a in answers]
    pairs = {_pair(a.json()) for a in answers}
    assert len(pairs) == 1  # one token traded for one pair, however many asked at once
    (pair,) = pairs
    r = requests.get(f"{url}/sync/changes", headers={"Authorization": f"Bearer {pair[0]}"}, timeout=30)
    assert r.status_code == 200, r.text


def test_a_sign_out_during_a_refresh_also_ends_the_pair_that_refresh_issues(served, database_url, monkeypatch):
    """Lock, then check, then write: a sign-out that arrives while a refresh of the same session is
    between issuing its pair and committing must revoke that pair too, not only the old one."""
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite's process lock runs the two one after the other; the race needs PostgreSQL")
    vendor = served.seed(orders=0, listings=0, seed=92)
    password = next(u["password"] for u in vendor["users"] if u["username"] == "owner")
    url = f"{served.base_url}{API}"
    body = {"account_id": vendor["account_id"], "username": "owner", "password": password}
    first = requests.post(f"{url}/auth/login", json=body, timeout=30).json()

    issued, go = threading.Event(), threading.Event()
    real_issue = auth._issue

    def issue_then_hold(s: Any, *args: Any) -> Any:
        pair = real_issue(s, *args)
        s.flush()  # the new pair is written, not yet committed
        issued.set()
        assert go.wait(timeout=30)
        return pair

    monkeypatch.setattr(auth, "_issue", issue_then_hold)
    answers: dict[str, requests.Response] = {}

    def refresh() -> None:
        answers["refresh"] = requests.post(
            f"{url}/auth/refresh", json={"refresh_token": first["refresh_token"]}, timeout=30
        )

    def logout() -> None:
        answers["logout"] = requests.post(f"{url}/auth/logout", headers=bearer(first), timeout=30)

    refreshing = threading.Thread(target=refresh)
    refreshing.start()
    assert issued.wait(timeout=30)
    signing_out = threading.Thread(target=logout)
    signing_out.start()
    _wait_until_a_query_waits_for_a_lock(served)  # the sign-out is inside, behind the refresh
    go.set()
    refreshing.join()
    signing_out.join()

    assert answers["refresh"].status_code == 200, answers["refresh"].text
    assert answers["logout"].status_code == 204, answers["logout"].text
    issued_pair = answers["refresh"].json()
    r = requests.get(f"{url}/sync/changes", headers=bearer(issued_pair), timeout=30)
    assert r.status_code == 401, r.text
    r = requests.post(f"{url}/auth/refresh", json={"refresh_token": issued_pair["refresh_token"]}, timeout=30)
    assert r.status_code == 401, r.text


def _wait_until_a_query_waits_for_a_lock(sandbox: EmbeddedSandbox) -> None:
    """Returns once some session of this database is blocked on a lock (PostgreSQL's own view of
    its backends: an observed state, not a guess at how long it takes)."""
    deadline = time.monotonic() + 30
    # Autocommit: inside one transaction pg_stat_activity would show the same snapshot forever.
    with sandbox.app.state.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        while not conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar_one():
            assert time.monotonic() < deadline, "the sign-out never reached the database"


def test_the_served_schema_describes_the_grace(client):
    op = client.get(f"{API}/openapi.json").json()["paths"][f"{API}/auth/refresh"]["post"]
    assert "60 seconds" in op["description"] and "same pair again" in op["description"]
    assert "reused" in op["responses"]["401"]["description"]
