"""Tickets (工单, R-TKT-1) on the server: opening one, the conversation, urging once per rolling
24 hours, cancelling, the marketplace staff's reply and close, idempotent retries, and who sees
them (SPEC §11: every role but viewer)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from .conftest import API, assert_error, bearer, entity_now, login, on_sale_listing, place_order, pull_all, send

ROLES_THAT_WRITE = ["owner", "operations", "finance", "support"]


def open_ticket(client, headers, **fields: Any) -> dict[str, Any]:
    body = {"type": "other", "subject": "发票抬头如何修改", "description": "第一行\n第二行", **fields}
    r = send(client, "POST", "/tickets", headers, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def staff(client, operator, ticket_id: str, action: str, **body: Any):
    return client.post(f"{API}/sandbox/tickets/{ticket_id}/{action}", json=body or None, headers=operator)


@pytest.fixture
def owner(client, vendor) -> dict[str, str]:
    return bearer(login(client, vendor))


def test_a_new_ticket_is_open_with_the_description_as_its_first_message(client, vendor, owner):
    """R-TKT-1 提交工单: type, subject, description; the author is the user's display name."""
    ticket = open_ticket(client, owner, subject="  银行账户变更  ", description="请协助变更。\n谢谢")
    data = ticket["data"]
    assert ticket["entity"] == "ticket" and ticket["version"] == 1
    assert data["state"] == "open" and data["type"] == "other"
    assert data["subject"] == "银行账户变更"  # trimmed
    me = login(client, vendor)["user"]["display_name"]
    assert data["created_by"] == me
    [first] = data["messages"]
    assert (first["author"], first["author_name"], first["body"]) == ("vendor", me, "请协助变更。\n谢谢")
    assert data["attachments"] == [] and data["last_urged_at"] is None and data["next_urge_at"] is None
    assert data["created_at"] == data["updated_at"] == first["at"]
    # It syncs, as the answer says.
    assert entity_now(client, owner, "ticket", ticket["id"])["data"] == data


def test_a_ticket_about_an_order_carries_its_number_and_unknown_ids_are_422(client, operator, vendor, owner):
    order = place_order(client, operator, vendor)
    ticket = open_ticket(client, owner, type="order", order_id=order["id"], listing_id=on_sale_listing(vendor))
    assert ticket["data"]["order_id"] == order["id"]
    assert ticket["data"]["order_number"] == order["data"]["number"]
    assert ticket["data"]["listing_id"] == on_sale_listing(vendor)
    body = {"type": "order", "subject": "x", "description": "y", "order_id": "no-such", "listing_id": "no-such"}
    fields = assert_error(send(client, "POST", "/tickets", owner, json=body), 422, "VALIDATION_FAILED")
    assert set(fields["details"]["fields"]) == {"order_id", "listing_id"}


def test_another_vendors_order_or_ticket_is_unknown(client, operator, seed, vendor, owner):
    other = seed(seed=2)
    other_order = place_order(client, operator, other)
    body = {"type": "order", "subject": "x", "description": "y", "order_id": other_order["id"]}
    assert_error(send(client, "POST", "/tickets", owner, json=body), 422, "VALIDATION_FAILED")
    theirs = open_ticket(client, bearer(login(client, other)))
    assert_error(send(client, "POST", f"/tickets/{theirs['id']}/cancel", owner, if_match=1), 404, "NOT_FOUND")
    r = client.get(f"{API}/tickets/{theirs['id']}/attachments/x", headers=owner)
    assert_error(r, 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("subject", "description"),
    [("", "ok"), ("   ", "ok"), ("x" * 101, "ok"), ("两行\n标题", "ok"), ("tab\there", "ok"), ("ok", ""),
     ("ok", "x" * 5001), ("ok", "bell\x07"), ("ok", "\u200b\u200b")],
)  # fmt: skip
def test_bad_subjects_and_descriptions_are_422_and_open_nothing(client, owner, subject, description):
    body = {"type": "account", "subject": subject, "description": description}
    err = assert_error(send(client, "POST", "/tickets", owner, json=body), 422, "VALIDATION_FAILED")
    assert set(err["details"]["fields"]) <= {"subject", "description"} and err["details"]["fields"]
    changes, _ = pull_all(client, owner)
    assert not [c for c in changes if c["entity"] == "ticket" and c["data"]["subject"] in {subject, "ok"}]


def test_limits_are_inclusive(client, owner):
    ticket = open_ticket(client, owner, subject="题" * 100, description="述" * 5000)
    assert len(ticket["data"]["subject"]) == 100
    r = send(client, "POST", f"/tickets/{ticket['id']}/messages", owner, json={"body": "复" * 5000}, if_match=1)
    assert r.status_code == 200, r.text


def test_unknown_type_is_422(client, owner):
    body = {"type": "complaint", "subject": "x", "description": "y"}
    err = assert_error(send(client, "POST", "/tickets", owner, json=body), 422, "VALIDATION_FAILED")
    assert "type" in err["details"]["fields"]


