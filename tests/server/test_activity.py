"""The activity log (操作日志, issue 15 item 4; SPEC §11; API.md ``activity``, ``X-Client-Id``,
``X-Made-At``): every vendor command writes one entry — who, from which installation, when made
and when applied, the action, the entity, old → new values of what changed, and whether it was
applied or refused — the owner receives every user's entries and each other role its own."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from vendor_desktop.domain.activity import ACTIONS, is_classified, template_key

from .conftest import API, START, assert_error, bearer, entity_now, login, on_sale_listing, place_order, pull_all, send
from .invoice_helpers import issued_invoice, pending_invoice
from .listing_helpers import created, draft_body
from .money_helpers import earn, top_up
from .refund_helpers import asked

CLIENT = "3f2b8c1e-7d4a-4b6e-9a0f-1c2d3e4f5a6b"


def entries(client, headers) -> list[dict[str, Any]]:
    """The activity entries the caller receives from a full pull, oldest first."""
    changes, _ = pull_all(client, headers)
    found = [c["data"] | {"id": c["id"]} for c in changes if c["entity"] == "activity"]
    return sorted(found, key=lambda e: (e["applied_at"], e["id"]))


def new_entries(client, headers, before: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = {e["id"] for e in before}
    return [e for e in entries(client, headers) if e["id"] not in seen]


def command(client, method, path, headers, *, json=None, if_match=None, client_id=CLIENT, made_at=None, key=None):
    sent = dict(headers)
    if client_id is not None:
        sent["X-Client-Id"] = client_id
    if made_at is not None:
        sent["X-Made-At"] = made_at
    return send(client, method, path, sent, json=json, if_match=if_match, key=key)


# --- the catalogue: one applied command of each kind ----------------------------------------------


@dataclass
class Call:
    method: str
    path: str
    body: Any = None
    if_match: int | None = None
    entity_id: str | None = None  # None: the answer's id (a creation)
    before: dict[str, Any] | None = None  # expected subset of the entry's before (None: before is null)
    after: dict[str, Any] | None = None  # expected subset of after


@dataclass
class Ctx:
    client: Any
    operator: dict[str, str]
    vendor: dict[str, Any]
    owner: dict[str, str]

    def now(self, entity: str, entity_id: str) -> dict[str, Any]:
        found = entity_now(self.client, self.owner, entity, entity_id)
        assert found is not None
        return found


def _price(c: Ctx) -> Call:
    order = place_order(c.client, c.operator, c.vendor)
    amount = order["data"]["amount_fen"]
    return Call(
        "POST", f"/orders/{order['id']}/price-change", {"new_price_fen": 4200, "reason": "老客户"}, 1, order["id"],
        {"amount_fen": amount, "price_change_reason": None}, {"amount_fen": 4200, "price_change_reason": "老客户"},
    )  # fmt: skip


def _deliver(c: Ctx) -> Call:
    order = earn(c.client, c.operator, c.vendor, "custom_service", 9_000)
    body = {"note": "已开通"}
    path = f"/orders/{order['id']}/deliver"
    return Call("POST", path, body, order["version"], order["id"], {"state": "paid"}, {"state": "delivering"})


def _listing_create(c: Ctx) -> Call:
    return Call("POST", "/listings", draft_body(), None, None, None, {"name": "云端进销存", "state": "draft"})


def _listing_update(c: Ctx) -> Call:
    listing = created(c.client, c.owner)
    path = f"/listings/{listing['id']}"
    return Call("PATCH", path, {"name": "云端进销存 2"}, listing["version"], listing["id"],
                {"name": "云端进销存"}, {"name": "云端进销存 2"})  # fmt: skip


def _listing_submit(c: Ctx) -> Call:
    listing = created(c.client, c.owner)
    path = f"/listings/{listing['id']}/submit"
    return Call("POST", path, None, listing["version"], listing["id"], {"state": "draft"}, {"state": "in_review"})


def _discount_body(c: Ctx) -> dict[str, Any]:
    return {
        "listing_id": on_sale_listing(c.vendor),
        "buyer_account_id": "5550999",
        "percent": 80,
        "valid_from": "2026-11-27T00:00:00+08:00",
        "valid_until": "2026-12-27T00:00:00+08:00",
    }


def _discount_create(c: Ctx) -> Call:
    return Call(
        "POST", "/discounts", _discount_body(c), None, None, None, {"percent": 80, "buyer_account_id": "5550999"}
    )


def _discount_delete(c: Ctx) -> Call:
    r = send(c.client, "POST", "/discounts", c.owner, json=_discount_body(c))
    assert r.status_code == 201, r.text
    d = r.json()
    return Call("DELETE", f"/discounts/{d['id']}", None, d["version"], d["id"], {"revoked_at": None}, {})


def _invoice_issue(c: Ctx) -> Call:
    inv = pending_invoice(c.client, c.operator, c.vendor)
    path = f"/invoices/{inv['id']}/issue"
    before, after = {"state": "pending", "invoice_number": None}, {"state": "issued", "invoice_number": "12345678"}
    return Call("POST", path, {"invoice_number": "12345678"}, inv["version"], inv["id"], before, after)


def _invoice_ship(c: Ctx) -> Call:
    inv = issued_invoice(c.client, c.operator, c.vendor)
    body = {"carrier": "顺丰", "tracking_number": "SF1234567890123", "postage": "vendor_paid"}
    return Call("POST", f"/invoices/{inv['id']}/shipment", body, inv["version"], inv["id"],
                {"carrier": None}, {"carrier": "顺丰", "state": "shipped"})  # fmt: skip


def _refund_decide(c: Ctx) -> Call:
    order = earn(c.client, c.operator, c.vendor, "custom_service", 9_000)
    refund = asked(c.client, c.operator, order["id"])
    body = {"decision": "reject", "reason": "服务已交付"}
    return Call("POST", f"/refunds/{refund['id']}/decision", body, refund["version"], refund["id"],
                {"state": "requested"}, {"state": "rejected", "decision_reason": "服务已交付"})  # fmt: skip


def _deposit_pay(c: Ctx) -> Call:
    top_up(c.client, c.operator, c.vendor, 100_000)
    return Call("POST", "/deposit/payments", {"amount_fen": 50_000}, None, None, None, {"amount_fen": 50_000})


def _profile(c: Ctx) -> Call:
    current = c.now("vendor_profile", c.vendor["account_id"])
    body = {k: current["data"][k] for k in ("company_name", "contact_name", "contact_phone", "cs_phone", "cs_email")}
    body["cs_qq"] = "800012345"
    return Call("PUT", "/vendor/profile", body, current["version"], c.vendor["account_id"],
                {"cs_qq": current["data"]["cs_qq"]}, {"cs_qq": "800012345"})  # fmt: skip


def _ticket_body() -> dict[str, Any]:
    return {"type": "other", "subject": "发票抬头", "description": "请帮忙核对"}


def _ticket(c: Ctx) -> dict[str, Any]:
    r = send(c.client, "POST", "/tickets", c.owner, json=_ticket_body())
    assert r.status_code == 201, r.text
    return r.json()


def _ticket_open(c: Ctx) -> Call:
    return Call("POST", "/tickets", _ticket_body(), None, None, None, {"subject": "发票抬头", "state": "open"})


def _ticket_reply(c: Ctx) -> Call:
    t = _ticket(c)
    path = f"/tickets/{t['id']}/messages"
    return Call("POST", path, {"body": "补充：抬头有误"}, t["version"], t["id"], {"messages": []}, {})


def _ticket_urge(c: Ctx) -> Call:
    t = _ticket(c)
    return Call("POST", f"/tickets/{t['id']}/urge", None, t["version"], t["id"], {"last_urged_at": None}, {})


def _ticket_cancel(c: Ctx) -> Call:
    t = _ticket(c)
    path = f"/tickets/{t['id']}/cancel"
    return Call("POST", path, None, t["version"], t["id"], {"state": "open"}, {"state": "cancelled"})


APPLIED: dict[str, Callable[[Ctx], Call]] = {
    "order.change_price": _price,
    "order.deliver": _deliver,
    "listing.create": _listing_create,
    "listing.update": _listing_update,
    "listing.submit": _listing_submit,
    "discount.create": _discount_create,
    "discount.delete": _discount_delete,
    "invoice.issue": _invoice_issue,
    "invoice.ship": _invoice_ship,
    "refund.decide": _refund_decide,
    "deposit.pay": _deposit_pay,
    "profile.update": _profile,
    "ticket.open": _ticket_open,
    "ticket.reply": _ticket_reply,
    "ticket.urge": _ticket_urge,
    "ticket.cancel": _ticket_cancel,
}


@pytest.fixture
def ctx(client, operator, vendor) -> Ctx:
    return Ctx(client, operator, vendor, bearer(login(client, vendor)))


@pytest.mark.parametrize("action", sorted(APPLIED))
def test_an_applied_command_writes_one_entry_with_old_and_new_values(ctx, action):
    """Issue 15 item 4: who, role, which computer, when, the action, the entity, before → after."""
    call = APPLIED[action](ctx)
    seen = entries(ctx.client, ctx.owner)
    r = command(ctx.client, call.method, call.path, ctx.owner, json=call.body, if_match=call.if_match)
    assert r.status_code in {200, 201}, r.text
    (entry,) = new_entries(ctx.client, ctx.owner, seen)
    applied_at = dt.datetime.fromisoformat(entry["applied_at"])
    assert applied_at == START  # the sandbox clock
    assert entry["made_at"] == entry["applied_at"]  # no X-Made-At: made when applied
    assert (entry["action"], entry["outcome"], entry["code"], entry["status"]) == (action, "applied", None, None)
    assert entry["entity"] == ACTIONS_BY_ID[action].entity == r.json()["entity"]
    assert entry["entity_id"] == (call.entity_id or r.json()["id"]) == r.json()["id"]
    assert (entry["username"], entry["role"], entry["client_id"]) == ("owner", "owner", CLIENT)
    assert entry["actor"] and entry["user_id"]
    if call.before is None:
        assert entry["before"] is None  # a creation: everything is new
        assert call.after is not None and call.after.items() <= entry["after"].items()
        assert set(entry["after"]) == set(r.json()["data"])
    else:
        assert call.before.items() <= entry["before"].items(), entry["before"]
        assert call.after is not None and call.after.items() <= entry["after"].items(), entry["after"]
        # Only what changed: each field listed differs, and nothing unchanged is listed.
        assert set(entry["before"]) == set(entry["after"]) and entry["before"] != entry["after"]
        assert "version" not in entry["after"]


ACTIONS_BY_ID = {a.id: a for a in ACTIONS.values()}


def test_a_reply_records_only_the_message_it_added_not_the_whole_conversation(ctx):
    call = _ticket_reply(ctx)
    seen = entries(ctx.client, ctx.owner)
    assert command(ctx.client, "POST", call.path, ctx.owner, json=call.body, if_match=call.if_match).status_code == 200
    (entry,) = new_entries(ctx.client, ctx.owner, seen)
    assert entry["before"]["messages"] == []
    assert [m["body"] for m in entry["after"]["messages"]] == ["补充：抬头有误"]


# --- refused commands -------------------------------------------------------------------------


def _refused_price(c: Ctx) -> tuple[Call, int, str]:
    paid = earn(c.client, c.operator, c.vendor, "saas", 5_000)
    body = {"new_price_fen": 100, "reason": "晚了"}
    return (
        Call("POST", f"/orders/{paid['id']}/price-change", body, paid["version"], paid["id"]),
        409,
        "ORDER_NOT_UNPAID",
    )


def _refused_listing(c: Ctx) -> tuple[Call, int, str]:
    return Call("POST", "/listings", draft_body(name="")), 422, "VALIDATION_FAILED"


def _refused_discount(c: Ctx) -> tuple[Call, int, str]:
    return Call("POST", "/discounts", _discount_body(c) | {"percent": 101}), 422, "VALIDATION_FAILED"


def _refused_deposit(c: Ctx) -> tuple[Call, int, str]:
    return Call("POST", "/deposit/payments", {"amount_fen": 10**9}), 422, "DEPOSIT_ABOVE_MAXIMUM"


def _refused_exit(c: Ctx) -> tuple[Call, int, str]:
    return Call("POST", "/vendor/exit", None, None, c.vendor["account_id"]), 409, "EXIT_BLOCKED"


def _refused_invoice(c: Ctx) -> tuple[Call, int, str]:
    inv = pending_invoice(c.client, c.operator, c.vendor)
    return (
        Call("POST", f"/invoices/{inv['id']}/issue", {"invoice_number": "123"}, 1, inv["id"]),
        422,
        "VALIDATION_FAILED",
    )


def _refused_version(c: Ctx) -> tuple[Call, int, str]:
    t = _ticket(c)
    return Call("POST", f"/tickets/{t['id']}/cancel", None, 7, t["id"]), 412, "VERSION_CONFLICT"


REFUSED = {
    "order.change_price": _refused_price,
    "listing.create": _refused_listing,
    "discount.create": _refused_discount,
    "deposit.pay": _refused_deposit,
    "vendor.exit": _refused_exit,
    "invoice.issue": _refused_invoice,
    "ticket.cancel": _refused_version,
}


@pytest.mark.parametrize("action", sorted(REFUSED))
def test_a_refused_command_writes_one_refused_entry_with_its_code_and_changes_nothing(ctx, action):
    call, status, code = REFUSED[action](ctx)
    seen = entries(ctx.client, ctx.owner)
    changes_before, _ = pull_all(ctx.client, ctx.owner)
    r = command(ctx.client, call.method, call.path, ctx.owner, json=call.body, if_match=call.if_match)
    assert_error(r, status, code)
    (entry,) = new_entries(ctx.client, ctx.owner, seen)
    assert (entry["action"], entry["outcome"], entry["code"], entry["status"]) == (action, "refused", code, status)
    assert entry["entity_id"] == call.entity_id  # null for a creation that never was
    assert entry["before"] is None and entry["after"] is None
    changes_after, _ = pull_all(ctx.client, ctx.owner)
    assert [c for c in changes_after if c["entity"] != "activity"] == [
        c for c in changes_before if c["entity"] != "activity"
    ]


_DUMMY = {"{}": "no-such"}


@pytest.mark.parametrize("route", sorted(k for k in ACTIONS if not k[1].startswith("/sub-accounts")))
def test_a_role_that_may_not_is_refused_and_the_refusal_is_logged_under_its_action(client, vendor, route):
    """SPEC §11: the viewer may change nothing; each command kind's 403 is in the viewer's own log."""
    method, template = route
    path = template_key(method, template)[1].replace("{}", "no-such")
    viewer = bearer(login(client, vendor, "viewer"))
    seen = entries(client, viewer)
    r = command(client, method, path, viewer, json={}, if_match=1)
    assert_error(r, 403, "PERMISSION_DENIED")
    (entry,) = new_entries(client, viewer, seen)
    action = ACTIONS[route]
    assert (entry["action"], entry["entity"], entry["outcome"]) == (action.id, action.entity, "refused")
    assert (entry["code"], entry["status"], entry["role"], entry["username"]) == (
        "PERMISSION_DENIED",
        403,
        "viewer",
        "viewer",
    )


# --- made offline, replays, bad headers ---------------------------------------------------------


def test_a_change_made_offline_keeps_when_it_was_made(ctx):
    call = _price(ctx)
    made = (START - dt.timedelta(days=2)).astimezone(dt.timezone(dt.timedelta(hours=8)))
    seen = entries(ctx.client, ctx.owner)
    r = command(ctx.client, "POST", call.path, ctx.owner, json=call.body, if_match=1, made_at=made.isoformat())
    assert r.status_code == 200, r.text
    (entry,) = new_entries(ctx.client, ctx.owner, seen)
    assert dt.datetime.fromisoformat(entry["made_at"]) == made
    assert dt.datetime.fromisoformat(entry["applied_at"]) == START
    # "Z" and other offsets are moments too.
    call = _price(ctx)
    r = command(ctx.client, "POST", call.path, ctx.owner, json=call.body, if_match=1, made_at="2026-11-24T01:30:00Z")
    assert r.status_code == 200, r.text
    (entry,) = [e for e in entries(ctx.client, ctx.owner) if e["entity_id"] == call.entity_id]
    assert entry["made_at"] == "2026-11-24T01:30:00+00:00"


def test_a_replay_writes_no_second_entry(ctx):
    for call in (_price(ctx), _refused_deposit(ctx)[0]):
        seen = entries(ctx.client, ctx.owner)
        key = uuid.uuid4().hex
        first = command(ctx.client, call.method, call.path, ctx.owner, json=call.body, if_match=call.if_match, key=key)
        again = command(ctx.client, call.method, call.path, ctx.owner, json=call.body, if_match=call.if_match, key=key)
        assert again.headers.get("Idempotent-Replayed") == "true" and again.status_code == first.status_code
        assert len(new_entries(ctx.client, ctx.owner, seen)) == 1


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Client-Id", "not-a-uuid"),
        ("X-Client-Id", "3f2b8c1e7d4a4b6e9a0f1c2d3e4f5a6b0"),
        ("X-Client-Id", "x" * 5000),
        ("X-Made-At", "2026-11-24T09:30:00"),  # no offset
        ("X-Made-At", "yesterday"),
        ("X-Made-At", "2026-11-24"),
        ("X-Made-At", "9999-12-31T23:59:59+14:00"),
        ("X-Made-At", "2026-13-40T09:30:00+08:00"),
        ("X-Made-At", "2" * 5000),
    ],
)
def test_a_malformed_header_is_400_and_nothing_changes_or_is_logged(ctx, header, value):
    order = place_order(ctx.client, ctx.operator, ctx.vendor)
    seen = entries(ctx.client, ctx.owner)
    headers = {**ctx.owner, header: value}
    body = {"new_price_fen": 4200, "reason": "x"}
    key = uuid.uuid4().hex
    r = send(ctx.client, "POST", f"/orders/{order['id']}/price-change", headers, json=body, if_match=1, key=key)
    assert assert_error(r, 400, "MALFORMED_REQUEST")["details"] == {"header": header}
    assert new_entries(ctx.client, ctx.owner, seen) == []
    assert ctx.now("order", order["id"])["version"] == 1
    # The key was not used up: the corrected request runs.
    r = send(ctx.client, "POST", f"/orders/{order['id']}/price-change", ctx.owner, json=body, if_match=1, key=key)
    assert r.status_code == 200, r.text


def test_unauthenticated_and_message_reads_write_no_entry(ctx):
    seen = entries(ctx.client, ctx.owner)
    order = place_order(ctx.client, ctx.operator, ctx.vendor)
    body = {"new_price_fen": 4200, "reason": "x"}
    r = send(ctx.client, "POST", f"/orders/{order['id']}/price-change", {"Authorization": "Bearer nope"}, json=body)
    assert r.status_code == 401
    r = send(ctx.client, "POST", "/messages/read-all", ctx.owner, json={"up_to": "2026-11-26T10:00:00+08:00"})
    assert r.status_code == 200, r.text
    assert new_entries(ctx.client, ctx.owner, seen) == []


# --- who sees what (SPEC §11) ------------------------------------------------------------------


def test_the_owner_receives_every_users_entries_and_each_other_role_only_its_own(client, operator, vendor):
    roles = ("owner", "operations", "finance", "support", "viewer")
    headers = {role: bearer(login(client, vendor, role)) for role in roles}
    for role in roles:  # one command each (refused or not, it is theirs)
        r = command(client, "POST", "/tickets", headers[role], json=_ticket_body())
        assert r.status_code in {201, 403}, r.text
    everyone = entries(client, headers["owner"])
    assert {e["username"] for e in everyone} == set(roles)
    for role in roles[1:]:
        own = entries(client, headers[role])
        assert {e["username"] for e in own} == {role}
        assert [e["id"] for e in own] == [e["id"] for e in everyone if e["username"] == role]


# --- retention and bounds ----------------------------------------------------------------------


def test_entries_are_kept_180_days_then_purged_with_their_change_log_rows(client, operator, vendor, clock):
    owner = bearer(login(client, vendor))
    call = _refused_deposit(Ctx(client, operator, vendor, owner))[0]
    assert command(client, "POST", call.path, owner, json=call.body).status_code == 422
    (old,) = entries(client, owner)
    clock.set(START + dt.timedelta(days=180))  # exactly 180 days later: still kept
    owner = bearer(login(client, vendor))
    assert command(client, "POST", call.path, owner, json=call.body).status_code == 422
    assert entries(client, owner)[0]["id"] == old["id"]
    clock.set(START + dt.timedelta(days=180, seconds=1))
    owner = bearer(login(client, vendor))
    assert command(client, "POST", call.path, owner, json=call.body).status_code == 422
    kept = entries(client, owner)
    assert old["id"] not in {e["id"] for e in kept} and len(kept) == 2
    changes, _ = pull_all(client, owner)
    assert not [c for c in changes if c["id"] == old["id"]]  # no tombstone either


def test_a_vendor_keeps_at_most_its_cap_of_entries(client, operator, vendor, monkeypatch):
    from vendor_desktop.sandbox.activity import recording

    monkeypatch.setattr(recording, "MAX_ENTRIES_PER_VENDOR", 3)
    owner = bearer(login(client, vendor))
    for _ in range(5):
        assert command(client, "POST", "/deposit/payments", owner, json={"amount_fen": 10**9}).status_code == 422
    assert len(entries(client, owner)) == 3


# --- secrets ------------------------------------------------------------------------------------


def test_no_entry_holds_a_whole_bank_account_number_or_a_password(client, seed):
    from .money_helpers import money_vendor

    vendor = money_vendor(seed, seed=64, agreements=["access"])
    owner = bearer(login(client, vendor))
    current = entity_now(client, owner, "bank_account", vendor["account_id"])
    body = {
        "holder": "杭州云帆科技有限公司",
        "bank": "招商银行",
        "branch": "杭州高新支行",
        "account_number": "6214 8301 2345 6789",
    }
    r = command(client, "PUT", "/vendor/bank-account", owner, json=body, if_match=current["version"])
    assert r.status_code == 200 and r.json()["data"]["account_number"] == "6214830123456789"  # the owner sees it
    (entry,) = [e for e in entries(client, owner) if e["action"] == "bank_account.update"]
    assert entry["outcome"] == "applied" and entry["after"]["bank"] == "招商银行"
    text = json.dumps(entries(client, owner), ensure_ascii=False)
    assert "6214830123456789" not in text and "6789" in entry["after"]["account_number"]
    for user in vendor["users"]:
        assert user["password"] not in text
    assert "password" not in text


# --- every command is in the catalogue ------------------------------------------------------------


def test_every_command_route_of_the_served_openapi_has_an_action(client):
    """A new command cannot skip the log: each route with an Idempotency-Key has an action (or is
    marking messages read), and documents X-Client-Id and X-Made-At."""
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    commands = 0
    for path, ops in paths.items():
        for method, op in ops.items():
            headers = {p["name"] for p in op.get("parameters", []) if p["in"] == "header"}
            if "Idempotency-Key" not in headers:
                continue
            commands += 1
            assert is_classified(method, path.removeprefix(API)), (method, path)
            assert {"X-Client-Id", "X-Made-At"} <= headers, (method, path)
    assert commands >= 24
