"""POST /messages/read-all (API.md "Commands (push)"): one command marks every unread message of
the caller read up to the moment the user saw (``up_to``), optionally of one kind. Read state is
per user and messages reach only the roles that read their subject (SPEC §11)."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import API, assert_error, bearer, login, place_order, pull_all, send


def _messages(client, headers) -> dict[str, dict]:
    changes, _ = pull_all(client, headers)
    return {c["id"]: c for c in changes if c["entity"] == "message"}


def _unread(messages: dict[str, dict]) -> dict[str, dict]:
    return {i: m for i, m in messages.items() if not m["data"]["read"]}


def _newest(messages: dict[str, dict]) -> str:
    return max(dt.datetime.fromisoformat(m["data"]["created_at"]) for m in messages.values()).isoformat()


def test_marks_the_callers_unread_messages_up_to_the_mark_and_not_a_later_one(client, clock, operator, vendor):
    owner = bearer(login(client, vendor))
    place_order(client, operator, vendor)
    before = _messages(client, owner)
    unread = _unread(before)
    assert len(unread) >= 2
    up_to = _newest(before)
    # A buyer orders after the user pressed the button but before the command arrives.
    clock.advance(dt.timedelta(minutes=1))
    later = place_order(client, operator, vendor)
    r = send(client, "POST", "/messages/read-all", owner, json={"up_to": up_to})
    assert r.status_code == 200, r.text
    assert r.json() == {"marked": len(unread), "up_to": up_to, "kind": None}
    after = _messages(client, owner)
    for message_id, was in unread.items():
        assert after[message_id]["data"]["read"] is True
        assert after[message_id]["version"] == was["version"] + 1
    newer = [m for m in after.values() if m["data"]["order_id"] == later["id"]]
    assert newer and all(m["data"]["read"] is False for m in newer)


def test_a_retry_with_the_same_key_replays_and_a_new_key_marks_nothing_more(client, vendor):
    owner = bearer(login(client, vendor))
    messages = _messages(client, owner)
    body = {"up_to": _newest(messages)}
    first = send(client, "POST", "/messages/read-all", owner, json=body, key="read-all-1")
    replay = send(client, "POST", "/messages/read-all", owner, json=body, key="read-all-1")
    assert replay.status_code == 200 and replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.json() == first.json() and first.json()["marked"] == len(_unread(messages))
    again = send(client, "POST", "/messages/read-all", owner, json=body)
    assert again.status_code == 200 and again.json()["marked"] == 0
    assert not _unread(_messages(client, owner))


def test_other_users_and_other_vendors_keep_their_unread_messages(client, vendor, seed):
    other = seed(seed=2)
    owner, ops = bearer(login(client, vendor)), bearer(login(client, vendor, "operations"))
    theirs = bearer(login(client, other))
    ops_unread, their_unread = _unread(_messages(client, ops)), _unread(_messages(client, theirs))
    assert ops_unread and their_unread
    up_to = "2100-01-01T00:00:00+08:00"  # everything so far
    assert send(client, "POST", "/messages/read-all", owner, json={"up_to": up_to}).json()["marked"] > 0
    assert not _unread(_messages(client, owner))
    assert _unread(_messages(client, ops)) == ops_unread
    assert _unread(_messages(client, theirs)) == their_unread


@pytest.mark.parametrize("role", ["owner", "operations", "finance", "support", "viewer"])
def test_every_role_that_reads_messages_marks_only_the_messages_it_receives(client, operator, vendor, role):
    """SPEC §11: finance reads no orders, so it neither sees nor marks a message about one."""
    place_order(client, operator, vendor)  # at least one unread message about an order
    headers = bearer(login(client, vendor, role))
    owner = bearer(login(client, vendor))
    owners_unread = _unread(_messages(client, owner))
    mine = _messages(client, headers)
    r = send(client, "POST", "/messages/read-all", headers, json={"up_to": "2100-01-01T00:00:00+08:00"})
    assert r.status_code == 200, r.text
    assert r.json()["marked"] == len(_unread(mine))
    assert not _unread(_messages(client, headers))
    if role != "owner":
        assert _unread(_messages(client, owner)) == owners_unread
    if role == "finance":  # a message naming an order reaches it only about an invoice or refund it reads
        assert all(
            m["data"]["order_id"] is None or m["data"]["invoice_id"] or m["data"]["refund_id"] for m in mine.values()
        )


def test_only_the_chosen_kind(client, operator, vendor):
    owner = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    assert client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator).status_code == 200
    messages = _messages(client, owner)
    paid = {i for i, m in _unread(messages).items() if m["data"]["kind"] == "order_paid"}
    others = {i for i, m in _unread(messages).items() if m["data"]["kind"] != "order_paid"}
    assert paid and others
    body = {"up_to": _newest(messages), "kind": "order_paid"}
    assert send(client, "POST", "/messages/read-all", owner, json=body).json()["marked"] == len(paid)
    assert set(_unread(_messages(client, owner))) == others


def test_a_device_in_step_receives_just_the_marked_messages(client, vendor):
    owner = bearer(login(client, vendor))
    changes, cursor = pull_all(client, owner)
    unread = {c["id"] for c in changes if c["entity"] == "message" and not c["data"]["read"]}
    send(client, "POST", "/messages/read-all", owner, json={"up_to": "2100-01-01T00:00:00+08:00"})
    page = client.get(f"{API}/sync/changes", params={"cursor": cursor}, headers=owner).json()["changes"]
    assert {c["id"] for c in page} == unread
    assert all(c["entity"] == "message" and c["data"]["read"] is True for c in page)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "up_to"),
        ({"up_to": None}, "up_to"),
        ({"up_to": "yesterday"}, "up_to"),
        ({"up_to": "2026-11-26T10:00:00"}, "up_to"),  # no offset: which zone?
        ({"up_to": "3026-11-26T10:00:00+08:00"}, "up_to"),
        ({"up_to": "2026-11-26T10:00:00+08:00", "kind": "New order!"}, "kind"),
        ({"up_to": "2026-11-26T10:00:00+08:00", "kind": 3}, "kind"),
        ({"up_to": "2026-11-26T10:00:00+08:00", "kind": "x" * 41}, "kind"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(client, vendor, body, field):
    owner = bearer(login(client, vendor))
    err = assert_error(send(client, "POST", "/messages/read-all", owner, json=body), 422, "VALIDATION_FAILED")
    assert field in err["details"]["fields"]


def test_without_a_body_or_a_key(client, vendor):
    owner = bearer(login(client, vendor))
    assert_error(send(client, "POST", "/messages/read-all", owner), 422, "VALIDATION_FAILED")
    r = client.post(f"{API}/messages/read-all", json={"up_to": "2026-11-26T10:00:00+08:00"}, headers=owner)
    assert_error(r, 400, "IDEMPOTENCY_KEY_REQUIRED")
    assert_error(client.post(f"{API}/messages/read-all", json={}), 401, "NOT_AUTHENTICATED")


def test_it_is_in_the_served_openapi_with_its_answer(client):
    schema = client.get(f"{API}/openapi.json").json()
    op = schema["paths"][f"{API}/messages/read-all"]["post"]
    answer = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert answer.endswith("/ReadAllAnswer")
    props = schema["components"]["schemas"]["ReadAllAnswer"]["properties"]
    assert {"marked", "up_to", "kind"} <= set(props)
    request = schema["components"]["schemas"]["ReadAllRequest"]
    assert request["required"] == ["up_to"] and "kind" in request["properties"]
