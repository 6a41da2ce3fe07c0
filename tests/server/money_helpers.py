"""Shared steps of the money tests (SPEC §7–§9): a vendor with exact money, earnings in a chosen
market, the vendor's money commands, the marketplace's controls, and the books' invariants.

A vendor for money tests is seeded without orders (its money is then only what a test makes),
with seeded listings 0–9 on sale, one per market in SPEC §1 order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from vendor_desktop.domain.earnings import LedgerBook, ledger_book
from vendor_desktop.domain.markets import MARKETS

from .conftest import API, bearer, login, pull_all, send
from .invoice_helpers import paid_order

MARKET_INDEX = {m: i for i, m in enumerate(MARKETS)}


def money_vendor(make: Any, **body: Any) -> dict[str, Any]:
    """A vendor with no orders yet (so no earnings), both agreements by default, a bank account."""
    body.setdefault("orders", 0)
    body.setdefault("listings", 10)
    return make(**body)


def earn(
    client: TestClient, operator: dict[str, str], vendor: dict[str, Any], market: str, amount_fen: int
) -> dict[str, Any]:
    """A paid order of ``amount_fen`` for the vendor's listing in ``market`` (R-WDR-1: earned there)."""
    listing = f"lst-{vendor['account_id']}-{MARKET_INDEX[market]}"
    return paid_order(client, operator, vendor, amount_fen, listing=listing)


def complete(client: TestClient, operator: dict[str, str], order_id: str) -> dict[str, Any]:
    r = client.post(f"{API}/sandbox/orders/{order_id}/complete", headers=operator)
    assert r.status_code == 200, r.text
    return r.json()


def pay_deposit(client: TestClient, headers: dict[str, str], amount_fen: Any, **kw: Any) -> Any:
    return send(client, "POST", "/deposit/payments", headers, json={"amount_fen": amount_fen}, **kw)


def withdraw(client: TestClient, headers: dict[str, str], amount_fen: Any, **kw: Any) -> Any:
    return send(client, "POST", "/withdrawals", headers, json={"amount_fen": amount_fen}, **kw)


def top_up(client: TestClient, operator: dict[str, str], vendor: dict[str, Any], amount_fen: int) -> dict[str, Any]:
    body = {"account_id": vendor["account_id"], "amount_fen": amount_fen}
    r = client.post(f"{API}/sandbox/balance/top-up", json=body, headers=operator)
    assert r.status_code == 200, r.text
    return r.json()


def sign(client: TestClient, operator: dict[str, str], vendor: dict[str, Any], kind: str) -> Any:
    return client.post(
        f"{API}/sandbox/agreements/{kind}/sign", json={"account_id": vendor["account_id"]}, headers=operator
    )


def settle(
    client: TestClient, operator: dict[str, str], withdrawal_id: str, paid: bool, reason: str | None = None
) -> Any:
    body: dict[str, Any] = {"paid": paid} | ({"reason": reason} if reason else {})
    return client.post(f"{API}/sandbox/withdrawals/{withdrawal_id}/settle", json=body, headers=operator)


def set_clock(client: TestClient, operator: dict[str, str], moment: dt.datetime) -> None:
    r = client.post(f"{API}/sandbox/clock", json={"now": moment.isoformat()}, headers=operator)
    assert r.status_code == 200, r.text


def money_of(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    """What a full pull shows of the money: ``deposit`` (data), ``earnings`` (market → data),
    ``withdrawals``, ``payments``, ``ledger`` (in the order written), ``bank_account`` (data or None)."""
    changes, _ = pull_all(client, headers)
    of = lambda kind: [c for c in changes if c["entity"] == kind]  # noqa: E731
    deposit = of("deposit")
    bank = of("bank_account")
    return {
        "deposit": deposit[0]["data"] if deposit else None,
        "earnings": {c["data"]["market"]: c["data"] for c in of("earning")},
        "withdrawals": {c["id"]: c["data"] for c in of("withdrawal")},
        "payments": [c["data"] for c in of("deposit_payment")],
        "ledger": [c["data"] for c in sorted(of("ledger_entry"), key=lambda c: int(c["id"].rsplit("-", 1)[1]))],
        "agreements": {c["data"]["kind"]: c["data"] for c in of("agreement")},
        "bank_account": bank[0]["data"] if bank else None,
        "refunded": _refunded(of("order") or of("refund")),
    }


def _refunded(changes: list[dict[str, Any]]) -> dict[str, int]:
    """Market → what refunds gave back (SPEC §5): from the orders when the caller reads them, else
    from the refunds (finance)."""
    found: dict[str, int] = {}
    for c in changes:
        found[c["data"]["market"]] = found.get(c["data"]["market"], 0) + c["data"]["refunded_fen"]
    return found


def assert_books_balance(money: dict[str, Any]) -> None:
    """The ledger explains every amount: the balance and each market's withdrawable are the sums
    of their books' entries, and each entry's ``balance_after_fen`` is its book's running total."""
    running: dict[str | None, int] = {}
    for entry in money["ledger"]:
        book = None if ledger_book(entry["kind"]) is LedgerBook.BALANCE else entry["market"]
        running[book] = running.get(book, 0) + entry["amount_fen"]
        assert entry["balance_after_fen"] == running[book], entry
    assert money["deposit"]["balance_fen"] == running.get(None, 0)
    for market, earning in money["earnings"].items():
        assert earning["withdrawable_fen"] == running.get(market, 0), market
        assert earning["withdrawable_fen"] >= 0 and earning["pending_fen"] >= 0
        parts = ("pending_fen", "withdrawable_fen", "in_flight_fen", "paid_out_fen")
        # R-WDR-1 with refunds (money/rules.py refund_order): earned − refunded = pending +
        # withdrawable + in_flight + paid_out − owed; money owed (待扣回) is never withdrawable too.
        refunded = money.get("refunded", {}).get(market, 0)
        assert sum(earning[p] for p in parts) - earning["owed_fen"] == earning["earned_fen"] - refunded, market
        assert earning["owed_fen"] >= 0 and (earning["owed_fen"] == 0 or earning["withdrawable_fen"] == 0), market
    paid = sum(-e["amount_fen"] for e in money["ledger"] if e["kind"] == "deposit_payment")
    assert money["deposit"]["paid_fen"] == paid


def owner_of(client: TestClient, vendor: dict[str, Any], role: str = "owner") -> dict[str, str]:
    return bearer(login(client, vendor, role))
