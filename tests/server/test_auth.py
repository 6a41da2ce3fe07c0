"""Sign-in, lockout, refresh rotation, sign-out and token expiry (API.md "Health and auth")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sandbox.core.database import Token

from .conftest import API, assert_error, bearer, login, password_of


def _login(client: Any, vendor: dict[str, Any], password: str, username: str = "owner") -> Any:
    return client.post(
        f"{API}/auth/login",
        json={"account_id": vendor["account_id"], "username": username, "password": password},
    )


def _token_count(client: Any) -> int:
    with client.app.state.db.session() as s:
        return s.execute(select(func.count()).select_from(Token)).scalar_one()


def test_health_needs_no_token(client):
    r = client.get(f"{API}/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_owner_signs_in_and_sees_its_role_and_permissions(client, vendor):
    tokens = login(client, vendor)
    assert tokens["expires_in"] == 900
    user = tokens["user"]
    assert user["username"] == "owner" and user["role"] == "owner"
    assert user["account_id"] == vendor["account_id"]
    assert set(user["permissions"]) == {p.value for p in permissions_for(Role.OWNER)}
    assert client.get(f"{API}/sync/changes", headers=bearer(tokens)).status_code == 200


def test_every_seeded_role_can_sign_in(client, vendor):
    for role in Role:
        assert login(client, vendor, role.value)["user"]["role"] == role.value


def test_wrong_password_is_401_and_issues_nothing(client, vendor):
    before = _token_count(client)
    r = _login(client, vendor, "not-the-password")
    assert_error(r, 401, "INVALID_CREDENTIALS")
    assert "access_token" not in r.text
    assert _token_count(client) == before


def test_unknown_account_and_unknown_user_look_like_a_wrong_password(client, vendor):
    wrong_pw = assert_error(_login(client, vendor, "nope"), 401, "INVALID_CREDENTIALS")
    unknown_user = assert_error(_login(client, vendor, "x", username="ghost"), 401, "INVALID_CREDENTIALS")
    unknown_account = assert_error(
        client.post(f"{API}/auth/login", json={"account_id": "999", "username": "owner", "password": "x"}),
        401,
        "INVALID_CREDENTIALS",
    )
    assert wrong_pw == unknown_user == unknown_account


def test_five_failures_lock_the_username_for_fifteen_minutes(client, vendor, clock):
    for _ in range(5):
        assert_error(_login(client, vendor, "wrong"), 401, "INVALID_CREDENTIALS")
    # Locked: even the right password is refused, and the client learns when to retry.
    r = _login(client, vendor, password_of(vendor))
    err = assert_error(r, 429, "RATE_LIMITED")
    assert 0 < int(r.headers["Retry-After"]) <= 900
    assert err["details"]["retry_after_seconds"] <= 900
    # Other users of the same vendor are not locked out.
    assert login(client, vendor, "finance")["user"]["role"] == "finance"
    clock.advance(dt.timedelta(minutes=15, seconds=1))
    assert login(client, vendor)["user"]["username"] == "owner"


def test_four_failures_then_success_clears_the_count(client, vendor):
    for _ in range(4):
        _login(client, vendor, "wrong")
    login(client, vendor)
    for _ in range(4):
        assert_error(_login(client, vendor, "wrong"), 401, "INVALID_CREDENTIALS")
    login(client, vendor)


def test_refresh_rotates_and_the_old_refresh_token_dies(client, vendor, clock):
    first = login(client, vendor)
    r = client.post(f"{API}/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 200, r.text
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["user"]["username"] == "owner"
    assert client.get(f"{API}/sync/changes", headers=bearer(second)).status_code == 200
    assert_error(client.get(f"{API}/sync/changes", headers=bearer(first)), 401, "INVALID_TOKEN")
    clock.advance(dt.timedelta(seconds=61))  # past the grace for a lost answer (API.md)
    again = client.post(f"{API}/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert_error(again, 401, "INVALID_TOKEN")


def test_replaying_a_used_refresh_token_ends_the_session(client, vendor, clock):
    first = login(client, vendor)
    second = client.post(f"{API}/auth/refresh", json={"refresh_token": first["refresh_token"]}).json()
    clock.advance(dt.timedelta(seconds=61))
    client.post(f"{API}/auth/refresh", json={"refresh_token": first["refresh_token"]})  # a thief
    assert_error(client.get(f"{API}/sync/changes", headers=bearer(second)), 401, "INVALID_TOKEN")
    r = client.post(f"{API}/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert_error(r, 401, "INVALID_TOKEN")


def test_unknown_refresh_token_is_401(client):
    assert_error(client.post(f"{API}/auth/refresh", json={"refresh_token": "made-up"}), 401, "INVALID_TOKEN")


def test_logout_kills_the_refresh_and_access_tokens(client, vendor):
    tokens = login(client, vendor)
    r = client.post(f"{API}/auth/logout", headers=bearer(tokens))
    assert r.status_code == 204
    assert_error(
        client.post(f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]}), 401, "INVALID_TOKEN"
    )
    assert_error(client.get(f"{API}/sync/changes", headers=bearer(tokens)), 401, "INVALID_TOKEN")


def test_logout_leaves_other_sessions_signed_in(client, vendor):
    laptop, desktop = login(client, vendor), login(client, vendor)
    client.post(f"{API}/auth/logout", headers=bearer(laptop))
    assert client.get(f"{API}/sync/changes", headers=bearer(desktop)).status_code == 200


def test_access_token_expires_after_fifteen_minutes_by_the_clock(client, vendor, clock):
    tokens = login(client, vendor)
    clock.advance(dt.timedelta(seconds=899))
    assert client.get(f"{API}/sync/changes", headers=bearer(tokens)).status_code == 200
    clock.advance(dt.timedelta(seconds=2))
    assert_error(client.get(f"{API}/sync/changes", headers=bearer(tokens)), 401, "INVALID_TOKEN")
    # The refresh token still works: the client renews without asking for the password.
    r = client.post(f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert client.get(f"{API}/sync/changes", headers=bearer(r.json())).status_code == 200


def test_missing_or_malformed_authorization_is_401(client):
    r = client.get(f"{API}/sync/changes")
    assert_error(r, 401, "NOT_AUTHENTICATED")
    assert r.headers["WWW-Authenticate"] == "Bearer"
    assert_error(client.get(f"{API}/sync/changes", headers={"Authorization": "Basic abc"}), 401, "NOT_AUTHENTICATED")
    assert_error(client.get(f"{API}/sync/changes", headers={"Authorization": "Bearer junk"}), 401, "INVALID_TOKEN")
    assert_error(client.post(f"{API}/auth/logout"), 401, "NOT_AUTHENTICATED")


def test_tokens_are_stored_only_as_hashes(client, vendor):
    tokens = login(client, vendor)
    with client.app.state.db.session() as s:
        stored = set(s.execute(select(Token.token_hash)).scalars())
    assert tokens["access_token"] not in stored and tokens["refresh_token"] not in stored
