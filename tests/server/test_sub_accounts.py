"""Sub-accounts (子账号, R-SUB-1, SPEC §11; API.md "Commands": `/sub-accounts`): the owner creates,
changes, resets and deletes its staff's logins; nobody else may."""

from __future__ import annotations

import pytest

from vendor_desktop.domain.sub_accounts import MAX_USERS_PER_VENDOR

from .conftest import assert_error, bearer, login, pull_all, send
from .sub_account_helpers import create, created, current_version, patch, sign_in

OTHER_ROLES = ("operations", "finance", "support", "viewer")


def _sub_accounts(client, headers):
    changes, _ = pull_all(client, headers)
    return {c["id"]: c for c in changes if c["entity"] == "sub_account"}


def test_the_owner_creates_a_sub_account_and_sees_its_password_once(client, vendor):
    """R-SUB-1: 201 the entity with a generated first password; a replay of the same key answers
    the entity without it (API.md), and the password is never synced."""
    owner = bearer(login(client, vendor))
    body = {"username": "li.na", "display_name": " 李娜 ", "role": "finance", "can_export": True}
    first = send(client, "POST", "/sub-accounts", owner, json=body, key="create-li-na")
    assert first.status_code == 201, first.text
    made = first.json()
    password = made["initial_password"]
    assert len(password) >= 10 and not set(password) & set("0O1lI")
    assert made["entity"] == "sub_account" and made["version"] == 1
    assert made["data"] == {
        "username": "li.na",
        "display_name": "李娜",
        "role": "finance",
        "disabled": False,
        "can_export": True,
        "must_change_password": True,
        "last_sign_in": None,
        "created_at": made["data"]["created_at"],
    }
    replay = send(client, "POST", "/sub-accounts", owner, json=body, key="create-li-na")
    assert replay.status_code == 201 and replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == {k: v for k, v in made.items() if k != "initial_password"}
    synced = _sub_accounts(client, owner)
    assert synced[made["id"]]["data"] == made["data"]
    assert password not in str(synced)
    # The password works, once, for the new user.
    signed_in = sign_in(client, vendor, "li.na", password)
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["user"]["must_change_password"] is True
    assert signed_in.json()["user"]["can_export"] is True


def test_the_owner_s_list_has_every_user_its_own_row_too_and_their_last_sign_in(client, vendor):
    owner_tokens = login(client, vendor)
    owner = bearer(owner_tokens)
    login(client, vendor, "support")
    users = {c["data"]["username"]: c["data"] for c in _sub_accounts(client, owner).values()}
    assert set(users) == {"owner", "operations", "finance", "support", "viewer"}
    assert users["owner"]["role"] == "owner" and users["owner"]["can_export"] is True
    assert users["support"]["last_sign_in"] is not None and users["viewer"]["last_sign_in"] is None
    # The seed grants export to finance only, of the sub-accounts (both states for the app).
    assert {name for name, u in users.items() if u["can_export"]} == {"owner", "finance"}
    assert owner_tokens["user"]["can_export"] is True
    assert login(client, vendor, "viewer")["user"]["can_export"] is False


@pytest.mark.parametrize(
    "username",
    ["ab", "a" * 33, "li na", "李娜", "li/na", "li@na", "", "na\x00me", "-" * 2],
)
def test_a_username_breaking_the_rule_is_422_naming_it(client, vendor, username):
    owner = bearer(login(client, vendor))
    err = assert_error(create(client, owner, username), 422, "VALIDATION_FAILED")
    assert "username" in err["details"]["fields"]
    assert len(_sub_accounts(client, owner)) == 5


@pytest.mark.parametrize("username", ["abc", "a" * 32, "Li.Na_2-x", "..."])
def test_usernames_at_the_bounds_and_with_each_allowed_character_are_taken(client, vendor, username):
    owner = bearer(login(client, vendor))
    assert create(client, owner, username).status_code == 201


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"display_name": ""}, "display_name"),
        ({"display_name": "x" * 51}, "display_name"),
        ({"display_name": "李\n娜"}, "display_name"),
        ({"role": "owner"}, "role"),
        ({"role": "admin"}, "role"),
        ({"role": "viewer", "can_export": True}, "can_export"),
        ({"can_export": "yes"}, "can_export"),
    ],
)
def test_bad_fields_are_422_naming_them(client, vendor, body, field):
    owner = bearer(login(client, vendor))
    err = assert_error(create(client, owner, **body), 422, "VALIDATION_FAILED")
    assert field in err["details"]["fields"]


