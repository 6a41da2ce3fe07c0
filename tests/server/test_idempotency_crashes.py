"""Atomic idempotency (issue 9.4, API.md "Conventions"): a server that dies at any step of a
command, then comes back, answers the resend so the command is applied exactly once.

A crash is injected into the command's own transaction (found by the key it carries in
``session.info``) at each step: before its commit, after its commit but before the answer left,
and while the answer is stored. The "server" is then thrown away and a new one started on the same
database; the client resends the same request with the same key. Every command is covered, on
SQLite (a file, so it outlives the first server) and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from vendor_desktop.sandbox.core import idempotency
from vendor_desktop.sandbox.server import create_app

from .conftest import API, OPERATOR_TOKEN, START, bearer, entity_now, login, place_order, pull_all, send
from .listing_helpers import draft_body

DAY = dt.timedelta(days=1)


class Crash(BaseException):
    """The process dies here: not an Exception, so no handler of the server's runs for it."""


@dataclass
class Command:
    """One vendor command: how to send it, and how many times it has taken effect."""

    name: str
    prepare: Callable[[TestClient, dict[str, str], dict[str, Any]], dict[str, Any]]
    effects: Callable[[TestClient, dict[str, str], dict[str, Any]], int]


def _price_change(client, headers, vendor):
    order = place_order(client, {"Authorization": f"Bearer {OPERATOR_TOKEN}"}, vendor)
    body = {"new_price_fen": 4321, "reason": "老客户优惠"}
    return {
        "method": "POST",
        "path": f"/orders/{order['id']}/price-change",
        "json": body,
        "if_match": 1,
        "id": order["id"],
    }


def _version_bumps(entity: str) -> Callable[..., int]:
    def effects(client, headers, sent):
        now = entity_now(client, headers, entity, sent["id"])
        return now["version"] - sent.get("base", 1)

    return effects


def _mark_read(client, headers, vendor):
    changes, _ = pull_all(client, headers)
    message = next(c for c in changes if c["entity"] == "message" and not c["data"]["read"])
    return {
        "method": "POST",
        "path": f"/messages/{message['id']}/read",
        "id": message["id"],
        "base": message["version"],
    }


def _mark_all_read(client, headers, vendor):
    return {"method": "POST", "path": "/messages/read-all", "json": {"up_to": START.isoformat()}}


def _nothing_unread(client, headers, sent):
    """1 once every message up to the mark is read (marking again changes nothing)."""
    changes, _ = pull_all(client, headers)
    return int(all(c["data"]["read"] for c in changes if c["entity"] == "message"))


def _discount_body(vendor):
    return {
        "listing_id": f"lst-{vendor['account_id']}-0",
        "buyer_account_id": "5550001",
        "percent": 80,
        "valid_from": (START - DAY).isoformat(),
        "valid_until": (START + 30 * DAY).isoformat(),
    }


def _grant(client, headers, vendor):
    return {"method": "POST", "path": "/discounts", "json": _discount_body(vendor)}


def _discounts_of_the_buyer(client, headers, sent):
    changes, _ = pull_all(client, headers)
    return sum(1 for c in changes if c["entity"] == "discount" and c["data"]["buyer_account_id"] == "5550001")


def _revoke(client, headers, vendor):
    granted = send(client, "POST", "/discounts", headers, json=_discount_body(vendor)).json()
    return {"method": "DELETE", "path": f"/discounts/{granted['id']}", "if_match": 1, "id": granted["id"]}


def _create_listing(client, headers, vendor):
    return {"method": "POST", "path": "/listings", "json": draft_body(name="崩溃测试商品")}


def _listings_named(client, headers, sent):
    changes, _ = pull_all(client, headers)
    return sum(1 for c in changes if c["entity"] == "listing" and c["data"]["name"] == "崩溃测试商品")


def _listing_step(verb: str) -> Callable[..., dict[str, Any]]:
    def prepare(client, headers, vendor):
        draft = send(client, "POST", "/listings", headers, json=draft_body()).json()
        if verb == "delist":
            listing = f"lst-{vendor['account_id']}-0"  # seeded on sale, version 1
            return {"method": "POST", "path": f"/listings/{listing}/delist", "if_match": 1, "id": listing}
        if verb == "edit":
            body = {"summary": "修改后的简介"}
            return {
                "method": "PATCH",
                "path": f"/listings/{draft['id']}",
                "json": body,
                "if_match": 1,
                "id": draft["id"],
            }
        return {"method": "POST", "path": f"/listings/{draft['id']}/submit", "if_match": 1, "id": draft["id"]}

    return prepare


