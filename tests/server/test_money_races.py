"""Races on one vendor's money (DESIGN.md: money moves lock the vendor's money row, then check,
then write): withdrawals sent at once never take more than was withdrawable (R-WDR-5), deposit
payments at once never overdraw the balance (R-DEP-5), and a payment racing a withdrawal leaves
books that add up — never a 500.

Over real HTTP (uvicorn's worker threads), so requests really overlap; on PostgreSQL, where
nothing serialises them but the server's own locks, too.
"""

from __future__ import annotations

import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from vendor_desktop.sandbox.embedded import EmbeddedSandbox

from .money_helpers import MARKET_INDEX, assert_books_balance
from .test_races import OPERATOR, _url

ATTEMPTS = 8


def _vendor(sandbox: EmbeddedSandbox, **seed: Any) -> tuple[dict[str, Any], dict[str, str]]:
    body = {"orders": 0, "listings": 10, "seed": 80, **seed}
    vendor = requests.post(_url(sandbox, "/sandbox/seed"), json=body, headers=OPERATOR, timeout=60).json()
    password = next(u["password"] for u in vendor["users"] if u["role"] == "owner")
    login = {"account_id": vendor["account_id"], "username": "owner", "password": password}
    token = requests.post(_url(sandbox, "/auth/login"), json=login, timeout=60).json()["access_token"]
    return vendor, {"Authorization": f"Bearer {token}"}


def _command(sandbox: EmbeddedSandbox, owner: dict[str, str], method: str, path: str, **kw: Any) -> requests.Response:
    headers = {**owner, "Idempotency-Key": str(uuid.uuid4())} | kw.pop("headers", {})
    return requests.request(method, _url(sandbox, path), headers=headers, timeout=60, **kw)


def _earn(sandbox: EmbeddedSandbox, vendor: dict[str, Any], owner: dict[str, str], market: str, amount: int) -> None:
    listing = f"lst-{vendor['account_id']}-{MARKET_INDEX[market]}"
    body = {"account_id": vendor["account_id"], "listing_id": listing, "buyer_account_id": "5550001"}
    order = requests.post(_url(sandbox, "/sandbox/orders"), json=body, headers=OPERATOR, timeout=60).json()
    changed = _command(
        sandbox, owner, "POST", f"/orders/{order['id']}/price-change",
        json={"new_price_fen": amount, "reason": "测试"}, headers={"If-Match": "1"},
    )  # fmt: skip
    assert changed.status_code == 200, changed.text
    requests.post(_url(sandbox, f"/sandbox/orders/{order['id']}/pay"), headers=OPERATOR, timeout=60).raise_for_status()


def _money(sandbox: EmbeddedSandbox, owner: dict[str, str]) -> dict[str, Any]:
    changes: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 2000} | ({"cursor": cursor} if cursor else {})
        page = requests.get(_url(sandbox, "/sync/changes"), params=params, headers=owner, timeout=60).json()
        changes += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    of = lambda kind: [c for c in changes if c["entity"] == kind]  # noqa: E731
    return {
        "deposit": of("deposit")[0]["data"],
        "earnings": {c["data"]["market"]: c["data"] for c in of("earning")},
        "withdrawals": [c["data"] for c in of("withdrawal")],
        "ledger": [c["data"] for c in sorted(of("ledger_entry"), key=lambda c: int(c["id"].rsplit("-", 1)[1]))],
    }


def _outcomes(answers: list[requests.Response]) -> Counter[str]:
    assert all(r.status_code < 500 for r in answers), [r.text for r in answers]
    return Counter("ok" if r.status_code == 201 else r.json()["error"]["code"] for r in answers)


def test_withdrawals_at_once_never_take_more_than_was_withdrawable(sandbox):
    """R-WDR-5: ¥100.00 withdrawable, eight withdrawals of ¥30.00 at once: three are made."""
    vendor, owner = _vendor(sandbox, deposit_paid_fen=100_000)
    _earn(sandbox, vendor, owner, "image", 10_000)
    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        answers = list(
            pool.map(
                lambda _: _command(sandbox, owner, "POST", "/withdrawals", json={"amount_fen": 3_000}), range(ATTEMPTS)
            )
        )
    assert _outcomes(answers) == {"ok": 3, "AMOUNT_EXCEEDS_WITHDRAWABLE": ATTEMPTS - 3}
    money = _money(sandbox, owner)
    assert money["earnings"]["image"]["withdrawable_fen"] == 1_000 and len(money["withdrawals"]) == 3
    assert_books_balance(money)


def test_deposit_payments_at_once_never_overdraw_the_balance(sandbox):
    """R-DEP-5: ¥3,000.00 in the balance, eight payments of ¥1,000.00 at once: three go through."""
    _, owner = _vendor(sandbox, balance_fen=300_000)
    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        answers = list(
            pool.map(
                lambda _: _command(sandbox, owner, "POST", "/deposit/payments", json={"amount_fen": 100_000}),
                range(ATTEMPTS),
            )
        )
    assert _outcomes(answers) == {"ok": 3, "INSUFFICIENT_BALANCE": ATTEMPTS - 3}
    receipts = {r.json()["data"]["receipt_number"] for r in answers if r.status_code == 201}
    assert len(receipts) == 3  # R-DEP-6: unique even when paid at once
    money = _money(sandbox, owner)
    assert (money["deposit"]["balance_fen"], money["deposit"]["paid_fen"]) == (0, 300_000)
    assert_books_balance(money)


def test_a_payment_racing_a_withdrawal_leaves_books_that_add_up(sandbox):
    """The payment raises the tier to 2, which releases the api market's money (R-WDR-2): the
    withdrawal of it is made if it came second, refused DEPOSIT_NOT_COVERED if it came first;
    either way once, and the books balance."""
    for n in range(4):
        vendor, owner = _vendor(sandbox, seed=90 + n, balance_fen=100_000, deposit_paid_fen=100_000)
        _earn(sandbox, vendor, owner, "api", 2_000)
        with ThreadPoolExecutor(max_workers=2) as pool:
            paid = pool.submit(_command, sandbox, owner, "POST", "/deposit/payments", json={"amount_fen": 100_000})
            drawn = pool.submit(_command, sandbox, owner, "POST", "/withdrawals", json={"amount_fen": 2_000})
            payment, withdrawal = paid.result(), drawn.result()
        assert payment.status_code == 201, payment.text
        assert _outcomes([withdrawal]) in ({"ok": 1}, {"DEPOSIT_NOT_COVERED": 1})
        money = _money(sandbox, owner)
        assert money["earnings"]["api"]["withdrawable_fen"] == (0 if withdrawal.status_code == 201 else 2_000)
        assert money["deposit"]["balance_fen"] == 0 and money["deposit"]["tier"] == 2
        assert_books_balance(money)