def test_a_username_is_unique_among_users_not_deleted(client, vendor):
    owner = bearer(login(client, vendor))
    made = created(client, owner, "li.na")
    err = assert_error(create(client, owner, "li.na", "viewer"), 409, "USERNAME_TAKEN")
    assert err["details"]["username"] == "li.na"
    assert_error(create(client, owner, "owner"), 409, "USERNAME_TAKEN")
    gone = send(client, "DELETE", f"/sub-accounts/{made['id']}", owner, if_match=1)
    assert gone.status_code == 200, gone.text
    again = created(client, owner, "li.na", "support")
    assert again["id"] != made["id"] and again["data"]["role"] == "support"
    assert sign_in(client, vendor, "li.na", made["initial_password"]).status_code == 401
    assert sign_in(client, vendor, "li.na", again["initial_password"]).status_code == 200


def test_the_owner_s_own_row_never_changes_here(client, vendor):
    """409 OWNER_IMMUTABLE for each action, even with a stale version; the owner stays as it was."""
    owner = bearer(login(client, vendor))
    me = next(c for c in _sub_accounts(client, owner).values() if c["data"]["role"] == "owner")
    path = f"/sub-accounts/{me['id']}"
    for body in ({"role": "viewer"}, {"disabled": True}, {"display_name": "老板"}, {"can_export": False}):
        assert_error(send(client, "PATCH", path, owner, json=body, if_match=me["version"]), 409, "OWNER_IMMUTABLE")
    assert_error(send(client, "PATCH", path, owner, json={"disabled": True}, if_match=99), 409, "OWNER_IMMUTABLE")
    assert_error(send(client, "POST", f"{path}/reset-password", owner, if_match=me["version"]), 409, "OWNER_IMMUTABLE")
    assert_error(send(client, "DELETE", path, owner, if_match=me["version"]), 409, "OWNER_IMMUTABLE")
    assert _sub_accounts(client, owner)[me["id"]] == me
    assert send(client, "POST", "/sub-accounts", owner, json={}).status_code == 422  # still signed in


def test_a_change_to_viewer_withdraws_export_and_viewers_never_get_it(client, vendor):
    owner = bearer(login(client, vendor))
    made = created(client, owner, "li.na", "finance", can_export=True)
    r = patch(client, owner, made["id"], 1, role="viewer")
    assert r.status_code == 200, r.text
    assert (r.json()["data"]["role"], r.json()["data"]["can_export"], r.json()["version"]) == ("viewer", False, 2)
    err = assert_error(patch(client, owner, made["id"], 2, can_export=True), 422, "VALIDATION_FAILED")
    assert "can_export" in err["details"]["fields"]
    back = patch(client, owner, made["id"], 2, role="support", can_export=True)
    assert back.status_code == 200 and back.json()["data"]["can_export"] is True


def test_a_patch_is_checked_in_the_documented_order(client, vendor):
    """403 → 404 → 428 → 422 → 409 → 412 (core/preconditions.py)."""
    owner = bearer(login(client, vendor))
    made = created(client, owner)
    path = f"/sub-accounts/{made['id']}"
    viewer = bearer(login(client, vendor, "viewer"))
    assert_error(send(client, "PATCH", "/sub-accounts/nope", viewer, json={}, if_match=1), 403, "PERMISSION_DENIED")
    assert_error(send(client, "PATCH", "/sub-accounts/nope", owner, json={}, if_match=1), 404, "NOT_FOUND")
    assert_error(send(client, "PATCH", path, owner, json={"role": "finance"}), 428, "PRECONDITION_REQUIRED")
    assert_error(send(client, "PATCH", path, owner, json={"role": "owner"}, if_match=7), 422, "VALIDATION_FAILED")
    stale = assert_error(patch(client, owner, made["id"], 7, role="finance"), 412, "VERSION_CONFLICT")
    assert stale["details"]["current"]["data"]["role"] == "operations"
    same = patch(client, owner, made["id"], 1, role="operations")  # nothing to change: the same version
    assert same.status_code == 200 and same.json()["version"] == 1