def _invoice_step(step: str) -> Callable[..., dict[str, Any]]:
    """A buyer's new invoice on a paid order (R-INV-1), brought to the state ``step`` needs."""

    def prepare(client, headers, vendor):
        operator = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
        order = place_order(client, operator, vendor)
        client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator).raise_for_status()
        invoice = client.post(f"{API}/sandbox/invoices", json={"order_id": order["id"]}, headers=operator).json()
        path, base = f"/invoices/{invoice['id']}", 1
        steps = [
            ("issue", {"invoice_number": "12345678"}),
            ("shipment", {"carrier": "顺丰", "tracking_number": "SF1234567890123", "postage": "vendor_paid"}),
            ("shipment-correction", {"carrier": "中通", "tracking_number": "75123456789012", "reason": "单号录错了"}),
        ]
        for name, body in steps:
            if name == step:
                return {"method": "POST", "path": f"{path}/{name}", "json": body, "if_match": base, "id": invoice["id"],
                        "base": base}  # fmt: skip
            send(client, "POST", f"{path}/{name}", headers, json=body, if_match=base).raise_for_status()
            base += 1
        raise ValueError(step)

    return prepare


def _support_user(client, headers):
    changes, _ = pull_all(client, headers)
    return next(c for c in changes if c["entity"] == "sub_account" and c["data"]["username"] == "support")


def _sub_account_step(step: str) -> Callable[..., dict[str, Any]]:
    """R-SUB-1: the owner's commands on the seeded support user (it never signs in here, so its
    version moves only by them)."""

    def prepare(client, headers, vendor):
        user = _support_user(client, headers)
        path = f"/sub-accounts/{user['id']}"
        sent = {"id": user["id"], "if_match": 1}
        if step == "change":
            return {**sent, "method": "PATCH", "path": path, "json": {"role": "finance", "can_export": True}}
        if step == "reset":
            return {**sent, "method": "POST", "path": f"{path}/reset-password"}
        return {**sent, "method": "DELETE", "path": path}

    return prepare


def _create_sub_account(client, headers, vendor):
    body = {"username": "crash.test", "display_name": "测试", "role": "viewer"}
    return {"method": "POST", "path": "/sub-accounts", "json": body}


def _sub_accounts_named(client, headers, sent):
    changes, _ = pull_all(client, headers)
    return sum(1 for c in changes if c["entity"] == "sub_account" and (c["data"] or {}).get("username") == "crash.test")


COMMANDS = [
    Command("price change", _price_change, _version_bumps("order")),
    Command("mark message read", _mark_read, _version_bumps("message")),
    Command("mark all messages read", _mark_all_read, _nothing_unread),
    Command("grant discount", _grant, _discounts_of_the_buyer),
    Command("revoke discount", _revoke, _version_bumps("discount")),
    Command("create listing", _create_listing, _listings_named),
    Command("edit listing", _listing_step("edit"), _version_bumps("listing")),
    Command("submit listing", _listing_step("submit"), _version_bumps("listing")),
    Command("delist listing", _listing_step("delist"), _version_bumps("listing")),
    Command("issue invoice", _invoice_step("issue"), _version_bumps("invoice")),
    Command("record invoice shipment", _invoice_step("shipment"), _version_bumps("invoice")),
    Command("correct invoice shipment", _invoice_step("shipment-correction"), _version_bumps("invoice")),
    Command("create sub-account", _create_sub_account, _sub_accounts_named),
    Command("change sub-account", _sub_account_step("change"), _version_bumps("sub_account")),
    Command("reset sub-account password", _sub_account_step("reset"), _version_bumps("sub_account")),
    Command("delete sub-account", _sub_account_step("delete"), _version_bumps("sub_account")),
]


@pytest.fixture
def durable_url(database_url: str, tmp_path) -> str:
    """The database outlives a server: an SQLite file instead of memory."""
    return f"sqlite:///{tmp_path / 'sandbox.sqlite3'}" if database_url == "sqlite://" else database_url


