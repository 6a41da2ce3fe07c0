"""Token revocation (R-SUB-1, API.md "Health and auth"): when the owner disables, deletes, resets
or changes the role of a sub-account, that user's next request — a sync and a command alike — is
401 TOKEN_REVOKED naming why, its refresh too; an expired or unknown token stays INVALID_TOKEN."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import API, START, assert_error, bearer, login, send
from .sub_account_helpers import NEW_PASSWORD, current_version, patch, ready_user, sign_in


def _revoked(response, reason):
    err = assert_error(response, 401, "TOKEN_REVOKED")
    assert err["details"]["reason"] == reason


def _sync(client, headers):
    return client.get(f"{API}/sync/changes", headers=headers)


def _command(client, headers):
    """A ticket: a command every role but viewer may send."""
    body = {"type": "other", "subject": "发票抬头", "description": "请问如何修改？"}
    return send(client, "POST", "/tickets", headers, json=body)


REASONS = ("deleted", "disabled", "password_reset", "role_changed")


@pytest.mark.parametrize("reason", REASONS)
def test_the_owner_s_action_ends_every_session_of_the_user_at_once(client, vendor, reason):
    owner, made, tokens = ready_user(client, vendor)
    elsewhere = sign_in(client, vendor, "li.na", NEW_PASSWORD).json()  # its second computer
    acted = _act(client, owner, made["id"], reason, current_version(client, owner, made["id"]))
    assert acted.status_code == 200, acted.text
    for session in (tokens, elsewhere):
        _revoked(_sync(client, bearer(session)), reason)
        _revoked(_command(client, bearer(session)), reason)
        _revoked(client.post(f"{API}/auth/refresh", json={"refresh_token": session["refresh_token"]}), reason)
    # The owner's own session is untouched.
    assert _sync(client, owner).status_code == 200


def _act(client, owner, uid, reason, version):
    if reason == "disabled":
        return patch(client, owner, uid, version, disabled=True)
    if reason == "role_changed":
        return patch(client, owner, uid, version, role="finance")
    if reason == "password_reset":
        return send(client, "POST", f"/sub-accounts/{uid}/reset-password", owner, if_match=version)
    return send(client, "DELETE", f"/sub-accounts/{uid}", owner, if_match=version)


def test_a_disabled_user_s_sign_in_is_account_disabled_and_a_wrong_password_tells_nothing(client, vendor):
    owner, made, _ = ready_user(client, vendor)
    assert (
        patch(client, owner, made["id"], current_version(client, owner, made["id"]), disabled=True).status_code == 200
    )
    assert_error(sign_in(client, vendor, "li.na", NEW_PASSWORD), 401, "ACCOUNT_DISABLED")
    assert_error(sign_in(client, vendor, "li.na", "Wrong2026pass"), 401, "INVALID_CREDENTIALS")


def test_a_re_enabled_user_signs_in_again_and_sync_gives_its_new_role_s_view(client, vendor):
    """Enabling restores no session; after signing in again the user receives what its new role
    reads (SPEC §11): finance sees money, no orders or listings."""
    owner, made, tokens = ready_user(client, vendor, "operations")
    before = {c["entity"] for c in _sync(client, bearer(tokens)).json()["changes"]}
    assert {"order", "listing"} <= before and "withdrawal" not in before
    version = current_version(client, owner, made["id"])
    assert patch(client, owner, made["id"], version, disabled=True, role="finance").status_code == 200
    _revoked(_sync(client, bearer(tokens)), "disabled")
    enabled = patch(client, owner, made["id"], version + 1, disabled=False)
    assert enabled.status_code == 200 and enabled.json()["data"]["disabled"] is False
    _revoked(_sync(client, bearer(tokens)), "disabled")  # still ended
    again = sign_in(client, vendor, "li.na", NEW_PASSWORD)
    assert again.status_code == 200 and again.json()["user"]["role"] == "finance"
    page = _sync(client, bearer(again.json()))
    kinds = {c["entity"] for c in page.json()["changes"]}
    assert "ledger_entry" in kinds and not {"order", "listing", "sub_account"} & kinds


def test_an_expired_or_unknown_token_stays_invalid_token(client, vendor, clock):
    tokens = login(client, vendor, "support")
    assert_error(_sync(client, {"Authorization": "Bearer nonsense"}), 401, "INVALID_TOKEN")
    clock.set(START + dt.timedelta(minutes=16))
    assert_error(_sync(client, bearer(tokens)), 401, "INVALID_TOKEN")
    # And a signed-out session stays INVALID_TOKEN: the owner did not end it.
    fresh = login(client, vendor, "support")
    assert client.post(f"{API}/auth/logout", headers=bearer(fresh)).status_code == 204
    assert_error(_sync(client, bearer(fresh)), 401, "INVALID_TOKEN")
    r = client.post(f"{API}/auth/refresh", json={"refresh_token": fresh["refresh_token"]})
    assert_error(r, 401, "INVALID_TOKEN")


def test_a_seeded_role_s_session_ends_when_the_owner_changes_it(client, vendor):
    """The seeded users are sub-accounts like any other: the owner changes the viewer to support."""
    from .conftest import pull_all

    owner = bearer(login(client, vendor))
    viewer = login(client, vendor, "viewer")
    changes, _ = pull_all(client, owner)
    row = next(c for c in changes if c["entity"] == "sub_account" and c["data"]["username"] == "viewer")
    assert patch(client, owner, row["id"], row["version"], role="support").status_code == 200
    _revoked(_sync(client, bearer(viewer)), "role_changed")
    assert login(client, vendor, "viewer")["user"]["role"] == "support"