def test_the_conversation_goes_back_and_forth(client, operator, vendor, owner, clock):
    ticket = open_ticket(client, owner)
    tid = ticket["id"]
    clock.advance(dt.timedelta(hours=1))
    r = staff(client, operator, tid, "reply", body="请提供截图。")
    assert r.status_code == 200, r.text
    replied = r.json()
    assert replied["version"] == 2 and replied["data"]["state"] == "replied"
    staff_message = replied["data"]["messages"][-1]
    assert (staff_message["author"], staff_message["author_name"]) == ("marketplace", "云市场客服")
    assert replied["data"]["updated_at"] == staff_message["at"] > ticket["data"]["updated_at"]
    clock.advance(dt.timedelta(hours=1))
    owner = bearer(login(client, vendor))  # the access token of two hours ago has expired
    r = send(client, "POST", f"/tickets/{tid}/messages", owner, json={"body": "已上传。\n请查收"}, if_match=2)
    assert r.status_code == 200, r.text
    answered = r.json()
    assert answered["version"] == 3 and answered["data"]["state"] == "open"
    assert [m["author"] for m in answered["data"]["messages"]] == ["vendor", "marketplace", "vendor"]
    assert answered["data"]["updated_at"] == answered["data"]["messages"][-1]["at"]
    r = staff(client, operator, tid, "close")
    assert r.status_code == 200 and r.json()["data"]["state"] == "closed" and r.json()["data"]["closed_at"]
    # The vendor's app sees the latest.
    assert entity_now(client, owner, "ticket", tid)["version"] == 4


def test_what_each_state_allows(client, operator, owner):
    """can_reply/can_cancel: open or replied; can_urge: open only; 409 TICKET_STATE otherwise,
    naming the state, even with a stale If-Match."""
    replied = open_ticket(client, owner)
    staff(client, operator, replied["id"], "reply", body="答复")
    err = assert_error(send(client, "POST", f"/tickets/{replied['id']}/urge", owner, if_match=2), 409, "TICKET_STATE")
    assert err["details"]["state"] == "replied"
    for action in ("close", "cancel"):
        ticket = open_ticket(client, owner)
        if action == "close":
            staff(client, operator, ticket["id"], "close")
        else:
            assert send(client, "POST", f"/tickets/{ticket['id']}/cancel", owner, if_match=1).status_code == 200
        state = "closed" if action == "close" else "cancelled"
        for path, body in (("messages", {"body": "还在吗"}), ("urge", None), ("cancel", None)):
            r = send(client, "POST", f"/tickets/{ticket['id']}/{path}", owner, json=body, if_match=1)
            assert assert_error(r, 409, "TICKET_STATE")["details"]["state"] == state
        for path, body in (("reply", {"body": "x"}), ("close", {})):
            assert_error(staff(client, operator, ticket["id"], path, **body), 409, "TICKET_STATE")


def test_a_cancelled_ticket_records_when(client, owner):
    ticket = open_ticket(client, owner)
    r = send(client, "POST", f"/tickets/{ticket['id']}/cancel", owner, if_match=1)
    assert r.status_code == 200
    data = r.json()["data"]
    assert data["state"] == "cancelled" and data["closed_at"] == data["updated_at"]


def test_urging_is_once_per_rolling_24_hours(client, vendor, owner, clock):
    """R-TKT-1: a second urge 23:59:59 later is 409 URGE_TOO_SOON with when it will be allowed;
    exactly 24 hours later it goes through."""
    ticket = open_ticket(client, owner)
    tid = ticket["id"]
    r = send(client, "POST", f"/tickets/{tid}/urge", owner, if_match=1)
    assert r.status_code == 200, r.text
    first = r.json()["data"]
    urged_at = dt.datetime.fromisoformat(first["last_urged_at"])
    assert dt.datetime.fromisoformat(first["next_urge_at"]) == urged_at + dt.timedelta(hours=24)
    clock.advance(dt.timedelta(hours=24) - dt.timedelta(seconds=1))
    owner = bearer(login(client, vendor))  # the access token of a day ago has expired
    err = assert_error(send(client, "POST", f"/tickets/{tid}/urge", owner, if_match=2), 409, "URGE_TOO_SOON")
    assert dt.datetime.fromisoformat(err["details"]["next_allowed_at"]) == urged_at + dt.timedelta(hours=24)
    # Refused even with a stale version: the reason is the limit, not the version.
    assert_error(send(client, "POST", f"/tickets/{tid}/urge", owner, if_match=1), 409, "URGE_TOO_SOON")
    clock.advance(dt.timedelta(seconds=1))
    r = send(client, "POST", f"/tickets/{tid}/urge", owner, if_match=2)
    assert r.status_code == 200, r.text
    assert r.json()["data"]["last_urged_at"] == err["details"]["next_allowed_at"]