@pytest.fixture
def servers(durable_url: str, clock) -> Iterator[Callable[[], TestClient]]:
    """Start a server on the shared database; each call is a new server process, as after a crash."""
    started: list[tuple[Any, TestClient]] = []

    def start() -> TestClient:
        app = create_app(durable_url, clock=clock, operator_token=OPERATOR_TOKEN)
        client = TestClient(app)
        started.append((app, client))
        return client

    yield start
    for app, _ in started:
        app.state.db.dispose()


def _crash_in_command(app: Any, key: str, step: str) -> None:
    """Make the server die at ``step`` of the transaction of the command sent with ``key``."""
    sessions = app.state.db._sessions
    mine = lambda session: session.info.get("idempotency_key") == key  # noqa: E731

    if step == "before commit":

        @event.listens_for(sessions, "before_commit")
        def _before(session: Any) -> None:
            if mine(session):
                raise Crash(step)

    elif step == "after commit":

        @event.listens_for(sessions, "after_commit")
        def _after(session: Any) -> None:
            if mine(session):
                raise Crash(step)

    else:  # while the answer is stored: it is written in the command's transaction, at its flush
        original = idempotency.CommandTransaction.answer

        def answer(self: Any, payload: dict[str, Any], **more: Any) -> Any:
            if self.session.info.get("idempotency_key") == key:
                idempotency.CommandTransaction.answer = original  # type: ignore[method-assign]
                raise Crash(step)
            return original(self, payload, **more)

        idempotency.CommandTransaction.answer = answer  # type: ignore[method-assign]


def _send(client: TestClient, headers: dict[str, str], sent: dict[str, Any], key: str) -> Any:
    return send(
        client, sent["method"], sent["path"], headers, json=sent.get("json"), key=key, if_match=sent.get("if_match")
    )


STEPS = ["before commit", "after commit", "while storing the answer"]


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_a_resend_after_a_crash_applies_the_command_exactly_once(servers, command, step, monkeypatch):
    first = servers()
    operator = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
    vendor = first.post(f"{API}/sandbox/seed", json={"orders": 20, "listings": 12, "seed": 1}, headers=operator).json()
    tokens = login(first, vendor)
    sent = command.prepare(first, bearer(tokens), vendor)
    before = command.effects(first, bearer(tokens), sent) if "id" not in sent else 0
    key = str(uuid.uuid4())
    monkeypatch.setattr(idempotency.CommandTransaction, "answer", idempotency.CommandTransaction.answer)
    _crash_in_command(first.app, key, step)
    with pytest.raises(Crash):
        _send(first, bearer(tokens), sent, key)

    second = servers()  # the server came back; the client resends the same request, same key
    tokens = login(second, vendor)
    answer = _send(second, bearer(tokens), sent, key)
    assert answer.status_code in {200, 201}, answer.text
    assert answer.headers.get("Idempotent-Replayed") == ("true" if step == "after commit" else None)
    assert command.effects(second, bearer(tokens), sent) - before == 1
    # And again: the first answer, nothing more.
    again = _send(second, bearer(tokens), sent, key)
    # A generated password (R-SUB-1) is in the answer that ran the command only, never replayed.
    shown_once = {"initial_password"}
    assert "initial_password" not in again.json()
    assert again.json() == {k: v for k, v in answer.json().items() if k not in shown_once}
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert command.effects(second, bearer(tokens), sent) - before == 1


def test_a_failure_while_storing_the_answer_does_not_block_the_key(servers, monkeypatch):
    """The same server, still running: a retry runs the command afresh (once), not 409 forever."""
    client = servers()
    operator = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
    vendor = client.post(f"{API}/sandbox/seed", json={"orders": 5, "listings": 12, "seed": 1}, headers=operator).json()
    headers = bearer(login(client, vendor))
    sent = _price_change(client, headers, vendor)
    key = str(uuid.uuid4())
    original = idempotency.CommandTransaction.answer
    failures = []

    def failing(self: Any, payload: dict[str, Any], **more: Any) -> Any:
        if not failures:
            failures.append(payload)
            raise OSError("disk I/O error while storing the answer")
        return original(self, payload, **more)

    monkeypatch.setattr(idempotency.CommandTransaction, "answer", failing)
    with pytest.raises(OSError):
        _send(client, headers, sent, key)
    assert entity_now(client, headers, "order", sent["id"])["version"] == 1  # nothing applied
    retry = _send(client, headers, sent, key)
    assert retry.status_code == 200, retry.text
    assert retry.json()["version"] == 2 and retry.json()["data"]["amount_fen"] == 4321