def test_another_vendor_s_user_is_unknown(client, seed):
    one, two = seed(seed=1), seed(seed=2)
    made = created(client, bearer(login(client, one)))
    other_owner = bearer(login(client, two))
    r = send(client, "PATCH", f"/sub-accounts/{made['id']}", other_owner, json={"disabled": True}, if_match=1)
    assert_error(r, 404, "NOT_FOUND")
    assert made["id"] not in _sub_accounts(client, other_owner)


def test_disable_enable_reset_and_delete_show_in_the_owner_s_sync(client, vendor):
    owner = bearer(login(client, vendor))
    made = created(client, owner)
    uid = made["id"]
    assert patch(client, owner, uid, 1, disabled=True).json()["data"]["disabled"] is True
    assert _sub_accounts(client, owner)[uid]["data"]["disabled"] is True
    assert patch(client, owner, uid, 2, disabled=False).json()["data"]["disabled"] is False
    reset = send(client, "POST", f"/sub-accounts/{uid}/reset-password", owner, if_match=3, key="reset-1")
    assert reset.status_code == 200, reset.text
    new_password = reset.json()["initial_password"]
    assert new_password != made["initial_password"] and reset.json()["data"]["must_change_password"] is True
    replay = send(client, "POST", f"/sub-accounts/{uid}/reset-password", owner, if_match=3, key="reset-1")
    assert "initial_password" not in replay.json() and replay.json()["version"] == 4
    assert sign_in(client, vendor, "li.na", made["initial_password"]).status_code == 401
    assert sign_in(client, vendor, "li.na", new_password).status_code == 200
    version = current_version(client, owner, uid)
    gone = send(client, "DELETE", f"/sub-accounts/{uid}", owner, if_match=version)
    assert gone.status_code == 200, gone.text
    assert gone.json() == {"entity": "sub_account", "id": uid, "version": version + 1, "deleted": True, "data": None}
    tomb = _sub_accounts(client, owner)[uid]
    assert tomb["deleted"] is True and tomb["data"] is None
    assert_error(send(client, "DELETE", f"/sub-accounts/{uid}", owner, if_match=version + 1), 404, "NOT_FOUND")
    assert_error(sign_in(client, vendor, "li.na", new_password), 401, "INVALID_CREDENTIALS")


def test_a_vendor_has_at_most_100_users(client, vendor):
    owner = bearer(login(client, vendor))
    from vendor_desktop.sandbox.core.database import User

    db = client.app.state.db
    with db.session() as s:  # fill up to the cap directly: 95 creations would take long
        for i in range(MAX_USERS_PER_VENDOR - 5):
            s.add(
                User(
                    id=f"filler-{i}",
                    account_id=vendor["account_id"],
                    username=f"filler{i}",
                    display_name="x",
                    role="viewer",
                    password_hash="-",
                    version=1,
                )
            )
    err = assert_error(create(client, owner, "one.more"), 409, "SUB_ACCOUNT_LIMIT")
    assert err["details"]["max"] == MAX_USERS_PER_VENDOR
    gone = send(client, "DELETE", "/sub-accounts/filler-0", owner, if_match=1)
    assert gone.status_code == 200, gone.text
    assert create(client, owner, "one.more").status_code == 201  # a deleted user no longer counts


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_only_the_owner_may_manage_sub_accounts(client, vendor, role):
    """SPEC §11: sub-accounts are the owner's alone; every other role is 403 for each action and
    receives no sub_account in sync."""
    owner = bearer(login(client, vendor))
    made = created(client, owner)
    headers = bearer(login(client, vendor, role))
    path = f"/sub-accounts/{made['id']}"
    for method, url, body in (
        ("POST", "/sub-accounts", {"username": "x.y.z", "display_name": "x", "role": "viewer"}),
        ("PATCH", path, {"disabled": True}),
        ("POST", f"{path}/reset-password", None),
        ("DELETE", path, None),
    ):
        assert_error(send(client, method, url, headers, json=body, if_match=1), 403, "PERMISSION_DENIED")
    assert _sub_accounts(client, headers) == {}
    assert _sub_accounts(client, owner)[made["id"]]["version"] == 1
