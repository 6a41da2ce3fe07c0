"""POST /messages/{id}/read (an extension of API.md): any role that reads messages marks them read;
no If-Match needed, and marking a read message again changes nothing."""

from __future__ import annotations

import pytest

from .conftest import API, assert_error, bearer, entity_now, login, place_order, pull_all, send


def _unread_message(client, headers) -> dict:
    changes, _ = pull_all(client, headers)
    return next(c for c in changes if c["entity"] == "message" and not c["data"]["read"])


@pytest.mark.parametrize("role", ["owner", "operations", "support", "viewer"])
def test_every_role_marks_a_message_read(client, vendor, role):
    headers = bearer(login(client, vendor, role))
    message = _unread_message(client, headers)
    r = send(client, "POST", f"/messages/{message['id']}/read", headers)
    assert r.status_code == 200, r.text
    read = r.json()
    assert read["entity"] == "message" and read["data"]["read"] is True
    assert read["version"] == message["version"] + 1
    assert entity_now(client, headers, "message", message["id"]) == {**read, "deleted": False}


def test_marking_a_read_message_again_does_not_bump_its_version(client, vendor):
    headers = bearer(login(client, vendor))
    message = _unread_message(client, headers)
    first = send(client, "POST", f"/messages/{message['id']}/read", headers).json()
    again = send(client, "POST", f"/messages/{message['id']}/read", headers)  # a new key: not a replay
    assert again.status_code == 200 and "Idempotent-Replayed" not in again.headers
    assert again.json() == first
    # If-Match is not needed, and a stale one does not matter: read is read.
    stale = send(client, "POST", f"/messages/{message['id']}/read", headers, if_match=1)
    assert stale.status_code == 200 and stale.json()["version"] == first["version"]


def test_a_new_order_message_can_be_marked_read(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    changes, _ = pull_all(client, headers)
    message = next(c for c in changes if c["entity"] == "message" and c["data"]["order_id"] == order["id"])
    assert send(client, "POST", f"/messages/{message['id']}/read", headers).json()["data"]["read"] is True


def test_unknown_or_another_vendors_message_is_404(client, vendor, seed):
    headers = bearer(login(client, vendor))
    assert_error(send(client, "POST", "/messages/no-such-message/read", headers), 404, "NOT_FOUND")
    other = seed(seed=2)
    theirs = _unread_message(client, bearer(login(client, other)))
    assert_error(send(client, "POST", f"/messages/{theirs['id']}/read", headers), 404, "NOT_FOUND")
    assert entity_now(client, bearer(login(client, other)), "message", theirs["id"])["data"]["read"] is False


def test_a_message_about_what_the_role_may_not_read_cannot_be_marked_either(client, vendor):
    """SPEC §11: finance reads no orders, so an order's message is as unknown to it as a missing one."""
    message = _unread_message(client, bearer(login(client, vendor)))
    assert message["data"]["order_id"] is not None
    finance = bearer(login(client, vendor, "finance"))
    assert_error(send(client, "POST", f"/messages/{message['id']}/read", finance), 404, "NOT_FOUND")


def test_read_state_is_per_user(client, vendor):
    """SPEC §11: one user reading a message does not read it for the others."""
    owner, ops = bearer(login(client, vendor)), bearer(login(client, vendor, "operations"))
    message = _unread_message(client, owner)
    read = send(client, "POST", f"/messages/{message['id']}/read", owner).json()
    assert entity_now(client, owner, "message", message["id"])["data"]["read"] is True
    theirs = entity_now(client, ops, "message", message["id"])
    assert theirs["data"]["read"] is False and theirs["version"] == message["version"]
    # Their own read is theirs, at the same next version.
    assert send(client, "POST", f"/messages/{message['id']}/read", ops).json() == read


def test_a_device_in_step_receives_only_its_own_users_read(client, vendor):
    """After the owner reads a message, the owner's next pull carries it once, read; the
    operations user's next pull carries nothing (their copy did not change)."""
    owner, ops = bearer(login(client, vendor)), bearer(login(client, vendor, "operations"))
    message = _unread_message(client, owner)
    _, owner_cursor = pull_all(client, owner)
    _, ops_cursor = pull_all(client, ops)
    send(client, "POST", f"/messages/{message['id']}/read", owner)
    mine = client.get(f"{API}/sync/changes", params={"cursor": owner_cursor}, headers=owner).json()["changes"]
    assert [(c["id"], c["data"]["read"]) for c in mine] == [(message["id"], True)]
    assert client.get(f"{API}/sync/changes", params={"cursor": ops_cursor}, headers=ops).json()["changes"] == []