def test_urge_limit_is_per_ticket(client, owner):
    one, two = open_ticket(client, owner), open_ticket(client, owner)
    assert send(client, "POST", f"/tickets/{one['id']}/urge", owner, if_match=1).status_code == 200
    assert send(client, "POST", f"/tickets/{two['id']}/urge", owner, if_match=1).status_code == 200


def test_stale_and_missing_versions(client, owner):
    ticket = open_ticket(client, owner)
    tid = ticket["id"]
    assert_error(
        send(client, "POST", f"/tickets/{tid}/messages", owner, json={"body": "x"}), 428, "PRECONDITION_REQUIRED"
    )
    send(client, "POST", f"/tickets/{tid}/messages", owner, json={"body": "x"}, if_match=1)
    err = assert_error(send(client, "POST", f"/tickets/{tid}/cancel", owner, if_match=1), 412, "VERSION_CONFLICT")
    assert err["details"]["current"]["version"] == 2
    assert_error(send(client, "POST", f"/tickets/{tid}/cancel", owner, if_match="two"), 400, "MALFORMED_REQUEST")


def test_a_retried_open_replays_and_opens_one_ticket(client, owner):
    key = str(uuid.uuid4())
    body = {"type": "finance", "subject": "提现未到账", "description": "已超过 20 个工作日"}
    first = send(client, "POST", "/tickets", owner, json=body, key=key)
    again = send(client, "POST", "/tickets", owner, json=body, key=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers.get("Idempotent-Replayed") == "true"
    other = send(client, "POST", "/tickets", owner, json={**body, "subject": "另一个"}, key=key)
    assert_error(other, 422, "IDEMPOTENCY_KEY_REUSED")
    changes, _ = pull_all(client, owner)
    assert sum(c["entity"] == "ticket" and c["data"]["subject"] == "提现未到账" for c in changes) == 1


def test_a_retried_urge_replays_instead_of_being_too_soon(client, owner):
    ticket = open_ticket(client, owner)
    key = str(uuid.uuid4())
    first = send(client, "POST", f"/tickets/{ticket['id']}/urge", owner, key=key, if_match=1)
    again = send(client, "POST", f"/tickets/{ticket['id']}/urge", owner, key=key, if_match=1)
    assert first.status_code == again.status_code == 200 and again.json() == first.json()


@pytest.mark.parametrize("role", ROLES_THAT_WRITE)
def test_every_role_but_viewer_opens_and_works_tickets(client, vendor, role):
    headers = bearer(login(client, vendor, role))
    ticket = open_ticket(client, headers)
    for path, version in (("urge", 1), ("messages", 2), ("cancel", 3)):
        body = {"body": "补充"} if path == "messages" else None
        r = send(client, "POST", f"/tickets/{ticket['id']}/{path}", headers, json=body, if_match=version)
        assert r.status_code == 200, (path, r.text)


def test_viewer_may_not_touch_tickets_nor_receive_them(client, vendor, owner):
    viewer = bearer(login(client, vendor, "viewer"))
    ticket = open_ticket(client, owner)
    tid = ticket["id"]
    body = {"type": "other", "subject": "x", "description": "y"}
    assert_error(send(client, "POST", "/tickets", viewer, json=body), 403, "PERMISSION_DENIED")
    for path in ("messages", "urge", "cancel", "attachments"):
        r = send(client, "POST", f"/tickets/{tid}/{path}", viewer, json={"body": "x"}, if_match=1)
        assert_error(r, 403, "PERMISSION_DENIED")
    assert_error(client.get(f"{API}/tickets/{tid}/attachments/x", headers=viewer), 403, "PERMISSION_DENIED")
    changes, _ = pull_all(client, viewer)
    assert not [c for c in changes if c["entity"] == "ticket"]


def test_the_demo_vendor_has_a_ticket_in_each_state_the_same_for_the_same_seed(client, seed, vendor, owner):
    """Seeded: one the marketplace answered (待您回复), one open, one closed."""
    tickets = [c for c in pull_all(client, owner)[0] if c["entity"] == "ticket"]
    assert sorted(t["data"]["state"] for t in tickets) == ["closed", "open", "replied"]
    replied = next(t for t in tickets if t["data"]["state"] == "replied")
    assert replied["data"]["messages"][-1]["author"] == "marketplace"
    assert replied["version"] == len(replied["data"]["messages"])
    # The same seed, another day of the clock's start: same tickets for a new vendor id.
    again = seed(seed=1, account_id="9000000000000001")
    theirs = [c for c in pull_all(client, bearer(login(client, again)))[0] if c["entity"] == "ticket"]
    assert [t["data"]["subject"] for t in theirs] == [t["data"]["subject"] for t in tickets]
    # Seeded tickets answer commands like any other: the vendor replies to the one waiting for it.
    r = send(
        client,
        "POST",
        f"/tickets/{replied['id']}/messages",
        owner,
        json={"body": "已补充材料"},
        if_match=replied["version"],
    )
    assert r.status_code == 200 and r.json()["data"]["state"] == "open"
