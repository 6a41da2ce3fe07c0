"""Passwords (R-SUB-1, API.md "Health and auth": `POST /auth/password`): a created or reset user
must change its generated password at first sign-in, and is 403 PASSWORD_CHANGE_REQUIRED
everywhere else until then; the rules of a new password; other sessions end."""

from __future__ import annotations

import pytest

from .conftest import API, assert_error, bearer, entity_now, login, on_sale_listing, password_of, send
from .sub_account_helpers import NEW_PASSWORD, change_password, created, sign_in


def _first_sign_in(client, vendor, role="operations"):
    owner = bearer(login(client, vendor))
    made = created(client, owner, "li.na", role)
    r = sign_in(client, vendor, "li.na", made["initial_password"])
    assert r.status_code == 200, r.text
    return made["initial_password"], r.json()


def test_a_new_user_must_change_its_password_before_anything_else(client, vendor):
    """Sync and a command are 403 PASSWORD_CHANGE_REQUIRED until the change; then both work, and
    the same session goes on (it is not signed out)."""
    initial, tokens = _first_sign_in(client, vendor)
    headers = bearer(tokens)
    assert tokens["user"]["must_change_password"] is True
    assert_error(client.get(f"{API}/sync/changes", headers=headers), 403, "PASSWORD_CHANGE_REQUIRED")
    delist = send(client, "POST", f"/listings/{on_sale_listing(vendor)}/delist", headers, if_match=1)
    assert_error(delist, 403, "PASSWORD_CHANGE_REQUIRED")
    # Refresh still works (the app keeps its session while it asks for the new password).
    refreshed = client.post(f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 200 and refreshed.json()["user"]["must_change_password"] is True
    headers = bearer(refreshed.json())
    assert change_password(client, headers, initial, NEW_PASSWORD).status_code == 204
    assert client.get(f"{API}/sync/changes", headers=headers).status_code == 200
    again = sign_in(client, vendor, "li.na", NEW_PASSWORD)
    assert again.status_code == 200 and again.json()["user"]["must_change_password"] is False
    assert sign_in(client, vendor, "li.na", initial).status_code == 401
    # The owner's list shows the change is done.
    owner = bearer(login(client, vendor))
    assert entity_now(client, owner, "sub_account", again.json()["user"]["id"])["data"]["must_change_password"] is False


def test_sign_out_is_allowed_before_the_change(client, vendor):
    _, tokens = _first_sign_in(client, vendor)
    assert client.post(f"{API}/auth/logout", headers=bearer(tokens)).status_code == 204
    assert_error(client.get(f"{API}/sync/changes", headers=bearer(tokens)), 401, "INVALID_TOKEN")


def test_a_wrong_current_password_is_422_not_401_and_changes_nothing(client, vendor):
    initial, tokens = _first_sign_in(client, vendor)
    err = assert_error(change_password(client, bearer(tokens), "not-it-2026", NEW_PASSWORD), 422, "WRONG_PASSWORD")
    assert "current_password" in err["details"]["fields"]
    assert sign_in(client, vendor, "li.na", initial).status_code == 200
    assert sign_in(client, vendor, "li.na", NEW_PASSWORD).status_code == 401


@pytest.mark.parametrize(
    ("new", "code"),
    [
        ("Short1", "TOO_SHORT"),
        ("onlyletterspassword", "NEEDS_LETTER_AND_DIGIT"),
        ("12345678901234", "NEEDS_LETTER_AND_DIGIT"),
        ("my-LI.NA-2026-pass", "CONTAINS_USERNAME"),
        ("tab\there2026x", "NOT_PRINTABLE"),
    ],
)
def test_a_weak_new_password_is_422_with_a_code_the_app_translates(client, vendor, new, code):
    initial, tokens = _first_sign_in(client, vendor)
    err = assert_error(change_password(client, bearer(tokens), initial, new), 422, "VALIDATION_FAILED")
    assert "new_password" in err["details"]["fields"]
    assert err["details"]["codes"] == {"new_password": code}
    assert sign_in(client, vendor, "li.na", initial).status_code == 200


def test_the_same_password_again_is_refused(client, vendor):
    headers = bearer(login(client, vendor))
    current = password_of(vendor)
    err = assert_error(change_password(client, headers, current, current), 422, "VALIDATION_FAILED")
    assert err["details"]["codes"] == {"new_password": "SAME_AS_CURRENT"}


def test_a_change_ends_the_user_s_other_sessions_and_keeps_this_one(client, vendor):
    """The owner changes its own password (every role may): its other desktop is 401
    TOKEN_REVOKED (reason password_changed), on sync and on refresh; this one goes on."""
    here, elsewhere = login(client, vendor), login(client, vendor)
    assert change_password(client, bearer(here), password_of(vendor), NEW_PASSWORD).status_code == 204
    err = assert_error(client.get(f"{API}/sync/changes", headers=bearer(elsewhere)), 401, "TOKEN_REVOKED")
    assert err["details"]["reason"] == "password_changed"
    r = client.post(f"{API}/auth/refresh", json={"refresh_token": elsewhere["refresh_token"]})
    assert assert_error(r, 401, "TOKEN_REVOKED")["details"]["reason"] == "password_changed"
    assert client.get(f"{API}/sync/changes", headers=bearer(here)).status_code == 200
    assert client.post(f"{API}/auth/refresh", json={"refresh_token": here["refresh_token"]}).status_code == 200


def test_bad_bodies_are_4xx(client, vendor):
    headers = bearer(login(client, vendor))
    for body in ({}, {"current_password": 1, "new_password": 2}, {"current_password": "x", "new_password": "y" * 201}):
        r = client.post(f"{API}/auth/password", json=body, headers=headers)
        assert_error(r, 422, "VALIDATION_FAILED")
    assert client.post(f"{API}/auth/password", json={"current_password": "a", "new_password": "b"}).status_code == 401
